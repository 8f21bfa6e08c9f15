using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// The editor case, as a report (<c>-- editor [runs]</c>): the 500-line <see cref="EditorFile"/> analysed by a new
    /// analyzer instance, then, after a one-character edit elsewhere in the file (an incremental reparse and a new
    /// compilation, as the IDE makes), analysed again by the same instance. Roslyn times our callbacks
    /// (<c>logAnalyzerExecutionTime</c>); both passes rebind the document, so the time inside our callbacks is what
    /// the analyzer controls. The first runs are discarded so the JIT is warm.
    /// </summary>
    internal static class EditorReport
    {
        private const int WarmupRuns = 5;

        public static int Run(int runs)
        {
            var infrastructure = Compilations.Parse(GeneratedProject.Infrastructure, 0);
            var text = SourceText.From(EditorFile.Create());
            var editAt = text.ToString().IndexOf(EditorFile.EditMarker, StringComparison.Ordinal) + "return 4".Length;
            var edited = text.WithChanges(new TextChange(new TextSpan(editAt, 1), "2"));

            var first = new List<TimeSpan>();
            var second = new List<TimeSpan>();
            string? findings = null;
            for (var run = 0; run < WarmupRuns + runs; run++)
            {
                var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, Compilations.ParseOptions, "MemoryDashboard.cs");
                var compilation = Compilations.Create(new[] { infrastructure, tree });
                var analyzer = new PromQlAnalyzer();
                var (firstTime, firstDiagnostics) = Analyze(compilation, analyzer);

                // The IDE's edit: the changed text reparsed incrementally, the tree replaced in a new compilation.
                var editedTree = tree.WithChangedText(edited);
                var (secondTime, secondDiagnostics) = Analyze(compilation.ReplaceSyntaxTree(tree, editedTree), analyzer);

                var firstSummary = Summary(firstDiagnostics);
                if (firstSummary != Summary(secondDiagnostics))
                {
                    throw new InvalidOperationException($"The passes disagree: {firstSummary} then {Summary(secondDiagnostics)}");
                }

                findings = firstSummary;
                if (run >= WarmupRuns)
                {
                    first.Add(firstTime);
                    second.Add(secondTime);
                }
            }

            var firstMedian = Median(first);
            var secondMedian = Median(second);
            Console.WriteLine($"Editor case: {text.Lines.Count} lines, {EditorFile.QueryCount} queries; diagnostics {findings}; {runs} runs after {WarmupRuns} warm-up runs");
            Console.WriteLine("| Pass | ExecutionTime median | min | max |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine($"| first (new analyzer instance) | {Ms(firstMedian)} | {Ms(first.Min())} | {Ms(first.Max())} |");
            Console.WriteLine($"| second (same instance, after a one-character edit) | {Ms(secondMedian)} | {Ms(second.Min())} | {Ms(second.Max())} |");
            Console.WriteLine($"Ratio of medians, first / second: {firstMedian.Ticks / (double)Math.Max(1, secondMedian.Ticks):F1}x");
            return 0;
        }

        private static (TimeSpan Time, ImmutableArray<Diagnostic> Diagnostics) Analyze(Compilation compilation, PromQlAnalyzer analyzer)
        {
            var withAnalyzer = Compilations.WithAnalyzer(compilation, analyzer, logExecutionTime: true);
            var diagnostics = withAnalyzer.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var telemetry = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
            return (telemetry.ExecutionTime, diagnostics);
        }

        private static string Summary(ImmutableArray<Diagnostic> diagnostics) =>
            string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count()));

        private static TimeSpan Median(List<TimeSpan> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[sorted.Count / 2 - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
        }

        private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) + " ms";
    }
}
