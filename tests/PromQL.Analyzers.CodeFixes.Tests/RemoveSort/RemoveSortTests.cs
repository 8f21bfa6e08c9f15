using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveSortCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.RemoveSort
{
    /// <summary>
    /// PROMQL042's fix deletes the sort call at the top of a range query and leaves its first argument as written, in
    /// every literal kind; not in a URL's query, nor where the deletion would take a hole with it.
    /// </summary>
    public class RemoveSortTests
    {
        /// <summary>A stub of PrometheusQuerySdk's client (its namespace, type, member and parameter names) and a method running <paramref name="statements"/>.</summary>
        internal static string InRangeClient(string statements) => """
            using System;
            using System.Threading.Tasks;

            namespace PrometheusQuerySdk
            {
                public class PrometheusClient
                {
                    public Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, TimeSpan step) => Task.FromResult("");
                }
            }

            class C
            {
                async Task M(PrometheusQuerySdk.PrometheusClient client, string pod, string label)
                {
                    var (s, e, step) = (DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task RegularVerbatimAndRawStrings_CallDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                InRangeClient(""""
                    await client.QueryRangeAsync("{|PROMQL042:sort_desc(sum by (pod) (rate(x[5m])))|}", s, e, step);
                    await client.QueryRangeAsync(@"{|PROMQL042:sort(up{job=""api""})|}", s, e, step);
                    await client.QueryRangeAsync("""{|PROMQL042:sort(up{job="api"})|}""", s, e, step);
                    """"),
                InRangeClient(""""
                    await client.QueryRangeAsync("sum by (pod) (rate(x[5m]))", s, e, step);
                    await client.QueryRangeAsync(@"up{job=""api""}", s, e, step);
                    await client.QueryRangeAsync("""up{job="api"}""", s, e, step);
                    """"));

        [Fact]
        public Task InterpolationFormatAndConcatenation_CallDeletedAndHolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                InRangeClient("""
                    await client.QueryRangeAsync($"{|PROMQL042:sort(up{{pod='{pod}'}})|}", s, e, step);
                    await client.QueryRangeAsync(string.Format("{|PROMQL042:sort_desc(up{{pod='{0}'}})|}", pod), s, e, step);
                    await client.QueryRangeAsync("{|PROMQL042:sort(up{pod='" + pod + "'})|}", s, e, step);
                    """),
                InRangeClient("""
                    await client.QueryRangeAsync($"up{{pod='{pod}'}}", s, e, step);
                    await client.QueryRangeAsync(string.Format("up{{pod='{0}'}}", pod), s, e, step);
                    await client.QueryRangeAsync("up{pod='" + pod + "'}", s, e, step);
                    """));

        [Fact]
        public Task SortByLabel_LabelArgumentsDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                InRangeClient("""
                    await client.QueryRangeAsync("({|PROMQL042:sort_by_label_desc(up, \"instance\", \"job\")|})", s, e, step);
                    """),
                InRangeClient("""
                    await client.QueryRangeAsync("(up)", s, e, step);
                    """));

        [Fact]
        public Task NestedSorts_FixedOneAfterTheOther() =>
            // The fix keeps the argument as written; a sort there is at the top in turn, and a second pass removes it.
            new VerifyCS.Test
            {
                TestCode = InRangeClient("""
                    await client.QueryRangeAsync("{|PROMQL042:sort(sort_desc(up))|}", s, e, step);
                    """),
                FixedCode = InRangeClient("""
                    await client.QueryRangeAsync("up", s, e, step);
                    """),
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 2,
            }.RunAsync(System.Threading.CancellationToken.None);

        [Fact]
        public Task HoleInADeletedArgument_NoFix() =>
            VerifyCS.VerifyNoFixAsync(InRangeClient("""
                await client.QueryRangeAsync($"{|PROMQL042:sort_by_label(up, \"{label}\")|}", s, e, step);
                """));

        [Fact]
        public Task UrlQuery_NoFix() =>
            VerifyCS.VerifyNoFixAsync(InRangeClient("""
                await new System.Net.Http.HttpClient().GetAsync("http://prometheus:9090/api/v1/query_range?query={|PROMQL042:sort%28up%29|}&start=1&end=2&step=30s");
                """));
    }
}
