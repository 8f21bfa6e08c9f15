using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Tests.Analyzer;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// A known query API's member name (<c>QueryAsync</c>, <c>Query</c>) makes a string a candidate only when a type of
    /// that API is in sight, in source or in a referenced assembly: other APIs with the same member names (Dapper's
    /// <c>QueryAsync</c>) cost no semantic model, and the known ones are still found. Metadata is read by namespace and
    /// name, source by name (its declaration index holds no namespaces).
    /// </summary>
    public class KnownApiTypesTests
    {
        private const string Client = """
            namespace PrometheusQuerySdk
            {
                public interface IPrometheusClient { System.Threading.Tasks.Task<string> QueryAsync(string query, System.DateTime? time = null); }
            }
            namespace Masa.Utils.Data.Prometheus.Model
            {
                public class QueryRequest { public string? Query { get; set; } }
            }
            """;

        private const string Use = """
            using PrometheusQuerySdk;
            using Masa.Utils.Data.Prometheus.Model;
            class C
            {
                async System.Threading.Tasks.Task M(IPrometheusClient client)
                {
                    await client.QueryAsync("rate(up[5m]");
                    var request = new QueryRequest { Query = "sum(up" };
                }
            }
            """;

        [Fact]
        public async Task TypesInSource_Found()
        {
            var diagnostics = await AnalyzeAsync(new[] { Client, Use });
            Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.InvalidQuery));
        }

        [Fact]
        public async Task TypesInAReferencedAssembly_Found()
        {
            var library = CSharpCompilation.Create("Client", new[] { CSharpSyntaxTree.ParseText(Client) }, Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            Assert.True(library.Emit(image).Success);

            var diagnostics = await AnalyzeAsync(new[] { Use }, MetadataReference.CreateFromImage(image.ToArray()));

            Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.InvalidQuery));
        }

        [Fact]
        public async Task SameMemberNamesOnOtherTypes_NotPromQl()
        {
            const string dapper = """
                class Db
                {
                    public System.Threading.Tasks.Task<int> QueryAsync(string query) => System.Threading.Tasks.Task.FromResult(0);
                    public string? Query { get; set; }
                }
                class C
                {
                    async System.Threading.Tasks.Task M(Db db)
                    {
                        await db.QueryAsync("rate(up[5m]");
                        db.Query = "sum(up";
                    }
                }
                """;

            Assert.Empty(await AnalyzeAsync(new[] { dapper }));
        }

        [Fact]
        public void EveryFamily_FoundInMetadataByNamespaceAndName()
        {
            var image = Emit(KnownQueryApiDetectionTests.Stubs);
            Assert.Equal(KnownApiTypes.All, KnownApiTypeNames.InMetadata(AssemblyMetadata.CreateFromImage(image)));
        }

        [Theory]
        [InlineData("namespace PrometheusQuerySdk { public interface IPrometheusClient { } }", "Clients")]
        [InlineData("namespace Neon.Kube { public class PrometheusClient { } }", "Clients")]
        [InlineData("namespace PrometheusQuerySdk.Models { public record QueryRangePostRequest(string Query); }", "PostRequests")]
        [InlineData("namespace Masa.Utils.Data.Promethus.Model { public class QueryExemplarRequest { } }", "Requests")]
        [InlineData("namespace Google.Apis.Monitoring.v1.Data { public class QueryInstantRequest { } }", "Requests")]
        [InlineData("namespace Masa.Utils.Data.Prometheus.Model { public class MetaDataQueryRequest { } }", "SelectorRequests")]
        [InlineData("namespace Google.Apis.Monitoring.v1.Data { public class QueryLabelsRequest { } }", "SelectorRequests")]
        // The names elsewhere: the metadata table says no, so no semantic model is asked.
        [InlineData("namespace MyApp.Prometheus { public class PrometheusClient { } public class QueryRequest { } public class MetaDataQueryRequest { } }", "None")]
        [InlineData("public class QueryInstantRequest { } public class QueryPostRequest { }", "None")]
        [InlineData("namespace Google.Apis.Monitoring.v1 { public class Outer { public class QueryInstantRequest { } } }", "None")]
        public void OneType_ItsFamilyInMetadata(string source, string expected) =>
            Assert.Equal(expected, KnownApiTypeNames.InMetadata(AssemblyMetadata.CreateFromImage(Emit(source))).ToString());

        [Fact]
        public void Source_FoundByNameAlone()
        {
            // The declaration index holds names, not namespaces: a look-alike counts here, and the semantic check says no.
            var compilation = CSharpCompilation.Create("s", new[] { CSharpSyntaxTree.ParseText("namespace MyApp { class QueryLabelsRequest { } class SqlClient { } }") });
            Assert.Equal(KnownApiTypes.SelectorRequests, KnownApiTypeNames.InSource(compilation));
        }

        [Theory]
        [InlineData("MethodArgument", "SeriesAsync", "", false)]
        [InlineData("MethodArgument", "SeriesAsync", "namespace PrometheusQuerySdk { public class PrometheusClient { } }", true)]
        [InlineData("MemberAssignment", "Match", "namespace PrometheusQuerySdk { public class PrometheusClient { } }", false)]
        [InlineData("MemberAssignment", "Match", "namespace Google.Apis.Monitoring.v1.Data { public class QueryLabelsRequest { } }", true)]
        [InlineData("MemberAssignment", "Query", "namespace Google.Apis.Monitoring.v1.Data { public class QueryLabelsRequest { } }", false)]
        [InlineData("ConstructorArgument", "QueryPostRequest", "namespace PrometheusQuerySdk.Models { public record QueryPostRequest(string Query); }", true)]
        [InlineData("ConstructorArgument", "", "namespace PrometheusQuerySdk.Models { public record QueryPostRequest(string Query); }", true)]
        [InlineData("ConstructorArgument", "", "namespace Masa.Utils.Data.Prometheus.Model { public class QueryRequest { } }", false)]
        [InlineData("MethodArgument", "QueryPostAsync", "namespace PrometheusQuerySdk { public class PrometheusClient { } }", false)]
        public void MemberName_CandidateOnlyWithItsTypesInSight(string kind, string name, string library, bool expected)
        {
            var compilation = CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(library) }, Basic.Reference.Assemblies.Net80.References.All);
            var epoch = new object();
            var facts = new DetectionFacts(compilation, new DetectionCache(), () => epoch);
            Assert.Equal(expected, facts.IsCandidate(System.Enum.Parse<TargetKind>(kind), name, PromQL.Analyzers.Configuration.PromQlAnalyzerOptions.Default));
        }

        private static byte[] Emit(string source)
        {
            var library = CSharpCompilation.Create("Library", new[] { CSharpSyntaxTree.ParseText(source) }, Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = library.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return image.ToArray();
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string[] sources, params MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(
                "known",
                sources.Select(s => CSharpSyntaxTree.ParseText(s)),
                Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PromQlAnalyzer())).GetAnalyzerDiagnosticsAsync();
        }
    }
}
