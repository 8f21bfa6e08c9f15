using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// What PROMQL001 and PROMQL002 watch without options: the cAdvisor metrics whose pod-level series holds the total
    /// of the pod's containers (the PROMQL001 page gives the source for each), and how
    /// <c>promql.unwatched_metric_prefixes</c> narrows that set.
    /// </summary>
    public class DefaultWatchedSetTests
    {
        [Theory]
        [InlineData("container_memory_working_set_bytes", "the pod's memory")]
        [InlineData("container_memory_failcnt", "the pod's memory")]
        [InlineData("container_cpu_usage_seconds_total", "the pod's CPU")]
        [InlineData("container_cpu_user_seconds_total", "the pod's CPU")]
        [InlineData("container_cpu_system_seconds_total", "the pod's CPU")]
        [InlineData("container_fs_reads_bytes_total", "the pod's disk I/O")]
        [InlineData("container_fs_reads_total", "the pod's disk I/O")]
        [InlineData("container_fs_writes_bytes_total", "the pod's disk I/O")]
        [InlineData("container_fs_writes_total", "the pod's disk I/O")]
        [InlineData("container_spec_cpu_quota", "the pod's CPU limit")]
        [InlineData("container_spec_cpu_shares", "the pod's CPU shares")]
        [InlineData("container_spec_memory_limit_bytes", "the pod's memory limit")]
        [InlineData("container_threads", "the pod's threads")]
        public void WatchedByDefault_DiagnosticNamesWhatIsCounted(string metric, string quantity)
        {
            var query = "sum by (pod) (" + metric + "{namespace=\"n\"})";
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Equal(metric + "{namespace=\"n\"}", RuleRunner.Text(query, finding));
            Assert.Equal(quantity, finding.MessageArgs[1]);
        }

        [Theory]
        // Not a total of the containers at the pod level: the pod cgroup's own CFS quota, PSI stall time (overlaps
        // count once), OOM kills of the pod cgroup itself, processes of its own cgroup.procs (none), its pids.max.
        [InlineData("container_cpu_cfs_periods_total")]
        [InlineData("container_cpu_cfs_throttled_periods_total")]
        [InlineData("container_cpu_cfs_throttled_seconds_total")]
        [InlineData("container_pressure_cpu_waiting_seconds_total")]
        [InlineData("container_pressure_memory_stalled_seconds_total")]
        [InlineData("container_oom_events_total")]
        [InlineData("container_processes")]
        [InlineData("container_file_descriptors")]
        [InlineData("container_sockets")]
        [InlineData("container_threads_max")]
        // No pod-level series: filesystem usage is read for the root cgroup only; ulimits need the root process.
        [InlineData("container_fs_usage_bytes")]
        [InlineData("container_fs_limit_bytes")]
        [InlineData("container_fs_inodes_free")]
        [InlineData("container_fs_inodes_total")]
        [InlineData("container_ulimits_soft")]
        // Not enabled by the kubelet, or from the device rather than the cgroup.
        [InlineData("container_cpu_load_average_10s")]
        [InlineData("container_tasks_state")]
        [InlineData("container_fs_io_time_seconds_total")]
        [InlineData("container_fs_sector_reads_total")]
        // Timestamps and constants: adding them up means nothing, so nothing is counted twice.
        [InlineData("container_last_seen")]
        [InlineData("container_start_time_seconds")]
        [InlineData("container_spec_cpu_period")]
        [InlineData("container_spec_memory_reservation_limit_bytes")]
        [InlineData("container_spec_memory_swap_limit_bytes")]
        // Per pod only.
        [InlineData("container_network_receive_bytes_total")]
        public void NotWatchedByDefault_NoDiagnostic(string metric)
        {
            var query = "sum(" + metric + "{namespace=\"n\",pod=\"p\"})";
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Empty(RuleRunner.Run(RedundantSumRule.Find, query));
        }

        [Fact]
        public void ThreadsWatchedAsAWholeName_HoleOrRegexAfterIt_NoDiagnostic()
        {
            // container_threads{…} may be container_threads_max{…}: only the whole name is watched.
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_threads{pod=\"p\"}"));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "{__name__=\"container_threads\",pod=\"p\"}"));
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "container_threads\uE000{pod=\"p\"}"));
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "{__name__=~\"container_threads.*\",pod=\"p\"}"));
        }

        [Fact]
        public void CpuUsageCorePattern_Diagnostic()
        {
            const string query = "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{namespace=\"n\"}[5m]))";
            Assert.Equal(new[] { "container_cpu_usage_seconds_total{namespace=\"n\"}" }, RuleRunner.Texts(query, RuleRunner.Run(ContainerFilterRule.Find, query)));
        }

        [Fact]
        public void UnwatchedPrefixes_TakeFamiliesOutOfTheDefaults()
        {
            var options = RuleRunner.Unwatching("container_cpu_", "container_fs_");
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "rate(container_cpu_usage_seconds_total[5m])", options));
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "rate(container_fs_reads_bytes_total[5m])", options));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_memory_rss", options));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_spec_cpu_quota", options));
        }

        [Fact]
        public void UnwatchedPrefixInsideADefaultPrefix_TakesOutOnlyThoseNames()
        {
            var options = RuleRunner.Unwatching("container_memory_failcnt");
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "container_memory_failcnt", options));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_memory_rss", options));

            // A hole may complete the unwatched name: the rule cannot know, so it stays silent.
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "container_memory_\uE000{pod=\"p\"}", options));
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "{__name__=~\"container_memory_.+\",pod=\"p\"}", options));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_memory_rss\uE000{pod=\"p\"}", options));
        }

        [Fact]
        public void UnwatchedThenAdded_AddedPrefixesStayWatched()
        {
            var options = PromQlAnalyzerOptions.FromPairs(
                (CadvisorOptions.UnwatchedMetricPrefixes.Key, "container_cpu_"),
                (CadvisorOptions.WatchedMetricPrefixes.Key, "container_cpu_usage_seconds_total"));
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, "container_cpu_usage_seconds_total", options));
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, "container_cpu_user_seconds_total", options));
        }

        [Fact]
        public void UnwatchedPrefixes_LeaveTheContentTriggers()
        {
            var options = RuleRunner.Unwatching("container_cpu_", "container_threads");
            Assert.DoesNotContain(options.WatchedPrefixes, p => p.StartsWith("container_cpu_", System.StringComparison.Ordinal));
            Assert.DoesNotContain("container_threads", options.WatchedPrefixes);
            Assert.Contains("container_memory_", options.WatchedPrefixes);
            Assert.Equal(options.WatchedPrefixes.ToArray(), options.ContentTriggers.ToArray());
        }

        [Theory]
        [InlineData("container_cpu_", true)]
        [InlineData("container_", true)]
        [InlineData("container_memory_rss", true)]
        [InlineData("container_thr", true)]
        [InlineData("container_threads_max", false)]
        [InlineData("container_network_", false)]
        [InlineData("node_", false)]
        public void NarrowsDefaultSet_OnlyWhenSomeDefaultMetricStartsWithIt(string prefix, bool narrows) =>
            Assert.Equal(narrows, CadvisorOptions.NarrowsDefaultSet(prefix));
    }
}
