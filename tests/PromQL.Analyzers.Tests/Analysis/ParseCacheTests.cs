using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>Re-analysing unchanged queries (the IDE's case after an edit elsewhere) does not reparse them.</summary>
    public class ParseCacheTests
    {
        private const string Source = """
            class C
            {
                string A(string ns) => $"sum(container_memory_rss{{namespace='{ns}', pod='p'}})";
                string B() => "container_memory_working_set_bytes{container!=\"\"}";
                string D() => "sum(container_memory_cache{namespace='n', pod='p', container!=''})";
            }
            """;

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, string source)
        {
            var compilation = CSharpCompilation.Create(
                "cache",
                new[] { CSharpSyntaxTree.ParseText(source) },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
        }

        [Fact]
        public async Task SecondPassAfterAnEditElsewhere_ParsesNothingAgain()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Source);
            var parsesAfterFirst = analyzer.ParseCount;

            // A new compilation with an edit outside every query, analysed by the same instance.
            var second = await AnalyzeAsync(analyzer, Source.TrimEnd().TrimEnd('}') + "    int E() => 42;\n}\n");

            Assert.Equal(3, parsesAfterFirst);
            Assert.Equal(parsesAfterFirst, analyzer.ParseCount);
            Assert.Equal(first.Select(d => (d.Id, d.Location.SourceSpan)), second.Select(d => (d.Id, d.Location.SourceSpan)));
            Assert.Contains(first, d => d.Id == DiagnosticIds.ContainerFilterMissing);
        }

        [Fact]
        public async Task ChangedQuery_IsParsed()
        {
            var analyzer = new PromQlAnalyzer();
            await AnalyzeAsync(analyzer, Source);
            var before = analyzer.ParseCount;

            await AnalyzeAsync(analyzer, Source.Replace("pod='p'}})", "pod='q'}})"));

            Assert.Equal(before + 1, analyzer.ParseCount);
        }
    }
}
