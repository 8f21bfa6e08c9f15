using System.Linq;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class HistogramWithoutLeRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(HistogramWithoutLeRule.Find, query));

        /// <summary>The query with the single finding's fix applied, or null when it carries none.</summary>
        internal static string? Fixed(string query)
        {
            var finding = Assert.Single(RuleRunner.Run(HistogramWithoutLeRule.Find, query));
            return FixPropertiesTests.ApplyReplacement(query, finding);
        }

        [Theory]
        [InlineData("histogram_quantile(0.9, sum(rate(http_request_duration_seconds_bucket[5m])))", "sum")]
        [InlineData("histogram_quantile(0.9, sum by (pod) (rate(http_request_duration_seconds_bucket[5m])))", "sum by (pod)")]
        [InlineData("histogram_quantile(0.9, sum without (le) (rate(http_request_duration_seconds_bucket[5m])))", "sum without (le)")]
        [InlineData("histogram_quantile(0.9, sum(rate(http_request_duration_seconds_bucket[5m])) by (job))", "sum(rate(http_request_duration_seconds_bucket[5m])) by (job)")]
        [InlineData("histogram_quantile(0.9, avg by (job) (http_request_duration_seconds_bucket))", "avg by (job)")]
        [InlineData("histogram_quantile(0.9, max by (job) (increase(x_bucket{job=\"a\"}[1h])))", "max by (job)")]
        [InlineData("histogram_quantile(0.9, (sum by (job) ((rate(x_bucket[5m])))))", "sum by (job)")]
        [InlineData("histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m:1m])))", "sum by (job)")]
        [InlineData("histogram_quantile(0.9, SUM BY (job) (rate(x_bucket[5m])))", "SUM BY (job)")]
        public void AggregationDropsLe_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void InnerAggregationDropsLe_OnlyItIsReported()
        {
            const string query = "histogram_quantile(0.5, sum by (le) (sum by (pod) (rate(x_bucket[5m]))))";
            Assert.Equal(new[] { "sum by (pod)" }, Spans(query));
        }

        [Fact]
        public void Message_NamesTheAggregationAndTheBuckets()
        {
            var finding = Assert.Single(RuleRunner.Run(HistogramWithoutLeRule.Find, "histogram_quantile(0.9, sum by (pod,job) (rate(x_bucket[5m])))"));
            Assert.Same(Descriptors.HistogramWithoutLe, finding.Descriptor);
            Assert.Equal(new[] { "'sum by (pod, job)'", "'x_bucket'" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by (pod, le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (le))")]
        [InlineData("histogram_quantile(0.9, sum without (pod) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, rate(x_bucket[5m]))")]
        [InlineData("histogram_quantile(0.9, topk(5, rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum(rate(http_request_duration_seconds[5m])))")] // native histogram
        [InlineData("histogram_quantile(0.9, sum by (job) (rate(http_request_duration_seconds_count[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by (job) (cluster_job:x_bucket:rate5m))")]
        [InlineData("histogram_quantile(0.9, sum by (job) (label_replace(rate(x_bucket[5m]), \"le\", \"$1\", \"b\", \"(.*)\")))")]
        [InlineData("histogram_quantile(0.9, sum by (job) (rate(x_bucket[5m])) * on (job) group_left () y)")]
        [InlineData("histogram_quantile(0.9, sum by (\uE000) (rate(x_bucket[5m])))")] // the hole may be le
        [InlineData("histogram_quantile(0.9, sum by (job) (rate(\uE000_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by (job) (rate({__name__=~\"x_bucket\"}[5m])))")]
        [InlineData("histogram_quantile(0.9, count_values(\"le\", x_bucket))")]
        [InlineData("quantile(0.9, sum by (job) (rate(x_bucket[5m])))")]
        public void LeKeptOrNotKnown_NoDiagnostic(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData("histogram_quantile(0.9, sum by (pod) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by (pod, le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by (pod,) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by (pod, le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by () (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum by ( pod ) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by ( pod, le ) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum(rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (job))", "histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (job, le))")]
        [InlineData("histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum without () (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum without (le, pod) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum without (pod) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum without (pod, le) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum without (pod) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum without (pod,le,) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum without (pod,) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum without (a, le, b) (rate(x_bucket[5m])))", "histogram_quantile(0.9, sum without (a, b) (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, quantile(0.5, rate(x_bucket[5m])))", "histogram_quantile(0.9, quantile by (le) (0.5, rate(x_bucket[5m])))")]
        public void Fix_KeepsLe(string query, string expected)
        {
            var edited = Fixed(query);
            Assert.Equal(expected, edited);
            var parse = PromQlParser.Parse(edited!);
            Assert.False(parse.HasErrors);
            var empty = new System.Collections.Generic.List<Finding>();
            HistogramWithoutLeRule.Find(parse.Expression!, edited, Configuration.PromQlAnalyzerOptions.Default, empty);
            Assert.Empty(empty);
        }

        [Theory]
        [InlineData("histogram_quantile(0.9, sum by (\"pod\") (rate(x_bucket[5m])))")]
        [InlineData("histogram_quantile(0.9, sum without (\"le\") (rate(x_bucket[5m])))")]
        public void QuotedLabelsInTheClause_DiagnosticWithoutFix(string query) => Assert.Null(Fixed(query));

        [Fact]
        public void QueryWithErrors_FindingsWithoutProperties()
        {
            var parse = PromQlParser.Parse("histogram_quantile(0.9, sum by (pod) (rate(x_bucket[5m])))");
            var findings = new System.Collections.Generic.List<Finding>();
            HistogramWithoutLeRule.Find(parse.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            Assert.Empty(Assert.Single(findings).Properties);
        }

        [Fact]
        public void EveryDiagnosticIsOnePerAggregation()
        {
            const string query = "histogram_quantile(0.9, sum(rate(a_bucket[5m]))) / histogram_quantile(0.5, sum by (job) (rate(b_bucket[5m])))";
            Assert.Equal(new[] { "sum", "sum by (job)" }, Spans(query).OrderBy(s => s.Length).ToArray());
        }
    }
}
