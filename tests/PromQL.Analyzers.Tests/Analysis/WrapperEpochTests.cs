using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
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

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(PromQlAnalyzer analyzer, params string[] sources)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: "File" + i + ".cs")).ToArray();
            var compilation = CSharpCompilation.Create("wrappers", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }
    }
}
