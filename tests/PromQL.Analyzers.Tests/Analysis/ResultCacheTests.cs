using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
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
    /// The analyzer instance keeps each string's result across compilations (the IDE makes one per edit): an edit
    /// elsewhere reuses it, and any change to what decided it (the member's text, a declaration, an option) does not.
    /// </summary>
    public class ResultCacheTests
    {
        private const string Declarations = """
            using System.Diagnostics.CodeAnalysis;

            static class Metrics
            {
                public const string Memory = "container_memory_rss";

                public static void Run([StringSyntax("PromQL")] string query) { }
            }
            """;

        private const string Dashboard = """
            class Dashboard
            {
                int Version()
                {
                    return 41;
                }

                void Panels(string ns)
                {
                    Metrics.Run($"sum({Metrics.Memory}{{namespace='{ns}', pod='p'}})");
                    Metrics.Run("rate(http_requests_total[5m]");
                    Metrics.Run("container_memory_working_set_bytes{image!=''}");
                }
            }
            """;

        [Fact]
        public async Task EditInAnotherMember_ReusesEveryResult_AtTheMovedPositions()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Equal(0, analyzer.ReusedResultCount);
            var parses = analyzer.ParseCount;

            // One character inserted above the queries: every diagnostic moves by one.
            var second = await AnalyzeAsync(analyzer, Declarations, Dashboard.Replace("return 41;", "return 421;"));

            Assert.Equal(3, analyzer.ReusedResultCount);
            Assert.Equal(parses, analyzer.ParseCount);
            Assert.Equal(Describe(first), Describe(second));
            Assert.Equal(first.Select(d => d.Location.SourceSpan.Start + 1), second.Select(d => d.Location.SourceSpan.Start));
            Assert.Contains(first, d => d.Id == DiagnosticIds.ContainerFilterMissing);
            Assert.Contains(first, d => d.Id == DiagnosticIds.InvalidQuery);
        }

        [Fact]
        public async Task EditInAnotherMember_ReusedDiagnosticsKeepTheirProperties()
        {
            // Fix properties are offsets in the query's text: kept as they are, they stay true at the moved position.
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            var second = await AnalyzeAsync(analyzer, Declarations, Dashboard.Replace("return 41;", "return 421;"));

            Assert.Equal(3, analyzer.ReusedResultCount);
            Assert.Equal(first.Select(Properties), second.Select(Properties));
            Assert.Contains(second, d => d.Id == DiagnosticIds.ContainerFilterMissing && d.Properties.ContainsKey(FixProperties.InsertAt));
        }

        [Fact]
        public async Task EditInTheQuerysMember_Reanalyses()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Contains(first, d => d.Id == DiagnosticIds.ContainerFilterMissing && Text(d).Contains("Metrics.Memory"));

            var second = await AnalyzeAsync(analyzer, Declarations, Dashboard.Replace("pod='p'}}", "pod='p', container!=''}}"));

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.DoesNotContain(second, d => d.Id == DiagnosticIds.ContainerFilterMissing && Text(d).Contains("Metrics.Memory"));
            Assert.Contains(second, d => d.Id == DiagnosticIds.InvalidQuery);
        }

        [Fact]
        public async Task StringSyntaxAttributeRemoved_NoLongerPromQl()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Contains(first, d => d.Id == DiagnosticIds.InvalidQuery);

            var second = await AnalyzeAsync(analyzer, Declarations.Replace("[StringSyntax(\"PromQL\")] ", string.Empty), Dashboard);

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.DoesNotContain(second, d => d.Id == DiagnosticIds.InvalidQuery);
        }

        [Fact]
        public async Task ConstantInHoleChanged_InAnotherFile_Reanalyses()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Contains(first, d => d.Id == DiagnosticIds.ContainerFilterMissing && Text(d).Contains("Metrics.Memory"));

            var second = await AnalyzeAsync(analyzer, Declarations.Replace("\"container_memory_rss\"", "\"node_memory_rss\""), Dashboard);

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.DoesNotContain(second, d => d.Id == DiagnosticIds.ContainerFilterMissing && Text(d).Contains("Metrics.Memory"));
        }

        [Fact]
        public async Task EditorConfigOptionChanged_Reanalyses()
        {
            // image!='' stands in for container!='' unless promql.require_container_filter is set.
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.DoesNotContain(first, d => Text(d).StartsWith("container_memory_working_set_bytes"));

            var second = await AnalyzeAsync(analyzer, new[] { Declarations, Dashboard }, ("promql.require_container_filter", "true"));

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.Contains(second, d => d.Id == DiagnosticIds.ContainerFilterMissing && Text(d).StartsWith("container_memory_working_set_bytes"));

            // The same options again, in a new options object: the results are reused.
            var third = await AnalyzeAsync(analyzer, new[] { Declarations, Dashboard }, ("promql.require_container_filter", "true"));
            Assert.Equal(3, analyzer.ReusedResultCount);
            Assert.Equal(Describe(second), Describe(third));
        }

        [Fact]
        public async Task CommentAddedAboveTheMember_Reanalyses()
        {
            const string unmarked = """
                class Panel
                {
                    string Query() => "rate(http_requests_total[5m]";
                }
                """;
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, unmarked);
            Assert.Empty(first);

            // The lang=promql comment belongs to the member's text, so the result is not reused.
            var second = await AnalyzeAsync(analyzer, Declarations, unmarked.Replace("string Query() => ", "string Query() => /* lang=promql */ "));

            Assert.Contains(second, d => d.Id == DiagnosticIds.InvalidQuery);
        }

        [Fact]
        public async Task EditInAnotherMember_AnswersEveryStringOfAKeptMember_NotOnlyTheQueries()
        {
            // Log templates, a title and a query with a hole in one member; a member with ordinary strings only.
            const string panels = """
                class Panels
                {
                    int Version() => 41;

                    void Memory(string ns, System.Action<string> log)
                    {
                        log("Panel for {Namespace}");
                        var title = $"Memory in {ns}";
                        Metrics.Run($"sum(container_memory_rss{{namespace='{ns}'}})");
                        log(title + " done");
                    }

                    string Greeting(string name) => "Hello, " + name + "!";
                }
                """;
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, panels);
            Assert.Equal(0, analyzer.ReusedResultCount);

            var second = await AnalyzeAsync(analyzer, Declarations, panels.Replace("=> 41;", "=> 421;"));

            // The four string expressions of Memory() are answered without screening; Greeting() was never kept.
            Assert.Equal(4, analyzer.ReusedResultCount);
            Assert.Equal(Describe(first), Describe(second));
            Assert.Equal(first.Select(d => d.Location.SourceSpan.Start + 1), second.Select(d => d.Location.SourceSpan.Start));
            Assert.Equal(DiagnosticIds.ContainerFilterMissing, Assert.Single(second).Id);
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, string declarations, string dashboard) =>
            await AnalyzeAsync(analyzer, new[] { declarations, dashboard });

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, string[] sources, params (string Key, string Value)[] options)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: "File" + i + ".cs")).ToArray();
            var compilation = CSharpCompilation.Create(
                "cache",
                trees,
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new OptionsProvider(options.ToDictionary(o => o.Key, o => o.Value)));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), analyzerOptions).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

        private static string Properties(Diagnostic diagnostic) =>
            string.Join("|", diagnostic.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

        private static IEnumerable<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Select(d => d.Id + " [" + Text(d) + "] " + d.GetMessage());

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public OptionsProvider(Dictionary<string, string> values) => _options = new Options(values);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
            }
        }
    }
}
