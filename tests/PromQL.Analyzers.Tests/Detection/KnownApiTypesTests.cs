using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// A known query API's member name (<c>QueryAsync</c>, <c>Query</c>) makes a string a candidate only when a type of
    /// that API is in sight, in source or in a referenced assembly: other APIs with the same member names (Dapper's
    /// <c>QueryAsync</c>) cost no semantic model, and the known ones are still found.
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
