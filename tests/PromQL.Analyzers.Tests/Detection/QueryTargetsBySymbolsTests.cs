using System.Linq;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Tests.Robustness;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// Where Roslyn cannot build an operation tree (broken code), targets are read from symbols instead: on code it
    /// can, both ways must give the same answer for every string, and the same query kind.
    /// </summary>
    public sealed class QueryTargetsBySymbolsTests
    {
        private const string EveryTargetForm = """
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;

            [System.AttributeUsage(System.AttributeTargets.All)]
            sealed class QueryAttribute : System.Attribute
            {
                public QueryAttribute([StringSyntax("PromQL")] string query, string title = "") { }
                [StringSyntax("PromQL")] public string Extra { get; set; } = "";
                public string Other { get; set; } = "";
            }

            record Panel([property: StringSyntax("PromQL")] string Query, string Title);

            class Client
            {
                public void Run(string title, [StringSyntax("PromQL")] string query, int step = 0) { }
                public void Many(int n, [StringSyntax("PromQL")] params string[] queries) { }
                public void Plain(string text) { }
                [StringSyntax("PromQL")] public string Query { get; set; } = "";
                public string Title { get; set; } = "";
                [StringSyntax("PromQL")] public string this[[StringSyntax("PromQL")] string key] => key;
                public Client([StringSyntax("PromQL")] string query = "up{job=\"d\"}") { }
                public Client(int x) { }
            }

            class Base
            {
                public Base([StringSyntax("PromQL")] string query) { }
            }

            class Derived : Base
            {
                [StringSyntax("PromQL")] private readonly string field = "rate(x[5m])", other = "plain text";
                [StringSyntax("PromQL")] private string Prop { get; } = "sum(y)";

                public Derived() : base("up") { }

                [Query("rate(a[1m])", "title", Extra = "b", Other = "c")]
                void M(Client c, Client? maybe, string ns)
                {
                    c.Run("title", "rate(q[5m])");
                    c.Run(query: "up", title: "named");
                    c.Run(step: 1, query: ("x" + ns), title: "t");
                    c.Many(1, "a", "b", $"c{ns}");
                    c.Plain("not a query");
                    c.Query = "up";
                    c.Title = "x";
                    _ = c["up"];
                    _ = maybe?["down"];
                    var created = new Client("rate(z[1m])") { Query = "y", Title = "t" };
                    Client implicitNew = new("q");
                    var panel = new Panel("up", "title");
                    var local = "rate(l[5m])";
                    c.Run("t", (string)"cast");
                    System.Console.WriteLine("hello");
                    void Local([StringSyntax("PromQL")] string q = "local_default") { }
                }
            }
            """;

        [Fact]
        public void EveryTargetForm_SymbolsAgreeWithOperations()
        {
            Assert.Empty(AnalyzerRun.Compile(EveryTargetForm).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var (strings, targets) = AssertAgree(EveryTargetForm);
            Assert.True(strings >= 30 && targets >= 20 && targets < strings, $"{targets} targets among {strings} strings");
        }

        [Fact]
        public void KnownApis_SymbolsAgreeWithOperations()
        {
            const string uses = """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.PrometheusClient sdk, Neon.Kube.PrometheusClient neon, PrometheusQuerySdk.Models.QueryPostRequest post)
                        {
                            await sdk.QueryAsync("a", DateTime.Now);
                            await sdk.QueryRangeAsync(timeout: null, query: "b", start: DateTime.Now, end: DateTime.Now, step: TimeSpan.Zero);
                            await sdk.SeriesAsync(["c", "d"], null, null);
                            await sdk.LabelValueAsync("job", new[] { "e" }, null, null);
                            await neon.QueryRangeAsync("f", DateTime.Now, DateTime.Now, "g");
                            _ = new PrometheusQuerySdk.Models.QueryRangePostRequest("h", DateTime.Now, DateTime.Now, TimeSpan.Zero, null);
                            _ = post with { Query = "i" };
                            _ = new Masa.Utils.Data.Prometheus.Model.LableValueQueryRequest { Lable = "j", Match = ["k"] };
                            _ = new Google.Apis.Monitoring.v1.Data.QueryExemplarsRequest { Query = "l", Start = "m" };
                            _ = new MyApp.Search.QueryRequest { Query = "n" };
                        }
                    }
                }
                """;
            var source = Analyzer.KnownQueryApiDetectionTests.Stubs + uses;
            Assert.Empty(AnalyzerRun.Compile(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var (strings, targets) = AssertAgree(source);
            Assert.True(targets >= 10, $"{targets} targets among {strings} strings");
        }

        [Fact]
        public void GeneratedFiles_SymbolsAgreeWithOperations()
        {
            CSharpQueryFiles.Valid.Sample(file => AssertAgree(file.Source), iter: 200);
        }

        private static (int Strings, int Targets) AssertAgree(string source)
        {
            var compilation = AnalyzerRun.Compile(source);
            var tree = compilation.SyntaxTrees[0];
            var model = compilation.GetSemanticModel(tree);
            var count = 0;
            var targets = 0;
            foreach (var root in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().Where(StringExpressions.IsRoot))
            {
                var byOperations = QueryTargets.IsPromQlTarget(root, model, PromQlAnalyzerOptions.Default, CancellationToken.None, out var operationsKind);
                var bySymbols = QueryTargets.IsPromQlTargetBySymbols(root, model, PromQlAnalyzerOptions.Default, CancellationToken.None, out var symbolsKind);
                Assert.True(byOperations == bySymbols, $"{root} in {root.Parent?.Parent}: operations say {byOperations}, symbols {bySymbols}");
                Assert.True(operationsKind == symbolsKind, $"{root} in {root.Parent?.Parent}: operations say {operationsKind}, symbols {symbolsKind}");
                count++;
                targets += byOperations ? 1 : 0;
            }

            return (count, targets);
        }
    }
}
