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
    /// <see cref="FixProperties.ReplaceEnd"/>, <see cref="FixProperties.ReplaceText"/>), and perhaps a deletion after it
    /// (<see cref="FixProperties.DeleteStart"/>, <see cref="FixProperties.DeleteEnd"/>), inside the node it reported (from its
    /// start to its end) or, for a fix that deletes a matcher with its comma, anywhere in the query: mapped into the literal,
    /// then checked on the edited query with the fixer's promise.
    /// </summary>
    internal static class ReplacementFix
    {
        /// <summary>
        /// The source changes, or null when the diagnostic is not <paramref name="id"/>'s, says no edit, its edit leaves the
        /// node (unless <paramref name="insideNode"/> is false), cannot be mapped, or the edited query breaks <paramref name="promise"/>
        /// (given the edited query's nodes and the node's start), or <paramref name="editsFit"/> (given the query's text and the
        /// edits) says they are not the kind of edit the fixer makes.
        /// </summary>
        public static async Task<IReadOnlyList<TextChange>?> ComputeAsync(
            Document document, Diagnostic diagnostic, string id, Func<Expr, int, bool> promise, CancellationToken cancellationToken, bool insideNode = true,
            Func<string, IReadOnlyList<QueryEdit>, bool>? editsFit = null)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != id || !FixProperties.TryGetReplacement(properties, out var start, out var end, out var replacement))
            {
                return null;
            }

            var edits = new List<QueryEdit> { new QueryEdit(start, end, replacement) };
            var last = end;
            if (properties.ContainsKey(FixProperties.DeleteStart) || properties.ContainsKey(FixProperties.DeleteEnd))
            {
                if (!FixProperties.TryGetOffset(properties, FixProperties.DeleteStart, out var deleteStart)
                    || !FixProperties.TryGetOffset(properties, FixProperties.DeleteEnd, out var deleteEnd)
                    || deleteStart < end || deleteEnd <= deleteStart)
                {
                    return null;
                }

                edits.Add(QueryEdit.Delete(deleteStart, deleteEnd));
                last = deleteEnd;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || (insideNode && (start < located.NodeStart || last > located.NodeEnd)) || last > located.Query.Text.Text.Length
                || (start == end && replacement.Length == 0))
            {
                return null;
            }

            var (query, nodeStart, _) = located;
            if (editsFit is not null && !editsFit(query.Text.Text, edits))
            {
                return null;
            }

            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => promise(node, nodeStart)) ? changes : null;
        }
    }
}
