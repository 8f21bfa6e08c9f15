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
    /// Whether a caller's string is PromQL depends on another member's body once wrappers are inferred: an edit that
    /// makes a method a wrapper, or stops it being one, must reach results kept for unchanged callers, and an edit
    /// inside a wrapper that keeps it one must not throw them away.
    /// </summary>
    public class WrapperEpochTests
    {
        private const string Wrapper = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Prometheus
            {
                private readonly HttpClient _http = new HttpClient();

                public Task<string> QueryAsync(string query) =>
                    _http.GetStringAsync("http://prometheus:9090/api/v1/query?query=" + Uri.EscapeDataString(query));
            }
            """;

        private const string NotAWrapper = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Prometheus
            {
                private readonly HttpClient _http = new HttpClient();

                public Task<string> QueryAsync(string query) =>
                    _http.GetStringAsync("http://prometheus:9090/api/v1/status/buildinfo?name=" + Uri.EscapeDataString(query));
            }
            """;

        private const string Caller = """
            using System.Threading.Tasks;

            class Dashboard
            {
                int Version() => 41;

                Task<string> Panel(Prometheus prometheus) => prometheus.QueryAsync("rate(http_requests_total)");
            }
            """;

        [Fact]
        public async Task BodyEditMakesAWrapper_UnchangedCallerIsReanalysed()
        {
            var analyzer = new PromQlAnalyzer();
            Assert.Empty(await AnalyzeAsync(analyzer, NotAWrapper, Caller));

            var second = await AnalyzeAsync(analyzer, Wrapper, Caller);

            Assert.Equal(new[] { DiagnosticIds.InvalidQuery }, second.Select(d => d.Id));
        }

        [Fact]
        public async Task BodyEditEndsAWrapper_CallersDiagnosticGoes()
        {
            var analyzer = new PromQlAnalyzer();
            Assert.Equal(new[] { DiagnosticIds.InvalidQuery }, (await AnalyzeAsync(analyzer, Wrapper, Caller)).Select(d => d.Id));

            Assert.Empty(await AnalyzeAsync(analyzer, NotAWrapper, Caller));
        }

        [Fact]
        public async Task BodyEditKeepsTheWrapper_CallersResultsReused()
        {
            var analyzer = new PromQlAnalyzer();
            var first = await AnalyzeAsync(analyzer, Wrapper, Caller);
            Assert.Equal(0, analyzer.ReusedResultCount);

            var second = await AnalyzeAsync(analyzer, Wrapper.Replace("prometheus:9090", "prometheus-k8s.monitoring:9090"), Caller.Replace("=> 41;", "=> 421;"));

            Assert.Equal(1, analyzer.ReusedResultCount);
            Assert.Equal(first.Select(d => d.Id), second.Select(d => d.Id));
        }

        // As the IDE types: the wrapper's tree reparsed incrementally, so the two versions know their one change.
        private const string WrapperWithNeighbours = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class Prometheus
            {
                private readonly HttpClient _http = new HttpClient();

                // The version of the layout.
                int Version() => 41;

                public Task<string> Other(string text) => Task.FromResult(text);

                public Task<string> QueryAsync(string query) =>
                    _http.GetStringAsync("http://prometheus:9090/api/v1/query?query=" + Uri.EscapeDataString(query));
            }
            """;

        private const string CallerOfBoth = """
            using System.Threading.Tasks;

            class Dashboard
            {
                Task<string> Panel(Prometheus prometheus) => prometheus.QueryAsync("rate(http_requests_total)");

                Task<string> Title(Prometheus prometheus) => prometheus.Other("rate(http_requests_total)");
            }
            """;

        [Theory]
        [InlineData("=> 41;", "=> 421;")]
        [InlineData("of the layout.", "of the layouts.")]
        [InlineData("private readonly HttpClient _http = new HttpClient();", "private readonly HttpClient _http = new HttpClient( );")]
        [InlineData("\n    // The version", "\n     // The version")]
        public async Task IncrementalEditInAMemberWithoutHits_CallersResultsReused(string before, string after)
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(WrapperWithNeighbours, CallerOfBoth);
            var first = await AnalyzeAsync(analyzer, trees);
            Assert.Equal(new[] { DiagnosticIds.InvalidQuery }, first.Select(d => d.Id));

            var second = await AnalyzeAsync(analyzer, Edit(trees[0], before, after), trees[1]);

            // Both of the caller's strings (two members) answered from the first pass, and the wrapper's facts not read again.
            Assert.Equal(2, analyzer.ReusedResultCount);
            Assert.Equal(0, analyzer.FullWrapperComparisonCount);
            Assert.Equal(first.Select(d => (d.Id, d.Location.SourceSpan)), second.Select(d => (d.Id, d.Location.SourceSpan)));
        }

        [Fact]
        public async Task IncrementalEditMakesAHitlessMemberAWrapper_CallerIsReanalysed()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(WrapperWithNeighbours, CallerOfBoth);
            Assert.Single(await AnalyzeAsync(analyzer, trees));

            var second = await AnalyzeAsync(analyzer, Edit(trees[0], "=> Task.FromResult(text);", "=> QueryAsync(text);"), trees[1]);

            Assert.Equal(new[] { DiagnosticIds.InvalidQuery, DiagnosticIds.InvalidQuery }, second.Select(d => d.Id));
            Assert.Equal(1, analyzer.FullWrapperComparisonCount);
        }

        [Fact]
        public async Task IncrementalEditInsideTheWrapper_EndsIt()
        {
            var analyzer = new PromQlAnalyzer();
            var trees = Parse(WrapperWithNeighbours, CallerOfBoth);
            Assert.Single(await AnalyzeAsync(analyzer, trees));

            Assert.Empty(await AnalyzeAsync(analyzer, Edit(trees[0], "query?query=", "status/buildinfo?name="), trees[1]));
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

        private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, params string[] sources) =>
            AnalyzeAsync(analyzer, Parse(sources));

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, params SyntaxTree[] trees)
        {
            var compilation = CSharpCompilation.Create("wrappers", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }
    }
}
