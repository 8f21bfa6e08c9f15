using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL042: deletes the <c>sort</c> call at the top of a range query (its name, its parentheses and, for
    /// <c>sort_by_label</c>, its label arguments), leaving its first argument exactly as written. The rule decides what
    /// goes (<see cref="SortInRangeQueryRule"/>); the fixer maps it into the literal and checks the result.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSortCodeFixProvider)), Shared]
    public sealed class RemoveSortCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.SortInRangeQuery + ".RemoveSort";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove sort, which a range query ignores";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RemoveSortCodeFixProvider()
            : base(DiagnosticIds.SortInRangeQuery, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>
        /// The source changes that remove the call <paramref name="diagnostic"/> covers, all of it but its first argument
        /// (<see cref="FixProperties.OperandStart"/>, <see cref="FixProperties.OperandEnd"/>), or null when none is safe
        /// or the diagnostic does not say.
        /// </summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.SortInRangeQuery
                || !FixProperties.TryGetOffset(properties, FixProperties.OperandStart, out var operandStart)
                || !FixProperties.TryGetOffset(properties, FixProperties.OperandEnd, out var operandEnd))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || operandStart <= located.NodeStart || operandEnd <= operandStart || operandEnd >= located.NodeEnd)
            {
                return null;
            }

            var (query, callStart, callEnd) = located;

            // What the title promises: where the call stood is its argument, unchanged.
            var operand = PromQlParser.Parse(query.Text.Text.Substring(operandStart, operandEnd - operandStart));
            if (operand.HasErrors || operand.Expression is null)
            {
                return null;
            }

            var edits = new[] { QueryEdit.Delete(callStart, operandStart), QueryEdit.Delete(operandEnd, callEnd) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            var printed = operand.Expression.ToString();
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => node.Start == callStart && node.ToString() == printed) ? changes : null;
        }
    }
}
