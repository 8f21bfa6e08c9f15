using System.Linq;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class ContainerFilterRuleTests
    {
        private static string[] Spans(string query, Configuration.PromQlAnalyzerOptions? options = null) =>
            RuleRunner.Texts(query, RuleRunner.Run(ContainerFilterRule.Find, query, options));

        private static void AssertSilent(string query, Configuration.PromQlAnalyzerOptions? options = null) =>
            Assert.Empty(Spans(query, options));

        [Fact]
        public void SumOverPodWithoutContainerFilter_DiagnosticOnSelectorWithArguments()
        {
            const string query = "sum(container_memory_working_set_bytes{namespace='ns',pod='p'})";
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Same(Descriptors.ContainerFilterMissing, finding.Descriptor);
            Assert.Equal("container_memory_working_set_bytes{namespace='ns',pod='p'}", RuleRunner.Text(query, finding));
            Assert.Equal(new[] { "'container_memory_working_set_bytes'", "the pod's memory" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("container!=\"\"")]
        [InlineData("container=~\".+\"")]
        [InlineData("container=\"app\"")]
        [InlineData("container!~\"\"")]
        [InlineData("container!=\"POD\", container!=\"\"")]
        [InlineData("container!=\"\", container!=\"POD\"")]
        [InlineData("image!=\"\"")]
        [InlineData("image=~\".+\"")]
        public void MatcherDropsPodLevelSeries_NoDiagnostic(string matcher) =>
            AssertSilent("sum(container_memory_working_set_bytes{namespace=\"ns\", " + matcher + "})");

        [Theory]
        [InlineData("container!=\"POD\"")]
        [InlineData("container=~\".*\"")]
        [InlineData("container=~\"|app\"")]
        [InlineData("container!=\"POD\", image=\"\"")]
        [InlineData("namespace!=\"\"")]
        public void MatcherKeepsPodLevelSeries_Diagnostic(string matcher)
        {
            var query = "container_memory_rss{" + matcher + "}";
            Assert.Equal(new[] { query }, Spans(query));
        }

        [Fact]
        public void ImageFilterWithRequireContainerFilter_Diagnostic()
        {
            const string query = "container_memory_rss{image!=\"\"}";
            AssertSilent(query);
            Assert.Equal(new[] { query }, Spans(query, RuleRunner.RequiringContainerFilter()));
        }

        [Theory]
        [InlineData("container_memory_rss{container=\"\uE000\"}")]
        [InlineData("container_memory_rss{container!=\"\uE000\"}")]
        [InlineData("container_memory_rss{container=~\"\uE000\"}")]
        [InlineData("container_memory_rss{image!=\"\uE000\"}")]
        [InlineData("container_memory_rss{pod=\"p\", \uE000}")]
        [InlineData("container_memory_rss{pod=\"p\", \uE000=\"x\"}")]
        public void HoleLeavesPodLevelUnknown_NoDiagnostic(string query) => AssertSilent(query);

        [Fact]
        public void HoleBesideDefiniteContainerFilter_NoDiagnostic() =>
            AssertSilent("container_memory_rss{\uE000, container!=\"\"}");

        [Fact]
        public void HoleInOtherLabelValue_Diagnostic()
        {
            const string query = "container_memory_rss{namespace=\"\uE000\", pod=~\"\uE000\"}";
            Assert.Equal(new[] { query }, Spans(query));
        }

        [Fact]
        public void SelectorWithoutBracesAndOffset_SpanIsNameOnly()
        {
            const string query = "container_memory_rss offset 5m @ 100";
            Assert.Equal(new[] { "container_memory_rss" }, Spans(query));
        }

        [Fact]
        public void RangeSelectorInFunction_SpanStopsAtBrace()
        {
            const string query = "rate(container_cpu_usage_seconds_total{pod=\"p\"}[5m] offset 1m)";
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Equal("container_cpu_usage_seconds_total{pod=\"p\"}", RuleRunner.Text(query, finding));
            Assert.Equal("the pod's CPU", finding.MessageArgs[1]);
        }

        [Fact]
        public void CfsThrottlingNotWatchedByDefault_NoDiagnostic() =>
            AssertSilent("rate(container_cpu_cfs_throttled_seconds_total{pod=\"p\"}[5m])");

        [Fact]
        public void FilesystemAndOtherPrefixes_CountedQuantityFollowsPrefix()
        {
            var options = RuleRunner.WithPrefixes("container_fs_", "container_blkio_");
            const string query = "container_fs_usage_bytes + container_blkio_device_usage_total";
            var findings = RuleRunner.Run(ContainerFilterRule.Find, query, options);
            Assert.Equal(new[] { "container_fs_usage_bytes", "container_blkio_device_usage_total" }, RuleRunner.Texts(query, findings));
            Assert.Equal(new[] { "the pod's filesystem usage", "the pod's usage" }, findings.Select(f => f.MessageArgs[1]).ToArray());
        }

        [Fact]
        public void SubqueryAndBinaryOperands_EachSelectorChecked()
        {
            const string query =
                "max_over_time(container_memory_rss{pod=\"p\"}[1h:5m]) / on(pod) container_memory_usage_bytes{container!=\"\"} > bool container_memory_cache";
            Assert.Equal(new[] { "container_memory_rss{pod=\"p\"}", "container_memory_cache" }, Spans(query));
        }

        [Fact]
        public void AggregationParameterAndNestedAggregations_Checked()
        {
            const string query = "topk(3, sum by (pod) (container_memory_rss{namespace=\"ns\"}))";
            Assert.Equal(new[] { "container_memory_rss{namespace=\"ns\"}" }, Spans(query));
        }

        [Theory]
        [InlineData("{__name__=\"container_memory_rss\", pod=\"p\"}", "'container_memory_rss'")]
        [InlineData("{\"container_memory_rss\", pod=\"p\"}", "'container_memory_rss'")]
        [InlineData("{__name__=~\"container_memory_.*\"}", "'container_memory_.*'")]
        [InlineData("{__name__=~\"container_memory_(rss|cache)\"}", "'container_memory_(rss|cache)'")]
        [InlineData("{__name__=~\"node_load1|container_memory_rss\"}", "'node_load1|container_memory_rss'")]
        [InlineData("{__name__=~\"(container_memory_rss|node_load1)\"}", "'(container_memory_rss|node_load1)'")]
        [InlineData("{__name__=~\"(?:x|(container_memory_rss))\"}", "'(?:x|(container_memory_rss))'")]
        [InlineData("{__name__=~\"container_memory_s*\"}", "'container_memory_s*'")]
        [InlineData("{__name__=~\"container_memor[y]_rss\"}", "'container_memor[y]_rss'")]
        [InlineData("{__name__=~\"[c]ontainer_memory_rss\"}", "'[c]ontainer_memory_rss'")]
        public void NameFromMatcher_Diagnostic(string query, string metric)
        {
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Equal(query, RuleRunner.Text(query, finding));
            Assert.Equal(metric, finding.MessageArgs[0]);
            Assert.Equal("the pod's memory", finding.MessageArgs[1]);
        }

        [Theory]
        [InlineData("{__name__=~\"container_memory.*\"}")]
        [InlineData("{__name__=~\".*\", job=\"x\"}")]
        [InlineData("{__name__=~\"(?i)container_memory_rss\"}")]
        [InlineData("{__name__=~\"(container_memory_rss|x)+\"}")]
        [InlineData("{__name__=~\"container_memory?_rss\"}")]
        [InlineData("{__name__=~\"container_memor[^y]_rss\"}")]
        [InlineData("{__name__=~\"[^c]ontainer_memory_rss\"}")]
        [InlineData("{__name__=~\"container_memory_rss:sum\"}")]
        [InlineData("{__name__!=\"container_memory_rss\", job=\"x\"}")]
        [InlineData("{__name__!~\"container_memory_.*\", job=\"x\"}")]
        [InlineData("{__name__=\"container_network_receive_bytes_total\"}")]
        public void NameMatcherNotSurelyWatched_NoDiagnostic(string query) => AssertSilent(query);

        // Where the regex scanner the rule used to have and RE2 disagreed, RE2 (what Prometheus runs) decides.
        [Theory]
        [InlineData("{__name__=~\"^container_memory_rss$\"}")]
        [InlineData("{__name__=~`container\\_memory_rss`}")]
        [InlineData("{__name__=~`\\Qcontainer_memory_rss\\E`}")]
        [InlineData("{__name__=~\"container_(?:memory_rss|memory_cache)\"}")]
        [InlineData("{__name__=~\"container_memor(?:y|z)_rss\"}")]
        public void NameMatcherRe2ReadsAsWatchedAlternative_Diagnostic(string query)
        {
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Equal(query, RuleRunner.Text(query, finding));
            Assert.Equal("the pod's memory", finding.MessageArgs[1]);
        }

        [Fact]
        public void NameMatcherRe2ReadsAsMatchingNothingWatched_NoDiagnostic()
        {
            // An empty class matches nothing, so the alternative selects no series at all.
            AssertSilent("{__name__=~`container_memory_[^\\x00-\\x{10FFFF}]`}");

            // The literal prefix is "container_", but the only name the regex matches is a network metric.
            AssertSilent("{__name__=~\"container_(network_receive_bytes_total)\"}", RuleRunner.WithPrefixes("container_"));
            Assert.Single(Spans("{__name__=~\"container_(network_receive_bytes_total|processes)\"}", RuleRunner.WithPrefixes("container_")));
        }

        [Theory]
        [InlineData("container_memory_working_set_bytes:sum{pod=\"p\"}")]
        [InlineData("node_namespace_pod_container:container_memory_rss")]
        [InlineData("container_network_receive_bytes_total{pod=\"p\"}")]
        [InlineData("node_memory_MemTotal_bytes")]
        [InlineData("\uE000")]
        [InlineData("rate(\uE000[5m])")]
        public void NotARawWatchedMetric_NoDiagnostic(string query) => AssertSilent(query, RuleRunner.WithPrefixes("container_"));

        [Fact]
        public void NetworkNeverWatchedEvenWithBroadPrefix_NoDiagnostic()
        {
            var options = RuleRunner.WithPrefixes("container_");
            AssertSilent("container_network_transmit_bytes_total", options);
            Assert.Single(Spans("container_processes", options));
        }

        [Theory]
        [InlineData("container_memory_\uE000{pod=\"p\"}", "'container_memory_…'")]
        [InlineData("{__name__=\"container_memory_\uE000\"}", "'container_memory_…'")]
        [InlineData("{__name__=~\"container_memory_\uE000\"}", "'container_memory_…'")]
        public void HoleAfterWatchedPrefix_Diagnostic(string query, string metric)
        {
            var finding = Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
            Assert.Equal(query, RuleRunner.Text(query, finding));
            Assert.Equal(metric, finding.MessageArgs[0]);
        }

        [Theory]
        [InlineData("container_\uE000{pod=\"p\"}")]
        [InlineData("\uE000_memory_rss{pod=\"p\"}")]
        [InlineData("{__name__=\"\uE000\"}")]
        [InlineData("container_memory_\uE000:sum{pod=\"p\"}")]
        public void HoleBeforeWatchedPrefixEnds_NoDiagnostic(string query) => AssertSilent(query);

        [Theory]
        [InlineData(MatchType.NotRegexp, "(", 0)]
        [InlineData(MatchType.Regexp, "(", 0)]
        [InlineData(MatchType.Regexp, ".+", 0)]
        [InlineData(MatchType.Regexp, ".*", 1)]
        public void ContainerRegexBuiltByHand_InvalidOneLeavesPodLevelUnknown(MatchType type, string regex, int expected)
        {
            // The parser rejects an invalid regex outright, so only a tree built by hand carries one.
            const string name = "container_memory_rss";
            var end = 21 + "container=~\"\"".Length + regex.Length;
            var matcher = new LabelMatcher("container", type, regex, 21, end, 21, 30, 32, end);
            var selector = new VectorSelector(name, new[] { matcher }, Modifiers.None, 0, end + 1, name.Length, name.Length, end);
            var findings = new System.Collections.Generic.List<Finding>();
            ContainerFilterRule.Find(selector, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            Assert.Equal(expected, findings.Count);
        }
    }
}
