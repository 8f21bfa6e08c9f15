using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL003 end to end: every detection path in every literal form it fits (content detection included: the rule has no
    /// trigger of its own, the cAdvisor prefix of the selector makes the string worth reading), holes and grouping clauses.
    /// </summary>
    public class RemovedCadvisorLabelRuleTests
    {
        private const string Query = """sum by (namespace) (container_memory_working_set_bytes{container!="", {|PROMQL003:pod_name|}="api"})""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries.Append(DetectionPaths.Content));

        [Theory]
        [MemberData(nameof(Cases))]
        public Task MatcherOnPodName_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Fact]
        public Task GroupingLabels_EachReported() =>
            DetectionMatrix.VerifyEveryPathAsync(
                """sum by ({|PROMQL003:pod_name|}, {|PROMQL003:container_name|}) (rate(container_cpu_usage_seconds_total{container!=""}[5m]))""",
                new[] { DetectionPaths.Queries.First() });

        [Fact]
        public Task HoleInValue_StillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"container_memory_rss{{container!=\\\"\\\", {|PROMQL003:pod_name|}=\\\"{pod}\\\"}}\""));

        [Fact]
        public Task HoleAsLabelName_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"container_memory_rss{{container!=\\\"\\\", {matcher}=\\\"a\\\"}}\""));
    }
}
