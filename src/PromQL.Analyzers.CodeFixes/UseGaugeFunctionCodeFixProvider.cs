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
    /// PROMQL010: renames a counter function over a gauge to its gauge equivalent, the range as written: <c>rate</c> and
    /// <c>irate</c> become <c>deriv</c>, <c>increase</c> becomes <c>delta</c>. The rule gives the name
    /// (<see cref="CounterFunctionOverGaugeRule"/>); the fixer maps it into the literal and checks that a gauge function
    /// now stands where the counter function stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseGaugeFunctionCodeFixProvider)), Shared]
    public sealed class UseGaugeFunctionCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.CounterFunctionOverGauge + ".UseGaugeFunction";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use the gauge function (deriv, delta)";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public UseGaugeFunctionCodeFixProvider()
            : base(DiagnosticIds.CounterFunctionOverGauge, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that rename the function, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.CounterFunctionOverGauge,
                (node, start) => node is Call { Name: "deriv" or "delta" } call && call.Start == start && call.Args.Count == 1,
                cancellationToken);
    }
}
