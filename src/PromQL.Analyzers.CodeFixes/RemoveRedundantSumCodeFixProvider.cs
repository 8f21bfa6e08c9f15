using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL002: deletes <c>sum</c>, its grouping clause and its parentheses, leaving the operand exactly as it
    /// was written: one series per container instead of a sum that doubles the pod or changes nothing. Not offered
    /// where the sum's single, label-less result is what the rest of the query needs (see <see cref="SumContext"/>):
    /// there, PROMQL001's fix is the one that keeps the query right.
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

        /// <summary>The source changes that remove the sum reported at <paramref name="span"/>, or null when none is safe.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            var found = await LocatedQuery.FindAsync(
                document,
                span,
                query => query.FindNode<AggregateExpr>(a => a.Op == AggregateOperator.Sum && query.Text.GetSourceSpan(a.Start, a.End) == span),
                cancellationToken).ConfigureAwait(false);
            if (found is not { } located)
            {
                return null;
            }

            var (query, sum) = located;
            var operand = sum.Expr;
            if (sum.Param is not null || !SumContext.OperandCanStandAlone(query.Expression, sum))
            {
                return null;
            }

            // Everything before the operand (sum, by (...), the parenthesis) and after it (the parenthesis, by (...)).
            var edits = new[] { QueryEdit.Delete(sum.Start, operand.Start), QueryEdit.Delete(operand.End, sum.End) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            // What the title promises: where the sum stood is its operand, unchanged.
            var printed = operand.ToString();
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => node.Start == sum.Start && node.ToString() == printed) ? changes : null;
        }
    }
}
