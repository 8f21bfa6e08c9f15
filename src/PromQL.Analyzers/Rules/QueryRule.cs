using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// One rule over a PromQL query: a pure function of the parsed query and the facts it is given, testable
    /// without C#. The analyzer runs every rule of <see cref="RuleRegistry"/> on every query it finds and maps
    /// the findings back to source; a rule never sees Roslyn's syntax or semantic model.
    /// </summary>
    internal abstract class QueryRule
    {
        /// <summary>The diagnostics the rule reports (one per ID it owns).</summary>
        public abstract ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

        /// <summary>
        /// Whether the rule runs only on strings marked as PromQL (attribute, comment, known or configured API), or
        /// also on strings found by their content (which are PromQL only when they parse).
        /// </summary>
        public virtual bool NeedsMarkedQuery => false;

        /// <summary>Whether the rule reads the parse result of a query that does not parse (PROMQL100); others see only parsed trees.</summary>
        public virtual bool RunsOnInvalidQuery => false;

        /// <summary>The <c>.editorconfig</c> keys the rule reads, documented on its page.</summary>
        public virtual ImmutableArray<OptionDefinition> Options => ImmutableArray<OptionDefinition>.Empty;

        /// <summary>
        /// Text that makes an unmarked string worth parsing for this rule (metric-name prefixes, matched with
        /// ordinal <c>IndexOf</c>); empty for a rule that never runs on content-detected strings.
        /// </summary>
        public virtual ImmutableArray<string> ContentTriggers(PromQlAnalyzerOptions options) => ImmutableArray<string>.Empty;

        /// <summary>Adds what the rule finds in <paramref name="query"/> to <paramref name="findings"/>.</summary>
        public abstract void Analyze(QueryContext query, List<Finding> findings);
    }
}
