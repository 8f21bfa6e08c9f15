using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A string sent as the <c>"query"</c> (or <c>"match[]"</c>) entry of a query-string or form builder whose URL is a
    /// Prometheus endpoint is PromQL: <c>QueryHelpers.AddQueryString(url, entries)</c>, <c>QueryString.Create</c>,
    /// dictionaries and lists held in a local and posted as a <c>FormUrlEncodedContent</c>,
    /// <c>HttpUtility.ParseQueryString</c> and <c>NameValueCollection</c>, <c>StringBuilder</c> calls on their own
    /// statements, <c>UriBuilder.Query</c>. The same entries sent to other services, or to a URL with no Prometheus path
    /// in reach, are not.
    /// </summary>
    public class HttpApiFormsTests
    {
        /// <summary>ASP.NET Core's query-string helpers as they are declared (the tests reference no ASP.NET Core assembly).</summary>
        private const string AspNetCoreStubs = """

            namespace Microsoft.Extensions.Primitives
            {
                public readonly struct StringValues
                {
                    public StringValues(string? value) { }
                    public static implicit operator StringValues(string? value) => new StringValues(value);
                }
            }

            namespace Microsoft.AspNetCore.WebUtilities
            {
                using System.Collections.Generic;
                using Microsoft.Extensions.Primitives;

                public static class QueryHelpers
                {
                    public static string AddQueryString(string uri, string name, string value) => uri;
                    public static string AddQueryString(string uri, IDictionary<string, string?> queryString) => uri;
                    public static string AddQueryString(string uri, IEnumerable<KeyValuePair<string, StringValues>> queryString) => uri;
                    public static string AddQueryString(string uri, IEnumerable<KeyValuePair<string, string?>> queryString) => uri;
                }
            }

            namespace Microsoft.AspNetCore.Http
            {
                using System.Collections.Generic;
                using Microsoft.Extensions.Primitives;

                public readonly struct QueryString
                {
                    public static readonly QueryString Empty = new QueryString(string.Empty);
                    public QueryString(string? value) => Value = value;
                    public string? Value { get; }
                    public static QueryString Create(string name, string? value) => default;
                    public static QueryString Create(IEnumerable<KeyValuePair<string, string?>> parameters) => default;
                    public static QueryString Create(IEnumerable<KeyValuePair<string, StringValues>> parameters) => default;
                    public QueryString Add(string name, string value) => this;
                    public string ToUriComponent() => Value ?? string.Empty;
                    public override string ToString() => ToUriComponent();
                }
            }

            namespace Microsoft.AspNetCore.Http.Extensions
            {
                using System.Collections;
                using System.Collections.Generic;

                public class QueryBuilder : IEnumerable<KeyValuePair<string, string>>
                {
                    public void Add(string key, string value) { }
                    public QueryString ToQueryString() => default;
                    public override string ToString() => string.Empty;
                    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => new List<KeyValuePair<string, string>>().GetEnumerator();
                    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                }
            }
            """;

        private static string InMethod(string statements) => """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Collections.Specialized;
            using System.Net;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using System.Web;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.Extensions;
            using Microsoft.AspNetCore.WebUtilities;
            using Microsoft.Extensions.Primitives;

            class C
            {
                async Task M(HttpClient http, WebClient web, StringBuilder other, string b, string ns, string t)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """ + AspNetCoreStubs;

        // 1. QueryHelpers.AddQueryString(url, entries)

        [Fact]
        public Task AddQueryStringInlineEntries_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var a = QueryHelpers.AddQueryString(b + "/api/v1/query", new Dictionary<string, string?> { ["query"] = "rate({|PROMQL100:up|})", ["time"] = t });
                var c = QueryHelpers.AddQueryString($"{b}/api/v1/query_range", new Dictionary<string, StringValues> { { "query", @"rate({|PROMQL100:up|})" }, { "step", "30s" } });
                var d = QueryHelpers.AddQueryString($"{b}/api/v1/query", new[] { KeyValuePair.Create<string, string?>("query", """rate({|PROMQL100:up|})""") });
                var e = QueryHelpers.AddQueryString($"{b}/api/v1/series", new Dictionary<string, string?> { ["match[]"] = $"up{{namespace='{ns}'}}{|PROMQL101:[|}5m]" });
                """"));

        [Fact]
        public Task AddQueryStringLocalDictionary_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var p = new Dictionary<string, string?> { ["query"] = $"rate({|PROMQL100:up{{namespace='{ns}'}}|})", ["time"] = t };
                var url = QueryHelpers.AddQueryString(b + "/api/v1/query", p);
                var filled = new Dictionary<string, StringValues>();
                filled.Add("query", @"rate({|PROMQL100:up|})");
                filled["time"] = t;
                var prefixed = QueryHelpers.AddQueryString($"{b}/prometheus/api/v1/query_range", filled);
                var relative = new Dictionary<string, string?>();
                relative["query"] = "sum(rate({|PROMQL100:up|}))";
                var response = await http.GetAsync(QueryHelpers.AddQueryString("api/v1/query", relative));
                """));

        [Fact]
        public Task AddQueryStringElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var loki = QueryHelpers.AddQueryString($"{b}/loki/api/v1/query", new Dictionary<string, string?> { ["query"] = "rate(up)" });
                var elastic = QueryHelpers.AddQueryString($"{b}/logs/_search", new Dictionary<string, string?> { ["q"] = "rate(up)" });
                var graphite = QueryHelpers.AddQueryString($"{b}/render", new Dictionary<string, string?> { ["target"] = "sum(rate(up))" });
                var sql = QueryHelpers.AddQueryString($"{b}/_sql", new Dictionary<string, string?> { ["query"] = "SELECT count(*) FROM t WHERE (a = 1)" });
                var nowhere = QueryHelpers.AddQueryString(b, new Dictionary<string, string?> { ["query"] = "rate(up)" });
                var p = new Dictionary<string, string?>();
                p["query"] = "rate(up)";
                var notPrometheus = QueryHelpers.AddQueryString($"{b}/api/v2/search", p);
                """));

        // 2. QueryString.Create

        [Fact]
        public Task QueryStringCreateAfterPath_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var a = new Uri(b + "/api/v1/query" + QueryString.Create("query", "rate({|PROMQL100:up|})"));
                var c = $"{b}/api/v1/query_range{QueryString.Create("query", @"rate({|PROMQL100:up|})").Add("step", "30s")}";
                var d = $"{b}/api/v1/query{QueryString.Create("time", t).Add("query", """rate({|PROMQL100:up|})""")}";
                var e = b + "/api/v1/series" + QueryString.Create("match[]", "up{|PROMQL101:[|}5m]").ToUriComponent();
                var f = $"{b}/api/v1/query{QueryString.Create(new Dictionary<string, string?> { ["query"] = $"rate({|PROMQL100:up{{namespace='{ns}'}}|})" })}";
                """"));

        [Fact]
        public Task QueryStringInLocal_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var qs = QueryString.Create("query", "rate({|PROMQL100:up|})");
                var response = await http.GetAsync($"{b}/api/v1/query{qs}");
                var route = new StringBuilder(b + "/api/v1/query");
                var queryData = new List<KeyValuePair<string, string?>>();
                queryData.Add(KeyValuePair.Create<string, string?>("query", "sum(rate({|PROMQL100:up|}))"));
                route.Append(QueryString.Create(queryData));
                """));

        [Fact]
        public Task QueryBuilderAfterPath_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var qb = new QueryBuilder { { "query", "rate({|PROMQL100:up|})" }, { "time", t } };
                var a = b + "/api/v1/query" + qb.ToQueryString();
                var built = new QueryBuilder();
                built.Add("query", @"rate({|PROMQL100:up|})");
                var c = $"{b}/api/v1/query_range{built}";
                var d = new Uri($"{b}/api/v1/query{new QueryBuilder { { "query", """rate({|PROMQL100:up|})""" } }}");
                """"));

        [Fact]
        public Task QueryStringElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var loki = $"{b}/loki/api/v1/query{QueryString.Create("query", "rate(up)")}";
                var elastic = $"{b}/logs/_search{QueryString.Create("q", "rate(up)")}";
                var graphite = b + "/render" + QueryString.Create("target", "sum(rate(up))");
                var sql = $"{b}/_sql{QueryString.Create("query", "SELECT count(*) FROM t WHERE (a = 1)")}";
                var nowhere = $"{b}{QueryString.Create("query", "rate(up)")}";
                var alone = QueryString.Create("query", "rate(up)").ToString();
                var notTheQuery = $"{b}/api/v1/query{QueryString.Create("time", "rate(up)")}";
                var lokiBuilder = new QueryBuilder { { "query", "rate(up)" } };
                var lokiBuilt = $"{b}/loki/api/v1/query{lokiBuilder}";
                var elasticBuilder = new QueryBuilder();
                elasticBuilder.Add("q", "rate(up)");
                var elasticBuilt = b + "/logs/_search" + elasticBuilder.ToQueryString();
                """));

        // 3. Dictionaries and lists held in a local, posted as a form

        [Fact]
        public Task FormFromLocalDictionary_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var form = new Dictionary<string, string>();
                form.Add("query", "rate({|PROMQL100:up|})");
                form["time"] = t;
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(form));
                var indexed = new Dictionary<string, string>();
                indexed["query"] = @"rate({|PROMQL100:up|})";
                using var content = new FormUrlEncodedContent(indexed);
                var response = await http.PostAsync(b + "/api/v1/query_range", content);
                """));

        [Fact]
        public Task FormFromLocalPairList_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var url = $"{b}/api/v1/query";
                var pairs = new List<KeyValuePair<string, string>> { new("query", """rate({|PROMQL100:up|})"""), new("time", t) };
                await http.PostAsync(url, new FormUrlEncodedContent(pairs));
                List<KeyValuePair<string, string>> added = [];
                added.Add(new KeyValuePair<string, string>("query", $"rate({|PROMQL100:up{{namespace='{ns}'}}|})"));
                var request = new HttpRequestMessage(HttpMethod.Post, $"{b}/api/v1/query") { Content = new FormUrlEncodedContent(added) };
                var described = new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri($"{b}/api/v1/query"), Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate({|PROMQL100:up|})" }) };
                var series = new Dictionary<string, string> { ["match[]"] = "rate{|PROMQL101:(|}up[5m])" };
                var message = new HttpRequestMessage(HttpMethod.Post, new Uri(b + "/api/v1/series"));
                message.Content = new FormUrlEncodedContent(series);
                """"));

        [Fact]
        public Task EntryInNestedBlock_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var form = new Dictionary<string, string>();
                if (t.Length > 0)
                {
                    form["query"] = "rate({|PROMQL100:up|})";
                }
                else
                {
                    form.Add("query", @"rate({|PROMQL100:up|})");
                }

                using (var content = new FormUrlEncodedContent(form))
                {
                    await http.PostAsync($"{b}/api/v1/query", content);
                }

                var sb = new StringBuilder(b).Append("/api/v1/query?");
                if (t.Length > 0)
                {
                    sb.Append("query=");
                    sb.Append(Uri.EscapeDataString("rate({|PROMQL100:up|})"));
                }
                """));

        [Fact]
        public Task QueryInLocalThenFormInLocal_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var query = "sum(rate({|PROMQL100:up|}))";
                var form = new Dictionary<string, string> { ["query"] = query };
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(form));
                """));

        [Fact]
        public Task FormFromLocalElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var loki = new Dictionary<string, string>();
                loki.Add("query", "rate(up)");
                await http.PostAsync($"{b}/loki/api/v1/query_range", new FormUrlEncodedContent(loki));
                var elastic = new Dictionary<string, string>();
                elastic["q"] = "rate(up)";
                await http.PostAsync($"{b}/logs/_search", new FormUrlEncodedContent(elastic));
                var graphite = new List<KeyValuePair<string, string>> { new("target", "sum(rate(up))") };
                await http.PostAsync($"{b}/render", new FormUrlEncodedContent(graphite));
                var sql = new Dictionary<string, string> { ["query"] = "SELECT count(*) FROM t WHERE (a = 1)" };
                await http.PostAsync($"{b}/_sql", new FormUrlEncodedContent(sql));
                var nowhere = new Dictionary<string, string> { ["query"] = "rate(up)" };
                await http.PostAsync(b, new FormUrlEncodedContent(nowhere));
                var neverSent = new Dictionary<string, string> { ["query"] = "rate(up)" };
                using var content = new FormUrlEncodedContent(neverSent);
                """));

        [Fact]
        public Task FormFromFieldOrOtherType_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                #nullable enable
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Threading.Tasks;

                class C
                {
                    private readonly Dictionary<string, string> _form = new();

                    async Task M(HttpClient http, string b)
                    {
                        _form.Add("query", "rate(up)");
                        await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(_form));
                        var mine = new Dictionary<string, string>();
                        mine.Add("query", "rate(up)");
                        await http.PostAsync($"{b}/api/v1/query", new Mine.FormUrlEncodedContent(mine));
                    }
                }

                namespace Mine
                {
                    class FormUrlEncodedContent : HttpContent
                    {
                        public FormUrlEncodedContent(IEnumerable<KeyValuePair<string, string>> entries) { }
                        protected override Task SerializeToStreamAsync(System.IO.Stream stream, System.Net.TransportContext? context) => Task.CompletedTask;
                        protected override bool TryComputeLength(out long length) { length = 0; return false; }
                    }
                }
                """);

        [Fact]
        public Task LookalikeBuilders_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                #nullable enable
                using System.Collections.Generic;
                using Lookalike;

                class C
                {
                    void M(string b, WebClient web)
                    {
                        var a = QueryHelpers.AddQueryString(b + "/api/v1/query", new Dictionary<string, string?> { ["query"] = "rate(up)" });
                        var c = $"{b}/api/v1/query{QueryString.Create("query", "rate(up)")}";
                        var qs = HttpUtility.ParseQueryString(string.Empty);
                        qs["query"] = "rate(up)";
                        var url = $"{b}/api/v1/query?{qs}";
                        web.UploadValues(b + "/api/v1/query", new Dictionary<string, string> { { "query", "rate(up)" } });
                        var builder = new UriBuilder(b + "/api/v1/query") { Query = "query=" + System.Uri.EscapeDataString("rate(up)") };
                    }
                }

                namespace Lookalike
                {
                    static class QueryHelpers { public static string AddQueryString(string uri, IDictionary<string, string?> entries) => uri; }
                    struct QueryString { public static QueryString Create(string name, string? value) => default; }
                    class Collection : Dictionary<string, string> { public override string ToString() => ""; }
                    static class HttpUtility { public static Collection ParseQueryString(string query) => new(); }
                    class WebClient { public byte[] UploadValues(string address, Dictionary<string, string> data) => new byte[0]; }
                    class UriBuilder { public UriBuilder(string uri) { } public string Query { get; set; } = ""; }
                }
                """);

        // 4. NameValueCollection

        [Fact]
        public Task ParseQueryStringAfterQuestionMark_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                var qs = HttpUtility.ParseQueryString(string.Empty);
                qs["query"] = "rate({|PROMQL100:up|})";
                qs["time"] = t;
                var url = $"{b}/api/v1/query?{qs}";
                var selectors = HttpUtility.ParseQueryString("");
                selectors.Add("match[]", @"up{|PROMQL101:[|}5m]");
                var seriesUrl = b + "/api/v1/series?" + selectors.ToString();
                var raw = HttpUtility.ParseQueryString(string.Empty);
                raw["query"] = $$"""rate({|PROMQL100:up{job="{{ns}}"}|})""";
                var rawUrl = $"{b}/api/v1/query_range?step=30s&{raw}";
                """"));

        [Fact]
        public Task ParseQueryStringIntoUriBuilder_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var builder = new UriBuilder(b) { Path = "api/v1/query" };
                var query = HttpUtility.ParseQueryString(builder.Query);
                query["query"] = "rate({|PROMQL100:up|})";
                builder.Query = query.ToString();
                var ranged = new UriBuilder(b);
                ranged.Path = "/prometheus/api/v1/query_range";
                ranged.Query = "step=30s&query=" + Uri.EscapeDataString(@"rate({|PROMQL100:up|})");
                var third = new UriBuilder(b + "/api/v1/query") { Query = $"query={Uri.EscapeDataString($"rate({|PROMQL100:up{{namespace='{ns}'}}|})")}" };
                """));

        [Fact]
        public Task NameValueCollectionUploaded_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var data = new NameValueCollection { { "query", "rate({|PROMQL100:up|})" } };
                var bytes = web.UploadValues(b + "/api/v1/query", data);
                var more = await web.UploadValuesTaskAsync(new Uri($"{b}/api/v1/query"), "POST", new NameValueCollection { { "query", @"rate({|PROMQL100:up|})" } });
                var added = new NameValueCollection();
                added.Add("query", $"rate({|PROMQL100:up{{namespace='{ns}'}}|})");
                web.UploadValues($"{b}/api/v1/query_range", "POST", added);
                """));

        [Fact]
        public Task NameValueCollectionElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var loki = HttpUtility.ParseQueryString(string.Empty);
                loki["query"] = "rate(up)";
                var lokiUrl = $"{b}/loki/api/v1/query?{loki}";
                var elastic = HttpUtility.ParseQueryString(string.Empty);
                elastic["q"] = "rate(up)";
                var elasticUrl = $"{b}/logs/_search?{elastic}";
                var sql = HttpUtility.ParseQueryString(string.Empty);
                sql["query"] = "SELECT count(*) FROM t WHERE (a = 1)";
                var sqlUrl = $"{b}/_sql?{sql}";
                var nowhere = HttpUtility.ParseQueryString(string.Empty);
                nowhere["query"] = "rate(up)";
                var nowhereUrl = $"{b}?{nowhere}";
                var noQuestion = HttpUtility.ParseQueryString(string.Empty);
                noQuestion["query"] = "rate(up)";
                var noQuestionUrl = $"{b}/api/v1/query{noQuestion}";
                var printsItsTypeName = new NameValueCollection { { "query", "rate(up)" } };
                var typeNameUrl = $"{b}/api/v1/query?{printsItsTypeName}";
                var graphite = new NameValueCollection { { "target", "sum(rate(up))" } };
                web.UploadValues($"{b}/render", graphite);
                """));

        // 5. StringBuilder calls on their own statements

        [Fact]
        public Task StringBuilderStatements_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var sb = new StringBuilder(b);
                sb.Append("/api/v1/query?query=");
                sb.Append(Uri.EscapeDataString("rate({|PROMQL100:up|})"));
                var range = new StringBuilder();
                range.Append(b).Append("/api/v1/query_range?start=").Append(t);
                range.Append("&query=");
                range.Append(Uri.EscapeDataString(@"rate({|PROMQL100:up|})")).Append("&step=30s");
                var withChar = new StringBuilder(256);
                withChar.Append(b).Append("/api/v1/query").Append('?');
                withChar.Append("query=").Append(Uri.EscapeDataString($"rate({|PROMQL100:up{{namespace='{ns}'}}|})"));
                var interpolated = new StringBuilder(b);
                interpolated.Append("/api/v1/query");
                interpolated.Append($"?query={Uri.EscapeDataString("rate({|PROMQL100:up|})")}");
                """));

        [Fact]
        public Task StringBuilderStatementsElsewhere_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var loki = new StringBuilder(b);
                loki.Append("/loki/api/v1/query?query=");
                loki.Append(Uri.EscapeDataString("rate(up)"));
                var elastic = new StringBuilder(b);
                elastic.Append("/logs/_search?q=");
                elastic.Append(Uri.EscapeDataString("rate(up)"));
                var graphite = new StringBuilder(b);
                graphite.Append("/render?target=");
                graphite.Append(Uri.EscapeDataString("sum(rate(up))"));
                var sql = new StringBuilder(b);
                sql.Append("/_sql?query=");
                sql.Append(Uri.EscapeDataString("SELECT count(*) FROM t WHERE (a = 1)"));
                other.Append("?query=");
                other.Append(Uri.EscapeDataString("rate(up)"));
                var cleared = new StringBuilder(b);
                cleared.Append("/api/v1/query?");
                cleared.Clear();
                cleared.Append("query=");
                cleared.Append(Uri.EscapeDataString("rate(up)"));
                """));

        [Fact]
        public Task TopLevelStatements_Diagnostic()
        {
            var test = new VerifyCS.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Net.Http;

                    var http = new HttpClient();
                    var form = new Dictionary<string, string>();
                    form.Add("query", "rate({|PROMQL100:up|})");
                    await http.PostAsync("http://prometheus:9090/api/v1/query", new FormUrlEncodedContent(form));
                    """,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task SinkBeyondReach_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var form = new Dictionary<string, string>();
                form.Add("query", "rate(up)");
                """ + string.Concat(System.Linq.Enumerable.Repeat("        form[\"time\"] = t;\n", 32)) + """
                await http.PostAsync($"{b}/api/v1/query", new FormUrlEncodedContent(form));
                """));
    }
}
