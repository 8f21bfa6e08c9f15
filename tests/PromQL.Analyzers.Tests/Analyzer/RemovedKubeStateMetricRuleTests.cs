using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL004 end to end: every marking detection path in every literal form it fits, holes, and content detection.
    /// The rule has no content trigger (a <c>kube_</c> trigger would end the screen's one-IndexOf path on the common
    /// <c>container_</c> prefix): an unmarked string is read only when a watched cAdvisor prefix is in it too.
    /// </summary>
    public class RemovedKubeStateMetricRuleTests
    {
        private const string Query = """sum by (namespace) ({|PROMQL004:kube_pod_container_resource_requests_cpu_cores|}{namespace="a"})""";

        private const string WithWatchedMetric = """sum(rate(container_cpu_usage_seconds_total{container!=""}[5m])) / sum({|PROMQL004:kube_pod_container_resource_requests_cpu_cores|})""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        public static TheoryData<string, string> ContentCases => DetectionMatrix.Cases(new[] { DetectionPaths.Content });

        [Theory]
        [MemberData(nameof(Cases))]
        public Task V1ResourceMetric_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Theory]
        [MemberData(nameof(ContentCases))]
        public Task BesideAWatchedMetric_FoundByContent(string path, string form) => DetectionMatrix.VerifyAsync(WithWatchedMetric, path, form);

        [Fact]
        public Task KubeStateMetricAlone_NotReadByContent() =>
            VerifyCS.VerifyAnalyzerAsync("""
                class C
                {
                    void M()
                    {
                        var text = "sum(kube_pod_container_resource_requests_cpu_cores{namespace=\"a\"})";
                    }
                }
                """);

        [Fact]
        public Task HoleInValue_StillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"{|PROMQL004:kube_hpa_status_current_replicas|}{{hpa=\\\"{pod}\\\"}}\""));

        [Fact]
        public Task HoleInName_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"kube_pod_container_resource_requests_{metric}{{namespace=\\\"a\\\"}}\""));
    }
}
