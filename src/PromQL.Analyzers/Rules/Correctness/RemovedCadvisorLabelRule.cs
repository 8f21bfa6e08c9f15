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
    /// PROMQL003: a cAdvisor metric (<c>container_*</c>) selected by a <c>pod_name</c> or <c>container_name</c> matcher,
    /// or an aggregation over cAdvisor metrics only grouped <c>by</c> or <c>without</c> one of them. Kubernetes 1.16
    /// removed both labels from the kubelet's cAdvisor endpoint (they had carried <c>pod</c> and <c>container</c> beside
    /// them since 1.14). Reported on the label's name; the fix renames it (<see cref="FixProperties.ReplaceText"/>).
    /// Silent where the metric is not known to be cAdvisor's (a hole or a regex in its name, a <c>:</c> of a recording
    /// rule) and where the operand of an aggregation could make the label (<c>label_replace</c>, <c>label_join</c>,
    /// <c>info</c>, <c>count_values</c>) or holds another metric. Matching clauses of binary operations are not read:
    /// the tree keeps no position for their labels.
    /// </summary>
    internal sealed class RemovedCadvisorLabelRule : QueryRule
    {
        public static readonly RemovedCadvisorLabelRule Instance = new RemovedCadvisorLabelRule();

        private const string CadvisorPrefix = "container_";

        private static readonly (string Old, string New)[] Renames =
        {
            ("pod_name", CadvisorSelectors.PodLabel),
            ("container_name", CadvisorSelectors.ContainerLabel),
        };

        private RemovedCadvisorLabelRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.RemovedCadvisorLabel);

        // No content trigger of its own: an unmarked string is read only when the cAdvisor rules' watched prefixes already
        // made it worth parsing, so "pod_name" in SQL or log text never costs a parse.
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

        /// <summary>The cAdvisor metric the selector surely names, or null: a literal name (or <c>__name__="…"</c>) starting with <c>container_</c>.</summary>
        internal static string? CadvisorMetric(VectorSelector selector)
        {
            var name = SelectorMatchers.WrittenMetricName(selector);

            // Names with ':' are recording-rule outputs, whose labels are the rule's.
            if (name is null || !name.StartsWith(CadvisorPrefix, StringComparison.Ordinal) || name.IndexOf(':') >= 0
                || name.IndexOf(PromQlParser.HoleCharacter) is >= 0 and < 10)
            {
                return null;
            }

            return name.Replace(PromQlParser.HoleCharacter, '…');
        }

        private static void FindInSelector(VectorSelector selector, string? text, List<Finding> findings)
        {
            string? metric = null;
            foreach (var m in selector.Matchers)
            {
                if (m.NameHasHole || RenameOf(m.Name) is not { } rename)
                {
                    continue;
                }

                metric ??= CadvisorMetric(selector);
                if (metric is null)
                {
                    return;
                }

                var effect = m.MatchesEmpty() switch
                {
                    false => "this matcher matches nothing",
                    true => "this matcher filters nothing",
                    _ => "this matcher does not filter as meant",
                };
                findings.Add(Create(m.NameStart, m.NameEnd, text, m.Name, "'" + metric + "'", effect, rename));
            }
        }

        private static void FindInGrouping(AggregateExpr aggregate, string text, List<Finding> findings)
        {
            if (!aggregate.HasGroupingClause || aggregate.GroupingStart < 0 || aggregate.GroupingEnd > text.Length
                || aggregate.GroupingStart >= aggregate.GroupingEnd)
            {
                return;
            }

            var any = false;
            foreach (var label in aggregate.Grouping)
            {
                any |= RenameOf(label) is not null;
            }

            if (!any || !OnlyCadvisor(aggregate.Expr) || text.IndexOf(PromQlParser.HoleCharacter, aggregate.GroupingStart, aggregate.GroupingEnd - aggregate.GroupingStart) >= 0)
            {
                return;
            }

            var effect = aggregate.Without ? "'without' drops nothing and keeps the label it was meant to drop" : "'by' puts every series in one group";
            var i = aggregate.GroupingStart;
            while (i < aggregate.GroupingEnd)
            {
                var c = text[i];
                if (c is '"' or '\'' or '`')
                {
                    // A quoted label name: skipped (no fix writes it), as is any escape in it.
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

                var word = text.Substring(start, i - start);
                if (RenameOf(word) is { } rename)
                {
                    findings.Add(Create(start, i, text, word, "metrics", effect, rename));
                }
            }
        }

        /// <summary>Whether every selector under <paramref name="operand"/> is a cAdvisor metric and nothing there can write a label.</summary>
        private static bool OnlyCadvisor(Expr operand)
        {
            var selectors = 0;
            foreach (var node in operand.DescendantsAndSelf())
            {
                switch (node)
                {
                    case VectorSelector selector:
                        if (CadvisorMetric(selector) is null)
                        {
                            return false;
                        }

                        selectors++;
                        break;
                    case Call call when call.NameHasHole || call.Name is "label_replace" or "label_join" or "info":
                        return false;
                    case AggregateExpr inner when inner.Op == AggregateOperator.CountValues:
                        return false;
                }
            }

            return selectors > 0;
        }

        private static Finding Create(int start, int end, string? text, string label, string metric, string effect, string rename)
        {
            var properties = FixProperties.None;
            if (text is not null)
            {
                var builder = FixProperties.AtNode(start, end, text.Length);

                // Only a bare name is renamed: a quoted one ("pod_name") would need its quotes rewritten too.
                if (string.CompareOrdinal(text, start, label, 0, Math.Max(label.Length, end - start)) == 0)
                {
                    builder[FixProperties.ReplaceText] = rename;
                }

                properties = builder.ToImmutable();
            }

            return new Finding(PromQL.Analyzers.Descriptors.RemovedCadvisorLabel, start, end, properties, label, metric, effect, rename);
        }

        private static string? RenameOf(string label)
        {
            foreach (var (old, renamed) in Renames)
            {
                if (label == old)
                {
                    return renamed;
                }
            }

            return null;
        }

        private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';
    }
}
