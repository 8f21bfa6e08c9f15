using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// What both fixers share: one rule, one kind of fix computed as text changes from the diagnostic (its location and
    /// the edit its rule put in its properties; null when none is safe), offered only where it can be applied, and Fix
    /// All that merges each document's changes.
    /// </summary>
    public abstract class PromQlCodeFixProvider : CodeFixProvider
    {
        private readonly string _title;
        private readonly string _equivalenceKey;
        private readonly Func<Document, Diagnostic, CancellationToken, Task<IReadOnlyList<TextChange>?>> _computeChanges;
        private readonly FixAllProvider _fixAll;

        private protected PromQlCodeFixProvider(
            string diagnosticId,
            string title,
            string equivalenceKey,
            Func<Document, Diagnostic, CancellationToken, Task<IReadOnlyList<TextChange>?>> computeChanges)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _title = title;
            _equivalenceKey = equivalenceKey;
            _computeChanges = computeChanges;
            _fixAll = QueryFixAllProvider.Create(computeChanges);
        }

        /// <inheritdoc />
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                var changes = await _computeChanges(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (changes is not null)
                {
                    context.RegisterCodeFix(CodeAction.Create(_title, ct => DocumentEdits.ApplyAsync(document, changes, ct), _equivalenceKey), diagnostic);
                }
            }
        }
    }
}
