using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL015: a counter function (<c>rate</c>, <c>irate</c>, <c>increase</c>, <c>resets</c>) over a subquery of an
    /// aggregation (<c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c>) of a counter: <c>rate(sum(x_total)[5m:])</c>. When one
    /// series resets or leaves, the aggregate falls, and the function reads the fall as a reset of the whole. The counter
    /// is known from the options, the compilation's definitions, the catalog, or the <c>_total</c> convention where none
    /// of them knows the name; the aggregation's operand must be that selector itself (in parentheses too). Where it is
    /// safe the finding carries its fix, one replacement of the call (<see cref="FixProperties.ReplaceStart"/>,
    /// <see cref="FixProperties.ReplaceEnd"/>, <see cref="FixProperties.ReplaceText"/>): the function moves inside the
    /// aggregation, over the selector with the subquery's range (<c>sum(rate(x_total[5m]))</c>), only for <c>rate</c>,
    /// <c>irate</c> and <c>increase</c> under a <c>sum</c> (which adds rates as it adds counters), a subquery range written
    /// as a plain duration, and neither the subquery nor the selector with a modifier.
    /// </summary>
    internal sealed class CounterFunctionOverAggregationRule : QueryRule
    {
        public static readonly CounterFunctionOverAggregationRule Instance = new CounterFunctionOverAggregationRule();

        private CounterFunctionOverAggregationRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.CounterFunctionOverAggregation);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Metrics, findings);
            }
        }

        /// <summary>The rule over a tree with the knowledge of the options alone (the catalog, the options and the conventions).</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings) =>
            Find(root, text, MetricKnowledge.FromOptions(options), findings);

        /// <summary>
        /// The rule over a tree: every counter function over a subquery of an aggregation below <paramref name="root"/>.
        /// <paramref name="text"/> is the text the tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, MetricKnowledge metrics, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not Call { NameHasHole: false } call || call.Args.Count != 1 || !MetricTypeSelectors.CounterFunctions.Contains(call.Name)
                    || MetricTypeSelectors.Unwrap(call.Args[0]) is not SubqueryExpr subquery
                    || MetricTypeSelectors.Unwrap(subquery.Expr) is not AggregateExpr { Op: AggregateOperator.Sum or AggregateOperator.Avg or AggregateOperator.Min or AggregateOperator.Max } aggregation
                    || MetricTypeSelectors.Unwrap(aggregation.Expr) is not VectorSelector selector
                    || !MetricTypeSelectors.TryGetFact(metrics, selector, out var name, out var fact)
                    || fact.Type != MetricType.Counter || fact.Part != MetricPart.Whole)
                {
                    continue;
                }

                var properties = FixProperties.None;
                if (text is not null && call.End <= text.Length)
                {
                    var builder = FixProperties.AtNode(call.Start, call.End, text.Length);
                    if (TryMoveInside(call, subquery, aggregation, selector, text, out var replacement))
                    {
                        builder[FixProperties.ReplaceStart] = FixProperties.Offset(call.Start);
                        builder[FixProperties.ReplaceEnd] = FixProperties.Offset(call.End);
                        builder[FixProperties.ReplaceText] = replacement;
                    }

                    properties = builder.ToImmutable();
                }

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.CounterFunctionOverAggregation,
                    call.Start,
                    call.End,
                    properties,
                    call.Name,
                    HistogramWithoutLeRule.OperatorName(aggregation.Op),
                    name));
            }
        }

        /// <summary>
        /// <c>sum(rate(x_total[5m]))</c> for <c>rate(sum(x_total)[5m:])</c>: the aggregation's text with the function around
        /// the selector and the subquery's range; false where that is not the same question or the text is not plain.
        /// </summary>
        internal static bool TryMoveInside(Call call, SubqueryExpr subquery, AggregateExpr aggregation, VectorSelector selector, string text, out string replacement)
        {
            replacement = string.Empty;
            if (call.Name is not ("rate" or "irate" or "increase") || aggregation.Op != AggregateOperator.Sum
                || subquery.RangeExpr is not null || subquery.StepExpr is not null
                || !MetricTypeSelectors.HasNoModifiers(subquery.Modifiers) || !MetricTypeSelectors.HasNoModifiers(selector.Modifiers)
                || !MetricTypeSelectors.NameIsWrittenAt(call, text)
                || subquery.End > text.Length || selector.End != CadvisorSelectors.SelectorEnd(selector)
                || text.IndexOf(PromQlParser.HoleCharacter, call.Start, call.End - call.Start) >= 0)
            {
                return false;
            }

            // The range as written: between the '[' after the subquery's operand and its ':'.
            var open = text.IndexOf('[', subquery.Expr.End, subquery.End - subquery.Expr.End);
            var colon = open < 0 ? -1 : text.IndexOf(':', open, subquery.End - open);
            if (open < 0 || colon < 0)
            {
                return false;
            }

            var range = text.Substring(open + 1, colon - open - 1).Trim();
            if (MetricTypeSelectors.ParseWindow(range).Problem is not null)
            {
                return false;
            }

            replacement = text.Substring(aggregation.Start, selector.Start - aggregation.Start)
                + call.Name + "(" + text.Substring(selector.Start, selector.End - selector.Start) + "[" + range + "])"
                + text.Substring(selector.End, aggregation.End - selector.End);
            return true;
        }
    }
}
