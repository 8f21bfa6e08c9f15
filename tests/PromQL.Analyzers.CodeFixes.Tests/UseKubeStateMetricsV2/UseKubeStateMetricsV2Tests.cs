using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.UseKubeStateMetricsV2CodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.UseKubeStateMetricsV2
{
    /// <summary>
    /// PROMQL004's fix: the v2 name with its resource and unit matchers, or the renamed HPA metric and label, in every
    /// literal kind, all at once in Fix All; none where the new labels would change the matching or a constant holds the name.
    /// </summary>
    public class UseKubeStateMetricsV2Tests
    {
        [Fact]
        public Task RegularString_NameAndMatchersWritten() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum by (namespace) ({|PROMQL004:kube_pod_container_resource_requests_cpu_cores|}{namespace=\"a\"})"
                    """),
                Sources.Marked("""
                    "sum by (namespace) (kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\", namespace=\"a\"})"
                    """));

        [Fact]
        public Task BareName_BracesAdded() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum({|PROMQL004:kube_node_status_allocatable_memory_bytes|})"
                    """),
                Sources.Marked("""
                    "sum(kube_node_status_allocatable{resource=\"memory\", unit=\"byte\"})"
                    """));

        [Fact]
        public Task SingleQuotes_KeptForTheNewMatchers() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum({|PROMQL004:kube_pod_container_resource_limits_memory_bytes|}{pod='a'})"
                    """),
                Sources.Marked("""
                    "sum(kube_pod_container_resource_limits{resource='memory', unit='byte', pod='a'})"
                    """));

        [Fact]
        public Task VerbatimString_Written() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"sum({|PROMQL004:kube_node_status_capacity_pods|}{node=""n""})"
                    """""),
                Sources.Marked("""""
                    @"sum(kube_node_status_capacity{resource=""pods"", unit=""integer"", node=""n""})"
                    """""));

        [Fact]
        public Task RawString_HpaMetricAndLabelRenamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """{|PROMQL004:kube_hpa_status_current_replicas|}{namespace="a", hpa="api"}"""
                    """""),
                Sources.Marked("""""
                    """kube_horizontalpodautoscaler_status_current_replicas{namespace="a", horizontalpodautoscaler="api"}"""
                    """""));

        [Fact]
        public Task InterpolatedWithHoleInValue_Written() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"sum({|PROMQL004:kube_pod_container_resource_requests_memory_bytes|}{{namespace=\"{ns}\"}})"
                    """),
                Sources.Marked("""
                    $"sum(kube_pod_container_resource_requests{{resource=\"memory\", unit=\"byte\", namespace=\"{ns}\"}})"
                    """));

        [Fact]
        public Task Concatenation_NameInSecondPart_Written() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max(" + "{|PROMQL004:kube_daemonset_updated_number_scheduled|}{namespace=\"a\"}) != 0"
                    """),
                Sources.Marked("""
                    "max(" + "kube_daemonset_status_updated_number_scheduled{namespace=\"a\"}) != 0"
                    """));

        [Fact]
        public Task DaemonSetRegular_Written() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL004:kube_daemonset_updated_number_scheduled|} != 0"
                    """),
                Sources.Marked("""
                    "kube_daemonset_status_updated_number_scheduled != 0"
                    """));

        [Fact]
        public Task NameEndingItsPart_Written() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL004:kube_daemonset_updated_number_scheduled|}" + " != 0"
                    """),
                Sources.Marked("""
                    "kube_daemonset_status_updated_number_scheduled" + " != 0"
                    """));

        [Fact]
        public Task EveryMetricOfTheQuery_FixAllWritesThemAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum({|PROMQL004:kube_pod_container_resource_requests_cpu_cores|}) / sum({|PROMQL004:kube_node_status_allocatable_cpu_cores|})"
                    """),
                Sources.Marked("""
                    "sum(kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"}) / sum(kube_node_status_allocatable{resource=\"cpu\", unit=\"core\"})"
                    """));

        [Fact]
        public Task OperandOfDefaultMatching_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL004:kube_pod_container_resource_requests_cpu_cores|} / {|PROMQL004:kube_pod_container_resource_limits_cpu_cores|}"
                """));

        [Fact]
        public Task NameInAConstant_NoFix() =>
            VerifyCS.VerifyNoFixAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    const string Requests = "kube_pod_container_resource_requests_cpu_cores";

                    void Run([StringSyntax("PromQL")] string query) { }

                    void M() => Run($"sum({|PROMQL004:{Requests}|})");
                }
                """);

        [Fact]
        public async Task WithNetworkContainerFilter_BothFixesCompose()
        {
            var source = Sources.Marked("\"sum(rate(container_network_receive_bytes_total{container!=\\\"\\\", pod=\\\"a\\\"}[5m])) / sum(kube_pod_container_resource_limits_cpu_cores{pod=\\\"a\\\"})\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("sum(rate(container_network_receive_bytes_total{pod=\\\"a\\\"}[5m])) / sum(kube_pod_container_resource_limits{resource=\\\"cpu\\\", unit=\\\"core\\\", pod=\\\"a\\\"})", fixedText);
        }
    }
}
