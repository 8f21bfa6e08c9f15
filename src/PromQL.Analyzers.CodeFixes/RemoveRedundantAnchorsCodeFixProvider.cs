using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL021: deletes the <c>^</c> that begins and the <c>$</c> that ends a matcher regex where the rule proved them
    /// redundant (<see cref="RedundantAnchorsRule"/>). The fixer maps the deletions and checks that a regex matcher that
    /// compiles still stands there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRedundantAnchorsCodeFixProvider)), Shared]
    public sealed class RemoveRedundantAnchorsCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RedundantAnchors + ".RemoveAnchors";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove the anchors Prometheus adds anyway";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RemoveRedundantAnchorsCodeFixProvider()
            : base(DiagnosticIds.RedundantAnchors, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that delete the anchors, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.RedundantAnchors,
                (node, start) => Matchers.At(node, start) is { Type: MatchType.Regexp or MatchType.NotRegexp } matcher && matcher.TryGetRegex(out _),
                cancellationToken,
                editsFit: OnlyAnchorsDeleted);

        // Each edit deletes one character, the first a ^ or a $, the second (when there is one) a $.
        private static bool OnlyAnchorsDeleted(string text, IReadOnlyList<QueryEdit> edits)
        {
            for (var i = 0; i < edits.Count; i++)
            {
                var edit = edits[i];
                if (edit.NewText.Length != 0 || edit.End != edit.Start + 1 || (text[edit.Start] != '$' && (i > 0 || text[edit.Start] != '^')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
