using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>
    /// A hole's type can be declared in another file (a field, a property): a member's kept result must not outlive a
    /// change to it. A declaration change starts a new epoch (<c>DeclarationEpochs</c>), so the member is analyzed again.
    /// </summary>
    public class HoleTypeEpochTests
    {
        private const string Settings = """
            static class Settings
            {
                public static double Quantile = 0.95;

                static int Version() => 41;
            }
            """;

        private const string Dashboard = """
            using System.Diagnostics.CodeAnalysis;

            class Dashboard
            {
                void Run([StringSyntax("PromQL")] string query) { }

                void Panel() => Run($"histogram_quantile({Settings.Quantile}, rate(x_bucket[5m]))");
            }
            """;

        [Fact]
        public async Task FieldTypeChangedInAnotherFile_DiagnosticGoesInTheNextCompilation()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Settings, Dashboard);
            var first = Assert.Single(await AnalyzeAsync(analyzer, trees));
            Assert.Equal(DiagnosticIds.CultureSensitiveNumber, first.Id);

            var second = await AnalyzeAsync(analyzer, Edit(trees[0], "public static double Quantile = 0.95;", "public static string Quantile = \"0.95\";"), trees[1]);

            Assert.Empty(second);
        }

        [Fact]
        public async Task FieldTypeChangedBack_DiagnosticReturns()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Edit(Parse(Settings)[0], "public static double Quantile = 0.95;", "public static string Quantile = \"0.95\";").GetText().ToString(), Dashboard);
            Assert.Empty(await AnalyzeAsync(analyzer, trees));

            var second = await AnalyzeAsync(analyzer, Edit(trees[0], "public static string Quantile = \"0.95\";", "public static decimal Quantile = 0.95m;"), trees[1]);

            Assert.Equal(DiagnosticIds.CultureSensitiveNumber, Assert.Single(second).Id);
        }

        [Fact]
        public async Task EditInAMethodBodyElsewhere_ResultReused()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(Settings, Dashboard);
            Assert.Single(await AnalyzeAsync(analyzer, trees));

            var second = await AnalyzeAsync(analyzer, Edit(trees[0], "=> 41;", "=> 421;"), trees[1]);

            Assert.Equal(DiagnosticIds.CultureSensitiveNumber, Assert.Single(second).Id);
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
            var compilation = CSharpCompilation.Create("holes", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }
    }
}
