using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Tests.Robustness;
using PromQL.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.CodeFixes.Tests.Robustness
{
    /// <summary>
    /// Property tests (CsCheck) driving both code fixes with the analyzer's generated C# files
    /// (<see cref="CSharpQueryFiles"/>): for every PROMQL001/PROMQL002 diagnostic, no provider throws; an offered fix
    /// edits only the string it is about, leaves C# without syntax errors and the string a query that parses, and
    /// PROMQL001's fix silences PROMQL001 at that selector. Set <c>CsCheck_Seed</c> to replay a printed seed.
    /// </summary>
    public sealed class CodeFixPropertyTests
    {
        private const int Iterations = 300;

        private static readonly CodeFixProvider AddFilter = new AddContainerFilterCodeFixProvider();
        private static readonly CodeFixProvider RemoveSum = new RemoveRedundantSumCodeFixProvider();
        private static readonly CodeFixProvider KeepLe = new KeepBucketLabelCodeFixProvider();
        private static readonly CodeFixProvider AsFraction = new QuantileAsFractionCodeFixProvider();
        private static readonly CodeFixProvider AsEquality = new RegexAsEqualityCodeFixProvider();
        private static readonly CodeFixProvider RemoveAnchors = new RemoveRedundantAnchorsCodeFixProvider();
        private static readonly CodeFixProvider Simplify = new SimplifyRegexMatcherCodeFixProvider();
        private static readonly CodeFixProvider UseRegex = new UseRegexMatcherCodeFixProvider();
        private static readonly CodeFixProvider GaugeFunction = new UseGaugeFunctionCodeFixProvider();
        private static readonly CodeFixProvider CounterFunction = new UseCounterFunctionCodeFixProvider();
        private static readonly CodeFixProvider WrapInRate = new WrapCounterInRateCodeFixProvider();
        private static readonly CodeFixProvider RateBeforeSum = new RateBeforeAggregationCodeFixProvider();

        private readonly ITestOutputHelper _output;

        public CodeFixPropertyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryFinding_FixesSafely()
        {
            int findings = 0, fixes = 0;
            CSharpQueryFiles.WithFindings.Sample(file =>
            {
                var (found, fixed_) = CheckFileAsync(file).GetAwaiter().GetResult();
                Interlocked.Add(ref findings, found);
                Interlocked.Add(ref fixes, fixed_);
            }, iter: Iterations, writeLine: _output.WriteLine, print: f => "\n" + f);

            _output.WriteLine($"{fixes} fixes offered for {findings} PROMQL001/PROMQL002 findings in {Iterations} files");

            // The files are mostly cAdvisor queries: if no fix were offered, the property would say nothing.
            Assert.True(fixes > Iterations / 4, $"only {fixes} fixes in {Iterations} files: the generator has drifted");
        }

        private static async Task<(int Findings, int Fixes)> CheckFileAsync(GeneratedFile file)
        {
            var document = FixHarness.CreateDocument(file.Source);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            int findings = 0, fixes = 0;
            foreach (var diagnostic in diagnostics.Where(d => d.Id is DiagnosticIds.ContainerFilterMissing or DiagnosticIds.RedundantSum
                or DiagnosticIds.HistogramWithoutLe or DiagnosticIds.QuantileOutOfRange or DiagnosticIds.RegexWithoutMetacharacters
                or DiagnosticIds.RedundantAnchors or DiagnosticIds.TrivialRegexMatcher or DiagnosticIds.EqualityWithRegexValue
                or DiagnosticIds.CounterFunctionOverGauge or DiagnosticIds.GaugeFunctionOverCounter or DiagnosticIds.CounterReadRaw
                or DiagnosticIds.CounterFunctionOverAggregation))
            {
                findings++;
                var span = diagnostic.Location.SourceSpan;
                var query = file.Queries.Single(q => q.Span.Contains(span));

                // Every provider's own entry point, whatever the ID: a diagnostic that is not theirs gives null, never an exception.
                await AddContainerFilterCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RemoveRedundantSumCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RenameRemovedCadvisorLabelCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RemoveNetworkContainerFilterCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await UseKubeStateMetricsV2CodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);

                await KeepBucketLabelCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await QuantileAsFractionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);

                await RemoveSortCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RenameFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);

                Assert.Null(await InvariantHoleCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                Assert.Null(await InvariantStringCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                Assert.Null(await ConvertHoleValueCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                await RegexAsEqualityCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RemoveRedundantAnchorsCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await SimplifyRegexMatcherCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await UseRegexMatcherCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);

                await UseGaugeFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await UseCounterFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await WrapCounterInRateCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);
                await RateBeforeAggregationCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None);

                var provider = diagnostic.Id switch
                {
                    DiagnosticIds.ContainerFilterMissing => AddFilter,
                    DiagnosticIds.RedundantSum => RemoveSum,
                    DiagnosticIds.HistogramWithoutLe => KeepLe,
                    DiagnosticIds.RegexWithoutMetacharacters => AsEquality,
                    DiagnosticIds.RedundantAnchors => RemoveAnchors,
                    DiagnosticIds.TrivialRegexMatcher => Simplify,
                    DiagnosticIds.EqualityWithRegexValue => UseRegex,
                    DiagnosticIds.CounterFunctionOverGauge => GaugeFunction,
                    DiagnosticIds.GaugeFunctionOverCounter => CounterFunction,
                    DiagnosticIds.CounterReadRaw => WrapInRate,
                    DiagnosticIds.CounterFunctionOverAggregation => RateBeforeSum,
                    _ => AsFraction,
                };
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                Assert.True(actions.Count <= 1, $"{actions.Count} fixes for {diagnostic}");
                if (actions.Count == 0)
                {
                    continue;
                }

                fixes++;
                var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
                var fixedDocument = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
                var changes = (await fixedDocument.GetTextChangesAsync(document)).ToList();
                await CheckFixAsync(diagnostic, query, changes, fixedDocument);
            }

            return (findings, fixes);
        }

        private static async Task CheckFixAsync(Diagnostic diagnostic, GeneratedQuery query, List<TextChange> changes, Document fixedDocument)
        {
            var fixedText = (await fixedDocument.GetTextAsync()).ToString();
            var context = $"{diagnostic} fixed by [{string.Join(", ", changes)}]:\n{fixedText}";
            Assert.True(changes.Count > 0, "a fix that changes nothing: " + context);
            Assert.True(changes.All(c => query.Span.Contains(c.Span)), "a fix edits outside its string: " + context);

            var tree = await fixedDocument.GetSyntaxTreeAsync();
            var errors = tree!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"C# errors {string.Join("; ", errors)} after " + context);

            // The fixed string, read as the analyzer reads it (StringExpressions.Read), parses without errors.
            var start = MapThrough(changes, diagnostic.Location.SourceSpan.Start);
            var reread = await LocatedQuery.FindAsync(fixedDocument, new TextSpan(start, 0), t => !PromQlParser.Parse(t.Text).HasErrors, CancellationToken.None);
            Assert.True(reread is not null, "the fixed string does not parse: " + context);

            var after = await FixHarness.GetDiagnosticsAsync(fixedDocument);
            Assert.DoesNotContain(after, d => d.Id == "AD0001");
            if (diagnostic.Id == DiagnosticIds.ContainerFilterMissing)
            {
                Assert.False(
                    after.Any(d => d.Id == DiagnosticIds.ContainerFilterMissing && d.Location.SourceSpan.Start == start),
                    "PROMQL001 is still reported at the fixed selector: " + context);
            }
        }

        /// <summary>Where <paramref name="position"/> of the old text is in the new one (text inserted exactly there goes after it).</summary>
        private static int MapThrough(IEnumerable<TextChange> changes, int position)
        {
            var delta = 0;
            foreach (var change in changes)
            {
                if (change.Span.End < position || (change.Span.End == position && change.Span.Length > 0))
                {
                    delta += change.NewText!.Length - change.Span.Length;
                }
            }

            return position + delta;
        }
    }
}
