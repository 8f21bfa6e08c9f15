using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromQL.Analyzers.Configuration
{
    /// <summary>
    /// The analyzer's <c>.editorconfig</c> options, read once per options instance. Every key is documented in
    /// the README and on the rule pages.
    /// </summary>
    internal sealed class PromQlAnalyzerOptions
    {
        /// <summary>Metric-name prefixes added to the watched set (comma-separated).</summary>
        public const string WatchedMetricPrefixesKey = "promql.watched_metric_prefixes";

        /// <summary>When true, <c>image!=""</c> does not stand in for <c>container!=""</c> in PROMQL001 and PROMQL002.</summary>
        public const string RequireContainerFilterKey = "promql.require_container_filter";

        /// <summary>Methods and properties whose string argument or value is PromQL (see <see cref="QueryMember"/>).</summary>
        public const string QueryMethodsKey = "promql.query_methods";

        /// <summary>When false, unmarked strings are never read as PromQL (default true).</summary>
        public const string DetectByContentKey = "promql.detect_by_content";

        /// <summary>The prefix watched by default: cAdvisor's memory metrics.</summary>
        public const string DefaultWatchedPrefix = "container_memory_";

        /// <summary>Never watched, whatever the options: cAdvisor reports network metrics only at pod level.</summary>
        public const string NeverWatchedPrefix = "container_network_";

        public static readonly PromQlAnalyzerOptions Default = new PromQlAnalyzerOptions(
            ImmutableArray.Create(DefaultWatchedPrefix), requireContainerFilter: false, ImmutableArray<QueryMember>.Empty, detectByContent: true);

        public PromQlAnalyzerOptions(ImmutableArray<string> watchedPrefixes, bool requireContainerFilter, ImmutableArray<QueryMember> queryMembers, bool detectByContent)
        {
            WatchedPrefixes = watchedPrefixes;
            RequireContainerFilter = requireContainerFilter;
            QueryMembers = queryMembers;
            DetectByContent = detectByContent;
        }

        /// <summary>The watched metric-name prefixes: <see cref="DefaultWatchedPrefix"/> and those the options add.</summary>
        public ImmutableArray<string> WatchedPrefixes { get; }

        /// <summary>Whether only a <c>container</c> matcher excludes the pod-level series (not <c>image!=""</c>).</summary>
        public bool RequireContainerFilter { get; }

        /// <summary>The user's query methods and properties.</summary>
        public ImmutableArray<QueryMember> QueryMembers { get; }

        /// <summary>Whether unmarked strings holding a watched metric are read as PromQL.</summary>
        public bool DetectByContent { get; }

        /// <summary>Whether a metric name is watched: it starts with a watched prefix and is not a network metric.</summary>
        public bool IsWatchedMetric(string name)
        {
            if (name.StartsWith(NeverWatchedPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var prefix in WatchedPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Reads the options; a missing or malformed key keeps its default.</summary>
        public static PromQlAnalyzerOptions Read(AnalyzerConfigOptions options)
        {
            var prefixes = Default.WatchedPrefixes;
            if (options.TryGetValue(WatchedMetricPrefixesKey, out var prefixText))
            {
                var builder = ImmutableArray.CreateBuilder<string>();
                builder.Add(DefaultWatchedPrefix);
                foreach (var part in SplitList(prefixText))
                {
                    if (!builder.Contains(part))
                    {
                        builder.Add(part);
                    }
                }

                prefixes = builder.ToImmutable();
            }

            var requireContainerFilter = options.TryGetValue(RequireContainerFilterKey, out var requireText) && IsTrue(requireText);
            var detectByContent = !options.TryGetValue(DetectByContentKey, out var detectText) || !IsFalse(detectText);

            var members = ImmutableArray<QueryMember>.Empty;
            if (options.TryGetValue(QueryMethodsKey, out var methodsText))
            {
                var builder = ImmutableArray.CreateBuilder<QueryMember>();
                foreach (var part in SplitList(methodsText))
                {
                    if (QueryMember.TryParse(part, out var member))
                    {
                        builder.Add(member);
                    }
                }

                members = builder.ToImmutable();
            }

            if (prefixes == Default.WatchedPrefixes && !requireContainerFilter && members.IsEmpty && detectByContent)
            {
                return Default;
            }

            return new PromQlAnalyzerOptions(prefixes, requireContainerFilter, members, detectByContent);
        }

        private static bool IsTrue(string text) => string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static bool IsFalse(string text) => string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase);

        /// <summary>Splits a comma- or semicolon-separated list, dropping blanks.</summary>
        private static ImmutableArray<string> SplitList(string text)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var raw in text.Split(',', ';'))
            {
                var part = raw.Trim();
                if (part.Length > 0)
                {
                    builder.Add(part);
                }
            }

            return builder.ToImmutable();
        }
    }
}
