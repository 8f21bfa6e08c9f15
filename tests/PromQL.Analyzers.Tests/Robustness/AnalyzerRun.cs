using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromQL.Analyzers.Tests.Robustness
{
    /// <summary>What one run of the analyzer over a file gave: its diagnostics and any exception it threw.</summary>
    internal sealed class AnalyzerRun
    {
        private AnalyzerRun(CSharpCompilation compilation, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Exception> exceptions)
        {
            Compilation = compilation;
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public CSharpCompilation Compilation { get; }

        public SyntaxTree Tree => Compilation.SyntaxTrees[0];

        /// <summary>Every analyzer diagnostic, AD0001 included.</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>The exceptions the driver caught from the analyzer (each also becomes an AD0001).</summary>
        public ImmutableArray<Exception> Exceptions { get; }

        public ImmutableArray<Diagnostic> PromQlDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("PROMQL", StringComparison.Ordinal)).ToImmutableArray();

        /// <summary>A message naming every AD0001 and caught exception, or null when there is none.</summary>
        public string? Failure
        {
            get
            {
                var ad0001 = Diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).ToList();
                if (ad0001.Count == 0 && Exceptions.IsEmpty)
                {
                    return null;
                }

                return string.Join("\n", ad0001.Concat(Exceptions.Select(e => e.ToString())));
            }
        }

        public static CSharpCompilation Compile(string source) =>
            CSharpCompilation.Create(
                "Generated",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Generated.cs") },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        public static AnalyzerRun Analyze(string source, CancellationToken cancellationToken = default) =>
            AnalyzeAsync(Compile(source), cancellationToken).GetAwaiter().GetResult();

        public static async Task<AnalyzerRun> AnalyzeAsync(CSharpCompilation compilation, CancellationToken cancellationToken = default)
        {
            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PromQlAnalyzer()), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return new AnalyzerRun(compilation, diagnostics, exceptions.ToImmutableArray());
        }
    }
}
