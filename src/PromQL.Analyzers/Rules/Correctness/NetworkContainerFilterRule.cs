using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL005: a <c>container_network_*</c> selector with a <c>container</c> matcher that rejects the empty string, or
    /// an aggregation over such metrics only grouped <c>by</c> <c>container</c>. The containers of a pod share the network
    /// namespace of its sandbox, and cAdvisor collects network statistics for the sandbox only (containerd: the container
    /// whose <c>io.cri-containerd.kind</c> is <c>sandbox</c>, which the kubelet labels <c>container=""</c>; CRI-O and
    /// dockershim: <c>container="POD"</c>). So <c>container!=""</c>, <c>container="app"</c> or <c>container=~".+"</c>
    /// match nothing on containerd. Not reported: matchers that let "" through (<c>container=""</c>,
    /// <c>container=~"POD|"</c>, <c>container!="POD"</c>) and positive matchers that name the sandbox
    /// (<c>container="POD"</c>, a regex that spells POD), which are right on CRI-O. Holes are never reported. The fix
    /// deletes the matcher with its comma (<see cref="FixProperties.ReplaceStart"/>, <see cref="FixProperties.ReplaceEnd"/>,
    /// an empty <see cref="FixProperties.ReplaceText"/>), or the braces when it was their only matcher.
    /// </summary>
    internal sealed class NetworkContainerFilterRule : QueryRule
    {
        public static readonly NetworkContainerFilterRule Instance = new NetworkContainerFilterRule();

        /// <summary>The prefix of cAdvisor's network metric families.</summary>
        public const string NetworkPrefix = CadvisorOptions.NeverWatchedPrefix;

        /// <summary>The container name CRI-O and dockershim give the sandbox (pause) container.</summary>
        public const string SandboxContainer = "POD";

        private NetworkContainerFilterRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.NetworkContainerFilter);

        // No content trigger of its own (as PROMQL003): a trigger outside the watched cAdvisor prefixes would be one more
        // IndexOf on every unmarked string; an unmarked string is read when a watched prefix made it worth parsing.
        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>
        /// The rule over a tree. <paramref name="text"/> is the text it was parsed from: needed to place a label of a
        /// grouping clause and for the fix; null (a query with errors) reports matchers only, without a fix.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is VectorSelector selector)
                {
                    FindInSelector(selector, text, findings);
                }
                else if (node is AggregateExpr aggregate && text is not null)
                {
                    FindInGrouping(aggregate, text, findings);
                }
            }
        }

        /// <summary>The network metric the selector surely names, or null: a literal name (or <c>__name__="…"</c>) starting with <c>container_network_</c>.</summary>
        internal static string? NetworkMetric(VectorSelector selector)
        {
            var name = SelectorMatchers.WrittenMetricName(selector);

            // Names with ':' are recording-rule outputs, whose labels are the rule's; a hole inside the prefix may be anything.
            if (name is null || !name.StartsWith(NetworkPrefix, StringComparison.Ordinal) || name.IndexOf(':') >= 0
                || name.IndexOf(PromQlParser.HoleCharacter) is >= 0 and < 18)
            {
                return null;
            }

            return name.Replace(PromQlParser.HoleCharacter, '…');
        }

        /// <summary>
        /// Whether the matcher is reported: a known <c>container</c> matcher that surely rejects "" (as the RE2 port reads a
        /// regex) and does not name the sandbox (<c>="POD"</c>, or a positive regex that spells pod in any case).
        /// </summary>
        internal static bool IsReported(LabelMatcher matcher)
        {
            if (matcher.Name != CadvisorSelectors.ContainerLabel || !SelectorMatchers.IsKnown(matcher) || matcher.MatchesEmpty() != false)
            {
                return false;
            }

            return matcher.Type switch
            {
                MatchType.Equal => !string.Equals(matcher.Value, SandboxContainer, StringComparison.Ordinal),
                MatchType.Regexp => matcher.Value.IndexOf(SandboxContainer, StringComparison.OrdinalIgnoreCase) < 0,
                _ => true,
            };
        }

        private static void FindInSelector(VectorSelector selector, string? text, List<Finding> findings)
        {
            string? metric = null;
            for (var i = 0; i < selector.Matchers.Count; i++)
            {
                var m = selector.Matchers[i];
                if (!IsReported(m))
                {
                    continue;
                }

                metric ??= NetworkMetric(selector);
                if (metric is null)
                {
                    return;
                }

                var effect = SelectorMatchers.Rejects(m, SandboxContainer)
                    ? "this matcher matches no series on any runtime"
                    : "this matcher matches no series on containerd (elsewhere only the sandbox's)";
                var properties = FixProperties.None;
                if (text is not null)
                {
                    var builder = FixProperties.AtNode(m.Start, m.End, text.Length);
                    if (Deletion(selector, i, text) is var (start, end))
                    {
                        builder[FixProperties.ReplaceStart] = FixProperties.Offset(start);
                        builder[FixProperties.ReplaceEnd] = FixProperties.Offset(end);
                        builder[FixProperties.ReplaceText] = string.Empty;
                    }

                    properties = builder.ToImmutable();
                }

                findings.Add(new Finding(PromQL.Analyzers.Descriptors.NetworkContainerFilter, m.Start, m.End, properties, "'" + metric + "'", effect));
            }
        }

        /// <summary>
        /// What deleting matcher <paramref name="index"/> removes so the selector stays valid: the matcher and the comma
        /// after it (up to the next matcher), the comma before it when it is the last, or the braces when it is the only
        /// one after a metric name. Null where a hole lies in that text.
        /// </summary>
        private static (int Start, int End)? Deletion(VectorSelector selector, int index, string text)
        {
            var matchers = selector.Matchers;
            var matcher = matchers[index];
            int start, end;
            if (matchers.Count == 1)
            {
                if (selector.Name is null || selector.OpenBrace < 0 || selector.CloseBrace < selector.OpenBrace)
                {
                    return null;
                }

                (start, end) = (selector.OpenBrace, selector.CloseBrace + 1);
            }
            else if (index < matchers.Count - 1)
            {
                (start, end) = (matcher.Start, matchers[index + 1].Start);
            }
            else
            {
                (start, end) = (matchers[index - 1].End, matcher.End);
            }

            if (start < 0 || end > text.Length || start >= end || start > matcher.Start || end < matcher.End
                || text.IndexOf(PromQlParser.HoleCharacter, start, end - start) >= 0)
            {
                return null;
            }

            return (start, end);
        }

        private static void FindInGrouping(AggregateExpr aggregate, string text, List<Finding> findings)
        {
            if (aggregate.Without || !aggregate.HasGroupingClause || aggregate.GroupingStart < 0 || aggregate.GroupingEnd > text.Length
                || aggregate.GroupingStart >= aggregate.GroupingEnd)
            {
                return;
            }

            var any = false;
            foreach (var label in aggregate.Grouping)
            {
                any |= label == CadvisorSelectors.ContainerLabel;
            }

            if (!any || OnlyNetwork(aggregate.Expr) is not { } metric
                || text.IndexOf(PromQlParser.HoleCharacter, aggregate.GroupingStart, aggregate.GroupingEnd - aggregate.GroupingStart) >= 0)
            {
                return;
            }

            // The clause's bare label names; a quoted one ("container") is left alone.
            var i = aggregate.GroupingStart;
            while (i < aggregate.GroupingEnd)
            {
                var c = text[i];
                if (c is '"' or '\'' or '`')
                {
                    var close = i + 1;
                    while (close < aggregate.GroupingEnd && text[close] != c)
                    {
                        close += text[close] == '\\' ? 2 : 1;
                    }

                    i = close + 1;
                    continue;
                }

                if (!IsIdentifierStart(c))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < aggregate.GroupingEnd && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                if (string.CompareOrdinal(text, start, CadvisorSelectors.ContainerLabel, 0, Math.Max(i - start, CadvisorSelectors.ContainerLabel.Length)) == 0)
                {
                    findings.Add(new Finding(
                        PromQL.Analyzers.Descriptors.NetworkContainerFilter,
                        start,
                        i,
                        FixProperties.AtNode(start, i, text.Length).ToImmutable(),
                        "'" + metric + "'",
                        "'by (container)' splits nothing per container"));
                }
            }
        }

        /// <summary>The first network metric under <paramref name="operand"/> when every selector there is one and nothing can write a label; else null.</summary>
        private static string? OnlyNetwork(Expr operand)
        {
            string? first = null;
            foreach (var node in operand.DescendantsAndSelf())
            {
                switch (node)
                {
                    case VectorSelector selector:
                        if (NetworkMetric(selector) is not { } metric)
                        {
                            return null;
                        }

                        first ??= metric;
                        break;
                    case HoleExpr:
                        return null;
                    case Call call when call.NameHasHole || call.Name is "label_replace" or "label_join" or "info":
                        return null;
                    case AggregateExpr inner when inner.Op == AggregateOperator.CountValues:
                        return null;
                }
            }

            return first;
        }

        private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';
    }
}
