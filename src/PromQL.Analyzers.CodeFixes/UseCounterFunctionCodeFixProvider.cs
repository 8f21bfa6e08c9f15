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
    /// PROMQL011: renames a gauge function over a counter to its counter equivalent, the range as written: <c>delta</c>
    /// becomes <c>increase</c>, <c>deriv</c> <c>rate</c>, <c>idelta</c> <c>irate</c>. The rule gives the name
    /// (<see cref="GaugeFunctionOverCounterRule"/>); the fixer maps it into the literal and checks that a counter function
    /// now stands where the gauge function stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCounterFunctionCodeFixProvider)), Shared]
    public sealed class UseCounterFunctionCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.GaugeFunctionOverCounter + ".UseCounterFunction";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use the counter function (rate, increase, irate)";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public UseCounterFunctionCodeFixProvider()
            : base(DiagnosticIds.GaugeFunctionOverCounter, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that rename the function, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.GaugeFunctionOverCounter,
                (node, start) => node is Call { Name: "rate" or "increase" or "irate" } call && call.Start == start && call.Args.Count == 1,
                cancellationToken);
    }
}
