using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// What is known of metric names, in this order of trust: the options (<c>promql.counters</c>, <c>promql.gauges</c>,
    /// <c>promql.histograms</c>, <c>promql.summaries</c>), definitions in the same compilation, the shipped catalog,
    /// and last the naming conventions (only when nothing else knows the name). See docs/metrics.md.
    /// </summary>
    internal sealed class MetricKnowledge
    {
        private static readonly ConditionalWeakTable<PromQlAnalyzerOptions, MetricKnowledge> ByOptionsInstance = new ConditionalWeakTable<PromQlAnalyzerOptions, MetricKnowledge>();

        private static readonly IReadOnlyDictionary<string, MetricFact> NoDefinitions = new Dictionary<string, MetricFact>(StringComparer.Ordinal);

        private readonly ImmutableArray<MetricNamePattern> _counters;
        private readonly ImmutableArray<MetricNamePattern> _gauges;
        private readonly ImmutableArray<MetricNamePattern> _histograms;
        private readonly ImmutableArray<MetricNamePattern> _summaries;
        private readonly IReadOnlyDictionary<string, MetricFact> _definitions;
        private readonly MetricCatalog _catalog;

        private MetricKnowledge(PromQlAnalyzerOptions options, IReadOnlyDictionary<string, MetricFact> definitions, MetricCatalog catalog)
        {
            _counters = options.Get(MetricOptions.Counters);
            _gauges = options.Get(MetricOptions.Gauges);
            _histograms = options.Get(MetricOptions.Histograms);
            _summaries = options.Get(MetricOptions.Summaries);
            _definitions = definitions;
            _catalog = catalog;
            Options = options;
        }

        /// <summary>The options the knowledge was made from.</summary>
        public PromQlAnalyzerOptions Options { get; }

        /// <summary>The shipped catalog this knowledge reads.</summary>
        public MetricCatalog Catalog => _catalog;

        /// <summary>Knowledge from the options, the shipped catalog and the conventions (no compilation definitions); one per options instance.</summary>
        public static MetricKnowledge FromOptions(PromQlAnalyzerOptions options) =>
            ByOptionsInstance.GetValue(options, static o => new MetricKnowledge(o, NoDefinitions, MetricCatalog.Shipped));

        /// <summary>
        /// Knowledge with the compilation's definitions, keyed by series name (every series of a family:
        /// <c>x_bucket</c>, <c>x_sum</c>, <c>x_count</c> of a histogram), above the catalog.
        /// </summary>
        public static MetricKnowledge WithDefinitions(PromQlAnalyzerOptions options, IReadOnlyDictionary<string, MetricFact> definitions) =>
            definitions.Count == 0 ? FromOptions(options) : new MetricKnowledge(options, definitions, MetricCatalog.Shipped);

        /// <summary>Knowledge over a given catalog (tests).</summary>
        internal static MetricKnowledge ForTests(PromQlAnalyzerOptions options, IReadOnlyDictionary<string, MetricFact>? definitions, MetricCatalog catalog) =>
            new MetricKnowledge(options, definitions ?? NoDefinitions, catalog);

        /// <summary>
        /// What is known of <paramref name="seriesName"/>: options &gt; compilation &gt; catalog &gt; convention.
        /// A <see cref="MetricFactOrigin.Convention"/> fact is returned only when nothing else knows the name.
        /// </summary>
        public bool TryGet(string seriesName, out MetricFact fact)
        {
            if (string.IsNullOrEmpty(seriesName))
            {
                fact = default;
                return false;
            }

            return TryGetFromOptions(seriesName, out fact)
                || _definitions.TryGetValue(seriesName, out fact)
                || _catalog.TryGet(seriesName, out fact)
                || TryGetFromConvention(seriesName, out fact);
        }

        /// <summary>The label names the catalog lists for a family, or an empty array.</summary>
        public string[] GetCatalogLabelNames(string family) => _catalog.GetLabelNames(family);

        /// <summary>The naming convention alone: <c>_total</c>, <c>_bucket</c>, <c>_sum</c>, <c>_count</c>.</summary>
        internal static bool TryGetFromConvention(string seriesName, out MetricFact fact)
        {
            if (seriesName.Length > "_total".Length && seriesName.EndsWith("_total", StringComparison.Ordinal))
            {
                fact = new MetricFact(MetricType.Counter, MetricPart.Whole, seriesName, MetricFactOrigin.Convention, "named like a counter");
                return true;
            }

            var part = MetricNames.PartOf(seriesName, out var family);
            switch (part)
            {
                case MetricPart.Bucket:
                    fact = new MetricFact(MetricType.Histogram, part, family, MetricFactOrigin.Convention, "named like a histogram's _bucket series");
                    return true;
                case MetricPart.Sum:
                    fact = new MetricFact(MetricType.Histogram, part, family, MetricFactOrigin.Convention, "named like the _sum of a histogram or a summary");
                    return true;
                case MetricPart.Count:
                    fact = new MetricFact(MetricType.Histogram, part, family, MetricFactOrigin.Convention, "named like the _count of a histogram or a summary");
                    return true;
                default:
                    fact = default;
                    return false;
            }
        }

        private bool TryGetFromOptions(string name, out MetricFact fact)
        {
            if (_counters.IsEmpty && _gauges.IsEmpty && _histograms.IsEmpty && _summaries.IsEmpty)
            {
                fact = default;
                return false;
            }

            // An exact name first, in the order counters, gauges, histograms, summaries; then the longest prefix.
            var best = default(MetricFact);
            var bestRank = -1;
            var part = MetricNames.PartOf(name, out var family);
            Consider(_counters, MetricType.Counter, MetricOptions.Counters.Key, name, MetricPart.Whole, ref best, ref bestRank);
            Consider(_gauges, MetricType.Gauge, MetricOptions.Gauges.Key, name, MetricPart.Whole, ref best, ref bestRank);
            if (part != MetricPart.Whole)
            {
                Consider(_histograms, MetricType.Histogram, MetricOptions.Histograms.Key, family, part, ref best, ref bestRank);
                if (part != MetricPart.Bucket)
                {
                    Consider(_summaries, MetricType.Summary, MetricOptions.Summaries.Key, family, part, ref best, ref bestRank);
                }
            }

            Consider(_histograms, MetricType.Histogram, MetricOptions.Histograms.Key, name, MetricPart.Whole, ref best, ref bestRank);
            Consider(_summaries, MetricType.Summary, MetricOptions.Summaries.Key, name, MetricPart.Whole, ref best, ref bestRank);
            fact = best;
            return bestRank >= 0;
        }

        /// <summary>Keeps the best match: an exact name ranks above any prefix, a longer prefix above a shorter; the first wins a tie.</summary>
        private static void Consider(ImmutableArray<MetricNamePattern> patterns, MetricType type, string key, string family, MetricPart part, ref MetricFact best, ref int bestRank)
        {
            foreach (var pattern in patterns)
            {
                if (!pattern.Matches(family))
                {
                    continue;
                }

                var rank = pattern.IsPrefix ? pattern.Text.Length : int.MaxValue;
                if (rank > bestRank)
                {
                    bestRank = rank;
                    var provenance = part == MetricPart.Whole
                        ? "listed in " + key
                        : "the " + MetricNames.Suffix(part) + " series of " + family + ", listed in " + key;
                    best = new MetricFact(type, part, family, MetricFactOrigin.Options, provenance);
                }
            }
        }
    }
}
