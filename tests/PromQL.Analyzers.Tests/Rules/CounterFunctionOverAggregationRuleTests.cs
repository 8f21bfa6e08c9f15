using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class CounterFunctionOverAggregationRuleTests
    {
        private static string[] Spans(string query, string editorconfig = "") =>
            RuleRunner.Texts(query, RuleRunner.Run(CounterFunctionOverAggregationRule.Instance, query, editorconfig));

        private static string? Fixed(string query) =>
            FixPropertiesTests.ApplyReplacement(query, Assert.Single(RuleRunner.Run(CounterFunctionOverAggregationRule.Instance, query, string.Empty)));

        [Theory]
        [InlineData("rate(sum(x_total)[5m:])", "rate(sum(x_total)[5m:])")]
        [InlineData("max(irate(sum by (pod) (container_cpu_usage_seconds_total)[5m:1m]))", "irate(sum by (pod) (container_cpu_usage_seconds_total)[5m:1m])")]
        [InlineData("increase((max(container_memory_failcnt))[1h:])", "increase((max(container_memory_failcnt))[1h:])")]
        [InlineData("resets(avg(x_total)[1h:])", "resets(avg(x_total)[1h:])")]
        [InlineData("rate(min without (instance) (x_total)[5m:] offset 1h)", "rate(min without (instance) (x_total)[5m:] offset 1h)")]
        public void CounterFunctionOverSubqueryOfAggregation_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void Message_SaysTheFunctionTheAggregationAndTheCounter()
        {
            var finding = Assert.Single(RuleRunner.Run(CounterFunctionOverAggregationRule.Instance, "rate(sum(x_total)[5m:])", string.Empty));
            Assert.Same(Descriptors.CounterFunctionOverAggregation, finding.Descriptor);
            Assert.Equal(new[] { "rate", "sum", "x_total" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("sum(rate(x_total[5m]))")]
        [InlineData("rate(x_total[5m:])")] // a subquery of the counter itself
        [InlineData("rate(sum(container_memory_usage_bytes)[5m:])")] // a gauge: PROMQL010's matter, not a reset
        [InlineData("rate(sum(container_network_tcp_usage_total)[5m:])")] // a cAdvisor gauge despite its _total
        [InlineData("rate(sum(myapp_jobs)[5m:])")] // nothing known
        [InlineData("rate(count(x_total)[5m:])")]
        [InlineData("rate(topk(3, x_total)[5m:])")]
        [InlineData("rate(sum(rate(x_total[5m]))[5m:])")]
        [InlineData("rate(sum(\uE000)[5m:])")]
        [InlineData("rate(sum(x_\uE000_total)[5m:])")]
        [InlineData("rate(sum(x_total{a=\"b\"} * 2)[5m:])")]
        [InlineData("deriv(sum(x_total)[5m:])")]
        [InlineData("rate(sum(x_total)[5m:])", "promql.gauges = x_total")]
        public void NotOverAnAggregatedCounter_NoDiagnostic(string query, string editorconfig = "") => Assert.Empty(Spans(query, editorconfig));

        [Theory]
        [InlineData("rate(sum(x_total)[5m:])", "sum(rate(x_total[5m]))")]
        [InlineData("rate(sum(x_total)[5m:1m])", "sum(rate(x_total[5m]))")]
        [InlineData("irate(sum by (job) (x_total{job!=\"\"})[ 2m :30s])", "sum by (job) (irate(x_total{job!=\"\"}[2m]))")]
        [InlineData("increase(sum(x_total) by (job)[1h:])", "sum(increase(x_total[1h])) by (job)")]
        [InlineData("increase((sum without (instance) ((x_total)))[1h:])", "sum without (instance) ((increase(x_total[1h])))")]
        public void Fix_FunctionOfEachSeriesThenTheSum(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Theory]
        [InlineData("resets(sum(x_total)[1h:])")] // resets of each series summed is not resets of the sum
        [InlineData("rate(max(x_total)[5m:])")] // max of rates is no rate of the max
        [InlineData("rate(avg(x_total)[5m:])")]
        [InlineData("rate(sum(x_total)[5m:] offset 1h)")]
        [InlineData("rate(sum(x_total)[5m:] @ 100)")]
        [InlineData("rate(sum(x_total offset 1h)[5m:])")]
        public void FixNotTheSameQuestion_NoFix(string query) => Assert.Null(Fixed(query));
    }
}
