using System;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What PROMQL001 and PROMQL002 need to know about a selector of cAdvisor's container_* metrics. Every
    /// question is answered conservatively: where a hole or an odd regex leaves the answer open, the answer is
    /// the one that keeps the rules silent.
    /// </summary>
    internal static class CadvisorSelectors
    {
        /// <summary>The label cAdvisor leaves empty on the pod's own cgroup series.</summary>
        public const string ContainerLabel = "container";

        /// <summary>The label that is empty on the pod-level series too (they have no image).</summary>
        public const string ImageLabel = "image";

        public const string NamespaceLabel = "namespace";

        public const string PodLabel = "pod";

        // The first prefix that the watched text starts with names it: a narrower prefix stands before a wider one.
        private static readonly (string Prefix, string Quantity)[] Quantities =
        {
            ("container_memory_", "the pod's memory"),
            ("container_cpu_", "the pod's CPU"),
            ("container_fs_reads", "the pod's disk I/O"),
            ("container_fs_writes", "the pod's disk I/O"),
            ("container_fs_", "the pod's filesystem usage"),
            ("container_spec_cpu_quota", "the pod's CPU limit"),
            ("container_spec_cpu_shares", "the pod's CPU shares"),
            ("container_spec_memory_", "the pod's memory limit"),
            ("container_threads", "the pod's threads"),
        };

        /// <summary>
        /// Whether the selector is known to select a watched metric. <paramref name="metric"/> is the name or
        /// regex as written (holes shown as <c>…</c>) for messages; <paramref name="watchedText"/> is the literal
        /// name or prefix that made it watched.
        /// </summary>
        public static bool TryGetWatchedMetric(VectorSelector selector, PromQlAnalyzerOptions options, out string metric, out string watchedText)
        {
            metric = string.Empty;
            watchedText = string.Empty;
            if (selector.Name is { } name)
            {
                // A name before the braces wins; Prometheus ANDs any __name__ matcher with it.
                return TryWatchedName(name, options, out metric, out watchedText);
            }

            var matchers = selector.Matchers;
            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (!m.NameHasHole && m.IsMetricName && m.Type == MatchType.Equal)
                {
                    return TryWatchedName(m.Value, options, out metric, out watchedText);
                }
            }

            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (!m.NameHasHole && m.IsMetricName && m.Type == MatchType.Regexp
                    && TryWatchedRegex(m, options, out watchedText))
                {
                    metric = ShowHoles(m.Value);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the selector keeps cAdvisor's pod-level series (container=""): true when it surely does,
        /// false when a matcher drops them, null when a hole or an invalid regex leaves it open.
        /// </summary>
        public static bool? KeepsPodLevelSeries(VectorSelector selector, PromQlAnalyzerOptions options)
        {
            var unknown = false;
            var matchers = selector.Matchers;
            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (m.NameHasHole)
                {
                    // The hole could be a container matcher.
                    unknown = true;
                    continue;
                }

                var decides = m.Name == ContainerLabel || (m.Name == ImageLabel && !options.RequireContainerFilter);
                if (!decides)
                {
                    continue;
                }

                // Matchers are ANDed: one that rejects "" drops the pod-level series whatever the others say.
                switch (m.MatchesEmpty())
                {
                    case false:
                        return false;
                    case null:
                        unknown = true;
                        break;
                }
            }

            return unknown ? (bool?)null : true;
        }

        /// <summary>
        /// Whether some matcher pins <paramref name="label"/> to one value: <c>=</c> with a non-empty value or a
        /// hole, or <c>=~</c> with a regex that matches one non-empty string (holes allowed).
        /// </summary>
        public static bool PinsLabel(VectorSelector selector, string label)
        {
            var matchers = selector.Matchers;
            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (!m.NameHasHole && m.Name == label && PinsOneValue(m))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Where a finding on the selector ends: its closing brace, else its name; never its modifiers.</summary>
        public static int SelectorEnd(VectorSelector selector)
        {
            if (selector.CloseBrace >= 0)
            {
                return selector.CloseBrace + 1;
            }

            return selector.NameEnd >= 0 ? selector.NameEnd : selector.End;
        }

        /// <summary>What a sum over the metric adds up, in words for PROMQL001's message.</summary>
        public static string CountedQuantity(string watchedText)
        {
            foreach (var (prefix, quantity) in Quantities)
            {
                if (watchedText.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return quantity;
                }
            }

            return "the pod's usage";
        }

        private static bool PinsOneValue(LabelMatcher m)
        {
            switch (m.Type)
            {
                case MatchType.Equal:
                    return m.Value.Length > 0;
                case MatchType.Regexp:
                    // A hole counts as one value here, as in pod="{pod}": the regex reads it as a literal character.
                    return m.TryGetRegex(out var regex) && regex!.IsLiteral(out var literal) && literal.Length > 0;
                default:
                    return false;
            }
        }

        /// <summary>A literal name (or <c>__name__=</c> value), watched when its text before any hole is.</summary>
        private static bool TryWatchedName(string name, PromQlAnalyzerOptions options, out string metric, out string watchedText)
        {
            metric = ShowHoles(name);
            watchedText = string.Empty;

            // Names with ':' are recording-rule outputs, not raw cAdvisor series.
            if (name.IndexOf(':') >= 0)
            {
                return false;
            }

            var hole = name.IndexOf(PromQlParser.HoleCharacter);
            var known = hole < 0 ? name : name.Substring(0, hole);
            if (!options.IsWatchedMetric(known, wholeName: hole < 0))
            {
                return false;
            }

            watchedText = known;
            return true;
        }

        /// <summary>
        /// Whether the <c>__name__=~</c> regex surely matches some watched name: one of its alternatives has a watched
        /// literal prefix (see <see cref="PromQlRegex.LiteralPrefixes"/>), its text before any hole counting.
        /// </summary>
        private static bool TryWatchedRegex(LabelMatcher m, PromQlAnalyzerOptions options, out string watchedText)
        {
            watchedText = string.Empty;
            if (!m.TryGetRegex(out var regex))
            {
                return false;
            }

            foreach (var literalPrefix in regex!.LiteralPrefixes)
            {
                var hole = literalPrefix.IndexOf(PromQlParser.HoleCharacter);
                var prefix = hole < 0 ? literalPrefix : literalPrefix.Substring(0, hole);
                if (prefix.IndexOf(':') < 0 && options.IsWatchedMetric(prefix, wholeName: false))
                {
                    watchedText = prefix;
                    return true;
                }
            }

            return false;
        }

        private static string ShowHoles(string text) =>
            text.IndexOf(PromQlParser.HoleCharacter) < 0 ? text : text.Replace(PromQlParser.HoleCharacter, '…');
    }
}
