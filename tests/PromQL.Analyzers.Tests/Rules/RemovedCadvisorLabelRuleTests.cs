using System.Linq;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL003 on trees: which labels of which queries are reported, and the rename each finding carries.</summary>
    public class RemovedCadvisorLabelRuleTests
    {
        [Theory]
        [InlineData("container_memory_working_set_bytes{pod_name=\"api\"}", "pod_name", "pod", "matches nothing")]
        [InlineData("container_cpu_usage_seconds_total{container_name!=\"POD\"}", "container_name", "container", "filters nothing")]
        [InlineData("container_network_receive_bytes_total{pod_name=~\"api-.*\"}", "pod_name", "pod", "matches nothing")]
        [InlineData("{__name__=\"container_fs_usage_bytes\", container_name=\"app\"}", "container_name", "container", "matches nothing")]
        [InlineData("container_memory_rss{container_name=~\"|app\"}", "container_name", "container", "filters nothing")]
        public void MatcherOnRemovedLabel_OneFinding(string query, string label, string rename, string effect)
        {
            var finding = Assert.Single(RuleRunner.Run(RemovedCadvisorLabelRule.Find, query));
            Assert.Equal(label, RuleRunner.Text(query, finding));
            Assert.Equal(rename, finding.Properties[FixProperties.ReplaceText]);
            Assert.Contains(effect, finding.MessageArgs[2]);
            Assert.Equal(rename, finding.MessageArgs[3]);
        }

        [Theory]
        [InlineData("sum by (namespace, pod_name) (rate(container_cpu_usage_seconds_total[5m]))", new[] { "pod_name" })]
        [InlineData("sum without (container_name, pod_name) (container_memory_rss)", new[] { "container_name", "pod_name" })]
        [InlineData("max by (pod_name) (container_memory_rss{container_name!=\"\"})", new[] { "container_name", "pod_name" })]
        [InlineData("sum(container_memory_rss) by (pod_name)", new[] { "pod_name" })]
        public void GroupingOverCadvisorOnly_EachLabelReported(string query, string[] labels)
        {
            var findings = RuleRunner.Run(RemovedCadvisorLabelRule.Find, query);
            Assert.Equal(labels, RuleRunner.Texts(query, findings).OrderBy(t => t, System.StringComparer.Ordinal).ToArray());
        }

        [Theory]
        [InlineData("kube_pod_info{pod_name=\"api\"}")]
        [InlineData("namespace:container_memory_rss:sum{pod_name=\"api\"}")]
        [InlineData("{__name__=~\"container_memory_rss\", pod_name=\"api\"}")]
        [InlineData("container_memory_rss{pod=\"api\", container=\"app\"}")]
        [InlineData("sum by (pod_name) (label_replace(container_memory_rss, \"pod_name\", \"$1\", \"pod\", \"(.*)\"))")]
        [InlineData("sum by (pod_name) (container_memory_rss * on (pod) group_left kube_pod_info)")]
        [InlineData("sum by (pod_name) (count_values(\"pod_name\", container_memory_rss))")]
        [InlineData("sum by (pod) (container_memory_rss)")]
        [InlineData("sum by (pod_name) (vector(1))")]
        public void NotCadvisorOrLabelMayExist_NoFinding(string query) =>
            Assert.Empty(RuleRunner.Run(RemovedCadvisorLabelRule.Find, query));

        [Fact]
        public void HoleInMetricNamePrefix_NoFinding() =>
            Assert.Empty(RuleRunner.Run(RemovedCadvisorLabelRule.Find, "contain\uE000_memory_rss{pod_name=\"a\"}"));

        [Fact]
        public void HoleAfterPrefixOrInValue_StillCadvisor_Finding()
        {
            var query = "container_\uE000{pod_name=\"\uE000\"}";
            var finding = Assert.Single(RuleRunner.Run(RemovedCadvisorLabelRule.Find, query));
            Assert.Equal("pod_name", RuleRunner.Text(query, finding));
        }

        [Fact]
        public void HoleInMatcherName_NoFinding() =>
            Assert.Empty(RuleRunner.Run(RemovedCadvisorLabelRule.Find, "container_memory_rss{\uE000=\"a\"}"));

        [Fact]
        public void QuotedLabelName_ReportedWithoutRename()
        {
            var query = "container_memory_rss{\"pod_name\"=\"a\"}";
            var finding = Assert.Single(RuleRunner.Run(RemovedCadvisorLabelRule.Find, query));
            Assert.False(finding.Properties.ContainsKey(FixProperties.ReplaceText));
        }

        [Fact]
        public void NoText_MatcherReportedWithoutFix_GroupingNot()
        {
            var result = PromQL.Parsing.PromQlParser.Parse("sum by (pod_name) (container_memory_rss{pod_name=\"a\"})");
            var findings = new System.Collections.Generic.List<Finding>();
            RemovedCadvisorLabelRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            var finding = Assert.Single(findings);
            Assert.Empty(finding.Properties);
        }
    }
}
