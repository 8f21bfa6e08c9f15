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

        [Theory]
        [InlineData("    // The version.\n", "    // The versions.\n")]
        [InlineData("    // The version.\n", "    // The  version.\n")]
        [InlineData("    // The version.\n", "\n    // The version.\n")]
        [InlineData("    // The version.\n", "    // The version.\n\n")]
        [InlineData("    // The version.\n", "    /// <summary>The version.</summary>\n")]
        [InlineData("class Dashboard\n", "class Dashboard // panels\n")]
        public async Task EditInACommentOrWhitespaceBetweenMembers_ReusesEveryResult(string from, string to)
        {
            var commented = Dashboard.Replace("    int Version()", "    // The version.\n    int Version()");
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, commented);
            var parses = analyzer.ParseCount;

            var second = await AnalyzeAsync(analyzer, Declarations, commented.Replace(from, to));

            // Trivia outside member bodies binds nothing: the compilation keeps its epoch, Panels() its results.
            Assert.Equal(3, analyzer.ReusedResultCount);
            Assert.Equal(parses, analyzer.ParseCount);
            Assert.Equal(Describe(first), Describe(second));
            Assert.Equal(first.Select(d => d.Location.SourceSpan.Start + to.Length - from.Length), second.Select(d => d.Location.SourceSpan.Start));
        }

        [Fact]
        public async Task LanguageCommentAddedChangedAndRemovedBetweenMembers_MarkingFollowsIt()
        {
            const string unmarked = """
                class Panel
                {
                    int Version() => 41;

                    string Query() => "rate(http_requests_total[5m]";
                }
                """;
            var marked = unmarked.Replace("    string Query()", "    // lang=promql\n    string Query()");
            var analyzer = new PromQlAnalyzer();
            Assert.Empty(await AnalyzeAsync(analyzer, Declarations, unmarked));

            // Added between the members: the string is PromQL now, and invalid.
            var added = await AnalyzeAsync(analyzer, Declarations, marked);
            Assert.Equal(DiagnosticIds.InvalidQuery, Assert.Single(added).Id);

            // Another language, then no marker: not PromQL again.
            Assert.Empty(await AnalyzeAsync(analyzer, Declarations, marked.Replace("lang=promql", "lang=regex")));
            Assert.Empty(await AnalyzeAsync(analyzer, Declarations, unmarked));

            // And back.
            Assert.Equal(Describe(added), Describe(await AnalyzeAsync(analyzer, Declarations, marked)));
        }

        [Fact]
        public async Task IfFalseAroundAMember_HidesItsQueries_AndRemovingItShowsThemAgain()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Equal(3, first.Length);

            var hidden = await AnalyzeAsync(analyzer, Declarations, Dashboard.Replace("    void Panels", "#if false\n    void Panels").Replace("    }\n}", "    }\n#endif\n}"));
            Assert.Empty(hidden);

            var shown = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Equal(Describe(first), Describe(shown));
        }

        [Fact]
        public async Task DefineAdded_ActivatesAMembersQueries()
        {
            var conditional = Dashboard.Replace("    void Panels", "#if QUERIES\n    void Panels").Replace("    }\n}", "    }\n#endif\n}");
            var analyzer = new PromQlAnalyzer();
            Assert.Empty(await AnalyzeAsync(analyzer, Declarations, conditional));

            var defined = await AnalyzeAsync(analyzer, Declarations, "#define QUERIES\n" + conditional);

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.Equal(3, defined.Length);
            Assert.Contains(defined, d => d.Id == DiagnosticIds.ContainerFilterMissing);
        }

        [Fact]
        public async Task RegionAddedAroundTheMembers_NewEpoch_SameResults()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);

            // Panels() keeps its text, but a directive is a declaration: nothing is reused.
            var regioned = Dashboard.Replace("    int Version()", "    #region Members\n    int Version()").Replace("    }\n}", "    }\n    #endregion\n}");
            var second = await AnalyzeAsync(analyzer, Declarations, regioned);

            Assert.Equal(0, analyzer.ReusedResultCount);
            Assert.Equal(Describe(first), Describe(second));
        }

        [Fact]
        public async Task PragmaAddedBetweenMembers_SuppressesWhatFollows()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Declarations, Dashboard);
            Assert.Contains(first, d => d.Id == DiagnosticIds.ContainerFilterMissing);

            var second = await AnalyzeAsync(analyzer, Declarations, Dashboard.Replace("    void Panels", "#pragma warning disable PROMQL001\n    void Panels"));

            Assert.DoesNotContain(second, d => d.Id == DiagnosticIds.ContainerFilterMissing && !d.IsSuppressed);
            Assert.Contains(second, d => d.Id == DiagnosticIds.InvalidQuery);
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
