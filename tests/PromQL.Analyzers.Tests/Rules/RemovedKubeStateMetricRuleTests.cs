using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL004 on trees: which selectors are reported, the v2 form each fix writes, and where no fix is offered.</summary>
    public class RemovedKubeStateMetricRuleTests
    {
        [Theory]
        [InlineData("sum(kube_pod_container_resource_requests_cpu_cores)", "sum(kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"})")]
        [InlineData("sum by (namespace) (kube_pod_container_resource_requests_memory_bytes{namespace=\"a\"})", "sum by (namespace) (kube_pod_container_resource_requests{resource=\"memory\", unit=\"byte\", namespace=\"a\"})")]
        [InlineData("sum(kube_pod_container_resource_limits_cpu_cores{ namespace='a' })", "sum(kube_pod_container_resource_limits{resource='cpu', unit='core', namespace='a' })")]
        [InlineData("max(kube_pod_container_resource_limits_memory_bytes{})", "max(kube_pod_container_resource_limits{resource=\"memory\", unit=\"byte\"})")]
        [InlineData("sum(kube_node_status_capacity_pods)", "sum(kube_node_status_capacity{resource=\"pods\", unit=\"integer\"})")]
        [InlineData("sum(kube_node_status_capacity_cpu_cores)", "sum(kube_node_status_capacity{resource=\"cpu\", unit=\"core\"})")]
        [InlineData("sum(kube_node_status_capacity_memory_bytes)", "sum(kube_node_status_capacity{resource=\"memory\", unit=\"byte\"})")]
        [InlineData("sum(kube_node_status_allocatable_pods)", "sum(kube_node_status_allocatable{resource=\"pods\", unit=\"integer\"})")]
        [InlineData("sum by (node) (kube_node_status_allocatable_cpu_cores)", "sum by (node) (kube_node_status_allocatable{resource=\"cpu\", unit=\"core\"})")]
        [InlineData("kube_node_status_allocatable_memory_bytes{node=\"n\"}", "kube_node_status_allocatable{resource=\"memory\", unit=\"byte\", node=\"n\"}")]
        [InlineData("kube_hpa_spec_max_replicas", "kube_horizontalpodautoscaler_spec_max_replicas")]
        [InlineData("kube_hpa_status_current_replicas{namespace=\"a\", hpa=\"api\"}", "kube_horizontalpodautoscaler_status_current_replicas{namespace=\"a\", horizontalpodautoscaler=\"api\"}")]
        [InlineData("kube_hpa_status_desired_replicas{hpa=~\"api|web\"} offset 5m", "kube_horizontalpodautoscaler_status_desired_replicas{horizontalpodautoscaler=~\"api|web\"} offset 5m")]
        [InlineData("kube_daemonset_updated_number_scheduled{namespace=\"a\"} != kube_daemonset_status_desired_number_scheduled", "kube_daemonset_status_updated_number_scheduled{namespace=\"a\"} != kube_daemonset_status_desired_number_scheduled")]
        [InlineData("sum by (pod) (kube_pod_container_resource_requests_cpu_cores) / on (pod) group_left sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))", "sum by (pod) (kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"}) / on (pod) group_left sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores * on (pod) group_left (node) kube_pod_info", "kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"} * on (pod) group_left (node) kube_pod_info")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores > 2", "kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"} > 2")]
        public void V1Metric_ReportedOnTheName_FixWritesTheV2Form(string query, string expected)
        {
            var finding = Assert.Single(RuleRunner.Run(RemovedKubeStateMetricRule.Find, query));
            Assert.Equal(finding.MessageArgs[0], RuleRunner.Text(query, finding));
            Assert.Equal(expected, Apply(query, finding));
            Assert.False(PromQL.Parsing.PromQlParser.Parse(expected).HasErrors);
        }

        [Theory]
        [InlineData("kube_pod_container_resource_requests")]
        [InlineData("kube_pod_container_resource_requests{resource=\"cpu\"}")]
        [InlineData("kube_horizontalpodautoscaler_spec_max_replicas")]
        [InlineData("kube_pod_init_container_resource_requests_cpu_cores")]
        [InlineData("kube_hpa_status_current_metrics_average_value")]
        [InlineData("namespace:kube_pod_container_resource_requests_cpu_cores:sum")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores_total")]
        [InlineData("{__name__=~\"kube_pod_container_resource_requests_cpu_cores\"}")]
        [InlineData("kube_pod_container_resource_\uE000_cores")]
        [InlineData("kube_hpa_\uE000")]
        [InlineData("\uE000{namespace=\"a\"}")]
        public void V2OrUnknownName_NoFinding(string query) =>
            Assert.Empty(RuleRunner.Run(RemovedKubeStateMetricRule.Find, query));

        [Theory]
        [InlineData("kube_pod_container_resource_requests_cpu_cores / kube_pod_container_resource_limits_cpu_cores")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores / ignoring (container) kube_pod_info")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores and on (resource) kube_pod_info")]
        [InlineData("sum by (resource) (kube_pod_container_resource_requests_cpu_cores)")]
        [InlineData("sum without (pod) (kube_pod_container_resource_requests_cpu_cores) / kube_pod_info")]
        [InlineData("topk(3, kube_pod_container_resource_requests_cpu_cores) / kube_pod_info")]
        [InlineData("label_replace(kube_pod_container_resource_requests_cpu_cores, \"unit\", \"cores\", \"\", \"\")")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores{unit=\"core\"}")]
        [InlineData("kube_pod_container_resource_requests_cpu_cores{\uE000=\"a\"}")]
        [InlineData("kube_hpa_spec_max_replicas / on (hpa) kube_hpa_status_current_replicas")]
        [InlineData("kube_hpa_spec_max_replicas{horizontalpodautoscaler=\"a\"}")]
        [InlineData("sum by (namespace, hpa) (kube_hpa_spec_min_replicas)")]
        [InlineData("kube_hpa_spec_max_replicas{\"hpa\"=\"a\"}")]
        public void V2LabelsWouldChangeTheQuery_ReportedWithoutFix(string query)
        {
            var findings = RuleRunner.Run(RemovedKubeStateMetricRule.Find, query);
            Assert.NotEmpty(findings);
            Assert.All(findings, f => Assert.False(f.Properties.ContainsKey(FixProperties.ReplaceStart), RuleRunner.Text(query, f)));
            Assert.All(findings, f => Assert.True(f.Properties.ContainsKey(FixProperties.NodeStart)));
        }

        [Fact]
        public void NameSetByNameMatcher_ReportedOnTheMatcherWithoutFix()
        {
            const string query = "{__name__=\"kube_node_status_capacity_pods\", node=\"a\"}";
            var finding = Assert.Single(RuleRunner.Run(RemovedKubeStateMetricRule.Find, query));
            Assert.Equal("__name__=\"kube_node_status_capacity_pods\"", RuleRunner.Text(query, finding));
            Assert.Empty(finding.Properties);
        }

        [Fact]
        public void HoleInAValue_FixKeepsIt()
        {
            const string query = "sum(kube_pod_container_resource_requests_cpu_cores{namespace=\"\uE000\"})";
            var finding = Assert.Single(RuleRunner.Run(RemovedKubeStateMetricRule.Find, query));
            Assert.Equal("sum(kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\", namespace=\"\uE000\"})", Apply(query, finding));
        }

        [Fact]
        public void Message_NamesTheV2Form()
        {
            var finding = Assert.Single(RuleRunner.Run(RemovedKubeStateMetricRule.Find, "kube_hpa_labels"));
            Assert.Equal("'kube_horizontalpodautoscaler_labels' (its label hpa is now horizontalpodautoscaler)", finding.MessageArgs[1]);
            finding = Assert.Single(RuleRunner.Run(RemovedKubeStateMetricRule.Find, "kube_node_status_allocatable_pods"));
            Assert.Equal("'kube_node_status_allocatable{resource=\"pods\", unit=\"integer\"}'", finding.MessageArgs[1]);
        }

        [Fact]
        public void NoText_ReportedWithoutFix()
        {
            var result = PromQL.Parsing.PromQlParser.Parse("sum(kube_pod_container_resource_requests_cpu_cores)");
            var findings = new List<Finding>();
            RemovedKubeStateMetricRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            Assert.Empty(Assert.Single(findings).Properties);
        }

        [Fact]
        public void EveryMapping_HasAV2NameOfItsOwn()
        {
            Assert.Equal(19, KubeStateMetricsRenames.All.Length);
            Assert.Equal(KubeStateMetricsRenames.All.Length, KubeStateMetricsRenames.All.Select(r => r.Old).Distinct().Count());
            Assert.All(KubeStateMetricsRenames.All, r => Assert.Null(KubeStateMetricsRenames.Of(r.Metric)));
        }

        /// <summary>The finding's edits, applied as the fixer states them.</summary>
        internal static string Apply(string query, Finding finding)
        {
            var p = finding.Properties;
            Assert.True(FixProperties.TryGetReplacement(p, out var start, out var end, out var text), "the finding carries no fix");
            var edits = new List<(int Start, int End, string Text)> { (start, end, text) };
            if (FixProperties.TryGetOffset(p, FixProperties.InsertAt, out var at))
            {
                edits.Add((at, at, p[FixProperties.InsertText]!));
            }

            if (p.TryGetValue(FixProperties.RenameLabelsAt, out var renames))
            {
                foreach (var offset in renames!.Split(','))
                {
                    var o = int.Parse(offset, System.Globalization.CultureInfo.InvariantCulture);
                    edits.Add((o, o + 3, KubeStateMetricsRenames.NewHpaLabel));
                }
            }

            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                query = query.Substring(0, edit.Start) + edit.Text + query.Substring(edit.End);
            }

            return query;
        }
    }
}
