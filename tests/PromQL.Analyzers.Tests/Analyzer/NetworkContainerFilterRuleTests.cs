using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL005 end to end: every marking detection path in every literal form it fits, holes, grouping clauses, and
    /// content detection. The rule has no content trigger of its own (as PROMQL003): an unmarked string is read when a
    /// watched cAdvisor prefix is in it, so a network query alone found by content is not parsed.
    /// </summary>
    public class NetworkContainerFilterRuleTests
    {
        private const string Query = """sum by (pod) (rate(container_network_receive_bytes_total{namespace="a", {|PROMQL005:container!=""|}}[5m]))""";

        // With a watched metric beside it, so that the content path reads the string too.
        private const string WithWatchedMetric = """sum(rate(container_network_receive_bytes_total{namespace="a", {|PROMQL005:container!=""|}}[5m])) / sum(container_memory_working_set_bytes{container!=""})""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        public static TheoryData<string, string> ContentCases => DetectionMatrix.Cases(new[] { DetectionPaths.Content });

        [Theory]
        [MemberData(nameof(Cases))]
        public Task MatcherRejectingEmpty_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Theory]
        [MemberData(nameof(ContentCases))]
        public Task BesideAWatchedMetric_FoundByContent(string path, string form) => DetectionMatrix.VerifyAsync(WithWatchedMetric, path, form);

        [Fact]
        public Task NetworkQueryAlone_NotReadByContent() =>
            VerifyCS.VerifyAnalyzerAsync("""
                class C
                {
                    void M()
                    {
                        var text = "sum(rate(container_network_receive_bytes_total{container!=\"\"}[5m]))";
                    }
                }
                """);

        [Fact]
        public Task GroupingByContainer_Reported() =>
            DetectionMatrix.VerifyEveryPathAsync(
                """sum by (pod, {|PROMQL005:container|}) (rate(container_network_transmit_bytes_total[5m]))""",
                new[] { DetectionPaths.Queries.First() });

        [Fact]
        public Task HoleInValue_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"rate(container_network_receive_bytes_total{{container!=\\\"{container}\\\"}}[5m])\""));

        [Fact]
        public Task HoleInOtherMatcher_StillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"rate(container_network_receive_bytes_total{{pod=\\\"{pod}\\\", {|PROMQL005:container!=\\\"\\\"|}}}[5m])\""));

        [Fact]
        public Task SandboxNamed_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("\"rate(container_network_receive_bytes_total{container=\\\"POD\\\"}[5m])\""));
    }
}
