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
    /// PROMQL002: deletes <c>sum</c>, its grouping clause and its parentheses, leaving the operand exactly as it
    /// was written: one series per container instead of a sum that doubles the pod or changes nothing. Not offered
    /// where the sum's single, label-less result is what the rest of the query needs (see <see cref="SumContext"/>):
    /// there, PROMQL001's fix is the one that keeps the query right. The rule decides what goes
    /// (<see cref="RedundantSumRule"/>); the fixer maps it into the literal and checks the result.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRedundantSumCodeFixProvider)), Shared]
    public sealed class RemoveRedundantSumCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RedundantSum + ".RemoveRedundantSum";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove redundant sum";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RemoveRedundantSumCodeFixProvider()
            : base(DiagnosticIds.RedundantSum, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>
        /// The source changes that remove the sum <paramref name="diagnostic"/> covers, all of it but its operand
        /// (<see cref="FixProperties.OperandStart"/>, <see cref="FixProperties.OperandEnd"/>), or null when none is safe
        /// or the diagnostic does not say.
        /// </summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.RedundantSum
                || !FixProperties.TryGetOffset(properties, FixProperties.OperandStart, out var operandStart)
                || !FixProperties.TryGetOffset(properties, FixProperties.OperandEnd, out var operandEnd))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || operandStart < located.NodeStart || operandEnd <= operandStart || operandEnd > located.NodeEnd)
            {
                return null;
            }

            var (query, sumStart, sumEnd) = located;

            // What the title promises: where the sum stood is its operand, unchanged.
            var operand = PromQlParser.Parse(query.Text.Text.Substring(operandStart, operandEnd - operandStart));
            if (operand.HasErrors || operand.Expression is null)
            {
                return null;
            }

            // Everything before the operand (sum, by (...), the parenthesis) and after it (the parenthesis, by (...)).
            var edits = new[] { QueryEdit.Delete(sumStart, operandStart), QueryEdit.Delete(operandEnd, sumEnd) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            var printed = operand.Expression.ToString();
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => node.Start == sumStart && node.ToString() == printed) ? changes : null;
        }
    }
}
