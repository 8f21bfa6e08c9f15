using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// <c>[StringSyntax("PromQL")]</c> declared in a referenced assembly (a team's shared Prometheus client), read
    /// from its metadata tables, and in a referenced project (the IDE's project-to-project references).
    /// </summary>
    public class StringSyntaxInReferencesTests
    {
        private const string Library = """
            using System.Diagnostics.CodeAnalysis;

            namespace Shared.Metrics
            {
                public class MetricsClient
                {
                    public MetricsClient([StringSyntax("PromQL")] string defaultQuery) { }

                    public void Execute(int limit, [StringSyntax("PromQL")] string expression) { }

                    [StringSyntax("PromQL")]
                    public string? Query { get; set; }

                    public void Log(string message) { }
                }
            }
            """;

        private const string Consumer = """
            using Shared.Metrics;

            class C
            {
                void M(MetricsClient client)
                {
                    client.Execute(10, "rate({|PROMQL100:up|})");
                    client.Query = "sum(up{|PROMQL100:|}";
                    var other = new MetricsClient("up{{|PROMQL100:|}");
                    client.Log("rate(up)");
                }
            }
            """;

        private static MetadataReference CompileLibrary()
        {
            var compilation = CSharpCompilation.Create(
                "Shared.Metrics",
                new[] { CSharpSyntaxTree.ParseText(Library) },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        [Fact]
        public async Task AttributeInReferencedAssembly_ArgumentsAssignmentsAndConstructorsAreMarked()
        {
            var test = new VerifyCS.Test { TestCode = Consumer };
            test.TestState.AdditionalReferences.Add(CompileLibrary());
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AttributeInReferencedProject_ArgumentsAssignmentsAndConstructorsAreMarked()
        {
            var test = new VerifyCS.Test { TestCode = Consumer };
            var library = test.TestState.AdditionalProjects["Shared.Metrics"];
            library.Sources.Add(Library);
            library.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.TestState.AdditionalProjectReferences.Add("Shared.Metrics");
            await test.RunAsync(CancellationToken.None);
        }
    }
}
