using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL030 end to end: every marking path in every literal form it fits, with the span on the old name and no PROMQL100
    /// beside it; never on a string found by its content (which is PromQL only when it parses).
    /// </summary>
    public class RenamedFunctionRuleTests
    {
        private const string Query = """{|PROMQL030:holt_winters|}(sum by (job) (rate(http_requests_total{code="500"}[5m]))[1h:1m], 0.5, 0.5)""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        [Theory]
        [MemberData(nameof(Cases))]
        public Task HoltWinters_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Fact]
        public Task MessageNamesTheNewNameAndTheFlag() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|#0:holt_winters|}(node_load1[10m], 0.3, 0.1)"),
                VerifyCS.Diagnostic(DiagnosticIds.RenamedFunction).WithLocation(0)
                    .WithArguments("3.0", "holt_winters", "double_exponential_smoothing", " (an experimental function: --enable-feature=promql-experimental-functions)"));

        [Fact]
        public Task HoleAfterTheName_StillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"{|PROMQL030:holt_winters|}(node_load1[{window}], 0.3, 0.1)\""));

        [Fact]
        public Task HoleAsTheName_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"{metric}(node_load1[10m], 0.3, 0.1)\""));

        [Fact]
        public Task ContentDetected_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("holt_winters(container_memory_rss{container!=''}[10m], 0.3, 0.1)"));
    }
}
