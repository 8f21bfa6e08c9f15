using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Meta
{
    /// <summary>The analyzer runs on sources with nothing to find, without diagnostics or exceptions (AD0001).</summary>
    public class AnalyzerSmokeTests
    {
        [Fact]
        public Task EmptySource_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync(string.Empty);

        [Fact]
        public Task SourceWithoutStrings_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;

                namespace App
                {
                    class C
                    {
                        private const int Limit = 3;

                        int M(int a, int b) => Math.Max(a + b, Limit) + (a > b ? 1 : 2);
                    }
                }
                """);

        [Fact]
        public Task SourceWithOrdinaryStrings_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(""""
                class C
                {
                    string M(string name) => "Hello, " + name + $"! {name.Length} ({name})" + @"\path" + """raw""";
                }
                """");

        [Fact]
        public Task AllOptionsSetOnSourceWithoutQueries_OnlyTheBadEntriesReported() =>
            VerifyCS.VerifyAnalyzerAsync(
                "class C { string M() => \"(a)\" + \"[b]\"; }",
                "promql.watched_metric_prefixes = container_cpu_\npromql.require_container_filter = true\npromql.query_methods = C.M, not an entry, X.\npromql.detect_by_content = false\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    "promql.query_methods",
                    "C.M, not an entry, X.",
                    "'not an entry' is not [Namespace.]Type.Member or [Namespace.]Type.Member(parameter); 'X.' is not [Namespace.]Type.Member or [Namespace.]Type.Member(parameter)"));
    }
}
