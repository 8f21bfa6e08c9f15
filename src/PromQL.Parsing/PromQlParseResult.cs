using System.Collections.Generic;
using PromQL.Parsing.Syntax;

namespace PromQL.Parsing
{
    /// <summary>What parsing a query gave: the tree (when the syntax was valid) and the errors.</summary>
    public sealed class PromQlParseResult
    {
        internal PromQlParseResult(string text, Expr? expression, IReadOnlyList<PromQlDiagnostic> diagnostics, PromQlFeatures features, IReadOnlyList<HoleSite>? holes = null)
        {
            Text = text;
            Expression = expression;
            Diagnostics = diagnostics;
            UsedFeatures = features;
            Holes = holes ?? System.Array.Empty<HoleSite>();
        }

        /// <summary>
        /// Where each <see cref="PromQlParser.HoleCharacter"/> stands, in text order, told by the token it is in; empty
        /// for a text without holes. A hole after a lexer error has no site.
        /// </summary>
        public IReadOnlyList<HoleSite> Holes { get; }

        /// <summary>Where the hole at <paramref name="offset"/> stands; <see cref="HolePosition.Other"/> when none is known there.</summary>
        public HolePosition GetHolePosition(int offset) => TryGetHolePosition(offset, out var position) ? position : HolePosition.Other;

        /// <summary>Where the hole at <paramref name="offset"/> stands; false when no hole there has a site.</summary>
        public bool TryGetHolePosition(int offset, out HolePosition position)
        {
            int low = 0;
            int high = Holes.Count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) / 2);
                int at = Holes[middle].Offset;
                if (at == offset)
                {
                    position = Holes[middle].Position;
                    return true;
                }

                if (at < offset)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            position = HolePosition.Other;
            return false;
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
