using System;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What a rule is given about one query: the parse, whether the string is marked as PromQL, how it runs where the
    /// call site tells, and the options.
    /// </summary>
    internal sealed class QueryContext
    {
        public QueryContext(PromQlParseResult parse, bool isMarked, PromQlAnalyzerOptions options, QueryKind kind = QueryKind.Unknown, MetricKnowledge? metrics = null, QueryHoles? holes = null)
        {
            Holes = holes ?? QueryHoles.None;
            Parse = parse;
            IsMarked = isMarked;
            Options = options;
            Kind = kind;
            _metrics = metrics;
        }

        /// <summary>A query of a compilation, whose metric knowledge (with the compilation's own definitions) is asked for only when a rule reads it.</summary>
        public QueryContext(PromQlParseResult parse, bool isMarked, PromQlAnalyzerOptions options, QueryKind kind, Func<PromQlAnalyzerOptions, MetricKnowledge> metrics, QueryHoles? holes = null)
            : this(parse, isMarked, options, kind, holes: holes)
        {
            _metricsSource = metrics;
        }

        private readonly Func<PromQlAnalyzerOptions, MetricKnowledge>? _metricsSource;
        private MetricKnowledge? _metrics;

        /// <summary>The parser's result: the tree (null when it does not parse) and its diagnostics.</summary>
        public PromQlParseResult Parse { get; }

        /// <summary>The tree, or null when the query does not parse.</summary>
        public Expr? Expression => Parse.Expression;

        /// <summary>Whether the string is marked as PromQL, rather than found by its content.</summary>
        public bool IsMarked { get; }

        public PromQlAnalyzerOptions Options { get; }

        /// <summary>
        /// What C# puts in the query's holes (their types, formats) and how the string is formatted; <see cref="QueryHoles.None"/>
        /// for a string without holes, or one whose holes were not read (a URL's query value).
        /// </summary>
        public QueryHoles Holes { get; }

        /// <summary>How Prometheus runs the query, where the call site tells (the HTTP API endpoint, a known client API); else unknown.</summary>
        public QueryKind Kind { get; }

        /// <summary>
        /// What is known of metric names: the options, the compilation's definitions, the shipped catalog, the naming
        /// conventions, in that order of trust (docs/metrics.md).
        /// </summary>
        public MetricKnowledge Metrics => _metrics ??= _metricsSource is null ? MetricKnowledge.FromOptions(Options) : _metricsSource(Options);
    }
}
