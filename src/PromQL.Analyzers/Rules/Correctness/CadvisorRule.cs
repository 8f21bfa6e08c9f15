using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What the cAdvisor rules (PROMQL001, PROMQL002) share: one descriptor each, the cAdvisor options, the watched
    /// prefixes as content triggers, and a run over parsed trees only (fix properties only for trees without errors).
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
                // A fix must know what the query means: a query with errors gets its findings, never an edit.
                FindIn(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>
        /// The rule over a parsed tree. <paramref name="text"/> is the text the tree was parsed from, for the fix
        /// properties (<see cref="FixProperties"/>); null when no fix may be offered, and then findings carry none.
        /// </summary>
        protected abstract void FindIn(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings);
    }
}
