using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>
    /// Whether a constant's literal is PromQL depends on its uses in other members: an edit in another member's body
    /// (which keeps the declaration epoch, so other members' results are reused) that adds or removes a use must
    /// reach the constant's own result, which is therefore never kept.
    /// </summary>
    public class ConstFlowEpochTests
    {
        private const string Queries = """
            static class Queries
            {
                public const string Q = "rate(http_requests_total)";

                static int Version() => 41;
            }
            """;

        private const string Dashboard = """
            using System.Diagnostics.CodeAnalysis;

            class Dashboard
            {
                private const string Local = "rate(up)";

                void Run([StringSyntax("PromQL")] string query) { }

                void Log(string message) { }

                void Panel() => Log(Queries.Q);

                void Title() => Log(Local);

                void Other() => Run("rate({job=\"x\"}[5m])");
            }
            """;

        [Fact]
        public async Task IncrementalEditAddsAUseInAnotherFile_ConstGetsItsDiagnostic()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Queries, Dashboard);
            Assert.Empty(await AnalyzeAsync(analyzer, trees));

            var second = await AnalyzeAsync(analyzer, trees[0], Edit(trees[1], "void Panel() => Log(Queries.Q);", "void Panel() => Run(Queries.Q);"));

            var diagnostic = Assert.Single(second);
            Assert.Equal(DiagnosticIds.InvalidQuery, diagnostic.Id);
            Assert.Equal("File0.cs", diagnostic.Location.SourceTree!.FilePath);
        }

        [Fact]
        public async Task IncrementalEditAddsAUseInTheSameFile_PrivateConstGetsItsDiagnostic()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Queries, Dashboard);
            Assert.Empty(await AnalyzeAsync(analyzer, trees));

            var second = await AnalyzeAsync(analyzer, trees[0], Edit(trees[1], "void Title() => Log(Local);", "void Title() => Run(Local);"));

            var diagnostic = Assert.Single(second);
            Assert.Equal(DiagnosticIds.InvalidQuery, diagnostic.Id);
            Assert.Equal("File1.cs", diagnostic.Location.SourceTree!.FilePath);
        }

        [Fact]
        public async Task IncrementalEditRemovesTheUse_DiagnosticGoes()
        {
            var analyzer = new PromQlAnalyzer();
            var original = Parse(Queries, Dashboard);
            var trees = new[] { original[0], Edit(original[1], "void Panel() => Log(Queries.Q);", "void Panel() => Run(Queries.Q);") };
            Assert.Single(await AnalyzeAsync(analyzer, trees));

            Assert.Empty(await AnalyzeAsync(analyzer, trees[0], Edit(trees[1], "void Panel() => Run(Queries.Q);", "void Panel() => Log(Queries.Q);")));
        }

        [Fact]
        public async Task EditElsewhere_OtherMembersStillReused()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Queries, Dashboard);
            Assert.Empty(await AnalyzeAsync(analyzer, trees));

            await AnalyzeAsync(analyzer, Edit(trees[0], "=> 41;", "=> 421;"), trees[1]);

            // Other's marked string is answered from the first pass; the constants are looked at again.
            Assert.Equal(1, analyzer.ReusedResultCount);
        }

        private static SyntaxTree[] Parse(params string[] sources) =>
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: "File" + i + ".cs")).ToArray();

        private static SyntaxTree Edit(SyntaxTree tree, string before, string after)
        {
            var text = tree.GetText();
            var at = text.ToString().IndexOf(before, System.StringComparison.Ordinal);
            Assert.True(at >= 0, before);
            return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, before.Length), after)));
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, params SyntaxTree[] trees)
        {
            var compilation = CSharpCompilation.Create("consts", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }
    }
}
