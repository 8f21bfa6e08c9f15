using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Perfolizer.Metrology;
using PromQL.Analyzers;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// What the analyzer adds to a build: a generated 2,000-file project compiled with no analyzer, with the
    /// do-nothing <see cref="FloorAnalyzer"/> (the baseline: the host's cost of calling any analyzer that registers
    /// what ours does) and with <see cref="PromQlAnalyzer"/>. All three bind every method body (the compiler's
    /// diagnostics); each invocation builds a new compilation from the same parsed trees and a new analyzer
    /// instance, as a command-line build does.
    /// </summary>
    /// <remarks>
    /// One invocation per iteration (each takes seconds): <c>RunStrategy.Monitoring</c>. The compiler and the
    /// analyzer driver run single-threaded (<c>concurrentBuild: false</c>, <c>concurrentAnalysis: false</c>).
    /// </remarks>
    [MemoryDiagnoser]
    [MedianColumn]
    [MinColumn]
    [MaxColumn]
    [Config(typeof(InMegabytes))]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
    public class BuildBenchmarks
    {
        /// <summary>The number of files in the generated project.</summary>
        public const int FileCount = 2000;

        private ImmutableArray<SyntaxTree> _trees;

        /// <summary>Whether the project holds PromQL.</summary>
        [Params(PromQlContent.None, PromQlContent.OneFileInTen)]
        public PromQlContent Content { get; set; }

        /// <summary>Generates and parses the project once, outside the measurement, and checks it compiles.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var files = GeneratedProject.Create(FileCount, Content);
            _trees = Compilations.ParseAll(files);
            var errors = Compilations.Create(_trees).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var ours = Compilations.WithAnalyzer(Compilations.Create(_trees), new PromQlAnalyzer()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Console.WriteLine($"// {Content}: {_trees.Length} files, {files.Sum(f => f.Length):N0} chars, {_trees.Sum(t => t.GetText().Lines.Count):N0} lines; " +
                $"{errors} compiler errors; PromQL diagnostics: {string.Join(", ", ours.GroupBy(d => d.Id).Select(g => g.Key + " x" + g.Count()))}");
            if (errors != 0)
            {
                throw new InvalidOperationException("The generated project does not compile.");
            }
        }

        /// <summary>The compiler alone.</summary>
        [Benchmark]
        public int NoAnalyzer() => Compilations.Create(_trees).GetDiagnostics().Length;

        /// <summary>The compiler and the do-nothing analyzer.</summary>
        [Benchmark(Baseline = true)]
        public int FloorAnalyzer() => Run(new FloorAnalyzer());

        /// <summary>The compiler and ours.</summary>
        [Benchmark]
        public int PromQlAnalyzer() => Run(new PromQlAnalyzer());

        /// <summary>Allocation in MB: the differences that matter here are 1 % of about 1.8 GB.</summary>
        private sealed class InMegabytes : ManualConfig
        {
            public InMegabytes() => SummaryStyle = SummaryStyle.Default.WithSizeUnit(SizeUnit.MB);
        }

        private int Run(DiagnosticAnalyzer analyzer) =>
            Compilations.WithAnalyzer(Compilations.Create(_trees), analyzer).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }
}
