using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL010: a counter function (<c>rate</c>, <c>irate</c>, <c>increase</c>, <c>resets</c>) over a metric known to be
    /// a gauge: from the options, the compilation's definitions or the shipped catalog, never from a name's suffix (a
    /// gauge has no naming convention, and cAdvisor's <c>container_network_tcp_usage_total</c> is a gauge). The function
    /// reads every fall of the gauge as a counter reset, so the result is wrong. Only where the function reads the
    /// selector itself (<c>x[5m]</c>, or a subquery over the bare selector); a hole in the name leaves it unknown. Where
    /// the text allows, the finding carries its fix, one replacement of the function's name
    /// (<see cref="FixProperties.ReplaceStart"/>, <see cref="FixProperties.ReplaceEnd"/>,
    /// <see cref="FixProperties.ReplaceText"/>): <c>rate</c>/<c>irate</c> become <c>deriv</c>, <c>increase</c> becomes
    /// <c>delta</c>, the range as written; <c>resets</c> has no gauge equivalent and no fix.
    /// </summary>
    internal sealed class CounterFunctionOverGaugeRule : QueryRule
    {
        public static readonly CounterFunctionOverGaugeRule Instance = new CounterFunctionOverGaugeRule();

        private CounterFunctionOverGaugeRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.CounterFunctionOverGauge);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Metrics, findings);
            }
        }

        /// <summary>The rule over a tree with the knowledge of the options alone (the catalog and the options).</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings) =>
            Find(root, text, MetricKnowledge.FromOptions(options), findings);

        /// <summary>
        /// The rule over a tree: every counter function below <paramref name="root"/>. <paramref name="text"/> is the text
        /// the tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, MetricKnowledge metrics, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not Call { NameHasHole: false } call || call.Args.Count != 1 || !MetricTypeSelectors.CounterFunctions.Contains(call.Name)
                    || MetricTypeSelectors.RangeSelectorOf(call.Args[0]) is not { } selector
                    || !MetricTypeSelectors.TryGetFact(metrics, selector, out var name, out var fact)
                    || fact.Type != MetricType.Gauge || fact.Part != MetricPart.Whole || fact.Origin == MetricFactOrigin.Convention)
                {
                    continue;
                }

                var equivalent = GaugeEquivalent(call.Name);
                var end = call.Start + call.Name.Length;
                var properties = MetricTypeSelectors.RenameProperties(call, text, equivalent);

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.CounterFunctionOverGauge,
                    call.Start,
                    end,
                    properties,
                    call.Name,
                    name,
                    fact.Provenance,
                    equivalent is null ? "a gauge has no resets to count; use changes() to count its changes" : "use " + equivalent + ", its gauge equivalent"));
            }
        }

        /// <summary>The gauge function that answers what the counter function asks, or null (<c>resets</c>).</summary>
        internal static string? GaugeEquivalent(string counterFunction) => counterFunction switch
        {
            "rate" => "deriv",
            "irate" => "deriv",
            "increase" => "delta",
            _ => null,
        };
    }
}
