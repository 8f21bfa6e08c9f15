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
    /// PROMQL014: writes a percentage given as a quantile (1 &lt; φ ≤ 100) as the fraction it means: <c>95</c> becomes
    /// <c>0.95</c>. The rule decides the text (<see cref="QuantileOutOfRangeRule"/>); the fixer maps it into the literal
    /// and checks that a number in [0, 1] now stands where the literal stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QuantileAsFractionCodeFixProvider)), Shared]
    public sealed class QuantileAsFractionCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.QuantileOutOfRange + ".QuantileAsFraction";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Write the percentage as a fraction";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public QuantileAsFractionCodeFixProvider()
            : base(DiagnosticIds.QuantileOutOfRange, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that divide the percentage by 100, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.QuantileOutOfRange,
                (node, start) => node is NumberLiteral { IsDuration: false } literal && literal.Start == start && literal.Value > 0 && literal.Value <= 1,
                cancellationToken);
    }
}
