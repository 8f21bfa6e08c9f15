using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// The metric knowledge of one declaration epoch: the compilation's own definitions, collected once on first use,
    /// and a <see cref="MetricKnowledge"/> per options object over them.
    /// </summary>
    internal sealed class EpochMetrics
    {
        private readonly Lazy<IReadOnlyDictionary<string, MetricFact>> _definitions;
        private readonly ConcurrentDictionary<PromQlAnalyzerOptions, MetricKnowledge> _byOptions = new ConcurrentDictionary<PromQlAnalyzerOptions, MetricKnowledge>();

        public EpochMetrics(Func<IReadOnlyDictionary<string, MetricFact>> collect)
        {
            _definitions = new Lazy<IReadOnlyDictionary<string, MetricFact>>(collect, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The compilation's definitions by series name.</summary>
        public IReadOnlyDictionary<string, MetricFact> Definitions => _definitions.Value;

        public MetricKnowledge KnowledgeFor(PromQlAnalyzerOptions options)
        {
            if (!_byOptions.TryGetValue(options, out var knowledge))
            {
                knowledge = _byOptions.GetOrAdd(options, MetricKnowledge.WithDefinitions(options, Definitions));
            }

            return knowledge;
        }
    }
}
