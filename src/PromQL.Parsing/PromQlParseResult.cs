using System.Collections.Generic;
using PromQL.Parsing.Syntax;

namespace PromQL.Parsing
{
    /// <summary>What parsing a query gave: the tree (when the syntax was valid) and the errors.</summary>
    public sealed class PromQlParseResult
    {
        internal PromQlParseResult(string text, Expr? expression, IReadOnlyList<PromQlDiagnostic> diagnostics, PromQlFeatures features)
        {
            Text = text;
            Expression = expression;
            Diagnostics = diagnostics;
            UsedFeatures = features;
        }

        /// <summary>The text that was parsed.</summary>
        public string Text { get; }

        /// <summary>
        /// The root of the tree; null when the query has a syntax error. A query whose syntax is valid but
        /// fails a semantic check (types, arity, …) keeps its tree beside the diagnostics.
        /// </summary>
        public Expr? Expression { get; }

        /// <summary>The errors, the first one first. Syntax errors stop at the first; semantic checks report each.</summary>
        public IReadOnlyList<PromQlDiagnostic> Diagnostics { get; }

        /// <summary>Whether the query has any error.</summary>
        public bool HasErrors => Diagnostics.Count > 0;

        /// <summary>The flagged parser features the query used.</summary>
        public PromQlFeatures UsedFeatures { get; }
    }
}
