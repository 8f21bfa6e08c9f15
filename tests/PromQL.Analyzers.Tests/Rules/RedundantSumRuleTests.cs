using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class RedundantSumRuleTests
    {
        private static string[] Spans(string query, Configuration.PromQlAnalyzerOptions? options = null) =>
            RuleRunner.Texts(query, RuleRunner.Run(RedundantSumRule.Find, query, options));

        private static void AssertSilent(string query, Configuration.PromQlAnalyzerOptions? options = null) =>
            Assert.Empty(Spans(query, options));

        private static void AssertDoubles(string query, string span, Configuration.PromQlAnalyzerOptions? options = null)
        {
            var finding = Assert.Single(RuleRunner.Run(RedundantSumRule.Find, query, options));
            Assert.Same(Descriptors.RedundantSum, finding.Descriptor);
            Assert.Equal(span, RuleRunner.Text(query, finding));
            Assert.Equal(new[] { RedundantSumRule.DoublesPodTotalMessage }, finding.MessageArgs);
        }

        private static void AssertSingleSeries(string query, string span)
        {
            var finding = Assert.Single(RuleRunner.Run(RedundantSumRule.Find, query));
            Assert.Equal(span, RuleRunner.Text(query, finding));
            Assert.Equal(new[] { RedundantSumRule.SingleSeriesMessage }, finding.MessageArgs);
        }

        [Fact]
        public void SumOverOnePodWithoutContainerFilter_BothRulesFire()
        {
            const string query = "sum(container_memory_working_set_bytes{namespace='ns',pod='p'})";
            AssertDoubles(query, query);
            Assert.Equal(
                new[] { "container_memory_working_set_bytes{namespace='ns',pod='p'}" },
                RuleRunner.Texts(query, RuleRunner.Run(ContainerFilterRule.Find, query)));
        }

        [Fact]
        public void TrailingByOfPinnedLabelsAndMetacharFreeRegex_SpanCoversGrouping()
        {
            const string query = "sum(container_memory_working_set_bytes{namespace='ns',pod=~'name'}) by (pod,namespace)";
            AssertDoubles(query, query);
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
        }

        [Fact]
        public void PodTotalWithContainerFilter_NeitherRuleFires()
        {
            const string query = "sum(container_memory_working_set_bytes{container!=\"\", namespace=\"ns\", pod=\"p\"})";
            AssertSilent(query);
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, query));
        }

        [Fact]
        public void HolesPinNamespaceAndPod_BothRulesFire()
        {
            const string query = "sum(container_memory_working_set_bytes{namespace='\uE000',pod='\uE000'})";
            AssertDoubles(query, query);
            Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query));
        }

        [Fact]
        public void ContainerPinned_SingleSeriesAndNoContainerFilterDiagnostic()
        {
            const string query = "sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=\"c\"})";
            AssertSingleSeries(query, query);
            Assert.Empty(RuleRunner.Run(ContainerFilterRule.Find, query));
        }

        [Theory]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=\"\uE000\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=~\"app\"})")]
        [InlineData("sum by (container) (container_memory_rss{namespace=\"a\",pod=\"b\",container=\"app\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=~\"\uE000\"})")]
        public void ContainerPinnedOtherwise_SingleSeries(string query) => AssertSingleSeries(query, query);

        [Theory]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container!=\"POD\"})")]
        [InlineData("sum by () (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum by (namespace, pod) (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum by (job) (container_memory_rss{namespace=\"a\",pod=\"b\",job=\"kubelet\"})")]
        [InlineData("sum((container_memory_rss{namespace=\"a\",pod=\"b\"}))")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\"} offset 5m)")]
        [InlineData("sum({__name__=\"container_memory_rss\",namespace=\"a\",pod=\"b\"})")]
        public void PodPinnedKeepsPodLevel_Doubles(string query) => AssertDoubles(query, query);

        // A =~ regex pins the label when RE2 reads it as one string, metacharacters or not.
        [Theory]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"[b]\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"(b)\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"^b$\"})")]
        [InlineData("sum(container_memory_rss{namespace=~`a\\.b`,pod=\"b\"})")]
        public void PodPinnedByRegexOfOneString_Doubles(string query) => AssertDoubles(query, query);

        [Theory]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"(?i)b\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"b{1}\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"[bc]\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"b|\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"^$\"})")]
        public void PodRegexOfMoreThanOneString_NoDiagnostic(string query) => AssertSilent(query);

        [Fact]
        public void NestedSum_SpanIsTheAggregation()
        {
            const string query = "sum(container_memory_rss{namespace=\"a\",pod=\"b\"}) / 1024 / 1024";
            AssertDoubles(query, "sum(container_memory_rss{namespace=\"a\",pod=\"b\"})");
        }

        [Fact]
        public void ImageFilter_SilentUnlessContainerFilterRequired()
        {
            const string query = "sum(container_memory_rss{namespace=\"a\",pod=\"b\",image!=\"\"})";
            AssertSilent(query);
            AssertDoubles(query, query, RuleRunner.RequiringContainerFilter());
        }

        [Theory]
        [InlineData("sum without (container) (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum without () (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum by (container) (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum by (pod, job) (container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum by (job) (container_memory_rss{namespace=\"a\",pod=\"b\",job=~\"kube.*\"})")]
        [InlineData("avg(container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("max(container_memory_rss{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum(rate(container_memory_rss{namespace=\"a\",pod=\"b\"}[5m]))")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\"} * 2)")]
        [InlineData("sum(container_memory_rss{namespace=\"a\"})")]
        [InlineData("sum(container_memory_rss{pod=\"b\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"b.*\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=~\"b|c\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod!=\"b\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",\uE000})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container!=\"\uE000\"})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",\uE000})")]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=~\"app|db\"})")]
        [InlineData("sum(container_memory_rss:sum{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum(container_network_receive_bytes_total{namespace=\"a\",pod=\"b\"})")]
        [InlineData("sum(\uE000)")]
        public void NotARedundantSum_NoDiagnostic(string query) => AssertSilent(query);

        [Fact]
        public void CpuUsageByDefault_DoublesUnlessUnwatched()
        {
            const string query = "sum(container_cpu_usage_seconds_total{namespace=\"a\",pod=\"b\"})";
            AssertDoubles(query, query);
            Assert.Empty(RuleRunner.Run(RedundantSumRule.Find, query, RuleRunner.Unwatching("container_cpu_")));
        }

        [Fact]
        public void CfsThrottlingOnlyWithOptions_Doubles()
        {
            // The pod cgroup's CFS counters are its own quota's, not its containers' total: watched only when added.
            const string query = "sum(container_cpu_cfs_throttled_periods_total{namespace=\"a\",pod=\"b\"})";
            AssertSilent(query);
            AssertDoubles(query, query, RuleRunner.WithPrefixes("container_cpu_"));
        }

        [Fact]
        public void SumInsideOtherExpressions_EachChecked()
        {
            const string query =
                "sum(container_memory_rss{namespace=\"a\",pod=\"b\"}) / sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=\"c\"})";
            var findings = RuleRunner.Run(RedundantSumRule.Find, query);
            Assert.Equal(
                new[] { "sum(container_memory_rss{namespace=\"a\",pod=\"b\"})", "sum(container_memory_rss{namespace=\"a\",pod=\"b\",container=\"c\"})" },
                RuleRunner.Texts(query, findings));
            Assert.Equal(RedundantSumRule.DoublesPodTotalMessage, findings[0].MessageArgs[0]);
            Assert.Equal(RedundantSumRule.SingleSeriesMessage, findings[1].MessageArgs[0]);
        }
    }
}
