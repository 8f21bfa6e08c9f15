using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary><c>.editorconfig</c> options of the container rules: watched prefixes and <c>require_container_filter</c>.</summary>
    public class OptionsTests
    {
        private const string MorePrefixes = "promql.watched_metric_prefixes = container_cpu_, container_fs_\n";

        [Fact]
        public Task WatchedCpuPrefix_DiagnosticExcludesRange() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate({|PROMQL001:container_cpu_cfs_throttled_seconds_total{pod='p'}|}[5m])"),
                MorePrefixes);

        [Fact]
        public Task CfsThrottlingByDefault_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("rate(container_cpu_cfs_throttled_seconds_total{pod='p'}[5m])"));

        [Fact]
        public Task CpuUsageByDefault_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                // PROMQL002 checks only a sum directly over the selector; the double count under rate() is PROMQL001's.
                Sources.Query("sum(rate({|PROMQL001:container_cpu_usage_seconds_total{namespace='n', pod='p'}|}[5m]))"));

        [Fact]
        public Task DiskIoAndLimitsByDefault_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL002:sum({|PROMQL001:container_spec_memory_limit_bytes{namespace='n', pod='p'}|})|} + rate({|PROMQL001:container_fs_writes_bytes_total{pod='p'}|}[5m])"));

        [Fact]
        public Task UnwatchedPrefixes_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("sum(rate(container_cpu_usage_seconds_total{namespace='n', pod='p'}[5m])) + rate(container_fs_reads_total{pod='p'}[5m]) + {|PROMQL001:container_memory_rss{pod='p'}|}"),
                "promql.unwatched_metric_prefixes = container_cpu_, container_fs_\n");

        [Fact]
        public Task UnwatchedPrefixes_NotFoundByContent() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.UnmarkedQuery("sum by (pod) (rate(container_cpu_usage_seconds_total{namespace='n'}[5m]))"),
                "promql.unwatched_metric_prefixes = container_cpu_\n");

        [Fact]
        public Task WatchedFsPrefixInPinnedSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL002:sum({|PROMQL001:container_fs_usage_bytes{namespace='n', pod='p'}|})|}"),
                MorePrefixes);

        [Fact]
        public Task AddedPrefixesKeepDefault_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL001:container_memory_rss{pod='p'}|}"),
                MorePrefixes);

        [Fact]
        public Task AddedPrefixFoundByContent_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.UnmarkedQuery("sum by (pod) (rate({|PROMQL001:container_cpu_cfs_periods_total{namespace='n'}|}[5m]))"),
                MorePrefixes);

        [Fact]
        public Task AddedPrefixWithContainerFilter_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate(container_cpu_usage_seconds_total{pod='p', container!=''}[5m])"),
                MorePrefixes);

        [Fact]
        public Task NetworkPrefixConfigured_NeverWatched() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("sum(rate(container_network_receive_bytes_total{namespace='n', pod='p'}[5m]))"),
                "promql.watched_metric_prefixes = container_network_, container_\n",
                // The configured network prefix is not taken, and PROMQL900 says so.
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    "promql.watched_metric_prefixes",
                    "container_network_, container_",
                    "'container_network_' is never watched: cAdvisor reports network statistics for the pod's sandbox only, so there is no pod-level series to double count"));

        [Fact]
        public Task ImageFilterWhenContainerFilterRequired_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL001:container_memory_rss{pod='p', image!=''}|}"),
                "promql.require_container_filter = true\n");

        [Fact]
        public Task ImageFilterInPinnedSumWhenContainerFilterRequired_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace='n', pod='p', image!=''}|})|}"),
                "promql.require_container_filter = true\n");

        [Fact]
        public Task ContainerFilterWhenRequired_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("sum(container_memory_rss{namespace='n', pod='p', container!=''})"),
                "promql.require_container_filter = true\n");

        [Fact]
        public Task ImageFilterWhenContainerFilterNotRequired_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("container_memory_rss{pod='p', image!=''}"),
                "promql.require_container_filter = false\n");
    }
}
