using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Quantiles
{
    /// <summary>
    /// PROMQL013 and PROMQL014 on Prometheus's engine: the queries as written and as the fixes leave them, evaluated by
    /// <c>promtool test rules</c> over the buckets of a classic histogram that two pods of one job expose
    /// (<c>http_request_duration_seconds_bucket</c>, le 0.1, 0.5 and +Inf, counters sampled every minute). Per second,
    /// pod a observes 1 request under 0.1 s, 1 more under 0.5 s and 2 slower; pod b 1 under 0.1 s and 3 under 0.5 s. Summed
    /// by le: 2, 6 and 8 per second, so the median is 0.1 + 0.4 × (4 − 2) / (6 − 2) = 0.3 s, and the 95th percentile
    /// (rank 7.6) falls in the +Inf bucket, for which Prometheus answers the highest finite bound, 0.5 s.
    /// </summary>
    public sealed class QuantileRulesOnPrometheusTests
    {
        private const string EvalTime = "20m";
        private const string Buckets = "http_request_duration_seconds_bucket";

        private static readonly InputSeries[] Series =
        {
            Bucket("a", "0.1", 60), Bucket("a", "0.5", 120), Bucket("a", "+Inf", 240),
            Bucket("b", "0.1", 60), Bucket("b", "0.5", 240), Bucket("b", "+Inf", 240),
        };

        [PromtoolTheory]
        [InlineData("histogram_quantile(0.5, sum(rate(" + Buckets + "[5m])))", "histogram_quantile(0.5, sum by (le) (rate(" + Buckets + "[5m])))")]
        [InlineData("histogram_quantile(0.5, sum by (job) (rate(" + Buckets + "[5m])))", "histogram_quantile(0.5, sum by (job, le) (rate(" + Buckets + "[5m])))")]
        [InlineData("histogram_quantile(0.5, sum without (le, pod) (rate(" + Buckets + "[5m])))", "histogram_quantile(0.5, sum without (pod) (rate(" + Buckets + "[5m])))")]
        [InlineData("histogram_quantile(0.5, sum(rate(" + Buckets + "[5m])) by (job))", "histogram_quantile(0.5, sum(rate(" + Buckets + "[5m])) by (job, le))")]
        public void BucketsWithoutLe_EmptyAsWritten_MedianOnceFixed(string written, string expectedFix)
        {
            var finding = Assert.Single(Run(HistogramWithoutLeRule.Find, written));
            var fixedQuery = Apply(written, finding);
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Null(results[written].Error);
            Assert.Empty(results[written].Samples);
            var median = Assert.Single(results[fixedQuery].Samples);
            Assert.Equal(0.3, median.Value, 9);
        }

        [PromtoolFact]
        public void BucketsPerPod_FixKeepsOneQuantilePerPod()
        {
            // sum by (pod): empty; sum by (pod, le): pod a's median is in its 0.5 bucket (rank 2 of 4: 0.1 + 0.4 × 1/1 = 0.5),
            // pod b's too (rank 2 of 4, buckets 1 and 4: 0.1 + 0.4 × 1/3).
            const string written = "histogram_quantile(0.5, sum by (pod) (rate(" + Buckets + "[5m])))";
            var fixedQuery = Apply(written, Assert.Single(Run(HistogramWithoutLeRule.Find, written)));
            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Empty(results[written].Samples);
            var perPod = results[fixedQuery].Samples.ToDictionary(s => s.Labels["pod"], s => s.Value);
            Assert.Equal(new[] { "a", "b" }, perPod.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(0.5, perPod["a"], 9);
            Assert.Equal(0.1 + (0.4 / 3), perPod["b"], 9);
        }

        [PromtoolTheory]
        [InlineData("histogram_quantile(95, sum by (le) (rate(" + Buckets + "[5m])))", "histogram_quantile(0.95, sum by (le) (rate(" + Buckets + "[5m])))", 0.5)]
        [InlineData("histogram_quantile(50, sum by (le) (rate(" + Buckets + "[5m])))", "histogram_quantile(0.5, sum by (le) (rate(" + Buckets + "[5m])))", 0.3)]
        [InlineData("quantile(50, sum by (pod) (rate(" + Buckets + "{le=\"+Inf\"}[5m])))", "quantile(0.5, sum by (pod) (rate(" + Buckets + "{le=\"+Inf\"}[5m])))", 4)]
        [InlineData("quantile_over_time(50, sum(rate(" + Buckets + "{le=\"+Inf\"}[5m]))[10m:1m])", "quantile_over_time(0.5, sum(rate(" + Buckets + "{le=\"+Inf\"}[5m]))[10m:1m])", 8)]
        public void PercentageAsQuantile_InfinityAsWritten_QuantileOnceFixed(string written, string expectedFix, double expected)
        {
            var finding = Assert.Single(Run(QuantileOutOfRangeRule.Find, written));
            var fixedQuery = Apply(written, finding);
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.True(double.IsPositiveInfinity(Assert.Single(results[written].Samples).Value), results[written].ToString());
            Assert.Equal(expected, Assert.Single(results[fixedQuery].Samples).Value, 9);
        }

        [PromtoolFact]
        public void NegativeQuantile_MinusInfinity()
        {
            const string written = "histogram_quantile(-0.5, sum by (le) (rate(" + Buckets + "[5m])))";
            Assert.Single(Run(QuantileOutOfRangeRule.Find, written));
            var results = EngineEvaluator.Evaluate(Series, new[] { written }, EvalTime);
            Assert.True(double.IsNegativeInfinity(Assert.Single(results[written].Samples).Value), results[written].ToString());
        }

        private static InputSeries Bucket(string pod, string le, int perMinute) => new InputSeries(
            Buckets,
            new Dictionary<string, string> { ["job"] = "api", ["pod"] = pod, ["le"] = le },
            "0+" + perMinute + "x30");

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
