using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>Compilations and analyzer runs shared by the Roslyn benchmarks, built the same way for every case.</summary>
    internal static class Compilations
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        // Single-threaded compiler and driver: on a shared two-core machine, threads add noise, not insight.
        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

        public static SyntaxTree Parse(string text, int index) =>
            CSharpSyntaxTree.ParseText(text, ParseOptions, path: "File" + index + ".cs");

        public static ImmutableArray<SyntaxTree> ParseAll(IReadOnlyList<string> files) =>
            files.Select(Parse).ToImmutableArray();

        public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
            CSharpCompilation.Create("Generated", trees, Basic.Reference.Assemblies.Net80.References.All, Options);

        public static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, DiagnosticAnalyzer analyzer, bool logExecutionTime = false) =>
            compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: null,
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: logExecutionTime));
    }
}
