using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// The fix of a rule that states its edit as one replacement (<see cref="FixProperties.ReplaceStart"/>,
    /// <see cref="FixProperties.ReplaceEnd"/>, <see cref="FixProperties.ReplaceText"/>) inside the node it reported (from its start to its end):
    /// mapped into the literal, then checked on the edited query with the fixer's promise.
    /// </summary>
    internal static class ReplacementFix
    {
        /// <summary>
        /// The source changes, or null when the diagnostic is not <paramref name="id"/>'s, says no edit, its edit leaves the
        /// node, cannot be mapped, or the edited query breaks <paramref name="promise"/> (given the edited query's nodes and the node's start).
        /// </summary>
        public static async Task<IReadOnlyList<TextChange>?> ComputeAsync(
            Document document, Diagnostic diagnostic, string id, Func<Expr, int, bool> promise, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != id || !FixProperties.TryGetReplacement(properties, out var start, out var end, out var replacement))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || start < located.NodeStart || end > located.NodeEnd || end > located.Query.Text.Text.Length
                || (start == end && replacement.Length == 0))
            {
                return null;
            }

            var (query, nodeStart, _) = located;
            var edits = new[] { new QueryEdit(start, end, replacement) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => promise(node, nodeStart)) ? changes : null;
        }
    }
}
