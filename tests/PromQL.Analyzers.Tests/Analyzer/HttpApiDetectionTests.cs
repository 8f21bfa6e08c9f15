using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A string sent as the <c>query</c> parameter of a Prometheus HTTP API URL built in C# is PromQL (marked: PROMQL100
    /// applies): after <c>query=</c> in an interpolated string, a concatenation, a <c>string.Format</c> argument or a
    /// <c>StringBuilder.Append</c> chain, directly or through the BCL's URL encoders. URLs of other services are not.
    /// </summary>
    public class HttpApiDetectionTests
    {
        private static string InMethod(string statements) => """
            using System;
            using System.Net;
            using System.Text;
            using System.Text.Encodings.Web;
            using System.Web;

            class C
            {
                void M(string b, string ns, string pod, DateTime start)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task InterpolatedUrlWithEscapeDataString_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var url = $"{b}/api/v1/query?query={Uri.EscapeDataString("rate({|PROMQL100:up|})")}";
                """));

        [Fact]
        public Task InterpolatedUrlEveryEncoder_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var a = $"{b}/api/v1/query?query={WebUtility.UrlEncode("rate({|PROMQL100:up|})")}";
                var c = $"{b}/api/v1/query?query={HttpUtility.UrlEncode("rate({|PROMQL100:up|})")}";
                var d = $"{b}/api/v1/query?query={UrlEncoder.Default.Encode("rate({|PROMQL100:up|})")}";
                var e = $"{b}/api/v1/query?query={"rate({|PROMQL100:up|})"}";
                """));

        [Fact]
        public Task QueryRangeWithOtherParameters_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var url = $"{b}/api/v1/query_range?start={start:O}&end={start:O}&step=30s&query={Uri.EscapeDataString($"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='{ns}',pod='{pod}'}}|})|}")}";
                """));

        [Fact]
        public Task PrometheusContainerRuleThroughUrl_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var url = b + "/api/v1/query?query=" + Uri.EscapeDataString(@"sum by (pod) ({|PROMQL001:container_memory_working_set_bytes{namespace=""n""}|})");
                """));

        [Fact]
        public Task ApiserverProxyPath_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var url = $"{b}/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy/api/v1/query?query={Uri.EscapeDataString("""rate({|PROMQL100:up|})""")}";
                """"));

        [Fact]
        public Task PrefixedPathAndExemplars_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var a = "http://mimir/prometheus/api/v1/query?query=" + Uri.EscapeDataString("rate({|PROMQL100:up|})");
                var c = "http://prom:9090/api/v1/query_exemplars?start=1&query=" + Uri.EscapeDataString("rate({|PROMQL100:up|})");
                """));

        [Fact]
        public Task PathRelativeToBaseAddress_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var a = "api/v1/query?query=" + Uri.EscapeDataString("rate({|PROMQL100:up|})");
                var c = $"{b}api/v1/query_range?step=30s&query={Uri.EscapeDataString(@"rate({|PROMQL100:up|})")}";
                """));

        [Fact]
        public Task StringFormatArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var url = string.Format("{0}/api/v1/query?time={1}&query={2}", b, start, Uri.EscapeDataString("rate({|PROMQL100:up|})"));
                var other = String.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}/api/v1/query?query={1}", b, "rate({|PROMQL100:up|})");
                """));

        [Fact]
        public Task StringBuilderAppendChain_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var url = new StringBuilder(b).Append("/api/v1/query").Append("?query=").Append(Uri.EscapeDataString("rate({|PROMQL100:up|})")).ToString();
                """));

        [Fact]
        public Task LocalPassedIntoUrl_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var q = $"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace=\"{ns}\",pod=\"{pod}\"}}|})|}";
                var url = $"{b}/api/v1/query?query={Uri.EscapeDataString(q)}";
                """));

        [Fact]
        public Task InvalidQueryInLocalPassedIntoUrl_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var q = "sum(rate({|PROMQL100:up|}))";
                var url = b + "/api/v1/query_range?query=" + WebUtility.UrlEncode(q) + "&step=30s";
                """));

        [Theory]
        // Loki serves the same paths under /loki, for LogQL.
        [InlineData("""$"{b}/loki/api/v1/query?query={Uri.EscapeDataString("sum(rate({app=\"x\"} |= \"err\" [5m]))")}" """)]
        [InlineData("""$"{b}/loki/api/v1/query_range?query={Uri.EscapeDataString("rate(up)")}" """)]
        // Elasticsearch, Graphite, SQL over HTTP, a search API.
        [InlineData("""$"{b}/logs/_search?q={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/render?target={Uri.EscapeDataString("sum(rate(up))")}&query={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/_sql?query={Uri.EscapeDataString("SELECT count(*) FROM t WHERE (a = 1)")}" """)]
        [InlineData("""$"{b}/api/v2/search?query={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/myapi/v1/query?query={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData(""" "myapi/v1/query?query=" + Uri.EscapeDataString("rate(up)") """)]
        [InlineData("""$"{b}loki/api/v1/query?query={Uri.EscapeDataString("rate(up)")}" """)]
        // A query string with no Prometheus path in reach.
        [InlineData("""$"{b}?query={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/api/v1/{b}?query={Uri.EscapeDataString("rate(up)")}" """)]
        // Not the query parameter.
        [InlineData("""$"{b}/api/v1/query?time={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/api/v1/query?myquery={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/api/v1/query#query={Uri.EscapeDataString("rate(up)")}" """)]
        // A query parameter on a selector endpoint, a match[] on a query endpoint.
        [InlineData("""$"{b}/api/v1/series?query={Uri.EscapeDataString("rate(up)")}" """)]
        [InlineData("""$"{b}/api/v1/query?match[]={Uri.EscapeDataString("rate(up)")}" """)]
        // Not the BCL's encoder, nor string.Format.
        [InlineData("""$"{b}/api/v1/query?query={Base64.Encode("rate(up)")}" """)]
        [InlineData("""$"{b}/api/v1/query?query={HtmlEncoder.Default.Encode("rate(up)")}" """)]
        [InlineData("""Fmt.Format("{0}/api/v1/query?query={1}", b, "rate(up)")""")]
        public Task NotAPrometheusQueryParameter_NoDiagnostic(string expression) =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("var url = " + expression + ";") + """

                static class Base64 { public static string Encode(string s) => s; }
                static class Fmt { public static string Format(string f, params object[] a) => f; }
                """);

        [Fact]
        public Task SeriesEndpointWithQuery_PROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var a = $"{b}/api/v1/series?match[]={Uri.EscapeDataString("rate{|PROMQL101:(|}http_requests_total[5m])")}";
                var c = b + "/api/v1/labels?start=1&match%5B%5D=" + Uri.EscapeDataString(@"up{|PROMQL101:[|}5m]");
                var d = $"{b}/api/v1/label/job/values?match[]={Uri.EscapeDataString($$"""up{job="{{ns}}"} {|PROMQL101:offset|} 5m""")}";
                var e = $"{b}/api/v1/label/{ns}/values?match[]={Uri.EscapeDataString("{|PROMQL101:(|}up)")}";
                var f = $"{b}/api/v1/series?match[]={Uri.EscapeDataString("sum{|PROMQL101:(|}up)")}";
                """"));

        [Fact]
        public Task SeriesEndpointWithSelectors_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var a = $"{b}/api/v1/series?match[]={Uri.EscapeDataString("up")}&match[]={Uri.EscapeDataString($"container_memory_rss{{namespace='{ns}',container!=''}}")}";
                var c = $"{b}/api/v1/labels?match[]={Uri.EscapeDataString($"{pod}{{job='x'}}")}";
                var d = $"{b}/api/v1/series?match[]={Uri.EscapeDataString(pod)}";
                var e = $"{b}/api/v1/series?match[]={Uri.EscapeDataString($"{pod}")}";
                var f = $"{b}/api/v1/query?query={Uri.EscapeDataString("sum(up)")}";
                """));

        [Fact]
        public Task SeriesEndpointInvalidSelector_PROMQL100Only() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var a = $"{b}/api/v1/series?match[]={Uri.EscapeDataString("{|PROMQL100:{job=~'.*'}|}")}";
                """));

        private const string QueryHelpersStub = """

            namespace Microsoft.AspNetCore.WebUtilities
            {
                public static class QueryHelpers
                {
                    public static string AddQueryString(string uri, string name, string value) => uri;
                }
            }
            """;

        private static string WithHttp(string statements) => """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.WebUtilities;

            class C
            {
                async Task M(HttpClient http, string b, string ns, string q)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """ + QueryHelpersStub;

        [Fact]
        public Task AddQueryString_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithHttp("""
                var a = QueryHelpers.AddQueryString(b + "/api/v1/query", "query", "rate({|PROMQL100:up|})");
                var c = QueryHelpers.AddQueryString($"{b}/api/v1/series", "match[]", "rate{|PROMQL101:(|}up[5m])");
                var d = QueryHelpers.AddQueryString($"{b}/loki/api/v1/query", "query", "rate(up)");
                var e = QueryHelpers.AddQueryString($"{b}/api/v1/query", "time", "rate(up)");
                """));

        [Fact]
        public Task FormUrlEncodedContentEntries_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(WithHttp(""""
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate({|PROMQL100:up|})", ["time"] = "1" }));
                await http.PostAsync(b + "/api/v1/query_range", new FormUrlEncodedContent(new Dictionary<string, string> { { "query", @"rate({|PROMQL100:up|})" }, { "step", "30s" } }));
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("query", """rate({|PROMQL100:up|})""") }));
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent([KeyValuePair.Create("query", $"rate({|PROMQL100:up{{namespace='{ns}'}}|})")]));
                await http.PostAsync($"{b}/api/v1/series", new FormUrlEncodedContent([new("match[]", "up{|PROMQL101:[|}5m]")]));
                """"));

        [Fact]
        public Task FormUrlEncodedContentElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithHttp("""
                await http.PostAsync($"{b}/loki/api/v1/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate(up)" }));
                await http.PostAsync($"{b}/search", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate(up)" }));
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "rate(up)" }));
                var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate(up)" });
                """));
    }
}
