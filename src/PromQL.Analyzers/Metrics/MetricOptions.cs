using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// The <c>.editorconfig</c> keys that declare metric types (docs/metrics.md): the most trusted knowledge, above the
    /// compilation's definitions and the shipped catalog. Detection-level keys, read by every metric rule.
    /// </summary>
    internal static class MetricOptions
    {
        public static readonly OptionDefinition<ImmutableArray<MetricNamePattern>> Counters = Define(
            "promql.counters",
            "counter series names or `prefix*` patterns (`myapp_requests_total`, `myapp_*`), comma- or semicolon-separated");

        public static readonly OptionDefinition<ImmutableArray<MetricNamePattern>> Gauges = Define(
            "promql.gauges",
            "gauge names or `prefix*` patterns, comma- or semicolon-separated");

        public static readonly OptionDefinition<ImmutableArray<MetricNamePattern>> Histograms = Define(
            "promql.histograms",
            "histogram family names or `prefix*` patterns (`x` covers `x_bucket`, `x_sum`, `x_count`), comma- or semicolon-separated");

        public static readonly OptionDefinition<ImmutableArray<MetricNamePattern>> Summaries = Define(
            "promql.summaries",
            "summary family names or `prefix*` patterns (`x` covers `x_sum`, `x_count`), comma- or semicolon-separated");

        /// <summary>The metric keys, in the order the docs list them.</summary>
        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(Counters, Gauges, Histograms, Summaries);

        private static OptionDefinition<ImmutableArray<MetricNamePattern>> Define(string key, string description) =>
            OptionDefinition.List<MetricNamePattern>(key, "(none)", description, MetricNamePattern.Parse);
    }
}
