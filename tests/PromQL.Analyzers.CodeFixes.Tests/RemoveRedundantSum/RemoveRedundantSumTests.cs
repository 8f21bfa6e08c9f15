using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveRedundantSumCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.RemoveRedundantSum
{
    /// <summary>
    /// PROMQL002's fix deletes sum, its grouping clause and its parentheses and leaves the operand as written. The
    /// queries pin the container (a sum over one series), so PROMQL001 does not fire beside PROMQL002.
    /// </summary>
    public class RemoveRedundantSumTests
    {
        [Fact]
        public Task RegularString_SumAndParenthesesDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL002:sum(container_memory_rss{namespace=\"ns\", pod=\"p\", container=\"app\"})|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{namespace=\"ns\", pod=\"p\", container=\"app\"}"
                    """));

        [Fact]
        public Task CompositeFormat_SumDeletedAndItemsKept() =>
            // The closing }} of the selector is one brace of the query: the deletion around it keeps both.
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    string.Format("{|PROMQL002:sum(container_memory_rss{{namespace=\"{0}\", pod=\"{1}\", container=\"app\"}})|}", ns, pod)
                    """),
                Sources.Marked("""
                    string.Format("container_memory_rss{{namespace=\"{0}\", pod=\"{1}\", container=\"app\"}}", ns, pod)
                    """));

        [Fact]
        public Task UrlQuery_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                var url = "/api/v1/query?query={|PROMQL002:sum%28container_memory_rss%7Bnamespace%3D%22n%22%2Cpod%3D%22p%22%2Ccontainer%3D%22app%22%7D%29|}";
                new System.Net.Http.HttpClient().GetAsync(url);
                """));

        [Fact]
        public Task GroupingBeforeOperand_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL002:sum by (pod, namespace) (container_memory_rss{namespace='ns', pod='p', container='app'})|} / 1024"
                    """),
                Sources.Marked("""
                    "container_memory_rss{namespace='ns', pod='p', container='app'} / 1024"
                    """));

        [Fact]
        public Task GroupingAfterOperand_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'}) by (pod)|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{namespace='ns', pod='p', container='app'}"
                    """));

        [Fact]
        public Task ParenthesisedOperand_InnerParenthesesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL002:sum((container_memory_rss{namespace='ns', pod='p', container='app'}))|}"
                    """),
                Sources.Marked("""
                    "(container_memory_rss{namespace='ns', pod='p', container='app'})"
                    """));

        [Fact]
        public Task SumInsideAFunction_OnlyTheSumGoes() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "clamp_min({|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'})|}, 0)"
                    """),
                Sources.Marked("""
                    "clamp_min(container_memory_rss{namespace='ns', pod='p', container='app'}, 0)"
                    """));

        [Fact]
        public Task VerbatimString_DoubledQuotesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"{|PROMQL002:sum(container_memory_rss{namespace=""ns"", pod=""p"", container=""app""})|}"
                    """),
                Sources.Marked("""
                    @"container_memory_rss{namespace=""ns"", pod=""p"", container=""app""}"
                    """));

        [Fact]
        public Task MultiLineRawString_LinesJoinedCleanly() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("\"\"\"\n            {|PROMQL002:sum by (pod) (\n              container_memory_rss{namespace=\"ns\", pod=\"p\", container=\"app\"}\n            )|}\n            \"\"\""),
                Sources.Marked("\"\"\"\n            container_memory_rss{namespace=\"ns\", pod=\"p\", container=\"app\"}\n            \"\"\""));

        [Fact]
        public Task InterpolatedStringWithHolesInValues_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL002:sum(container_memory_rss{{namespace='{ns}', pod='{pod}', container='{container}'}})|}"
                    """),
                Sources.Marked("""
                    $"container_memory_rss{{namespace='{ns}', pod='{pod}', container='{container}'}}"
                    """));

        [Fact]
        public Task SumAcrossConcatenation_EmptiedOperandGoesWithItsPlus() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL002:sum(" + Metric + "{namespace='ns', pod='" + pod + "', container='app'})|}"
                    """),
                Sources.Marked("""
                    Metric + "{namespace='ns', pod='" + pod + "', container='app'}"
                    """));

        [Fact]
        public Task SumOnOneSideOfARatio_NoFix() =>
            // Without the sum the left side has container labels the right side lacks: the division would pair nothing.
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'})|} / sum(kube_pod_container_resource_limits{namespace='ns', pod='p'})"
                """));

        [Fact]
        public Task SumUnderScalar_NoFix() =>
            // scalar() of several series is NaN.
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "scalar({|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'})|})"
                """));

        [Fact]
        public Task SumUnderAnotherAggregation_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "max({|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'})|})"
                """));

        [Fact]
        public Task SumComparedWithANumberOverASubquery_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max_over_time({|PROMQL002:sum(container_memory_rss{namespace='ns', pod='p', container='app'})|}[1h:5m]) > 1e9"
                    """),
                Sources.Marked("""
                    "max_over_time(container_memory_rss{namespace='ns', pod='p', container='app'}[1h:5m]) > 1e9"
                    """));

        [Fact]
        public Task SumWrittenInAConstant_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                    const string Sum = "sum(";
                    Run({|PROMQL002:Sum + "container_memory_rss{namespace='ns', pod='p', container='app'})|}");
                """));
    }
}
