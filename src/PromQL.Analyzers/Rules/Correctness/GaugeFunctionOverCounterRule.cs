using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL011: a gauge function (<c>deriv</c>, <c>delta</c>, <c>idelta</c>, <c>predict_linear</c>,
    /// <c>double_exponential_smoothing</c>) over a metric known to be a counter: from the options, the compilation's
    /// definitions or the shipped catalog, or named <c>_total</c> where none of them knows the name (so a cAdvisor gauge
    /// named <c>_total</c> is never taken for a counter). The function reads each counter reset as a fall to zero. Only
    /// where the function reads the selector itself (<c>x[5m]</c>, or a subquery over the bare selector); a hole in the
    /// name leaves it unknown. Where the text allows, the finding carries its fix, one replacement of the function's
    /// name: <c>delta</c> becomes <c>increase</c>, <c>deriv</c> <c>rate</c>, <c>idelta</c> <c>irate</c>;
    /// <c>predict_linear</c> and <c>double_exponential_smoothing</c> have no counter equivalent and no fix.
    /// </summary>
    internal sealed class GaugeFunctionOverCounterRule : QueryRule
    {
        public static readonly GaugeFunctionOverCounterRule Instance = new GaugeFunctionOverCounterRule();

        private GaugeFunctionOverCounterRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.GaugeFunctionOverCounter);

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
        /// The rule over a tree: every gauge function below <paramref name="root"/>. <paramref name="text"/> is the text the
        /// tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, MetricKnowledge metrics, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not Call { NameHasHole: false } call || call.Args.Count == 0 || !MetricTypeSelectors.GaugeFunctions.Contains(call.Name)
                    || MetricTypeSelectors.RangeSelectorOf(call.Args[0]) is not { } selector
                    || !MetricTypeSelectors.TryGetFact(metrics, selector, out var name, out var fact)
                    || fact.Type != MetricType.Counter || fact.Part != MetricPart.Whole)
                {
                    continue;
                }

                var equivalent = call.Args.Count == 1 ? CounterEquivalent(call.Name) : null;
                var end = call.Start + call.Name.Length;
                var properties = MetricTypeSelectors.RenameProperties(call, text, equivalent);

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.GaugeFunctionOverCounter,
                    call.Start,
                    end,
                    properties,
                    call.Name,
                    name,
                    fact.Provenance,
                    equivalent is null ? "take the rate() of the counter first" : "use " + equivalent + ", its counter equivalent"));
            }
        }

        /// <summary>The counter function that answers what the gauge function asks, or null.</summary>
        internal static string? CounterEquivalent(string gaugeFunction) => gaugeFunction switch
        {
            "delta" => "increase",
            "deriv" => "rate",
            "idelta" => "irate",
            _ => null,
        };
    }
}
