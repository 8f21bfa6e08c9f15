using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL001: adds <c>container!=""</c> as the selector's first matcher (<c>{container!=""}</c> after a bare
    /// name), quoted like the selector's other matchers. Matchers already there stay, <c>container!="POD"</c>
    /// included: the new one drops the pod-level series beside them. The rule decides where and what
    /// (<see cref="ContainerFilterRule"/>); the fixer maps it into the literal and checks the result.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddContainerFilterCodeFixProvider)), Shared]
    public sealed class AddContainerFilterCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.ContainerFilterMissing + ".AddContainerFilter";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Add container!=\"\"";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public AddContainerFilterCodeFixProvider()
            : base(DiagnosticIds.ContainerFilterMissing, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>
        /// The source changes that add the filter where <paramref name="diagnostic"/>'s rule put it
        /// (<see cref="FixProperties.InsertAt"/>, <see cref="FixProperties.InsertText"/>), or null when none is safe
        /// or the diagnostic does not say.
        /// </summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.ContainerFilterMissing
                || !FixProperties.TryGetOffset(properties, FixProperties.InsertAt, out var position)
                || !properties.TryGetValue(FixProperties.InsertText, out var insert) || string.IsNullOrEmpty(insert))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || position > located.Query.Text.Text.Length)
            {
                return null;
            }

            var (query, selectorStart, _) = located;
            var edits = new[] { QueryEdit.Insert(position, insert!) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            // What the title promises: the selector no longer keeps the pod-level series.
            return changes is not null
                && LocatedQuery.Keeps(query.Apply(edits), node => node is VectorSelector edited && edited.Start == selectorStart
                    && CadvisorSelectors.KeepsPodLevelSeries(edited, PromQlAnalyzerOptions.Default) == false)
                ? changes
                : null;
        }
    }
}
