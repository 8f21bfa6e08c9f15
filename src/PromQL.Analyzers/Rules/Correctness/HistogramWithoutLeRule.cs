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
    /// PROMQL013: <c>histogram_quantile</c> over classic-histogram buckets (a selector named <c>*_bucket</c>) read
    /// through an aggregation that removes the <c>le</c> label (<c>sum</c>, <c>sum by (pod)</c>,
    /// <c>sum without (le)</c>, any aggregation that groups). Prometheus skips every series without <c>le</c>
    /// (the BadBucketLabelWarning annotation), so the result is always empty. Only where the argument reaches the
    /// bucket selector through steps that keep labels (parentheses, aggregations, <c>rate</c> and the other
    /// per-series functions, range selectors, subqueries): a binary operation, <c>label_replace</c> or a hole ends
    /// the chain and the rule stays silent. Native histograms (no <c>_bucket</c>) carry their buckets in one sample
    /// and are never reported. Where it is safe, the finding carries its fix, one replacement
    /// (<see cref="FixProperties.ReplaceStart"/>, <see cref="FixProperties.ReplaceEnd"/>,
    /// <see cref="FixProperties.ReplaceText"/>): <c>le</c> added to <c>by</c>, <c>le</c> taken out of
    /// <c>without</c>, or <c>by (le)</c> after an aggregation without a clause.
    /// </summary>
    internal sealed class HistogramWithoutLeRule : QueryRule
    {
        internal const string BucketLabel = "le";

        public static readonly HistogramWithoutLeRule Instance = new HistogramWithoutLeRule();

        // Functions whose result keeps each input series' labels (the metric name aside), over their first argument.
        private static readonly ImmutableHashSet<string> LabelKeepingFunctions = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "rate", "irate", "increase", "delta", "idelta", "deriv",
            "avg_over_time", "sum_over_time", "min_over_time", "max_over_time", "last_over_time");

        private HistogramWithoutLeRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.HistogramWithoutLe);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>
        /// The rule over a tree: every <c>histogram_quantile</c> below <paramref name="root"/>. <paramref name="text"/>
        /// is the text the tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            var chain = new List<AggregateExpr>();
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not Call { Name: "histogram_quantile", NameHasHole: false } call || call.Args.Count != 2)
                {
                    continue;
                }

                chain.Clear();
                if (!TryReadBuckets(call.Args[1], chain, out var buckets))
                {
                    continue;
                }

                foreach (var aggregation in chain)
                {
                    if (DropsLe(aggregation) != true)
                    {
                        continue;
                    }

                    var end = ReportEnd(aggregation);
                    findings.Add(new Finding(
                        PromQL.Analyzers.Descriptors.HistogramWithoutLe,
                        aggregation.Start,
                        end,
                        text is null ? FixProperties.None : FixOf(aggregation, end, text),
                        "'" + Describe(aggregation) + "'",
                        "'" + buckets + "'"));
                }
            }
        }

        /// <summary>
        /// Whether the aggregation's result lacks <c>le</c>: true for one that groups without it, false for one that keeps
        /// it, null where a hole in the clause could be <c>le</c> or the operator keeps every label (topk, limitk, …) or
        /// sets labels of its own (count_values).
        /// </summary>
        internal static bool? DropsLe(AggregateExpr aggregation)
        {
            switch (aggregation.Op)
            {
                case AggregateOperator.Topk:
                case AggregateOperator.Bottomk:
                case AggregateOperator.Limitk:
                case AggregateOperator.LimitRatio:
                case AggregateOperator.CountValues:
                    return null;
            }

            var listed = false;
            foreach (var label in aggregation.Grouping)
            {
                if (label.IndexOf(PromQlParser.HoleCharacter) >= 0)
                {
                    return null;
                }

                listed |= label == BucketLabel;
            }

            return aggregation.Without ? listed : !listed;
        }

        // The argument down to one selector of classic buckets, through steps that keep labels; the aggregations met on the way.
        private static bool TryReadBuckets(Expr expr, List<AggregateExpr> chain, out string buckets)
        {
            buckets = string.Empty;
            var current = expr;
            while (true)
            {
                switch (current)
                {
                    case ParenExpr paren:
                        current = paren.Expr;
                        break;
                    case AggregateExpr aggregation:
                        chain.Add(aggregation);
                        current = aggregation.Expr;
                        break;
                    case Call { NameHasHole: false } call when call.Args.Count == 1 && LabelKeepingFunctions.Contains(call.Name):
                        current = call.Args[0];
                        break;
                    case MatrixSelector matrix:
                        current = matrix.VectorSelector;
                        break;
                    case SubqueryExpr subquery:
                        current = subquery.Expr;
                        break;
                    case VectorSelector selector:
                        if (selector.NameHasHole || selector.MetricName is not { } name
                            || !name.EndsWith("_bucket", StringComparison.Ordinal) || name.IndexOf(PromQlParser.HoleCharacter) >= 0)
                        {
                            return false;
                        }

                        buckets = name;
                        return chain.Count > 0;
                    default:
                        return false;
                }
            }
        }

        // The keyword and a clause written before the operand ("sum by (pod)"); the whole aggregation when the clause follows it.
        private static int ReportEnd(AggregateExpr aggregation)
        {
            if (!aggregation.HasGroupingClause)
            {
                return aggregation.Start + OperatorName(aggregation.Op).Length;
            }

            return aggregation.GroupingStart < aggregation.Expr.Start ? aggregation.GroupingEnd : aggregation.End;
        }

        private static string Describe(AggregateExpr aggregation)
        {
            var name = OperatorName(aggregation.Op);
            return aggregation.HasGroupingClause
                ? name + (aggregation.Without ? " without (" : " by (") + string.Join(", ", aggregation.Grouping) + ")"
                : name;
        }

        internal static string OperatorName(AggregateOperator op) => op switch
        {
            AggregateOperator.Sum => "sum",
            AggregateOperator.Avg => "avg",
            AggregateOperator.Count => "count",
            AggregateOperator.Min => "min",
            AggregateOperator.Max => "max",
            AggregateOperator.Group => "group",
            AggregateOperator.Stddev => "stddev",
            AggregateOperator.Stdvar => "stdvar",
            AggregateOperator.Quantile => "quantile",
            AggregateOperator.Topk => "topk",
            AggregateOperator.Bottomk => "bottomk",
            AggregateOperator.CountValues => "count_values",
            AggregateOperator.Limitk => "limitk",
            _ => "limit_ratio",
        };

        private static ImmutableDictionary<string, string?> FixOf(AggregateExpr aggregation, int end, string text)
        {
            var properties = FixProperties.AtNode(aggregation.Start, end, text.Length);
            if (TryKeepLe(aggregation, text, out var start, out var replaceEnd, out var replacement))
            {
                properties[FixProperties.ReplaceStart] = FixProperties.Offset(start);
                properties[FixProperties.ReplaceEnd] = FixProperties.Offset(replaceEnd);
                properties[FixProperties.ReplaceText] = replacement;
            }

            return properties.ToImmutable();
        }

        /// <summary>The edit that keeps <c>le</c>: false where the clause's text is not the plain labels it parsed to.</summary>
        internal static bool TryKeepLe(AggregateExpr aggregation, string text, out int start, out int end, out string replacement)
        {
            start = end = 0;
            replacement = string.Empty;
            if (!aggregation.HasGroupingClause)
            {
                var keywordEnd = aggregation.Start + OperatorName(aggregation.Op).Length;
                if (keywordEnd >= text.Length
                    || string.Compare(text, aggregation.Start, OperatorName(aggregation.Op), 0, keywordEnd - aggregation.Start, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    return false;
                }

                start = end = keywordEnd;
                replacement = text[keywordEnd] == '(' ? " by (le) " : " by (le)";
                return true;
            }

            // The clause's parenthesis: "by (" ... ")" with the labels between, no hole, no quoted label.
            var open = text.IndexOf('(', aggregation.GroupingStart);
            var close = aggregation.GroupingEnd - 1;
            if (open < 0 || close <= open || close >= text.Length || text[close] != ')')
            {
                return false;
            }

            for (var i = open + 1; i < close; i++)
            {
                var c = text[i];
                if (!(char.IsWhiteSpace(c) || c == ',' || c == '_' || c == ':' || (c < 128 && char.IsLetterOrDigit(c))))
                {
                    return false;
                }
            }

            if (!aggregation.Without)
            {
                var last = close - 1;
                while (last > open && char.IsWhiteSpace(text[last]))
                {
                    last--;
                }

                start = end = last + 1;
                replacement = text[last] == '(' ? BucketLabel : text[last] == ',' ? " " + BucketLabel : ", " + BucketLabel;
                return true;
            }

            // without: the item "le" goes with the comma after it, or, when it is the last, the comma before it.
            var items = new List<(int Start, int End)>();
            var itemStart = open + 1;
            for (var i = open + 1; i <= close; i++)
            {
                if (i == close || text[i] == ',')
                {
                    items.Add((itemStart, i));
                    itemStart = i + 1;
                }
            }

            for (var k = 0; k < items.Count; k++)
            {
                if (text.Substring(items[k].Start, items[k].End - items[k].Start).Trim() != BucketLabel)
                {
                    continue;
                }

                var itemTextStart = items[k].Start;
                while (char.IsWhiteSpace(text[itemTextStart]))
                {
                    itemTextStart++;
                }

                if (k + 1 < items.Count && items[k + 1].End > items[k + 1].Start && text.Substring(items[k + 1].Start, items[k + 1].End - items[k + 1].Start).Trim().Length > 0)
                {
                    // "le, pod" → "pod": from le to the next label.
                    var next = items[k + 1].Start;
                    while (next < close && char.IsWhiteSpace(text[next]))
                    {
                        next++;
                    }

                    start = itemTextStart;
                    end = next;
                }
                else if (k > 0)
                {
                    // "pod, le" or "pod, le," → "pod" (or "pod,"): from the comma before le to its end.
                    start = items[k - 1].End;
                    var itemTextEnd = items[k].End;
                    while (char.IsWhiteSpace(text[itemTextEnd - 1]))
                    {
                        itemTextEnd--;
                    }

                    end = itemTextEnd;
                }
                else
                {
                    // "(le)" → "()": without () keeps every label but the name.
                    start = open + 1;
                    end = close;
                }

                return true;
            }

            return false;
        }
    }
}
