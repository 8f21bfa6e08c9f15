using System.Collections.Generic;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL005 on trees: which container matchers and grouping labels of which queries are reported, and what the fix deletes.</summary>
    public class NetworkContainerFilterRuleTests
    {
        [Theory]
        [InlineData("container_network_receive_bytes_total{container!=\"\"}", "container!=\"\"", "on containerd")]
        [InlineData("container_network_receive_bytes_total{container=\"app\"}", "container=\"app\"", "on any runtime")]
        [InlineData("container_network_transmit_bytes_total{container=~\".+\"}", "container=~\".+\"", "on containerd")]
        [InlineData("container_network_transmit_packets_total{container=~\"app-.*\"}", "container=~\"app-.*\"", "on containerd")]
        [InlineData("container_network_receive_errors_total{container!~\"\"}", "container!~\"\"", "on containerd")]
        [InlineData("container_network_receive_errors_total{container!~\"|POD\"}", "container!~\"|POD\"", "on containerd")]
        [InlineData("container_network_receive_errors_total{container=~\"app\"}", "container=~\"app\"", "on any runtime")]
        [InlineData("{__name__=\"container_network_receive_bytes_total\", container!=\"\"}", "container!=\"\"", "on containerd")]
        [InlineData("rate(container_network_receive_bytes_total{namespace=\"a\", container!=\"\"}[5m])", "container!=\"\"", "on containerd")]
        [InlineData("container_network_\uE000{container!=\"\"}", "container!=\"\"", "on containerd")]
        public void MatcherRejectingEmpty_Reported(string query, string matcher, string effect)
        {
            var finding = Assert.Single(RuleRunner.Run(NetworkContainerFilterRule.Find, query));
            Assert.Equal(matcher, RuleRunner.Text(query, finding));
            Assert.Contains(effect, finding.MessageArgs[1]);
        }

        [Theory]
        [InlineData("container_network_receive_bytes_total{container=\"\"}")]
        [InlineData("container_network_receive_bytes_total{container=\"POD\"}")]
        [InlineData("container_network_receive_bytes_total{container=~\"POD|\"}")]
        [InlineData("container_network_receive_bytes_total{container=~\"POD\"}")]
        [InlineData("container_network_receive_bytes_total{container=~\"(?i)pod\"}")]
        [InlineData("container_network_receive_bytes_total{container=~\"|app\"}")]
        [InlineData("container_network_receive_bytes_total{container=~\".*\"}")]
        [InlineData("container_network_receive_bytes_total{container!=\"POD\"}")]
        [InlineData("container_network_receive_bytes_total{container!=\"app\"}")]
        [InlineData("container_network_receive_bytes_total{pod!=\"\", interface=\"eth0\"}")]
        [InlineData("container_memory_rss{container!=\"\"}")]
        [InlineData("node_network_receive_bytes_total{container!=\"\"}")]
        [InlineData("namespace:container_network_receive_bytes_total:sum{container!=\"\"}")]
        [InlineData("{__name__=~\"container_network_.*\", container!=\"\"}")]
        [InlineData("contain\uE000_network_receive_bytes_total{container!=\"\"}")]
        [InlineData("container_network_receive_bytes_total{container!=\"\uE000\"}")]
        [InlineData("container_network_receive_bytes_total{container=\"\uE000\"}")]
        [InlineData("container_network_receive_bytes_total{\uE000!=\"\"}")]
        [InlineData("sum without (container) (rate(container_network_receive_bytes_total[5m]))")]
        [InlineData("sum by (pod) (rate(container_network_receive_bytes_total[5m]))")]
        [InlineData("sum by (container) (rate(container_network_receive_bytes_total[5m]) * on (pod) group_left (container) kube_pod_container_info)")]
        [InlineData("sum by (container) (label_replace(container_network_receive_bytes_total, \"container\", \"$1\", \"pod\", \"(.*)\"))")]
        [InlineData("sum by (container) (rate(container_cpu_usage_seconds_total[5m]))")]
        public void EmptyAllowedSandboxNamedOrNotNetwork_NoFinding(string query) =>
            Assert.Empty(RuleRunner.Run(NetworkContainerFilterRule.Find, query));

        [Theory]
        [InlineData("sum by (container) (rate(container_network_receive_bytes_total[5m]))", new[] { "container" })]
        [InlineData("sum by (namespace, pod, container) (rate(container_network_transmit_bytes_total[5m]))", new[] { "container" })]
        [InlineData("sum(rate(container_network_receive_bytes_total[5m])) by (container)", new[] { "container" })]
        public void GroupingByContainer_ReportedWithoutFix(string query, string[] labels)
        {
            var findings = RuleRunner.Run(NetworkContainerFilterRule.Find, query);
            Assert.Equal(labels, RuleRunner.Texts(query, findings));
            Assert.All(findings, f => Assert.False(f.Properties.ContainsKey(FixProperties.ReplaceStart)));
            Assert.All(findings, f => Assert.Contains("splits nothing", f.MessageArgs[1]));
        }

        [Theory]
        [InlineData("container_network_receive_bytes_total{container!=\"\"}", "container_network_receive_bytes_total")]
        [InlineData("container_network_receive_bytes_total{container!=\"\", pod=\"a\"}", "container_network_receive_bytes_total{pod=\"a\"}")]
        [InlineData("container_network_receive_bytes_total{pod=\"a\", container!=\"\"}", "container_network_receive_bytes_total{pod=\"a\"}")]
        [InlineData("container_network_receive_bytes_total{pod=\"a\",container!=\"\",namespace=\"b\"}", "container_network_receive_bytes_total{pod=\"a\",namespace=\"b\"}")]
        [InlineData("container_network_receive_bytes_total{pod=\"a\", container!=\"\",}", "container_network_receive_bytes_total{pod=\"a\",}")]
        [InlineData("{__name__=\"container_network_receive_bytes_total\", container!=\"\"}", "{__name__=\"container_network_receive_bytes_total\"}")]
        [InlineData("{\"container_network_receive_bytes_total\", container!=\"\"}", "{\"container_network_receive_bytes_total\"}")]
        [InlineData("rate(container_network_receive_bytes_total{container!=\"\"}[5m])", "rate(container_network_receive_bytes_total[5m])")]
        [InlineData("container_network_receive_bytes_total{container!=\"\"} offset 5m", "container_network_receive_bytes_total offset 5m")]
        public void Fix_DeletesTheMatcherKeepingTheSelectorValid(string query, string expected)
        {
            var finding = Assert.Single(RuleRunner.Run(NetworkContainerFilterRule.Find, query));
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out var text));
            Assert.Equal(string.Empty, text);
            var fixedQuery = query.Substring(0, start) + query.Substring(end);
            Assert.Equal(expected, fixedQuery);
            Assert.False(PromQL.Parsing.PromQlParser.Parse(fixedQuery).HasErrors);
        }

        [Fact]
        public void TwoContainerMatchers_EachReportedAndDeletedAlone()
        {
            const string query = "container_network_receive_bytes_total{container!=\"\", container=~\".+\"}";
            var findings = RuleRunner.Run(NetworkContainerFilterRule.Find, query);
            Assert.Equal(new[] { "container!=\"\"", "container=~\".+\"" }, RuleRunner.Texts(query, findings));
        }

        [Fact]
        public void HoleInAnotherMatcher_FixDeletesAroundIt()
        {
            const string query = "container_network_receive_bytes_total{pod=\"\uE000\", container!=\"\"}";
            var finding = Assert.Single(RuleRunner.Run(NetworkContainerFilterRule.Find, query));
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out _));
            Assert.Equal("container_network_receive_bytes_total{pod=\"\uE000\"}", query.Substring(0, start) + query.Substring(end));
        }

        [Fact]
        public void NoText_MatcherReportedWithoutFix_GroupingNot()
        {
            var result = PromQL.Parsing.PromQlParser.Parse("sum by (container) (container_network_receive_bytes_total{container!=\"\"})");
            var findings = new List<Finding>();
            NetworkContainerFilterRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            var finding = Assert.Single(findings);
            Assert.Empty(finding.Properties);
        }
    }
}
