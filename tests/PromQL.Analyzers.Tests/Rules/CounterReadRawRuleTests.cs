using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class CounterReadRawRuleTests
    {
        private static string[] Spans(string query, string editorconfig = "", QueryKind kind = QueryKind.Unknown) =>
            RuleRunner.Texts(query, RuleRunner.Run(CounterReadRawRule.Instance, query, editorconfig, kind: kind));

        private static string Properties(string query, string editorconfig = "") =>
            FixPropertiesTests.Describe(Assert.Single(RuleRunner.Run(CounterReadRawRule.Instance, query, editorconfig)));

        [Theory]
        [InlineData("container_cpu_usage_seconds_total", "container_cpu_usage_seconds_total")] // shown raw
        [InlineData("sum by (pod) (container_cpu_usage_seconds_total{container!=\"\"})", "container_cpu_usage_seconds_total{container!=\"\"}")]
        [InlineData("container_memory_failcnt > 0", "container_memory_failcnt")] // compared
        [InlineData("rate(node_cpu_seconds_total[5m]) / node_cpu_seconds_total", "node_cpu_seconds_total")] // divided by
        [InlineData("max_over_time(kube_pod_container_status_restarts_total[1h])", "kube_pod_container_status_restarts_total")]
        [InlineData("max_over_time(kube_pod_container_status_restarts_total[1h:5m])", "kube_pod_container_status_restarts_total")]
        [InlineData("label_replace(prometheus_http_requests_total, \"a\", \"$1\", \"b\", \"(.*)\")", "prometheus_http_requests_total")]
        [InlineData("x or prometheus_http_requests_total", "prometheus_http_requests_total")]
        [InlineData("prometheus_http_requests_total unless x", "prometheus_http_requests_total")]
        [InlineData("prometheus_http_requests_total offset 1h", "prometheus_http_requests_total")]
        [InlineData("count_values(\"v\", prometheus_http_requests_total)", "prometheus_http_requests_total")]
        public void KnownCounterReadRaw_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void TwoRawCounters_BothInTheQuerysOrder() =>
            Assert.Equal(
                new[] { "container_memory_failcnt", "node_cpu_seconds_total" },
                Spans("container_memory_failcnt / on() group_left node_cpu_seconds_total"));

        [Fact]
        public void CounterListedInOptions_Diagnostic_MessageSaysSo()
        {
            var finding = Assert.Single(RuleRunner.Run(CounterReadRawRule.Instance, "myapp_jobs_done > 100", "promql.counters = myapp_*"));
            Assert.Same(Descriptors.CounterReadRaw, finding.Descriptor);
            Assert.Equal(new[] { "myapp_jobs_done", "listed in promql.counters" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("rate(container_cpu_usage_seconds_total[5m])")]
        [InlineData("irate(container_cpu_usage_seconds_total[5m])")]
        [InlineData("increase(container_cpu_usage_seconds_total[1h])")]
        [InlineData("resets(container_cpu_usage_seconds_total[1h])")]
        [InlineData("changes(container_cpu_usage_seconds_total[1h])")]
        [InlineData("absent(container_cpu_usage_seconds_total)")]
        [InlineData("absent_over_time(container_cpu_usage_seconds_total[5m])")]
        [InlineData("present_over_time(container_cpu_usage_seconds_total[5m])")]
        [InlineData("count_over_time(container_cpu_usage_seconds_total[5m])")]
        [InlineData("timestamp(container_cpu_usage_seconds_total)")]
        [InlineData("count(container_cpu_usage_seconds_total)")]
        [InlineData("count by (pod) (container_cpu_usage_seconds_total)")]
        [InlineData("group by (pod) (container_cpu_usage_seconds_total)")]
        [InlineData("x unless container_cpu_usage_seconds_total")] // only its labels are read
        [InlineData("x and on (pod) container_cpu_usage_seconds_total")]
        [InlineData("sum(rate(container_cpu_usage_seconds_total[5m])) > 1")]
        [InlineData("max_over_time(rate(container_cpu_usage_seconds_total[5m])[1h:])")]
        [InlineData("delta(container_cpu_usage_seconds_total[5m])")] // PROMQL011's
        [InlineData("myapp_requests_total")] // named like a counter only: maybe a recording rule's output
        [InlineData("sum(myapp_requests_total:rate5m)")]
        [InlineData("container_memory_usage_bytes")] // a gauge
        [InlineData("x_count")]
        [InlineData("\uE000")]
        [InlineData("container_cpu_usage_seconds_\uE000")]
        [InlineData("{__name__=~\"container_cpu_usage_seconds_total\"}")]
        public void SafeOrNotAKnownCounter_NoDiagnostic(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData((int)QueryKind.Selector)]
        [InlineData((int)QueryKind.Exemplars)]
        public void SeriesSelectorOrExemplars_ValuesNotRead_NoDiagnostic(int kind) =>
            Assert.Empty(Spans("container_cpu_usage_seconds_total", kind: (QueryKind)kind));

        [Theory]
        [InlineData((int)QueryKind.Instant)]
        [InlineData((int)QueryKind.Range)]
        public void InstantOrRangeQuery_Diagnostic(int kind) =>
            Assert.Equal(new[] { "container_memory_failcnt" }, Spans("container_memory_failcnt", kind: (QueryKind)kind));

        [Theory]
        [InlineData("container_memory_failcnt", "", "NodeEnd=24|NodeStart=0|QueryLength=24|RateWindow=5m")]
        [InlineData("container_memory_failcnt{pod=\"a\"} > 0", "", "NodeEnd=33|NodeStart=0|QueryLength=37|RateWindow=5m")]
        [InlineData("container_memory_failcnt", "promql.rate_window = 1m30s", "NodeEnd=24|NodeStart=0|QueryLength=24|RateWindow=1m30s")]
        [InlineData("container_memory_failcnt", "promql.rate_window = 5 minutes", "NodeEnd=24|NodeStart=0|QueryLength=24|RateWindow=5m")] // bad: the default, and PROMQL900
        [InlineData("container_memory_failcnt offset 5m", "", "NodeEnd=24|NodeStart=0|QueryLength=34")] // a modifier: no fix
        [InlineData("max_over_time(container_memory_failcnt[1h])", "", "NodeEnd=38|NodeStart=14|QueryLength=43")] // in a range: no fix
        public void Properties_WindowWhereTheSelectorCanTakeARange(string query, string editorconfig, string expected) =>
            Assert.Equal(expected, Properties(query, editorconfig));

        [Theory]
        [InlineData("5m")]
        [InlineData("1m30s")]
        [InlineData(" 2h ")]
        [InlineData("100ms")]
        public void RateWindow_Duration_Accepted(string text) => Assert.Null(MetricTypeSelectors.ParseWindow(text).Problem);

        [Theory]
        [InlineData("")]
        [InlineData("0")]
        [InlineData("0s")]
        [InlineData("30")] // Prometheus 3 would read seconds, but the option asks for a unit
        [InlineData("1.5")]
        [InlineData("5 m")]
        [InlineData("5m]")]
        [InlineData("-5m")]
        [InlineData("5m+1m")]
        [InlineData("\uE000")]
        public void RateWindow_NotAPositiveDuration_Rejected(string text)
        {
            var (value, problem) = MetricTypeSelectors.ParseWindow(text);
            Assert.NotNull(problem);
            Assert.Equal("5m", value);
        }
    }
}
