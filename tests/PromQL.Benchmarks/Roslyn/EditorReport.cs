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
    /// The editor case, as a report (<c>-- editor [runs] [warm-up runs]</c>): the 500-line <see cref="EditorFile"/>, in a
    /// project of 50 and then of 1,000 other files (<see cref="GeneratedProject"/>), analysed by a new analyzer
    /// instance; then, after each of three one-character edits above every query (in a method body, in a comment
    /// between two members, in the whitespace between them; an incremental reparse and a new compilation, as the IDE
    /// makes), analysed again by the same instance. Only the document is analysed, as the IDE does after a keystroke.
    /// Roslyn times our callbacks (<c>logAnalyzerExecutionTime</c>); every pass rebinds the document, so the time inside
    /// our callbacks is what the analyzer controls. The first runs are discarded so the JIT has reached its steady state.
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
        public const int DefaultWarmupRuns = 120;

        /// <summary>Runs of each larger project before it is measured, after the JIT warmed up on the smallest.</summary>
        private const int LargerProjectWarmupRuns = 10;

        /// <summary>The sizes of the project around the document: files besides it.</summary>
        private static readonly int[] OtherFileCounts = { 50, 1000 };

        public static int Run(int runs, int warmupRuns)
        {
            var text = SourceText.From(EditorFile.Create());
            var source = text.ToString();
            var comment = source.IndexOf(EditorFile.CommentMarker, StringComparison.Ordinal);
            var edits = new[]
            {
                new Edit("(a) in a method body", Insert(text, source.IndexOf(EditorFile.EditMarker, StringComparison.Ordinal) + "return 4".Length, "2")),
                new Edit("(b) in a comment between two members", Insert(text, comment + EditorFile.CommentMarker.Length - 1, "s")),
                new Edit("(c) whitespace between two members", Insert(text, source.LastIndexOf("\n\n", comment, StringComparison.Ordinal) + 1, " ")),
            };

            var sizes = OtherFileCounts.Select(others => new SizeResult(
                others, Compilations.Create(Compilations.ParseAll(GeneratedProject.Create(others, PromQlContent.OneFileInTen))), edits.Length)).ToList();

            // The JIT warms up on the smallest project (the code is the same for every size), each larger one gets a few
            // runs of its own; then the sizes take turns, so that neither is always measured on a warmer process.
            for (var run = 0; run < warmupRuns; run++)
            {
                RunOnce(sizes[0], text, edits, run, measured: false);
            }

            foreach (var size in sizes.Skip(1))
            {
                for (var run = 0; run < Math.Min(warmupRuns, LargerProjectWarmupRuns); run++)
                {
                    RunOnce(size, text, edits, run, measured: false);
                }
            }

            for (var run = 0; run < runs; run++)
            {
                for (var k = 0; k < sizes.Count; k++)
                {
                    RunOnce(sizes[(run + k) % sizes.Count], text, edits, run, measured: true);
                }
            }

            Console.WriteLine($"Editor case: {text.Lines.Count} lines, {EditorFile.QueryCount} queries; diagnostics {sizes[0].Findings}; " +
                $"{runs} runs per project size, after {warmupRuns} warm-up runs (and {Math.Min(warmupRuns, LargerProjectWarmupRuns)} more per larger project).");
            Console.WriteLine("| other files | pass | ExecutionTime median | min | max | first / second | reused strings |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
            foreach (var size in sizes)
            {
                var firstMedian = Median(size.First);
                Row(size.Others, "first: new analyzer instance", size.First, string.Empty, string.Empty);
                for (var e = 0; e < edits.Length; e++)
                {
                    Row(size.Others, "second, edit " + edits[e].Name, size.Second[e], Ratio(firstMedian, Median(size.Second[e])) + "x", size.Reused[e].ToString(CultureInfo.InvariantCulture));
                }

                Row(size.Others, "floor: reporting the same diagnostics, nothing else", size.Floor, string.Empty, string.Empty);
                Row(size.Others, "callbacks only: a do-nothing analyzer with our registrations", size.Callbacks, string.Empty, string.Empty);
            }

            var smallest = sizes[0];
            foreach (var size in sizes.Skip(1))
            {
                Console.WriteLine($"Second pass with {size.Others} other files / with {smallest.Others}: " +
                    string.Join("; ", edits.Select((e, i) => e.Name + " " + Ratio(Median(size.Second[i]), Median(smallest.Second[i])) + "x")));
            }

            return 0;
        }

        /// <summary>One run on one project: the first pass, the three edits, the reporting floor and the callbacks-only pass.</summary>
        private static void RunOnce(SizeResult result, SourceText text, Edit[] edits, int run, bool measured)
        {
            var tree = CSharpSyntaxTree.ParseText(text, Compilations.ParseOptions, "MemoryDashboard.cs");
            var compilation = result.Project.AddSyntaxTrees(tree);
            if (!result.Checked)
            {
                if (compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                {
                    throw new InvalidOperationException("The editor project does not compile: " + error);
                }

                result.Checked = true;
            }

            var analyzer = new PromQlAnalyzer();
            var (firstTime, firstDiagnostics) = Analyze(compilation, tree, analyzer);
            var firstSummary = Summary(firstDiagnostics);
            if (measured)
            {
                result.First.Add(firstTime);
            }

            // The edits in turn, each on the first pass's text, each analysed by the same instance; the order rotates
            // so that none always comes first. The IDE's edit: the changed text reparsed incrementally, the tree
            // replaced in a new compilation.
            ImmutableArray<Diagnostic> bodyEditDiagnostics = default;
            for (var k = 0; k < edits.Length; k++)
            {
                var e = (run + k) % edits.Length;
                var editedTree = tree.WithChangedText(edits[e].Text);
                var reusedBefore = analyzer.ReusedResultCount;
                var (secondTime, secondDiagnostics) = Analyze(compilation.ReplaceSyntaxTree(tree, editedTree), editedTree, analyzer);

                // Each edit is on a line above every query and adds no line: every diagnostic keeps its line and column.
                if (firstSummary != Summary(secondDiagnostics))
                {
                    throw new InvalidOperationException($"The passes disagree after edit {edits[e].Name}:\n{firstSummary}\nthen\n{Summary(secondDiagnostics)}");
                }

                result.Reused[e] = analyzer.ReusedResultCount - reusedBefore;
                bodyEditDiagnostics = e == 0 ? secondDiagnostics : bodyEditDiagnostics;
                if (measured)
                {
                    result.Second[e].Add(secondTime);
                }
            }

            var replayTree = tree.WithChangedText(edits[0].Text);
            var replay = new ReplayAnalyzer(bodyEditDiagnostics);
            var (floorTime, replayed) = Analyze(compilation.ReplaceSyntaxTree(tree, replayTree), replayTree, replay);
            if (replayed.Length != bodyEditDiagnostics.Length)
            {
                throw new InvalidOperationException($"The replay reported {replayed.Length} of {bodyEditDiagnostics.Length} diagnostics.");
            }

            // The driver's own cost of calling an analyzer with our registrations on the edited tree, reporting nothing.
            var callbackTree = tree.WithChangedText(edits[0].Text);
            var (callbackTime, _) = Analyze(compilation.ReplaceSyntaxTree(tree, callbackTree), callbackTree, new FloorAnalyzer());

            result.Findings = string.Join(", ", firstDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count()));
            if (measured)
            {
                result.Floor.Add(floorTime);
                result.Callbacks.Add(callbackTime);
            }
        }

        private static SourceText Insert(SourceText text, int at, string inserted) => text.WithChanges(new TextChange(new TextSpan(at, 0), inserted));

        /// <summary>The document's analysis, as the IDE asks for it after an edit: its semantic diagnostics, our callbacks timed.</summary>
        private static (TimeSpan Time, ImmutableArray<Diagnostic> Diagnostics) Analyze(Compilation compilation, SyntaxTree document, DiagnosticAnalyzer analyzer)
        {
            // Every pass starts with an empty young generation, so a collection owed to earlier work (making the
            // compilation, an earlier pass) does not land inside the callbacks of this one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var withAnalyzer = Compilations.WithAnalyzer(compilation, analyzer, logExecutionTime: true);
            var diagnostics = withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(document), null, default).GetAwaiter().GetResult();
            var telemetry = withAnalyzer.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult();
            return (telemetry.ExecutionTime, diagnostics);
        }

        private static string Summary(ImmutableArray<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Span + " " + d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(s => s, StringComparer.Ordinal));

        private static void Row(int others, string name, List<TimeSpan> values, string ratio, string reused) =>
            Console.WriteLine($"| {others:N0} | {name} | {Ms(Median(values))} | {Ms(values.Min())} | {Ms(values.Max())} | {ratio} | {reused} |");

        private static TimeSpan Median(List<TimeSpan> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
        }

        private static string Ratio(TimeSpan a, TimeSpan b) => (a.Ticks / (double)Math.Max(1, b.Ticks)).ToString("F1", CultureInfo.InvariantCulture);

        private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";

        /// <summary>One edit of the document: what the report calls it, and the edited text.</summary>
        private sealed class Edit
        {
            public Edit(string name, SourceText text)
            {
                Name = name;
                Text = text;
            }

            public string Name { get; }

            public SourceText Text { get; }
        }

        /// <summary>The times measured with one project size.</summary>
        private sealed class SizeResult
        {
            public SizeResult(int others, Compilation project, int edits)
            {
                Others = others;
                Project = project;
                Second = Enumerable.Range(0, edits).Select(_ => new List<TimeSpan>()).ToArray();
                Reused = new int[edits];
            }

            public int Others { get; }

            /// <summary>The other files, compiled; each run adds the document to it.</summary>
            public Compilation Project { get; }

            /// <summary>Whether the project with the document was checked to compile.</summary>
            public bool Checked { get; set; }

            public List<TimeSpan> First { get; } = new List<TimeSpan>();

            public List<TimeSpan>[] Second { get; }

            public int[] Reused { get; }

            public List<TimeSpan> Floor { get; } = new List<TimeSpan>();

            public List<TimeSpan> Callbacks { get; } = new List<TimeSpan>();

            public string Findings { get; set; } = string.Empty;
        }

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
