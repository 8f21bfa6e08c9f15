using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL042 end to end: a sort at the top of a query that the call site runs as a range query (a known client's
    /// range member, a <c>/api/v1/query_range</c> URL), in every literal kind; silent where the call site runs an instant
    /// query or does not tell, and where the sort is not at the top.
    /// </summary>
    public class SortInRangeQueryRuleTests
    {
        private static string InRangeClient(string statements) => KnownQueryApiDetectionTests.Stubs + """
            namespace App
            {
                using PrometheusQuerySdk;

                class C
                {
                    void Run([System.Diagnostics.CodeAnalysis.StringSyntax("PromQL")] string query) { }

                    async Task M(IPrometheusClient client, string pod, string fn, int n)
                    {
            """ + "\n" + statements + "\n" + """
                    }
                }
            }
            """;

        [Fact]
        public Task EveryLiteralKind_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InRangeClient(""""
                var (s, e, step) = (DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                await client.QueryRangeAsync("{|PROMQL042:sort(rate(http_requests_total[5m]))|}", s, e, step);
                await client.QueryRangeAsync(@"{|PROMQL042:sort_desc(up{job=""api""})|}", s, e, step);
                await client.QueryRangeAsync("""{|PROMQL042:sort_desc(up{job="api"})|}""", s, e, step);
                await client.QueryRangeAsync($"{|PROMQL042:sort_desc(up{{pod='{pod}'}})|}", s, e, step);
                await client.QueryRangeAsync(string.Format("{|PROMQL042:sort(up{{pod='{0}'}})|}", pod), s, e, step);
                await client.QueryRangeAsync("{|PROMQL042:sort(up{pod='" + pod + "'})|}", s, e, step);
                await client.QueryRangeAsync("{|PROMQL042:{|PROMQL032:sort_by_label|}(up, \"instance\")|}", s, e, step);
                await client.QueryRangeAsync("({|PROMQL042:{|PROMQL032:sort_by_label_desc|}(up, \"instance\", \"job\")|})", s, e, step);
                """"));

        [Fact]
        public Task QueryRangeUrl_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                var b = "http://prometheus:9090";
                var url = $"{b}/api/v1/query_range?start=1&end=2&step=30s&query={System.Uri.EscapeDataString("{|PROMQL042:sort_desc(up)|}")}";
                new System.Net.Http.HttpClient().GetAsync(url);
                var literal = "http://prometheus:9090/api/v1/query_range?query={|PROMQL042:sort%28up%29|}&start=1&end=2&step=30s";
                new System.Net.Http.HttpClient().GetAsync(literal);
                """));

        [Fact]
        public Task InstantQueryOrUnknownKind_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InRangeClient("""
                await client.QueryAsync("sort_desc(up)", DateTime.Now);
                var b = "http://prometheus:9090";
                await new System.Net.Http.HttpClient().GetAsync($"{b}/api/v1/query?query={Uri.EscapeDataString("sort(up)")}");
                Run("sort(up)");
                """));

        [Fact]
        public Task SortBelowTheTop_NoDiagnostic() =>
            // Only the call at the top orders the result; one inside another expression is the engine's business (topk after sort, a
            // binary operation after it) and is not this rule's claim.
            VerifyCS.VerifyAnalyzerAsync(InRangeClient("""
                var (s, e, step) = (DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                await client.QueryRangeAsync("sort(up) * 2", s, e, step);
                await client.QueryRangeAsync("topk(3, sort_desc(up))", s, e, step);
                await client.QueryRangeAsync("sum by (job) (up)", s, e, step);
                """));

        [Fact]
        public Task HoleInTheFunctionName_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InRangeClient("""
                await client.QueryRangeAsync($"{fn}(up)", DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                """));
    }
}
