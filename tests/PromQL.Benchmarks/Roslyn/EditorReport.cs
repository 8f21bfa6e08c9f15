using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// The editor case, as a report (<c>-- editor [runs]</c>): the 500-line <see cref="EditorFile"/> analysed by a new
    /// analyzer instance, then, after a one-character edit above every query (an incremental reparse and a new
    /// compilation, as the IDE makes), analysed again by the same instance. Roslyn times our callbacks
    /// (<c>logAnalyzerExecutionTime</c>); both passes rebind the document, so the time inside our callbacks is what
    /// the analyzer controls. The first runs are discarded so the JIT has reached its steady state.
    /// </summary>
    /// <remarks>
    /// Reporting a diagnostic runs the host's filters inside our callback (<c>#pragma</c> state, severity options),
    /// so both passes pay for the same diagnostics. <see cref="ReplayAnalyzer"/> measures that floor: it reports
    /// the second pass's diagnostics on a new copy of the edited tree and does nothing else.
    /// </remarks>
    internal static class EditorReport
    {
        // An IDE process analyses on every keystroke, so its JIT has long optimised the compiler's code and ours. The
        // first pass keeps getting faster for about 60 runs as the runtime re-compiles hot methods (from 4.7 ms to
        // 1.5 ms here); 120 runs are discarded so both passes are measured at that steady state.
        private const int WarmupRuns = 120;

        public static int Run(int runs)
        {
            var infrastructure = Compilations.Parse(GeneratedProject.Infrastructure, 0);
            var text = SourceText.From(EditorFile.Create());
            var editAt = text.ToString().IndexOf(EditorFile.EditMarker, StringComparison.Ordinal) + "return 4".Length;
            var edited = text.WithChanges(new TextChange(new TextSpan(editAt, 0), "2"));

            var first = new List<TimeSpan>();
            var second = new List<TimeSpan>();
            var floor = new List<TimeSpan>();
            var callbacks = new List<TimeSpan>();
            var reused = 0;
            string? findings = null;
            for (var run = 0; run < WarmupRuns + runs; run++)
            {
                var tree = CSharpSyntaxTree.ParseText(text, Compilations.ParseOptions, "MemoryDashboard.cs");
                var compilation = Compilations.Create(new[] { infrastructure, tree });
                var analyzer = new PromQlAnalyzer();
                var (firstTime, firstDiagnostics) = Analyze(compilation, analyzer);

                // The IDE's edit: the changed text reparsed incrementally, the tree replaced in a new compilation.
                var editedTree = tree.WithChangedText(edited);
                var reusedBefore = analyzer.ReusedResultCount;
                var (secondTime, secondDiagnostics) = Analyze(compilation.ReplaceSyntaxTree(tree, editedTree), analyzer);
                reused = analyzer.ReusedResultCount - reusedBefore;

                // The edit is on a line of its own: every diagnostic keeps its line and column.
                var firstSummary = Summary(firstDiagnostics);
                if (firstSummary != Summary(secondDiagnostics))
                {
                    throw new InvalidOperationException($"The passes disagree:\n{firstSummary}\nthen\n{Summary(secondDiagnostics)}");
                }

                var replayTree = tree.WithChangedText(edited);
                var replay = new ReplayAnalyzer(secondDiagnostics);
                var (floorTime, replayed) = Analyze(compilation.ReplaceSyntaxTree(tree, replayTree), replay);
                if (replayed.Length != secondDiagnostics.Length)
                {
                    throw new InvalidOperationException($"The replay reported {replayed.Length} of {secondDiagnostics.Length} diagnostics.");
                }

                // The driver's own cost of calling an analyzer with our registrations on the edited tree, reporting nothing.
                var (callbackTime, _) = Analyze(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(edited)), new FloorAnalyzer());

                findings = string.Join(", ", firstDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count()));
                if (run >= WarmupRuns)
                {
                    first.Add(firstTime);
                    second.Add(secondTime);
                    floor.Add(floorTime);
                    callbacks.Add(callbackTime);
                }
            }

            Console.WriteLine($"Editor case: {text.Lines.Count} lines, {EditorFile.QueryCount} queries; diagnostics {findings}; " +
                $"{reused} strings answered from the cache in the second pass; {runs} runs after {WarmupRuns} warm-up runs.");
            Console.WriteLine("| Pass | ExecutionTime median | min | max |");
            Console.WriteLine("|---|---:|---:|---:|");
            Row("first: new analyzer instance", first);
            Row("second: same instance, after a one-character edit", second);
            Row("floor: reporting the same diagnostics, nothing else", floor);
            Row("callbacks only: a do-nothing analyzer with our registrations", callbacks);
            var firstMedian = Median(first);
            var secondMedian = Median(second);
            var floorMedian = Median(floor);
            Console.WriteLine($"Ratio of medians, first / second: {Ratio(firstMedian, secondMedian)}x; " +
                $"above the reporting floor, (first - floor) / (second - floor): {Ratio(firstMedian - floorMedian, secondMedian - floorMedian)}x");
            return 0;
        }

        private static (TimeSpan Time, ImmutableArray<Diagnostic> Diagnostics) Analyze(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            // Every pass starts with an empty young generation, so a collection owed to earlier work (making the
            // compilation, an earlier pass) does not land inside the callbacks of this one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var withAnalyzer = Compilations.WithAnalyzer(compilation, analyzer, logExecutionTime: true);
            var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var telemetry = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
            return (telemetry.ExecutionTime, diagnostics);
        }

        private static string Summary(ImmutableArray<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Span + " " + d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(s => s, StringComparer.Ordinal));

        private static void Row(string name, List<TimeSpan> values) =>
            Console.WriteLine($"| {name} | {Ms(Median(values))} | {Ms(values.Min())} | {Ms(values.Max())} |");

        private static TimeSpan Median(List<TimeSpan> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
        }

        private static string Ratio(TimeSpan a, TimeSpan b) => (a.Ticks / (double)Math.Max(1, b.Ticks)).ToString("F1", CultureInfo.InvariantCulture);

        private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";

        /// <summary>Reports given diagnostics again, each from the first string node that holds it: the host's cost of reporting.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ReplayAnalyzer : DiagnosticAnalyzer
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;
            private readonly ConcurrentDictionary<int, bool> _reported = new ConcurrentDictionary<int, bool>();

            public ReplayAnalyzer(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
                ImmutableArray.Create(Descriptors.ContainerFilterMissing, Descriptors.RedundantSum, Descriptors.InvalidQuery);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics); // as PromQlAnalyzer
                context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(
                    c =>
                    {
                        var span = c.Node.Span;
                        for (var i = 0; i < _diagnostics.Length; i++)
                        {
                            var d = _diagnostics[i];
                            if (span.Contains(d.Location.SourceSpan) && _reported.TryAdd(i, true))
                            {
                                c.ReportDiagnostic(Diagnostic.Create(d.Descriptor, Location.Create(c.Node.SyntaxTree, d.Location.SourceSpan), d.GetMessage(CultureInfo.InvariantCulture)));
                            }
                        }
                    },
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.InterpolatedStringExpression,
                    SyntaxKind.AddExpression));
            }
        }
    }
}
