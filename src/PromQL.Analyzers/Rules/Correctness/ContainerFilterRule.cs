using System.Collections.Generic;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL001: a selector of a watched cAdvisor metric that keeps the pod-level cgroup series (container=""),
    /// wherever it stands in the query. Reported on the selector up to its closing brace, so a fix that edits the
    /// braces stays inside the span; silent where a hole or an invalid regex leaves the answer open.
    /// </summary>
    internal sealed class ContainerFilterRule : CadvisorRule
    {
        public static readonly ContainerFilterRule Instance = new ContainerFilterRule();

        private ContainerFilterRule()
            : base(PromQL.Analyzers.Descriptors.ContainerFilterMissing)
        {
        }

        protected override void FindIn(Expr root, PromQlAnalyzerOptions options, List<Finding> findings) => Find(root, options, findings);

        /// <summary>The rule over a tree: every selector below <paramref name="root"/>.</summary>
        public static void Find(Expr root, PromQlAnalyzerOptions options, List<Finding> findings)
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

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.ContainerFilterMissing,
                    selector.Start,
                    CadvisorSelectors.SelectorEnd(selector),
                    "'" + metric + "'",
                    CadvisorSelectors.CountedQuantity(watchedText)));
            }
        }
    }
}
