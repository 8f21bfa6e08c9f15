using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL012: a counter read raw. A selector of a metric known to be a counter from the options, the compilation's
    /// definitions or the shipped catalog (never from the <c>_total</c> convention: a recording rule's output named
    /// <c>_total</c> is often a rate already) whose value reaches the query's result without a counter-safe step. Safe,
    /// as in pint's <c>promql/counter</c> check: any enclosing call of <c>rate</c>, <c>irate</c>, <c>increase</c>,
    /// <c>resets</c>, <c>changes</c>, <c>absent</c>, <c>absent_over_time</c>, <c>present_over_time</c>,
    /// <c>count_over_time</c> or <c>timestamp</c>, any enclosing <c>count</c> or <c>group</c>, and the right side of
    /// <c>unless</c>; more conservative than pint, also the right side of <c>and</c> (only its labels are read) and the
    /// gauge functions PROMQL011 reports. Never on a <c>match[]</c> selector or an exemplar query, whose values are not
    /// read. Where the selector stands alone (not in a range, no modifier), the finding carries its fix: the node keys
    /// and <see cref="FixProperties.RateWindow"/>, for <c>rate(selector[W])</c> with W from <c>promql.rate_window</c>.
    /// </summary>
    internal sealed class CounterReadRawRule : QueryRule
    {
        public static readonly CounterReadRawRule Instance = new CounterReadRawRule();

        private static readonly ImmutableHashSet<string> SafeFunctions = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "rate", "irate", "increase", "resets", "changes", "absent", "absent_over_time", "present_over_time", "count_over_time", "timestamp");

        private CounterReadRawRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.CounterReadRaw);

        public override ImmutableArray<OptionDefinition> Options { get; } = ImmutableArray.Create<OptionDefinition>(MetricTypeSelectors.RateWindow);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression && query.Kind != QueryKind.Selector && query.Kind != QueryKind.Exemplars)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Metrics, findings);
            }
        }

        /// <summary>The rule over a tree with the knowledge of the options alone (the catalog and the options).</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings) =>
            Find(root, text, MetricKnowledge.FromOptions(options), findings);

        /// <summary>
        /// The rule over a tree: every counter selector below <paramref name="root"/> read raw. <paramref name="text"/> is
        /// the text the tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, MetricKnowledge metrics, List<Finding> findings)
        {
            var window = metrics.Options.Get(MetricTypeSelectors.RateWindow);
            var pending = new Stack<(Expr Node, bool InRange)>();
            var children = new List<Expr>();
            pending.Push((root, false));
            while (pending.Count > 0)
            {
                var (node, inRange) = pending.Pop();
                switch (node)
                {
                    case Call { NameHasHole: false } call when SafeFunctions.Contains(call.Name) || MetricTypeSelectors.GaugeFunctions.Contains(call.Name):
                    case AggregateExpr { Op: AggregateOperator.Count or AggregateOperator.Group }:
                        // Nothing below is read raw.
                        continue;
                    case BinaryExpr { Op: BinaryOperator.Unless or BinaryOperator.And } binary:
                        pending.Push((binary.Left, false));
                        continue;
                    case MatrixSelector matrix:
                        pending.Push((matrix.VectorSelector, true));
                        continue;
                    case VectorSelector selector:
                        Report(selector, inRange, text, metrics, window, findings);
                        continue;
                }

                // Pushed last first, so that the findings come in the query's order.
                children.Clear();
                children.AddRange(node.Children);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push((children[i], false));
                }
            }
        }

        private static void Report(VectorSelector selector, bool inRange, string? text, MetricKnowledge metrics, string window, List<Finding> findings)
        {
            if (!MetricTypeSelectors.TryGetFact(metrics, selector, out var name, out var fact)
                || fact.Type != MetricType.Counter || fact.Part != MetricPart.Whole || fact.Origin == MetricFactOrigin.Convention)
            {
                return;
            }

            var end = CadvisorSelectors.SelectorEnd(selector);
            var properties = FixProperties.None;
            if (text is not null)
            {
                var builder = FixProperties.AtNode(selector.Start, end, text.Length);
                if (!inRange && MetricTypeSelectors.HasNoModifiers(selector.Modifiers) && end == selector.End)
                {
                    builder[FixProperties.RateWindow] = window;
                }

                properties = builder.ToImmutable();
            }

            findings.Add(new Finding(PromQL.Analyzers.Descriptors.CounterReadRaw, selector.Start, end, properties, name, fact.Provenance));
        }
    }
}
