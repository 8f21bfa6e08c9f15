using System;
using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Rules
{
    /// <summary>The <c>.editorconfig</c> keys of the cAdvisor rules, PROMQL001 and PROMQL002.</summary>
    internal static class CadvisorOptions
    {
        /// <summary>The prefix watched by default: cAdvisor's memory metrics.</summary>
        public const string DefaultWatchedPrefix = "container_memory_";

        /// <summary>Never watched, whatever the options: cAdvisor reports network metrics only at pod level.</summary>
        public const string NeverWatchedPrefix = "container_network_";

        /// <summary>Metric-name prefixes added to <see cref="DefaultWatchedPrefix"/>.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> WatchedMetricPrefixes = OptionDefinition.List<string>(
            "promql.watched_metric_prefixes",
            "(none added)",
            "metric-name prefixes checked by PROMQL001/002, added to `container_memory_`; `container_network_` is never checked",
            ParsePrefix);

        /// <summary>When true, <c>image!=""</c> does not stand in for <c>container!=""</c>.</summary>
        public static readonly OptionDefinition<bool> RequireContainerFilter = OptionDefinition.Boolean(
            "promql.require_container_filter",
            false,
            "when true, `image!=\"\"` no longer counts as dropping the pod-level series");

        /// <summary>The keys both cAdvisor rules read.</summary>
        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(WatchedMetricPrefixes, RequireContainerFilter);

        private static (string? Item, string? Problem) ParsePrefix(string text)
        {
            if (text.StartsWith(NeverWatchedPrefix, StringComparison.Ordinal))
            {
                return (null, "is never watched: cAdvisor reports network statistics for the pod's sandbox only, so there is no pod-level series to double count");
            }

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
