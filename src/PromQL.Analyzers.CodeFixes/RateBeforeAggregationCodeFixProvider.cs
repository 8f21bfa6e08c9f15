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
    /// PROMQL015: moves a counter function from over a subquery of a sum to under it, over the selector with the
    /// subquery's range: <c>rate(sum(x_total)[5m:])</c> becomes <c>sum(rate(x_total[5m]))</c>. The rule writes the text
    /// (<see cref="CounterFunctionOverAggregationRule"/>) only where that asks the same question; the fixer maps it and
    /// checks that a sum of the function over a range of the selector now stands where the call stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateBeforeAggregationCodeFixProvider)), Shared]
    public sealed class RateBeforeAggregationCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.CounterFunctionOverAggregation + ".RateBeforeSum";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Apply the function to each series, then sum";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RateBeforeAggregationCodeFixProvider()
            : base(DiagnosticIds.CounterFunctionOverAggregation, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that move the function inside the sum, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.CounterFunctionOverAggregation,
                (node, start) => node is AggregateExpr { Op: AggregateOperator.Sum } sum && sum.Start == start
                    && MetricTypeSelectors.Unwrap(sum.Expr) is Call { Name: "rate" or "irate" or "increase" } call && call.Args.Count == 1
                    && call.Args[0] is MatrixSelector,
                cancellationToken);
    }
}
