using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL002: deletes <c>sum</c>, its grouping clause and its parentheses, leaving the operand exactly as it
    /// was written: one series per container instead of a sum that doubles the pod or changes nothing.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRedundantSumCodeFixProvider)), Shared]
    public sealed class RemoveRedundantSumCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RedundantSum + ".RemoveRedundantSum";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove redundant sum";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RedundantSum);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var changes = await ComputeChangesAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
                if (changes is null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => DocumentEdits.ApplyAsync(document, changes, ct), EquivalenceKey),
                    diagnostic);
            }
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
            if (sum.Param is not null || !LiteralEditor.IsOneString(query.Text, sum.Start, sum.End))
            {
                return null;
            }

            // Everything before the operand (sum, by (...), the parenthesis) and after it (the parenthesis, by (...)).
            var edits = new[] { QueryEdit.Delete(sum.Start, operand.Start), QueryEdit.Delete(operand.End, sum.End) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            return changes is not null && LeavesOperand(query.Apply(edits), sum.Start, operand.ToString()) ? changes : null;
        }

        // What the title promises: the edited query parses, and where the sum stood is its operand, unchanged.
        private static bool LeavesOperand(string edited, int start, string operand)
        {
            var result = PromQlParser.Parse(edited);
            if (result.HasErrors || result.Expression is null)
            {
                return false;
            }

            foreach (var node in result.Expression.DescendantsAndSelf())
            {
                if (node.Start == start && node.ToString() == operand)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
