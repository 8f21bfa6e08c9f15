using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.MetricTypes
{
    /// <summary>
    /// PROMQL010, 011, 012 and 015 on Prometheus's engine: the queries as written and as the fixes leave them, evaluated by
    /// <c>promtool test rules</c> at 20m over series sampled every minute. A gauge (<c>container_memory_working_set_bytes</c>,
    /// a cAdvisor gauge) that falls by 100 a minute; a counter (<c>prometheus_http_requests_total</c>, a Prometheus
    /// counter) counted at 1 per second by two pods, where pod b restarted at 18m (1020, then 60: Prometheus counts the 60
    /// after the reset).
    /// </summary>
    public sealed class MetricTypeRulesOnPrometheusTests
    {
        private const string EvalTime = "20m";
        private const string Gauge = "container_memory_working_set_bytes";
        private const string Counter = "prometheus_http_requests_total";

        private static readonly InputSeries[] Series =
        {
            new InputSeries(Gauge, new Dictionary<string, string> { ["pod"] = "a", ["container"] = "app" }, "10000-100x20"),
            new InputSeries(Counter, new Dictionary<string, string> { ["job"] = "api", ["pod"] = "a" }, "0+60x20"),
            new InputSeries(Counter, new Dictionary<string, string> { ["job"] = "api", ["pod"] = "b" }, "0+60x17 60+60x2"),
        };

        [PromtoolTheory]
        [InlineData("rate(" + Gauge + "[5m])", "deriv(" + Gauge + "[5m])", -100.0 / 60)]
        [InlineData("irate(" + Gauge + "[5m])", "deriv(" + Gauge + "[5m])", -100.0 / 60)]
        [InlineData("increase(" + Gauge + "[5m])", "delta(" + Gauge + "[5m])", -500)]
        public void CounterFunctionOverGauge_RisesAsWritten_FallsOnceFixed(string written, string expectedFix, double expected)
        {
            // The gauge only falls; read as a counter, every fall is a reset and the result is positive.
            var fixedQuery = Apply(written, Assert.Single(Run(CounterFunctionOverGaugeRule.Find, written)));
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.True(Assert.Single(results[written].Samples).Value > 0, results[written].ToString());
            Assert.Equal(expected, Assert.Single(results[fixedQuery].Samples).Value, 9);
        }

        [PromtoolTheory]
        [InlineData("delta(" + Counter + "{pod=\"b\"}[5m])", "increase(" + Counter + "{pod=\"b\"}[5m])", 300)]
        [InlineData("deriv(" + Counter + "{pod=\"b\"}[5m])", "rate(" + Counter + "{pod=\"b\"}[5m])", 1)]
        public void GaugeFunctionOverCounter_NegativeAcrossTheReset_RightOnceFixed(string written, string expectedFix, double expected)
        {
            // Pod b's counter restarted at 18m: read as a gauge, the reset is a fall and the result is negative.
            var fixedQuery = Apply(written, Assert.Single(Run(GaugeFunctionOverCounterRule.Find, written)));
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.True(Assert.Single(results[written].Samples).Value < 0, results[written].ToString());
            Assert.Equal(expected, Assert.Single(results[fixedQuery].Samples).Value, 9);
        }

        [PromtoolFact]
        public void CounterReadRaw_ShowsUptime_RateOnceFixed()
        {
            // Both pods serve 1 request a second; the raw values say 1200 and 180, because pod b restarted.
            const string written = Counter + "{job=\"api\"} > 500";
            var finding = Assert.Single(Run(CounterReadRawRule.Find, written));
            var window = finding.Properties[FixProperties.RateWindow];
            Assert.Equal("5m", window);
            var fixedQuery = "rate(" + written.Substring(finding.Start, finding.End - finding.Start) + "[" + window + "])" + written.Substring(finding.End);
            Assert.Equal("rate(" + Counter + "{job=\"api\"}[5m]) > 500", fixedQuery);

            const string rawValues = Counter + "{job=\"api\"}";
            const string rates = "rate(" + Counter + "{job=\"api\"}[5m])";
            var results = EngineEvaluator.Evaluate(Series, new[] { written, rawValues, rates }, EvalTime);
            Assert.Equal("a", Assert.Single(results[written].Samples).Labels["pod"]);
            var raw = results[rawValues].Samples.ToDictionary(s => s.Labels["pod"], s => s.Value);
            Assert.Equal(1200, raw["a"], 9);
            Assert.Equal(180, raw["b"], 9);
            Assert.All(results[rates].Samples, s => Assert.Equal(1, s.Value, 9));
            Assert.Equal(2, results[rates].Samples.Count);
        }

        [PromtoolTheory]
        [InlineData("rate(sum(" + Counter + ")[5m:1m])", "sum(rate(" + Counter + "[5m]))", 5.4, 2)]
        [InlineData("increase(sum by (job) (" + Counter + ")[5m:1m])", "sum by (job) (increase(" + Counter + "[5m]))", 1620, 600)]
        public void CounterFunctionOverSum_SpikesAtTheReset_RightOnceFixed(string written, string expectedFix, double asWritten, double expected)
        {
            // The subquery samples the sum from 15m to 20m: 1800, 1920, 2040, then 1140 when pod b restarts, 1260, 1380. Read
            // as a counter the fall is a reset and 1140 is added whole: 4 × 120 + 1140 = 1620 in 5m, 5.4/s, not 2/s.
            var fixedQuery = Apply(written, Assert.Single(Run(CounterFunctionOverAggregationRule.Find, written)));
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Equal(asWritten, Assert.Single(results[written].Samples).Value, 9);
            Assert.Equal(expected, Assert.Single(results[fixedQuery].Samples).Value, 9);
        }

        private static List<Finding> Run(Action<PromQL.Parsing.Syntax.Expr, string?, PromQlAnalyzerOptions, List<Finding>> rule, string query)
        {
            var parse = PromQlParser.Parse(query);
            Assert.False(parse.HasErrors);
            var findings = new List<Finding>();
            rule(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        private static string Apply(string query, Finding finding)
        {
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out var text), "the finding carries no fix");
            return query.Substring(0, start) + text + query.Substring(end);
        }
    }
}
