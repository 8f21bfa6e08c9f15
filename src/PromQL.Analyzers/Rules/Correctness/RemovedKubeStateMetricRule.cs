using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using ValueType = PromQL.Parsing.Syntax.ValueType;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL004: a selector of a kube-state-metrics v1 metric that v2.0 removed or renamed
    /// (<see cref="KubeStateMetricsRenames"/>): the resource request/limit and node capacity/allocatable
    /// <c>*_cpu_cores</c>/<c>*_memory_bytes</c>/<c>*_pods</c> names, <c>kube_hpa_*</c> and
    /// <c>kube_daemonset_updated_number_scheduled</c>. Reported on the metric name, only when it is known text (a hole
    /// anywhere in it never reports). The fix writes the v2 form, keeping the other matchers:
    /// <c>kube_pod_container_resource_requests_cpu_cores{ns}</c> becomes
    /// <c>kube_pod_container_resource_requests{resource="cpu", unit="core", ns}</c>, and <c>kube_hpa_*{hpa="a"}</c>
    /// becomes <c>kube_horizontalpodautoscaler_*{horizontalpodautoscaler="a"}</c>. It is left out where the new labels
    /// would change what the query computes: the selector already has a <c>resource</c> or <c>unit</c> matcher, it is an
    /// operand of a binary operation between vectors that is not matched <c>on</c> labels other than those (the
    /// new labels, or the renamed one, would break the matching), a <c>by</c> clause or a function's label argument
    /// above it names them, or a hole stands outside a label value of the selector; and for names set by
    /// <c>__name__</c>.
    /// </summary>
    internal sealed class RemovedKubeStateMetricRule : QueryRule
    {
        public static readonly RemovedKubeStateMetricRule Instance = new RemovedKubeStateMetricRule();

        private const string ResourceLabel = "resource";
        private const string UnitLabel = "unit";

        private RemovedKubeStateMetricRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.RemovedKubeStateMetric);

        // No content trigger: the triggers share the prefix "container_", which lets most strings be screened with one
        // IndexOf; a "kube_" trigger would cost every unmarked string one scan per trigger. Marked strings are all read.
        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>The rule over a tree. <paramref name="text"/> is the text it was parsed from, for the fix; null (a query with errors) reports without one.</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            Dictionary<Expr, Expr>? parents = null;
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not VectorSelector selector)
                {
                    continue;
                }

                if (selector.Name is not null)
                {
                    if (selector.NameHasHole || KubeStateMetricsRenames.Of(selector.Name) is not { } rename || selector.NameEnd <= selector.Start)
                    {
                        continue;
                    }

                    var properties = FixProperties.None;
                    if (text is not null)
                    {
                        parents ??= Parents(root);
                        properties = FixOf(selector, rename, text, parents);
                    }

                    findings.Add(new Finding(PromQL.Analyzers.Descriptors.RemovedKubeStateMetric, selector.Start, selector.NameEnd, properties, rename.Old, rename.Description));
                    continue;
                }

                // A name set by __name__="…" (or a quoted bare name): reported on that matcher, without a fix.
                foreach (var m in selector.Matchers)
                {
                    if (m.IsMetricName && m.Type == MatchType.Equal && !m.ValueHasHole && !m.NameHasHole && KubeStateMetricsRenames.Of(m.Value) is { } renamed)
                    {
                        findings.Add(new Finding(PromQL.Analyzers.Descriptors.RemovedKubeStateMetric, m.Start, m.End, FixProperties.None, renamed.Old, renamed.Description));
                    }
                }
            }
        }

        private static ImmutableDictionary<string, string?> FixOf(VectorSelector selector, KubeStateMetricsRenames.Rename rename, string text, Dictionary<Expr, Expr> parents)
        {
            var properties = FixProperties.AtNode(selector.Start, selector.NameEnd, text.Length);
            if (string.CompareOrdinal(text, selector.Start, rename.Old, 0, Math.Max(rename.Old.Length, selector.NameEnd - selector.Start)) != 0
                || HasHoleOutsideValues(selector, text))
            {
                return properties.ToImmutable();
            }

            string[] affected;
            var hpaNames = new List<int>();
            if (rename.Resource is not null)
            {
                affected = new[] { ResourceLabel, UnitLabel };
                foreach (var m in selector.Matchers)
                {
                    if (m.Name is ResourceLabel or UnitLabel)
                    {
                        return properties.ToImmutable();
                    }
                }
            }
            else if (rename.RenamesHpaLabel)
            {
                affected = new[] { KubeStateMetricsRenames.OldHpaLabel, KubeStateMetricsRenames.NewHpaLabel };
                foreach (var m in selector.Matchers)
                {
                    if (m.Name == KubeStateMetricsRenames.NewHpaLabel)
                    {
                        return properties.ToImmutable();
                    }

                    if (m.Name == KubeStateMetricsRenames.OldHpaLabel)
                    {
                        // Only a bare name is renamed: a quoted one would need its quotes rewritten too.
                        if (string.CompareOrdinal(text, m.NameStart, KubeStateMetricsRenames.OldHpaLabel, 0, Math.Max(3, m.NameEnd - m.NameStart)) != 0)
                        {
                            return properties.ToImmutable();
                        }

                        hpaNames.Add(m.NameStart);
                    }
                }
            }
            else
            {
                affected = Array.Empty<string>();
            }

            if (affected.Length > 0 && !KeepsMeaning(selector, affected, parents))
            {
                return properties.ToImmutable();
            }

            properties[FixProperties.ReplaceStart] = FixProperties.Offset(selector.Start);
            properties[FixProperties.ReplaceEnd] = FixProperties.Offset(selector.NameEnd);
            if (rename.Resource is null)
            {
                properties[FixProperties.ReplaceText] = rename.Metric;
            }
            else
            {
                var quote = QuoteOf(selector);
                var matchers = ResourceLabel + "=" + quote + rename.Resource + quote + ", " + UnitLabel + "=" + quote + rename.Unit + quote;
                if (selector.OpenBrace < 0)
                {
                    properties[FixProperties.ReplaceText] = rename.Metric + "{" + matchers + "}";
                }
                else
                {
                    // "{ns" gets "{resource=\"cpu\", unit=\"core\", ns"; "{\n  ns" or "{ ns" keep their own spacing after the comma.
                    var position = selector.OpenBrace + 1;
                    var spaced = position < text.Length && char.IsWhiteSpace(text[position]);
                    properties[FixProperties.ReplaceText] = rename.Metric;
                    properties[FixProperties.InsertAt] = FixProperties.Offset(position);
                    properties[FixProperties.InsertText] = selector.Matchers.Count == 0 ? matchers : matchers + (spaced ? "," : ", ");
                }
            }

            if (hpaNames.Count > 0)
            {
                var offsets = new StringBuilder();
                foreach (var offset in hpaNames)
                {
                    offsets.Append(offsets.Length == 0 ? string.Empty : ",").Append(offset.ToString(CultureInfo.InvariantCulture));
                }

                properties[FixProperties.RenameLabelsAt] = offsets.ToString();
            }

            return properties.ToImmutable();
        }

        /// <summary>
        /// Whether the selector's series can gain or change <paramref name="labels"/> without changing what the query
        /// computes: walking up, an aggregation that groups by other labels only (or by none) ends the question; a binary
        /// operation between vectors must be matched <c>on</c> labels that are none of them; a function may not name them
        /// as a string argument (<c>label_replace</c>, <c>label_join</c>, <c>sort_by_label</c>).
        /// </summary>
        internal static bool KeepsMeaning(Expr selector, string[] labels, Dictionary<Expr, Expr> parents)
        {
            var current = selector;
            while (parents.TryGetValue(current, out var parent))
            {
                switch (parent)
                {
                    case AggregateExpr aggregate when ReferenceEquals(aggregate.Expr, current):
                        if (Names(aggregate.Grouping, labels))
                        {
                            return false;
                        }

                        if (!aggregate.Without && aggregate.Op is not (AggregateOperator.Topk or AggregateOperator.Bottomk or AggregateOperator.Limitk or AggregateOperator.LimitRatio))
                        {
                            return true;
                        }

                        break;
                    case BinaryExpr binary when binary.Left.Type == ValueType.Vector && binary.Right.Type == ValueType.Vector:
                        if (binary.Matching is not { On: true } matching || Names(matching.MatchingLabels, labels) || Names(matching.Include, labels))
                        {
                            return false;
                        }

                        break;
                    case Call call:
                        foreach (var argument in call.Args)
                        {
                            if (argument is StringLiteral literal && (literal.HasHole || Array.IndexOf(labels, literal.Value) >= 0))
                            {
                                return false;
                            }
                        }

                        break;
                }

                current = parent;
            }

            return true;
        }

        /// <summary>Every node's parent, by reference (nodes do not override equality), built without recursion.</summary>
        internal static Dictionary<Expr, Expr> Parents(Expr root)
        {
            var parents = new Dictionary<Expr, Expr>();
            foreach (var node in root.DescendantsAndSelf())
            {
                foreach (var child in node.Children)
                {
                    if (child is not null && !parents.ContainsKey(child))
                    {
                        parents[child] = node;
                    }
                }
            }

            return parents;
        }

        private static bool Names(IReadOnlyList<string> clause, string[] labels)
        {
            foreach (var label in clause)
            {
                if (Array.IndexOf(labels, label) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasHoleOutsideValues(VectorSelector selector, string text)
        {
            var end = Math.Min(CadvisorSelectors.SelectorEnd(selector), text.Length);
            for (var i = selector.Start; i < end; i++)
            {
                if (text[i] != PromQlParser.HoleCharacter)
                {
                    continue;
                }

                var inValue = false;
                foreach (var m in selector.Matchers)
                {
                    inValue |= i > m.ValueStart && i < m.ValueEnd - 1 && !m.NameHasHole;
                }

                if (!inValue)
                {
                    return true;
                }
            }

            foreach (var m in selector.Matchers)
            {
                if (m.NameHasHole)
                {
                    return true;
                }
            }

            return false;
        }

        // The quote of the selector's first quoted value, so the new matchers look like their neighbours.
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
