using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// Fix All for a fixer that offers one kind of fix: per document, every diagnostic's changes computed on the same
    /// text and merged. Unlike the batch fixer it does not filter by equivalence key, so a diagnostic that gets no fix
    /// (a selector cut by a <c>+</c>) cannot turn Fix All off: <c>dotnet format</c> takes the key from whichever
    /// diagnostic it meets first.
    /// </summary>
    internal static class QueryFixAllProvider
    {
        public static FixAllProvider Create(Func<Document, Diagnostic, CancellationToken, Task<IReadOnlyList<TextChange>?>> computeChanges) =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var merged = await MergeAsync(document, diagnostics, computeChanges, context.CancellationToken).ConfigureAwait(false);
                if (merged.Count == 0)
                {
                    return document;
                }

                var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                return document.WithText(text.WithChanges(merged));
            });

        /// <summary>The changes of every diagnostic's fix, in order; a fix that would overlap an earlier one is left for another pass.</summary>
        internal static async Task<List<TextChange>> MergeAsync(
            Document document,
            ImmutableArray<Diagnostic> diagnostics,
            Func<Document, Diagnostic, CancellationToken, Task<IReadOnlyList<TextChange>?>> computeChanges,
            CancellationToken cancellationToken)
        {
            var accepted = new List<TextChange>();
            foreach (var diagnostic in diagnostics)
            {
                var changes = await computeChanges(document, diagnostic, cancellationToken).ConfigureAwait(false);
                if (changes is null || Overlaps(accepted, changes))
                {
                    continue;
                }

                accepted.AddRange(changes);
            }

            accepted.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return accepted;
        }

        // Two insertions at one point, or any two changes sharing a character, cannot both apply.
        private static bool Overlaps(List<TextChange> accepted, IReadOnlyList<TextChange> changes)
        {
            foreach (var change in changes)
            {
                foreach (var other in accepted)
                {
                    if (change.Span.Start < other.Span.End && other.Span.Start < change.Span.End)
                    {
                        return true;
                    }

                    if (change.Span.Start == other.Span.Start && (change.Span.IsEmpty || other.Span.IsEmpty))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
