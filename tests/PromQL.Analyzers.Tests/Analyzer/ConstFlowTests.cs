using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Tests.Robustness;
using PromQL.Analyzers.Text;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A query kept in a <c>const</c> or <c>static readonly</c> field (or a const local) and passed whole to a PromQL
    /// target elsewhere: the field's own literal is the marked query, with diagnostics on its characters and the
    /// kind of its uses. Uses in a hole or a <c>+</c> are read where they stand, not followed back.
    /// </summary>
    public class ConstFlowTests
    {
        private const string Service = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Net.Http;
            using System.Threading.Tasks;

            class PrometheusService
            {
                private readonly HttpClient _http = new HttpClient();

                public Task<string> QueryPrometheusAsync(string query) =>
                    _http.GetStringAsync($"http://prometheus:9090/api/v1/query?query={Uri.EscapeDataString(query)}");

                void Run([StringSyntax("PromQL")] string query) { }

                void Log(string message) { }
            """;

        private static string WithService(string members) => Service + "\n" + members + "\n}\n";

        [Fact]
        public Task StringSyntaxParameter() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate({|PROMQL100:up|})";

                void M() => Run(Q);
                """));

        [Fact]
        public Task InferredWrapper_ContainerFilter() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string MemoryQuery = "sum({|PROMQL001:container_memory_rss{pod=\"p\"}|})";

                async Task M() => await QueryPrometheusAsync(MemoryQuery);
                """));

        [Fact]
        public Task HttpApiUrl_EscapedInAHole() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private static readonly string Q = "rate({|PROMQL100:up|})";

                Task<string> M() => _http.GetStringAsync($"http://p:9090/api/v1/query_range?query={Uri.EscapeDataString(Q)}&step=60");
                """));

        [Fact]
        public Task StringSyntaxMember_Assigned() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate({|PROMQL100:up|})";

                [StringSyntax("PromQL")]
                public string Expression { get; set; } = "";

                void M(PrometheusService other) => other.Expression = Q;
                """));

        [Fact]
        public Task HttpApiUrl_Concatenated_AndFormEntry() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate({|PROMQL100:up|})";
                internal const string R = "rate({|PROMQL100:up|})";

                Task<string> M() => _http.GetStringAsync("http://p:9090/api/v1/query?query=" + Uri.EscapeDataString(Q));

                Task<HttpResponseMessage> N() => _http.PostAsync(
                    "http://p:9090/api/v1/query",
                    new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("query", R) }));
                """));

        [Fact]
        public Task ConfiguredMethod() =>
            new VerifyCS.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        class C
                        {
                            const string Q = "rate({|PROMQL100:up|})";

                            void Send(string text) { }

                            void M() => Send(Q);
                        }
                        """,
                    },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\npromql.query_methods = C.Send\n") },
                },
            }.RunAsync();

        [Fact]
        public Task KnownClientApi() =>
            VerifyCS.VerifyAnalyzerAsync(KnownQueryApiDetectionTests.Stubs + """
                class C
                {
                    private const string Q = "rate({|PROMQL100:up|})";

                    async Task M(Neon.Kube.PrometheusClient client) => await client.QueryAsync(Q);
                }
                """);

        [Fact]
        public Task SelectorEndpoint_ConstThatIsNoSelector_Promql101() =>
            VerifyCS.VerifyAnalyzerAsync(KnownQueryApiDetectionTests.Stubs + """
                class C
                {
                    private const string Q = "rate{|PROMQL101:(|}up[5m])";

                    async Task M(PrometheusQuerySdk.PrometheusClient sdk) => await sdk.SeriesAsync(new[] { Q }, null, null);
                }
                """);

        [Fact]
        public Task UsedByTwoTargets_OneDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate({|PROMQL100:up|})";

                async Task M()
                {
                    Run(Q);
                    await QueryPrometheusAsync(Q);
                }
                """));

        [Fact]
        public Task UsedOnlyAsALogMessage_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate(up)";
                private static readonly string R = "rate(up)";

                void M()
                {
                    Log(Q);
                    Log(R);
                    Console.WriteLine(Q);
                }
                """));

        [Fact]
        public Task InAHoleOrConcatenation_ReadWhereUsed_NotFollowedBack() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate(up)";

                void M()
                {
                    Run($"{|PROMQL100:{Q}|} > 0");
                    Run({|PROMQL100:Q|} + " > 0");
                }
                """));

        [Fact]
        public Task SameNameOtherSymbol_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Q = "rate(up)";

                void M(string Q) => Run(Q);
                """));

        [Fact]
        public Task OtherClass_InternalAndPublic_InAnotherFile() =>
            new VerifyCS.Test
            {
                TestState =
                {
                    Sources =
                    {
                        WithService("""
                            async Task M()
                            {
                                Run(Queries.Memory);
                                await QueryPrometheusAsync(Queries.Cpu);
                            }
                            """),
                        """
                        static class Queries
                        {
                            internal const string Memory = "sum({|PROMQL001:container_memory_rss{pod=\"p\"}|})";
                            public static readonly string Cpu = "rate({|PROMQL100:up|})";
                            public const string Unused = "rate(up)";
                        }
                        """,
                    },
                },
            }.RunAsync();

        [Fact]
        public Task PrivateField_PartialClassInAnotherFile() =>
            new VerifyCS.Test
            {
                TestState =
                {
                    Sources =
                    {
                        """
                        using System.Diagnostics.CodeAnalysis;

                        partial class C
                        {
                            void Run([StringSyntax("PromQL")] string query) { }

                            void M() => Run(Q);
                        }
                        """,
                        """
                        partial class C
                        {
                            private const string Q = "rate({|PROMQL100:up|})";
                        }
                        """,
                    },
                },
            }.RunAsync();

        [Fact]
        public Task ConstLocal() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                async Task M()
                {
                    const string q = "rate({|PROMQL100:up|})";
                    await QueryPrometheusAsync(q);
                }
                """));

        [Fact]
        public Task BuiltFromOtherConsts_DiagnosticsWhereTheCharactersAre() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                private const string Prefix = "rate(";
                private const string Q = Prefix + "{|PROMQL100:up|})";

                void M() => Run(Q);
                """));

        [Fact]
        public Task EveryLiteralKind_ExactSpans() =>
            VerifyCS.VerifyAnalyzerAsync(WithService(""""
                private const string A = @"rate({|PROMQL100:up{job=""api""}|})";
                private const string B = """rate({|PROMQL100:up|})""";
                private const string C = "rate(" + "{|PROMQL100:up|}" + ")";
                private static readonly string D = $"rate({|PROMQL100:up|})";

                void M()
                {
                    Run(A);
                    Run(B);
                    Run(C);
                    Run(D);
                }
                """"));

        [Theory]
        [InlineData("await neon.QueryRangeAsync(Q, DateTime.Now, DateTime.Now);", "Range")]
        [InlineData("await neon.QueryAsync(Q);", "Instant")]
        [InlineData("await neon.QueryAsync(Q); await neon.QueryAsync(Q);", "Instant")]
        [InlineData("await neon.QueryAsync(Q); await neon.QueryRangeAsync(Q, DateTime.Now, DateTime.Now);", "Unknown")]
        public void KindOfTheUses(string statements, string kind)
        {
            var source = KnownQueryApiDetectionTests.Stubs + """
                class C
                {
                    const string Q = "rate(up[5m])";

                    async Task M(Neon.Kube.PrometheusClient neon)
                    {
                """ + "\n" + statements + "\n" + """
                    }
                }
                """;
            var compilation = AnalyzerRun.Compile(source);
            var tree = compilation.SyntaxTrees[0];
            var root = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>()
                .Single(e => StringExpressions.IsRoot(e) && e is LiteralExpressionSyntax { Token.ValueText: "rate(up[5m])" });
            var epoch = new object();
            var facts = new DetectionFacts(compilation, new DetectionCache(), () => epoch);
            var screening = StringScreening.Of(root, PromQlAnalyzerOptions.Default, facts, CancellationToken.None);

            Assert.NotNull(screening);
            Assert.True(screening.Value.MaybeConst);
            Assert.True(screening.Value.IsMarked(root, facts, compilation.GetSemanticModel(tree), PromQlAnalyzerOptions.Default, CancellationToken.None, out var found));
            Assert.Equal(kind, found.ToString());
        }
    }
}
