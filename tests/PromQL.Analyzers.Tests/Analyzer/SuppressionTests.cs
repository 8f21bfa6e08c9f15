using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>Severity from <c>.editorconfig</c>, <c>#pragma</c>, <c>[SuppressMessage]</c> and generated code.</summary>
    public class SuppressionTests
    {
        private const string PinnedSum = "sum(container_memory_rss{namespace='n', pod='p'})";

        [Fact]
        public Task SeverityNone_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL002:sum(container_memory_rss{namespace='n', pod='p'})|}"),
                "dotnet_diagnostic.PROMQL001.severity = none\n");

        [Fact]
        public Task SeverityError_ReportedAsError() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL002:sum({|#0:container_memory_rss{namespace='n', pod='p'}|})|}"),
                "dotnet_diagnostic.PROMQL001.severity = error\n",
                VerifyCS.Diagnostic(DiagnosticIds.ContainerFilterMissing).WithLocation(0).WithSeverity(DiagnosticSeverity.Error));

        [Fact]
        public Task InvalidQuerySeverityError_ReportedAsError() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate({|#0:up|})"),
                "dotnet_diagnostic.PROMQL100.severity = error\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidQuery).WithLocation(0).WithSeverity(DiagnosticSeverity.Error));

        [Fact]
        public Task CategorySeverityNone_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query(PinnedSum + " + rate(up[5m])"),
                "dotnet_analyzer_diagnostic.category-PromQL.Correctness.severity = none\n");

        [Fact]
        public Task PragmaWarningDisable_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                #pragma warning disable PROMQL001, PROMQL002, PROMQL100
                Run("sum(container_memory_rss{namespace='n', pod='p'})");
                Run("rate(up)");
                #pragma warning restore PROMQL001, PROMQL002, PROMQL100
                Run("{|PROMQL001:container_memory_rss|}");
                """));

        [Fact]
        public Task PragmaDisablesOneRule_OtherStillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                #pragma warning disable PROMQL001
                Run("{|PROMQL002:sum(container_memory_rss{namespace='n', pod='p'})|}");
                """));

        [Fact]
        public Task SuppressMessageOnMethod_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void Run([StringSyntax("PromQL")] string query) { }

                    [SuppressMessage("PromQL.Correctness", "PROMQL001")]
                    void M() => Run("{|PROMQL002:sum(container_memory_rss{namespace='n', pod='p'})|}");

                    [SuppressMessage("PromQL.Correctness", "PROMQL001:ContainerFilterMissing", Justification = "pod-level series wanted")]
                    void N() => Run("container_memory_rss");

                    void O() => Run("{|PROMQL001:container_memory_rss|}");
                }
                """);

        [Fact]
        public Task SuppressMessageOnClass_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                [SuppressMessage("PromQL.Correctness", "PROMQL001")]
                [SuppressMessage("PromQL.Correctness", "PROMQL002")]
                [SuppressMessage("PromQL.Syntax", "PROMQL100")]
                class C
                {
                    void Run([StringSyntax("PromQL")] string query) { }

                    void M()
                    {
                        Run("sum(container_memory_rss{namespace='n', pod='p'})");
                        Run("rate(up)");
                    }
                }
                """);

        [Fact]
        public async Task GeneratedFileByName_NoDiagnostic()
        {
            var test = new VerifyCS.Test();
            test.TestState.Sources.Add(("/0/Test0.cs", Sources.Query("{|PROMQL001:container_memory_rss|}")));
            test.TestState.Sources.Add(("/0/Queries.g.cs", """
                using System.Diagnostics.CodeAnalysis;

                partial class Generated
                {
                    void Run([StringSyntax("PromQL")] string query) { }

                    void M()
                    {
                        Run("sum(container_memory_rss{namespace='n', pod='p'})");
                        Run("rate(up)");
                        var text = "container_memory_rss{pod='p'}";
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task GeneratedFileByHeader_NoDiagnostic()
        {
            var test = new VerifyCS.Test();
            test.TestState.Sources.Add(("/0/Test0.cs", Sources.Query("{|PROMQL001:container_memory_rss|}")));
            test.TestState.Sources.Add(("/0/Queries.cs", """
                // <auto-generated/>
                using System.Diagnostics.CodeAnalysis;

                class Generated
                {
                    void Run([StringSyntax("PromQL")] string query) { }

                    void M()
                    {
                        Run("sum(container_memory_rss{namespace='n', pod='p'})");
                        Run("rate(up)");
                        var text = "container_memory_rss{pod='p'}";
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
