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
    /// PROMQL012: wraps a counter read raw in <c>rate(…[W])</c>, W from <c>promql.rate_window</c> as the rule carried it
    /// (<see cref="FixProperties.RateWindow"/>). Two insertions around the selector; the fixer checks that the edited query
    /// holds a <c>rate</c> over a range of the selector where the selector stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapCounterInRateCodeFixProvider)), Shared]
    public sealed class WrapCounterInRateCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.CounterReadRaw + ".WrapInRate";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Take the rate of the counter";

        private const string Prefix = "rate(";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public WrapCounterInRateCodeFixProvider()
            : base(DiagnosticIds.CounterReadRaw, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that wrap the selector, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.CounterReadRaw
                || !diagnostic.Properties.TryGetValue(FixProperties.RateWindow, out var window) || window is null
                || MetricTypeSelectors.ParseWindow(window).Problem is not null)
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
            {
                return null;
            }

            var (query, start, end) = located;
            if (end <= start || end > query.Text.Text.Length)
            {
                return null;
            }

            var edits = new[] { QueryEdit.Insert(start, Prefix), QueryEdit.Insert(end, "[" + window.Trim() + "])") };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            var selectorLength = end - start;
            return changes is not null
                && LocatedQuery.Keeps(query.Apply(edits), node =>
                    node is Call { Name: "rate" } call && call.Start == start && call.Args.Count == 1
                    && call.Args[0] is MatrixSelector { VectorSelector: VectorSelector selector }
                    && selector.Start == start + Prefix.Length && selector.End - selector.Start == selectorLength)
                ? changes
                : null;
        }
    }
}
