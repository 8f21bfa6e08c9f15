using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>What syntax proposes as wrappers, what the chain of names keeps, and the kind a wrapper passes on.</summary>
    public class InferredWrappersTests
    {
        private const string Service = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            interface IQueries
            {
                Task<string> Run(string query);
            }

            class Instant : IQueries
            {
                private readonly HttpClient _http = new HttpClient();

                public Task<string> Run(string query) => _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
            }

            class Ranged : IQueries
            {
                private readonly HttpClient _http = new HttpClient();

                public Task<string> Run(string query) => _http.GetStringAsync("/api/v1/query_range?step=1m&query=" + Uri.EscapeDataString(query));
            }

            class Service
            {
                private readonly HttpClient _http = new HttpClient();

                Task<string> RangeAsync(string expr, DateTime start) =>
                    _http.GetStringAsync($"/api/v1/query_range?start={start:O}&query={Uri.EscapeDataString(expr)}");

                Task<string> Chart(string expr) => RangeAsync(expr, DateTime.UtcNow);

                void Log(string message, int count) => Console.WriteLine(message);

                void Describe(string message) => Console.WriteLine("panel: " + message);

                int Length(int n) => n;

                void Panels(IQueries queries)
                {
                    Chart("rate(up[5m])");
                    queries.Run("sum(up)");
                }
            }
            """;

        [Fact]
        public void Facts_OnePerFlowAndMethod_NoneWithoutAStringParameter()
        {
            var tree = new TreeWrappers(CSharpSyntaxTree.ParseText(Service));
            var facts = tree.HttpFacts(CancellationToken.None).AddRange(tree.FactsMentioning("RangeAsync", CancellationToken.None)).AddRange(tree.FactsMentioning("WriteLine", CancellationToken.None));

            Assert.Equal(
                new[]
                {
                    "Run#0 Http Instant",
                    "Run#0 Http Range",
                    "RangeAsync#0 Http Range",
                    "Chart#0 Argument RangeAsync",
                    "Log#0 Argument WriteLine",
                },
                facts.Select(f => f.MethodName + "#" + f.ParameterOrdinal + " " + f.Flow + " " + (f.Flow == WrapperFlow.Http ? f.HttpKind.ToString() : f.TargetName)));
        }

        [Fact]
        public void Names_FollowTheChain_ToTheDepthOnly()
        {
            var chain = """
                class C
                {
                    string Http(string q) => "/api/v1/query?query=" + q;
                    void A(string q) => Http(q);
                    void B(string q) => A(q);
                    void D(string q) => B(q);
                    void E(string q) => D(q);
                    void F(string q) => E(q);
                    void Elsewhere(string q) => System.Console.WriteLine(q);
                }
                """;
            var facts = new TreeWrappers(CSharpSyntaxTree.ParseText(chain));

            var searched = new System.Collections.Generic.List<string>();
            var names = InferredWrappers.NamesFrom(new[] { facts }, System.Array.Empty<string>(), _ => false, searched.Add, CancellationToken.None);

            Assert.Equal(new[] { "A", "B", "D", "Http" }, names.OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal(new[] { "Http", "A", "B" }, searched);
        }

        [Fact]
        public void KindComesFromTheWrapper_AndIsUnknownWhereImplementationsDisagree()
        {
            Assert.Equal(QueryKind.Range, KindOf(Service, "rate(up[5m])"));
            Assert.Equal(QueryKind.Unknown, KindOf(Service, "sum(up)", expectMarked: true));
        }

        private static QueryKind KindOf(string source, string query, bool expectMarked = true)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("kinds", new[] { tree }, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var cache = new AnalysisCache().Start(compilation);
            var root = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single(l => l.Token.ValueText == query);
            var options = PromQlAnalyzerOptions.Default;
            var screening = cache.Pipeline.Screen(root, options, CancellationToken.None);
            Assert.NotNull(screening);
            var marked = screening.Value.IsMarked(root, cache.Detection, compilation.GetSemanticModel(tree), options, CancellationToken.None, out var kind);
            Assert.Equal(expectMarked, marked);
            return kind;
        }
    }
}
