using System.Collections.Generic;
using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL001: a selector of a watched cAdvisor metric that keeps the pod-level cgroup series (container=""),
    /// wherever it stands in the query. Reported on the selector up to its closing brace, so a fix that edits the
    /// braces stays inside the span; silent where a hole or an invalid regex leaves the answer open. Where it is
    /// safe, the finding carries its fix: <c>container!=""</c> as the selector's first matcher (<c>{container!=""}</c>
    /// after a bare name), quoted like the selector's other matchers (<see cref="FixProperties.InsertAt"/>,
    /// <see cref="FixProperties.InsertText"/>).
    /// </summary>
    internal sealed class ContainerFilterRule : CadvisorRule
    {
        public static readonly ContainerFilterRule Instance = new ContainerFilterRule();

        private ContainerFilterRule()
            : base(PromQL.Analyzers.Descriptors.ContainerFilterMissing)
        {
        }

        protected override void FindIn(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings) => Find(root, text, options, findings);

        /// <summary>
        /// The rule over a tree: every selector below <paramref name="root"/>. <paramref name="text"/> is the text the
        /// tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                // Selectors inside range selectors and subqueries are children too, so one walk sees them all.
                if (node is not VectorSelector selector)
                {
                    continue;
                }

                if (!CadvisorSelectors.TryGetWatchedMetric(selector, options, out var metric, out var watchedText)
                    || CadvisorSelectors.KeepsPodLevelSeries(selector, options) != true)
                {
                    continue;
                }

                var end = CadvisorSelectors.SelectorEnd(selector);
                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.ContainerFilterMissing,
                    selector.Start,
                    end,
                    text is null ? FixProperties.None : FixOf(selector, end, text),
                    "'" + metric + "'",
                    CadvisorSelectors.CountedQuantity(watchedText)));
            }
        }

        private static ImmutableDictionary<string, string?> FixOf(VectorSelector selector, int end, string text)
        {
            var properties = FixProperties.AtNode(selector.Start, end, text.Length);
            if (CanAddFilter(selector, end, text))
            {
                var (position, insert) = FilterEdit(selector, text);
                properties[FixProperties.InsertAt] = FixProperties.Offset(position);
                properties[FixProperties.InsertText] = insert;
            }

            return properties.ToImmutable();
        }

        private static bool CanAddFilter(VectorSelector selector, int end, string text)
        {
            if (selector.NameHasHole)
            {
                return false;
            }

            foreach (var matcher in selector.Matchers)
            {
                // A hole in a name may be anything; a container matcher that lets only "" through selects exactly the
                // pod-level series on purpose, and the filter would make it select nothing.
                if (matcher.NameHasHole
                    || (matcher.Name == CadvisorSelectors.ContainerLabel && !matcher.ValueHasHole
                        && (matcher.Type == MatchType.Equal || matcher.Type == MatchType.Regexp) && matcher.Value.Length == 0))
                {
                    return false;
                }
            }

            // Values unknown until run time (holes, operands of + that are not constants) may stand in label values
            // only: elsewhere they could hold braces, commas or whole matchers. Constants are known text.
            for (var i = selector.Start; i < end; i++)
            {
                if (text[i] == PromQlParser.HoleCharacter && !InsideValue(selector, i))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool InsideValue(VectorSelector selector, int index)
        {
            foreach (var matcher in selector.Matchers)
            {
                if (index > matcher.ValueStart && index < matcher.ValueEnd - 1)
                {
                    return true;
                }
            }

            return false;
        }

        private static (int Position, string Text) FilterEdit(VectorSelector selector, string text)
        {
            var quote = QuoteOf(selector);
            var matcher = CadvisorSelectors.ContainerLabel + "!=" + quote + quote;
            if (selector.OpenBrace >= 0)
            {
                // "{ns" gets "{container!=\"\", ns"; "{\n  ns" or "{ ns" keep their own spacing after the comma.
                var position = selector.OpenBrace + 1;
                var spaced = position < text.Length && char.IsWhiteSpace(text[position]);
                return (position, selector.Matchers.Count == 0 ? matcher : matcher + (spaced ? "," : ", "));
            }

            return (selector.NameEnd, "{" + matcher + "}");
        }

        // The quote of the selector's first quoted value, so the new matcher looks like its neighbours.
        private static char QuoteOf(VectorSelector selector)
        {
            foreach (var matcher in selector.Matchers)
            {
                if (matcher.ValueStart >= 0 && !matcher.IsBareMetricName)
                {
                    return matcher.ValueQuote;
                }
            }

            return '"';
        }
    }
}
