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
    /// PROMQL013: keeps <c>le</c> in the aggregation under <c>histogram_quantile</c>: <c>sum by (pod)</c> becomes
    /// <c>sum by (pod, le)</c>, <c>sum without (le, pod)</c> becomes <c>sum without (pod)</c>, <c>sum</c> becomes
    /// <c>sum by (le)</c>. The rule decides the edit (<see cref="HistogramWithoutLeRule"/>); the fixer maps it into the
    /// literal and checks that the aggregation at the same place keeps <c>le</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepBucketLabelCodeFixProvider)), Shared]
    public sealed class KeepBucketLabelCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.HistogramWithoutLe + ".KeepBucketLabel";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Keep le in the aggregation";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public KeepBucketLabelCodeFixProvider()
            : base(DiagnosticIds.HistogramWithoutLe, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that keep <c>le</c>, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.HistogramWithoutLe,
                (node, start) => node is AggregateExpr aggregation && aggregation.Start == start && HistogramWithoutLeRule.DropsLe(aggregation) == false,
                cancellationToken);
    }
}
