using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What the cAdvisor rules (PROMQL001, PROMQL002) share: one descriptor each, the cAdvisor options, the watched
    /// prefixes as content triggers, and a run over parsed trees only.
    /// </summary>
    internal abstract class CadvisorRule : QueryRule
    {
        protected CadvisorRule(DiagnosticDescriptor descriptor) => Descriptors = ImmutableArray.Create(descriptor);

        public sealed override ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

        public sealed override ImmutableArray<OptionDefinition> Options => CadvisorOptions.All;

        public sealed override ImmutableArray<string> ContentTriggers(PromQlAnalyzerOptions options) => options.WatchedPrefixes;

        public sealed override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                FindIn(expression, query.Options, findings);
            }
        }

        /// <summary>The rule over a parsed tree.</summary>
        protected abstract void FindIn(Expr root, PromQlAnalyzerOptions options, List<Finding> findings);
    }
}
