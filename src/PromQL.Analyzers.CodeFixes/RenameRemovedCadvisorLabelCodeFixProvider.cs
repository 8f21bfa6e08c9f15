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
    /// PROMQL003: renames <c>pod_name</c> to <c>pod</c> and <c>container_name</c> to <c>container</c>, in a matcher or a
    /// grouping clause. The rule gives the new name (<see cref="FixProperties.ReplaceText"/>); the fixer maps the edit
    /// into the literal and checks that the edited query parses and names the label no more at that place.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameRemovedCadvisorLabelCodeFixProvider)), Shared]
    public sealed class RenameRemovedCadvisorLabelCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RemovedCadvisorLabel + ".RenameLabel";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Rename to the label Kubernetes 1.16 kept";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RenameRemovedCadvisorLabelCodeFixProvider()
            : base(DiagnosticIds.RemovedCadvisorLabel, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that rename the label, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.RemovedCadvisorLabel
                || !diagnostic.Properties.TryGetValue(FixProperties.ReplaceText, out var rename)
                || (rename != CadvisorSelectors.PodLabel && rename != CadvisorSelectors.ContainerLabel))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
            {
                return null;
            }

            var (query, start, end) = located;
            var text = query.Text.Text;
            const string suffix = "_name";
            if (end - start != rename!.Length + suffix.Length || end > text.Length
                || string.CompareOrdinal(text, start, rename + suffix, 0, end - start) != 0)
            {
                return null;
            }

            // Both new names are the old ones without "_name": deleting the suffix is the smallest edit, and it stays in
            // the piece that holds it when the name runs across the parts of a concatenation.
            var edits = new[] { QueryEdit.Delete(end - suffix.Length, end) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            var edited = query.Apply(edits);

            // What the title promises: the query still parses and the rule reports nothing at that place any more. Keeps
            // hands the root first; the rule walks it whole, so no other node needs asking.
            var root = true;
            return changes is not null
                && LocatedQuery.Keeps(edited, node =>
                {
                    var isRoot = root;
                    root = false;
                    return isRoot && !Reports(node, edited, start);
                })
                ? changes
                : null;
        }

        private static bool Reports(Expr root, string text, int start)
        {
            var findings = new List<Finding>();
            RemovedCadvisorLabelRule.Find(root, text, Configuration.PromQlAnalyzerOptions.Default, findings);
            foreach (var finding in findings)
            {
                if (finding.Start == start)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
