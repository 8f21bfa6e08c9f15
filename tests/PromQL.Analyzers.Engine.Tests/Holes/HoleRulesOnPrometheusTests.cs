using System;
using System.Collections.Generic;
using System.Globalization;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Holes
{
    /// <summary>
    /// PROMQL041 (and PROMQL040) on Prometheus's engine: the query as .NET renders it under de-DE and sv-SE, and as each fix renders it,
    /// evaluated by <c>promtool test rules</c> over a classic histogram whose median is 0.3 s (buckets 0.1, 0.5 and +Inf
    /// at 2, 6 and 8 per second). The current culture's rendering is rejected by Prometheus; both fixes' renderings give
    /// the median under every culture.
    /// </summary>
    public sealed class HoleRulesOnPrometheusTests
    {
        private const string EvalTime = "20m";
        private const string Buckets = "http_request_duration_seconds_bucket";

        private static readonly InputSeries[] Series =
        {
            Bucket("0.1", 120), Bucket("0.5", 360), Bucket("+Inf", 480),
            new InputSeries("up", new Dictionary<string, string> { ["job"] = "api" }, "1+0x30"),
        };

        [PromtoolTheory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void DoubleInHistogramQuantile_RejectedAsRendered_MedianOnceFixed(string culture)
        {
            var q = 0.5;
            var provider = CultureInfo.GetCultureInfo(culture);
            FormattableString written = $"histogram_quantile({q}, sum by (le) (rate({Buckets}[5m])))";
            var rendered = written.ToString(provider);
            Assert.Contains("0,5", rendered, StringComparison.Ordinal);

            // The one-hole fix ({q.ToString(CultureInfo.InvariantCulture)}) and the whole-string fix (string.Create with
            // the invariant culture), each rendered on a machine of that culture.
            FormattableString oneHole = $"histogram_quantile({q.ToString(CultureInfo.InvariantCulture)}, sum by (le) (rate({Buckets}[5m])))";
            var holeFixed = oneHole.ToString(provider);
            var stringFixed = WithCulture(culture, () => string.Create(CultureInfo.InvariantCulture, $"histogram_quantile({q}, sum by (le) (rate({Buckets}[5m])))"));
            Assert.Equal(holeFixed, stringFixed);

            var results = EngineEvaluator.Evaluate(Series, new[] { rendered, holeFixed }, EvalTime);
            Assert.NotNull(results[rendered].Error);
            Assert.Equal(0.3, Assert.Single(results[holeFixed].Samples).Value, 9);
        }

        [PromtoolFact]
        public void NegatedIntegerUnderSwedish_RejectedAsRendered_ComparesOnceFixed()
        {
            var n = 1;
            var provider = CultureInfo.GetCultureInfo("sv-SE");
            FormattableString written = $"up > {-n}";
            var rendered = written.ToString(provider);
            Assert.Equal("up > \u22121", rendered);
            var holeFixed = ((FormattableString)$"up > {(-n).ToString(CultureInfo.InvariantCulture)}").ToString(provider);

            var results = EngineEvaluator.Evaluate(Series, new[] { rendered, holeFixed }, EvalTime);
            Assert.NotNull(results[rendered].Error);
            Assert.Equal(1, Assert.Single(results[holeFixed].Samples).Value, 9);
        }

        [PromtoolTheory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void TimeSpanAndDateTime_RejectedAsRendered_EvaluatedOnceFixed(string culture)
        {
            // PROMQL040's claims and its fix: [{w}] becomes [{(long)w.TotalSeconds}s], @ {t} becomes Unix seconds.
            var provider = CultureInfo.GetCultureInfo(culture);
            var w = TimeSpan.FromMinutes(5);
            var t = new DateTime(1970, 1, 1, 0, 10, 0, DateTimeKind.Utc);
            var range = ((FormattableString)$"sum(rate({Buckets}{{le=\"+Inf\"}}[{w}]))").ToString(provider);
            var rangeFixed = ((FormattableString)$"sum(rate({Buckets}{{le=\"+Inf\"}}[{(long)w.TotalSeconds}s]))").ToString(provider);
            var at = ((FormattableString)$"up @ {t}").ToString(provider);
            var atFixed = ((FormattableString)$"up @ {new DateTimeOffset(t).ToUnixTimeSeconds()}").ToString(provider);
            Assert.Equal("up @ 600", atFixed);

            var results = EngineEvaluator.Evaluate(Series, new[] { range, rangeFixed, at, atFixed }, EvalTime);
            Assert.NotNull(results[range].Error);
            Assert.NotNull(results[at].Error);
            Assert.Equal(8, Assert.Single(results[rangeFixed].Samples).Value, 9);
            Assert.Equal(1, Assert.Single(results[atFixed].Samples).Value, 9);
        }

        private static string WithCulture(string culture, Func<string> render)
        {
            var old = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                return render();
            }
            finally
            {
                CultureInfo.CurrentCulture = old;
            }
        }

        private static InputSeries Bucket(string le, int perMinute) => new InputSeries(
            Buckets,
            new Dictionary<string, string> { ["job"] = "api", ["le"] = le },
            "0+" + perMinute + "x30");
    }
}
