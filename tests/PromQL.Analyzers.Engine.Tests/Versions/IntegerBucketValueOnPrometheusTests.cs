using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Versions
{
    /// <summary>
    /// PROMQL031 on Prometheus's engine: buckets of one histogram as two servers stored them, <c>job="v2"</c> with the
    /// integer bounds a Prometheus 2 text-format scrape kept (<c>le="1"</c>, <c>"10"</c>, <c>"110"</c>, <c>"1000000"</c>) and
    /// <c>job="v3"</c> with the float forms Prometheus 3 writes for the same bounds (<c>"1.0"</c>, <c>"10.0"</c>, <c>"110.0"</c>,
    /// <c>"1e+06"</c>). <c>promtool test rules</c> stores the series as given, so the proof is about the matchers: the
    /// integer selects only the old series, the fixed matcher both, and nothing else (the regex is anchored, its dot escaped).
    /// </summary>
    public sealed class IntegerBucketValueOnPrometheusTests
    {
        private const string EvalTime = "5m";
        private const string Buckets = "http_request_duration_seconds_bucket";

        private static readonly InputSeries[] Series =
        {
            Bucket("v2", "1"), Bucket("v2", "10"), Bucket("v2", "110"), Bucket("v2", "1000000"),
            Bucket("v3", "1.0"), Bucket("v3", "10.0"), Bucket("v3", "110.0"), Bucket("v3", "1e+06"),
        };

        [PromtoolTheory]
        [InlineData(Buckets + "{le=\"1\"}", Buckets + "{le=~\"1(\\\\.0)?\"}", "1", "1.0")]
        [InlineData(Buckets + "{le=\"10\"}", Buckets + "{le=~\"10(\\\\.0)?\"}", "10", "10.0")]
        [InlineData(Buckets + "{le=\"1000000\"}", Buckets + "{le=~\"1000000|1e\\\\+06\"}", "1000000", "1e+06")]
        [InlineData(Buckets + "{le=`1`}", Buckets + "{le=~`1(\\.0)?`}", "1", "1.0")]
        public void IntegerBound_OnlyTheOldSeries_BothOnceFixed(string written, string expectedFix, string oldForm, string storedForm)
        {
            var finding = Assert.Single(Run(written));
            Assert.Equal(storedForm, finding.MessageArgs[2]);
            var fixedQuery = Apply(written, finding);
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery, Buckets + "{le=\"" + storedForm + "\"}" }, EvalTime);
            Assert.Equal(new[] { "v2 " + oldForm }, Selected(results[written]));
            Assert.Equal(new[] { "v2 " + oldForm, "v3 " + storedForm }, Selected(results[fixedQuery]));

            // The stored form alone (the migration guide's recommended edit) reads only the data written since the upgrade.
            Assert.Equal(new[] { "v3 " + storedForm }, Selected(results[Buckets + "{le=\"" + storedForm + "\"}"]));
        }

        [PromtoolFact]
        public void NotEqual_FiltersNothingNew_FixedDropsBoth()
        {
            const string written = Buckets + "{le!=\"1\"}";
            var fixedQuery = Apply(written, Assert.Single(Run(written)));
            Assert.Equal(Buckets + "{le!~\"1(\\\\.0)?\"}", fixedQuery);
            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Contains("v3 1.0", Selected(results[written]));
            Assert.Equal(new[] { "v2 10", "v2 1000000", "v2 110", "v3 10.0", "v3 110.0", "v3 1e+06" }, Selected(results[fixedQuery]));
        }

        [PromtoolFact]
        public void RegexAlternative_FixedAlternativeAddsTheStoredSeries()
        {
            const string written = Buckets + "{le=~\"1|110.0\"}";
            var fixedQuery = Apply(written, Assert.Single(Run(written)));
            Assert.Equal(Buckets + "{le=~\"1(\\\\.0)?|110.0\"}", fixedQuery);
            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Equal(new[] { "v2 1", "v3 110.0" }, Selected(results[written]));
            Assert.Equal(new[] { "v2 1", "v3 1.0", "v3 110.0" }, Selected(results[fixedQuery]));
        }

        private static string[] Selected(EngineResult result)
        {
            Assert.Null(result.Error);
            return result.Samples.Select(s => s.Labels["job"] + " " + s.Labels["le"]).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }

        private static InputSeries Bucket(string job, string le) => new InputSeries(
            Buckets,
            new Dictionary<string, string> { ["job"] = job, ["le"] = le },
            "1+0x10");

        private static List<Finding> Run(string query)
        {
            var parse = PromQlParser.Parse(query);
            Assert.False(parse.HasErrors);
            var findings = new List<Finding>();
            IntegerBucketValueRule.Find(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        /// <summary>The finding's edits applied as the fixer states them: the operator's <c>~</c>, then the added text.</summary>
        private static string Apply(string query, Finding finding)
        {
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var at, out _, out var text), "the finding carries no fix");
            var result = query.Substring(0, at) + text + query.Substring(at);
            if (FixProperties.TryGetOffset(finding.Properties, FixProperties.RegexOperatorAt, out var op))
            {
                result = result[op] == '='
                    ? result.Substring(0, op + 1) + "~" + result.Substring(op + 1)
                    : result.Substring(0, op + 1) + "~" + result.Substring(op + 2);
            }

            return result;
        }
    }
}
