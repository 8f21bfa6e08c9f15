using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>PROMQL002: a <c>sum</c> over one pod's series that adds the pod cgroup to its containers, or runs over one series.</summary>
    public class RedundantSumRuleTests
    {
        [Fact]
        public Task InterpolatedNamespaceAndPodHoles_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|})|}"
                """));

        [Fact]
        public Task PodRegexWithoutMetacharactersAndTrailingBy_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{namespace='ns',{|PROMQL020:pod=~'name'|}}|}) by (pod,namespace)|}"
                """));

        [Fact]
        public Task ContainerNotEmptyWithEscapedQuotes_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "sum(container_memory_working_set_bytes{container!=\"\", namespace=\"ns\", pod=\"p\"})"
                """));

        [Fact]
        public Task LeadingByPinnedLabels_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL002:sum by (namespace, pod) ({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|})|}"));

        [Fact]
        public Task ParenthesizedOperand_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL002:sum((({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|})))|}"));

        [Fact]
        public Task SumInsideLargerExpression_DiagnosticOnSumOnly() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|})|} / 1024 / 1024"));

        [Fact]
        public Task ContainerPinnedToOneValue_RedundantSumOnly() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL002:sum(container_memory_rss{namespace='n', pod='p', container='app'})|}"));

        [Fact]
        public Task ContainerNotEmpty_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(container_memory_rss{namespace='n', pod='p', container!=''})"));

        [Fact]
        public Task ImageNotEmpty_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(container_memory_rss{namespace='n', pod='p', image!=''})"));

        [Fact]
        public Task GroupingByUnpinnedLabel_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum by (container) ({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|})"));

        [Fact]
        public Task NamespaceNotPinned_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum({|PROMQL001:container_memory_rss{pod='p'}|})"));

        [Fact]
        public Task PodRegexWithMetacharacters_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum({|PROMQL001:container_memory_rss{namespace='n', pod=~'api-.*'}|})"));

        [Fact]
        public Task PodNotEqual_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum({|PROMQL001:container_memory_rss{namespace='n', pod!='p'}|})"));

        [Fact]
        public Task MaxInsteadOfSum_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("max({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|})"));

        [Fact]
        public Task SumOverFunctionCall_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(max_over_time({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|}[5m]))"));

        [Fact]
        public Task SumOverBinaryExpression_OnlyContainerDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query(
                "sum({|PROMQL001:container_memory_rss{namespace='n', pod='p'}|} + {|PROMQL001:container_memory_cache{namespace='n', pod='p'}|})"));

        [Fact]
        public Task UnwatchedMetric_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(rate(container_cpu_cfs_throttled_periods_total{namespace='n', pod='p'}[5m]))"));

        [Fact]
        public Task NetworkMetric_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(rate(container_network_receive_bytes_total{namespace='n', pod='p'}[5m]))"));

        [Fact]
        public Task ConcatenatedSum_DiagnosticsSpanPluses() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace='" + ns + "', " + "pod='" + pod + "'}|})|}"
                """));
    }
}
