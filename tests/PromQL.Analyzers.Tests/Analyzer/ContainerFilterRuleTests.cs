using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>PROMQL001: a watched cAdvisor selector that keeps the pod-level series (<c>container=""</c>).</summary>
    public class ContainerFilterRuleTests
    {
        [Fact]
        public Task BareMetricName_DiagnosticOnName() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss|}"));

        [Fact]
        public Task SelectorWithPodOnly_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_working_set_bytes{namespace='n', pod='p'}|}"));

        [Fact]
        public Task EmptyBraces_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_usage_bytes{}|}"));

        [Theory]
        [InlineData("container!=''")]
        [InlineData("container!=\"\"")]
        [InlineData("{|PROMQL022:container=~'.+'|}")]
        [InlineData("container='app'")]
        [InlineData("container!~''")]
        [InlineData("container=~'app|sidecar'")]
        [InlineData("container!='POD', container!=''")]
        [InlineData("image!=''")]
        public Task MatcherRejectsEmptyContainer_NoDiagnostic(string matcher) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("container_memory_working_set_bytes{namespace='n', " + matcher + "}"));

        [Fact]
        public Task ContainerNotPodAlone_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{container!='POD'}|}"));

        [Fact]
        public Task ContainerRegexMatchingEmpty_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{{|PROMQL022:container=~'.*'|}}|}"));

        [Fact]
        public Task ContainerRegexWithEmptyAlternative_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{container=~'app|'}|}"));

        [Fact]
        public Task ImageMatcherThatKeepsEmpty_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{image!='busybox'}|}"));

        [Fact]
        public Task SelectorWithOffset_DiagnosticExcludesOffset() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{pod='p'}|} offset 5m"));

        [Fact]
        public Task RangeSelector_DiagnosticExcludesRange() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("max_over_time({|PROMQL001:container_memory_rss{pod='p'}|}[5m])"));

        [Fact]
        public Task RangeSelectorWithOffsetAndAt_DiagnosticExcludesModifiers() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("avg_over_time({|PROMQL001:container_memory_rss{pod='p'}|}[5m] offset 1h @ 1700000000)"));

        [Fact]
        public Task SubqueryOperand_DiagnosticOnInnerSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("max_over_time(sum({|PROMQL001:container_memory_rss{namespace='n'}|})[1h:5m])"));

        [Fact]
        public Task TwoSelectorsInBinaryExpression_TwoDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:container_memory_rss{pod='p'}|} + {|PROMQL001:container_memory_cache{pod='p'}|}"));

        [Fact]
        public Task OneOfTwoSelectorsFiltered_OneDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("container_memory_rss{pod='p', container!=''} / on (pod) {|PROMQL001:container_memory_usage_bytes{pod='p'}|}"));

        [Fact]
        public Task MetricNameMatcherEqual_DiagnosticOnBraces() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:{__name__='container_memory_rss', pod='p'}|}"));

        [Fact]
        public Task MetricNameRegexWithWatchedPrefix_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum by (__name__) ({|PROMQL001:{__name__=~'container_memory_.*', namespace='n'}|})"));

        [Fact]
        public Task MetricNameMatcherWithContainerFilter_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{__name__='container_memory_rss', container!=''}"));

        [Fact]
        public Task QuotedMetricNameInBraces_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL001:{'container_memory_rss', pod='p'}|}"));

        [Fact]
        public Task UnwatchedMetricRegex_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{__name__=~'node_memory_.*'}"));

        [Theory]
        [InlineData("rate(container_network_receive_bytes_total{pod='p'}[5m])")] // a counter, read through rate (raw it is PROMQL012's)
        [InlineData("rate(container_cpu_cfs_throttled_seconds_total{pod='p'}[5m])")] // a counter, read through rate (raw it is PROMQL012's)
        [InlineData("container_fs_usage_bytes{pod='p'}")]
        [InlineData("container_fs_inodes_free{pod='p'}")]
        [InlineData("container_threads_max{pod='p'}")]
        [InlineData("container_processes{pod='p'}")]
        [InlineData("container_file_descriptors{pod='p'}")]
        [InlineData("container_last_seen{pod='p'}")]
        [InlineData("container_start_time_seconds{pod='p'}")]
        [InlineData("rate(container_oom_events_total{pod='p'}[5m])")] // a counter, read through rate (raw it is PROMQL012's)
        [InlineData("rate(container_pressure_cpu_waiting_seconds_total{pod='p'}[5m])")] // a counter, read through rate (raw it is PROMQL012's)
        [InlineData("container_spec_cpu_period{pod='p'}")]
        [InlineData("kube_pod_container_resource_limits{resource='memory'}")]
        [InlineData("node_memory_MemAvailable_bytes")]
        [InlineData("my_container_memory_rss{pod='p'}")]
        public Task UnwatchedMetricByDefault_NoDiagnostic(string query) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query(query));

        [Fact]
        public Task AggregationWithoutPodPinned_OnlyContainerDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum by (namespace) ({|PROMQL001:container_memory_working_set_bytes{namespace=~'prod-.*'}|})"));

        [Fact]
        public Task GrafanaVariableInRegex_Diagnostic() =>
            // $pod is text to PromQL: the selector is valid and keeps the pod-level series, so the warning is right.
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("{|PROMQL001:container_memory_rss{pod=~'$pod'}|}"));

        [Fact]
        public Task GrafanaVariableWithContainerFilter_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("container_memory_rss{pod=~'$pod', container!=''}"));
    }
}
