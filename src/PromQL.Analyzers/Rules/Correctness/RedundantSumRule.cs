using System.Collections.Generic;
using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL002: <c>sum</c> over one selector of a watched metric that pins a single pod (namespace and pod).
    /// Either the selector keeps the pod-level series, and the sum adds the pod's total to its containers'
    /// totals, or it pins the container too, and the sum runs over one series. A sum over the pod's
    /// <c>container!=""</c> series is the real pod total and stays silent. Where the operand can stand in for the sum
    /// (<see cref="SumContext"/>), the finding carries its fix: delete everything of the sum but its operand
    /// (<see cref="FixProperties.OperandStart"/>, <see cref="FixProperties.OperandEnd"/>).
    /// </summary>
    internal sealed class RedundantSumRule : CadvisorRule
    {
        internal const string DoublesPodTotalMessage =
            "sum adds the pod-level cgroup series (container=\"\") to the series of the pod's containers, so it doubles the pod's total; " +
            "filter with container!=\"\" for the pod total, or remove the sum for one series per container";

        internal const string SingleSeriesMessage =
            "sum runs over a single series (namespace, pod and container are pinned), so it changes nothing; remove it";

        public static readonly RedundantSumRule Instance = new RedundantSumRule();

        private RedundantSumRule()
            : base(PromQL.Analyzers.Descriptors.RedundantSum)
        {
        }

        protected override void FindIn(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings) => Find(root, text, options, findings);

        /// <summary>
        /// The rule over a tree: every <c>sum</c> below <paramref name="root"/>. <paramref name="text"/> is the text the
        /// tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not AggregateExpr { Op: AggregateOperator.Sum, Param: null, Without: false } sum)
                {
                    continue;
                }

                var operand = sum.Expr;
                while (operand is ParenExpr paren)
                {
                    operand = paren.Expr;
                }

                if (operand is not VectorSelector selector
                    || !CadvisorSelectors.TryGetWatchedMetric(selector, options, out _, out _)
                    || !CadvisorSelectors.PinsLabel(selector, CadvisorSelectors.NamespaceLabel)
                    || !CadvisorSelectors.PinsLabel(selector, CadvisorSelectors.PodLabel)
                    || !GroupsOnlyByPinnedLabels(sum, selector))
                {
                    continue;
                }

                string message;
                if (CadvisorSelectors.KeepsPodLevelSeries(selector, options) == true)
                {
                    message = DoublesPodTotalMessage;
                }
                else if (CadvisorSelectors.PinsLabel(selector, CadvisorSelectors.ContainerLabel))
                {
                    message = SingleSeriesMessage;
                }
                else
                {
                    continue;
                }

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.RedundantSum,
                    sum.Start,
                    sum.End,
                    text is null ? FixProperties.None : FixOf(root, sum, text),
                    message));
            }
        }

        private static ImmutableDictionary<string, string?> FixOf(Expr root, AggregateExpr sum, string text)
        {
            var properties = FixProperties.AtNode(sum.Start, sum.End, text.Length);

            // The operand stays exactly as written; everything before it (sum, by (...), the parenthesis) and after it
            // (the parenthesis, by (...)) goes. Not where the rest of the query needs the sum's single, label-less result:
            // there, PROMQL001's fix is the one that keeps the query right.
            if (sum.Param is null && SumContext.OperandCanStandAlone(root, sum))
            {
                properties[FixProperties.OperandStart] = FixProperties.Offset(sum.Expr.Start);
                properties[FixProperties.OperandEnd] = FixProperties.Offset(sum.Expr.End);
            }

            return properties.ToImmutable();
        }

        // by (labels) keeps one group only when every label has one value in the selector.
        private static bool GroupsOnlyByPinnedLabels(AggregateExpr sum, VectorSelector selector)
        {
            var grouping = sum.Grouping;
            for (var i = 0; i < grouping.Count; i++)
            {
                if (!CadvisorSelectors.PinsLabel(selector, grouping[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
