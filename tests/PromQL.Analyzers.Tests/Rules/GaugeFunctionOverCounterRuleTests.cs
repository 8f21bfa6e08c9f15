using System.Collections.Generic;
using PromQL.Analyzers.Metrics;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class GaugeFunctionOverCounterRuleTests
    {
        private static string[] Spans(string query, string editorconfig = "") =>
            RuleRunner.Texts(query, RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, query, editorconfig));

        private static string? Fixed(string query) =>
            FixPropertiesTests.ApplyReplacement(query, Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, query, string.Empty)));

        [Theory]
        [InlineData("delta(container_cpu_usage_seconds_total[5m])", "delta")]
        [InlineData("deriv(node_cpu_seconds_total{mode=\"idle\"}[5m])", "deriv")]
        [InlineData("idelta(container_memory_failcnt[5m])", "idelta")] // a cAdvisor counter without _total
        [InlineData("predict_linear(kube_pod_container_status_restarts_total[1h], 3600)", "predict_linear")]
        [InlineData("double_exponential_smoothing(prometheus_http_requests_total[1h], 0.5, 0.5)", "double_exponential_smoothing")]
        [InlineData("sum(delta(myapp_requests_total[5m]))", "delta")] // named like a counter, known as nothing else
        [InlineData("deriv(myapp_requests_total[5m:1m])", "deriv")]
        public void GaugeFunctionOverCounter_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void Message_SaysWhereTheFactCameFrom()
        {
            var catalog = Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, "delta(container_memory_failcnt[5m])", string.Empty));
            Assert.Same(Descriptors.GaugeFunctionOverCounter, catalog.Descriptor);
            Assert.Equal(new[] { "delta", "container_memory_failcnt", "a cAdvisor counter", "use increase, its counter equivalent" }, catalog.MessageArgs);
            var convention = Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, "deriv(myapp_requests_total[5m])", string.Empty));
            Assert.Equal(new[] { "deriv", "myapp_requests_total", "named like a counter", "use rate, its counter equivalent" }, convention.MessageArgs);
            var options = Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, "predict_linear(myapp_jobs[1h], 60)", "promql.counters = myapp_jobs"));
            Assert.Equal(new[] { "predict_linear", "myapp_jobs", "listed in promql.counters", "take the rate() of the counter first" }, options.MessageArgs);
        }

        [Theory]
        [InlineData("delta(container_memory_usage_bytes[5m])")] // a gauge
        [InlineData("deriv(container_network_tcp_usage_total[5m])")] // a cAdvisor gauge despite its _total
        [InlineData("deriv(myapp_jobs[5m])")] // nothing known
        [InlineData("delta(x_count[5m])")]
        [InlineData("rate(container_cpu_usage_seconds_total[5m])")]
        [InlineData("deriv(\uE000_total[5m])")]
        [InlineData("deriv(myapp_\uE000_total[5m])")]
        [InlineData("deriv({__name__=~\".+_total\"}[5m])")]
        [InlineData("predict_linear(rate(myapp_requests_total[5m])[1h:], 60)")] // over the rate: right
        public void NotAKnownCounter_NoDiagnostic(string query) => Assert.Empty(Spans(query));

        [Fact]
        public void TotalListedAsGauge_NoDiagnostic() =>
            Assert.Empty(Spans("deriv(myapp_sessions_total[5m])", "promql.gauges = myapp_sessions_total"));

        [Theory]
        [InlineData("delta(container_cpu_usage_seconds_total[5m])", "increase(container_cpu_usage_seconds_total[5m])")]
        [InlineData("deriv(myapp_requests_total[5m])", "rate(myapp_requests_total[5m])")]
        [InlineData("idelta(myapp_requests_total[1m] offset 5m)", "irate(myapp_requests_total[1m] offset 5m)")]
        public void Fix_CounterEquivalent_RangeAsWritten(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Theory]
        [InlineData("predict_linear(myapp_requests_total[1h], 60)")]
        [InlineData("double_exponential_smoothing(myapp_requests_total[1h], 0.5, 0.5)")]
        public void NoCounterEquivalent_NoFix(string query) =>
            Assert.Null(FixPropertiesTests.ApplyReplacement(query, Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Instance, query, string.Empty))));
    }
}
