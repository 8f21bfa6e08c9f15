using System;
using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Rules
{
    /// <summary>The <c>.editorconfig</c> keys of the cAdvisor rules, PROMQL001 and PROMQL002, and the default watched set.</summary>
    internal static class CadvisorOptions
    {
        /// <summary>
        /// The metrics watched by default: the cAdvisor families whose pod-level cgroup series (container="") the kubelet
        /// exposes and whose value there is the total of the pod's containers. Each entry is a prefix of metric names.
        /// The evidence per family is on the PROMQL001 page; what is left out and why is there too.
        /// </summary>
        public static readonly ImmutableArray<string> DefaultWatchedPrefixes = ImmutableArray.Create(
            // memory.stat and memory.usage are hierarchical: the pod cgroup holds its containers' memory.
            "container_memory_",

            // cpuacct / cpu.stat usage is hierarchical; the CFS throttling counters are the pod cgroup's own quota, not a total.
            "container_cpu_usage_seconds_total",
            "container_cpu_user_seconds_total",
            "container_cpu_system_seconds_total",

            // Disk I/O from the cgroup's recursive blkio / io.stat counters; filesystem usage has no pod-level series.
            "container_fs_reads_bytes_total",
            "container_fs_reads_total",
            "container_fs_writes_bytes_total",
            "container_fs_writes_total",

            // The pod cgroup's limits and shares are the sums of its containers' (kubelet's ResourceConfigForPod).
            "container_spec_cpu_quota",
            "container_spec_cpu_shares",
            "container_spec_memory_limit_bytes");

        /// <summary>
        /// Watched by default as whole names only: <c>container_threads</c> (pids.current, hierarchical), not
        /// <c>container_threads_max</c> (pids.max, a limit only the pod cgroup sets).
        /// </summary>
        public static readonly ImmutableArray<string> DefaultWatchedNames = ImmutableArray.Create("container_threads");

        /// <summary>Never watched, whatever the options: cAdvisor reports network metrics only at pod level.</summary>
        public const string NeverWatchedPrefix = "container_network_";

        /// <summary>Metric-name prefixes added to the default set.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> WatchedMetricPrefixes = OptionDefinition.List<string>(
            "promql.watched_metric_prefixes",
            "(none added)",
            "metric-name prefixes checked by PROMQL001/002, added to the default set (cAdvisor's memory, CPU usage, disk I/O, " +
            "limit and thread metrics); `container_network_` is never checked",
            ParsePrefix);

        /// <summary>Metric-name prefixes taken out of the default set; prefixes added by <see cref="WatchedMetricPrefixes"/> stay.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> UnwatchedMetricPrefixes = OptionDefinition.List<string>(
            "promql.unwatched_metric_prefixes",
            "(none removed)",
            "metric-name prefixes taken out of the default set of PROMQL001/002 (`container_cpu_, container_fs_` leaves memory, " +
            "limits and threads); prefixes of `promql.watched_metric_prefixes` stay watched",
            ParseUnwatchedPrefix);

        /// <summary>When true, <c>image!=""</c> does not stand in for <c>container!=""</c>.</summary>
        public static readonly OptionDefinition<bool> RequireContainerFilter = OptionDefinition.Boolean(
            "promql.require_container_filter",
            false,
            "when true, `image!=\"\"` no longer counts as dropping the pod-level series");

        /// <summary>The keys both cAdvisor rules read.</summary>
        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(WatchedMetricPrefixes, UnwatchedMetricPrefixes, RequireContainerFilter);

        /// <summary>Whether <paramref name="prefix"/> takes anything out of the default set: some default metric starts with it.</summary>
        public static bool NarrowsDefaultSet(string prefix)
        {
            foreach (var entry in DefaultWatchedPrefixes)
            {
                if (entry.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(entry, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var name in DefaultWatchedNames)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static (string? Item, string? Problem) ParsePrefix(string text)
        {
            if (text.StartsWith(NeverWatchedPrefix, StringComparison.Ordinal))
            {
                return (null, "is never watched: cAdvisor reports network statistics for the pod's sandbox only, so there is no pod-level series to double count");
            }

            return ParseMetricNameStart(text);
        }

        private static (string? Item, string? Problem) ParseUnwatchedPrefix(string text)
        {
            var (item, problem) = ParseMetricNameStart(text);
            if (item is not null && !NarrowsDefaultSet(item))
            {
                return (null, "matches no metric watched by default, so it takes nothing out");
            }

            return (item, problem);
        }

        private static (string? Item, string? Problem) ParseMetricNameStart(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':' || (i > 0 && c is >= '0' and <= '9');
                if (!valid)
                {
                    return (null, "is not the start of a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
                }
            }

            return (text, null);
        }
    }
}
