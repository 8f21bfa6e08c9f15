using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A query written inside a Prometheus HTTP API URL's own text (<c>"…/api/v1/query?query=sum(up)"</c>) is a marked
    /// query of the endpoint's kind, decoded as Prometheus decodes it: <c>%XX</c> is the character it names (a
    /// diagnostic covers the whole escape) and <c>+</c> is a space. It runs to the next <c>&amp;</c> or the end; a hole
    /// inside it is a hole of the query. Other services' URLs are not read.
    /// </summary>
    public class UrlQueryLiteralTests
    {
        private static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                const string Q = "rate(up)";
                const string Base = "http://prometheus:9090";

                void Run([StringSyntax("PromQL")] string query) { }

                async Task M(HttpClient http, string b, string ns, string pod, string metric, long t)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task EveryLiteralKind_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                await http.GetAsync("http://prometheus:9090/api/v1/query?query=sum(rate({|PROMQL100:up|}))");
                await http.GetAsync(@"http://prometheus:9090/api/v1/query?query=rate({|PROMQL100:up{job=""a""}|})");
                await http.GetAsync("""http://prometheus:9090/api/v1/query?query=rate({|PROMQL100:up{job="a"}|})""");
                await http.GetAsync($"{b}/api/v1/query?query=sum(rate({|PROMQL100:up{{job='{ns}'}}|}))&time={t}");
                await http.GetAsync($@"{b}/api/v1/query?query=rate({|PROMQL100:up{{job=""{ns}""}}|})");
                await http.GetAsync($$"""{{b}}/api/v1/query?query=rate({|PROMQL100:up{job="{{ns}}"}|})""");
                await http.GetAsync(b + "/api/v1/query?query=rate({|PROMQL100:up|})&time=" + t);
                await http.GetAsync(b + "/api/v1/query?query=rate({|PROMQL100:up" + "{job='a'}|})");
                """"));

        [Fact]
        public Task ContainerRulesOnUrlQuery_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync($"{Base}/api/v1/query_range?query={|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|})|}&start=1&end=2&step=30s");
                await http.GetAsync("/api/v1/query?query=sum by (pod) ({|PROMQL001:container_memory_rss{namespace=\"n\"}|})");
                """));

        [Fact]
        public Task PercentEncodedQuery_SpansCoverTheEscapes() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync("/api/v1/query?query=rate%28{|PROMQL100:up%7Bjob%3D%22a%22%7D|}%29");
                await http.GetAsync("/api/v1/query?query=sum%28{|PROMQL001:container_memory_rss%7Bnamespace%3D%22n%22%7D|}%29+by+%28pod%29");
                await http.GetAsync($"{b}/api/v1/query?query=sum(rate(x%5B5m%5D))%29{|PROMQL100:|}");
                """));

        [Fact]
        public Task PlusIsASpace_Diagnostic() =>
            // Go's url.ParseQuery reads + as a space: up+1 reaches Prometheus as "up 1".
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync("/api/v1/query?query=up+{|PROMQL100:1|}");
                await http.GetAsync("/api/v1/query?query=up%2B1");
                await http.GetAsync("/api/v1/query?query=sum+by+(pod)+(rate(http_requests_total[5m]))");
                """));

        [Fact]
        public Task HolesInTheQuery_AreHoles() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync($"{b}/api/v1/query?query=rate({metric}[5m])&time={t}");
                await http.GetAsync($"{b}/api/v1/query?query=sum(rate(http_requests_total{{job=\"{ns}\"}}[5m])) by ({pod})");
                await http.GetAsync($"{b}/api/v1/query?time={t}&query=rate(http_requests_total{{job=\"{ns}\"}}[5m])){|PROMQL100:|}");
                await http.GetAsync($"{b}/api/v1/query?query={|PROMQL100:{Q}|}");
                """));

        [Fact]
        public Task EndpointKinds_AndSelectorParameters() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync($"{b}/api/v1/series?match[]=up&match[]=rate{|PROMQL101:(|}x[5m])&start={t}");
                await http.GetAsync($"{b}/api/v1/labels?match%5B%5D=up{|PROMQL101:[|}5m]");
                await http.GetAsync($"{b}/api/v1/label/job/values?match[]=process_start_time_seconds{{job=\"x\"}}");
                await http.GetAsync($"{b}/api/v1/query_exemplars?query=rate({|PROMQL100:up|})&start=1");
                await http.GetAsync("api/v1/query?query=rate({|PROMQL100:up|})");
                await http.GetAsync("/prometheus/api/v1/query?query=rate({|PROMQL100:up|})");
                """));

        [Fact]
        public Task OnlyTheFirstQueryParameter_AsPrometheusReadsIt() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync("/api/v1/query?query=rate({|PROMQL100:up|})&query=rate(up)");
                await http.GetAsync("/api/v1/query?query=rate({|PROMQL100:up|})#query=rate(up)");
                """));

        [Fact]
        public Task FormatAndUrl_BothLayersDecoded() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync(string.Format("{0}/api/v1/query?query=rate({|PROMQL100:up{{job='{1}'}}|})&time={2}", b, ns, t));
                await http.GetAsync(string.Format("{0}/api/v1/query?query=rate({|PROMQL100:up%7B%7D|})", b));
                """));

        [Fact]
        public Task StringInAHole_ReadOnceAsItsOwnQuery() =>
            // The string in the hole is the query (HttpApiTargets reads it); the URL around it adds nothing to read.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                await http.GetAsync($"{b}/api/v1/query?query={"rate({|PROMQL100:up|})"}");
                await http.GetAsync($"{b}/api/v1/query?query={Uri.EscapeDataString("rate({|PROMQL100:up|})")}&time={t}");
                await http.GetAsync(b + "/api/v1/query?query=" + Uri.EscapeDataString("rate({|PROMQL100:up|})"));
                """));

        [Theory]
        // Loki serves the same paths under /loki, for LogQL.
        [InlineData("""$"{b}/loki/api/v1/query?query=sum(rate({{app=\"x\"}} |= \"err\" [5m]))" """)]
        [InlineData(""" "http://loki:3100/loki/api/v1/query_range?query=rate(up)&start=1" """)]
        // Other services and parameters.
        [InlineData(""" "http://es:9200/logs/_search?q=rate(up)" """)]
        [InlineData(""" "http://graphite/render?target=sum(rate(up))&query=rate(up)" """)]
        [InlineData(""" "http://x/api/v2/search?query=rate(up)" """)]
        [InlineData(""" "http://x/_sql?query=SELECT count(*) FROM t WHERE (a = 1)" """)]
        [InlineData(""" "http://x/api/v1/query?time=rate(up)&myquery=rate(up)" """)]
        [InlineData(""" "http://x/api/v1/query?match[]=rate(up)" """)]
        [InlineData(""" "http://x/api/v1/series?query=rate(up)" """)]
        [InlineData(""" "http://x/api/v1/{b}?query=rate(up)" """)]
        // No value to read: a hole (read where it is written), an empty one, one Go drops for its semicolon.
        [InlineData("""$"{b}/api/v1/query?query={metric}" """)]
        [InlineData(""" "http://x/api/v1/query?query=&time=1" """)]
        [InlineData(""" "http://x/api/v1/query?query=rate(up);x" """)]
        [InlineData(""" "http://x/api/v1/query?query=+" """)]
        public Task NotAPrometheusQuery_NoDiagnostic(string url) =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("await http.GetAsync(" + url + ");"));

        [Fact]
        public Task UrlInsideAQuery_IsNoUrl() =>
            // A label value holding a URL: the string is the query, not the URL in it.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run("up{url=\"http://x/api/v1/query?query=rate(up)\"}");
                Run("rate({|PROMQL100:up{url=\"http://x/api/v1/query?query=up\"}|})");
                """));
    }
}
