using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Selectors
{
    /// <summary>
    /// PROMQL020, PROMQL021 and PROMQL022 on Prometheus's engine: each fix leaves a query that selects exactly the series
    /// the written one does (<c>promtool test rules</c>), over four series of <c>up</c>: job <c>api</c>, job <c>api-server</c>,
    /// job <c>API</c>, and one without a job label (its job is "").
    /// </summary>
    public sealed class SelectorFixesOnPrometheusTests
    {
        private const string EvalTime = "5m";

        private static readonly InputSeries[] Series =
        {
            Up("a", "api"), Up("b", "api-server"), Up("c", "API"), Up("d", null),
        };

        public static TheoryData<string, string, string, string> Fixes => new TheoryData<string, string, string, string>
        {
            // PROMQL020: an anchored regex without metacharacters is the equality (not "contains api").
            { "PROMQL020", "up{job=~\"api\"}", "up{job=\"api\"}", "a" },
            { "PROMQL020", "up{job!~\"api\"}", "up{job!=\"api\"}", "b,c,d" },
            { "PROMQL020", "up{job=~\"api-server\"}", "up{job=\"api-server\"}", "b" },

            // PROMQL021: the anchors repeat Prometheus's own.
            { "PROMQL021", "up{job=~\"^api.*$\"}", "up{job=~\"api.*\"}", "a,b" },
            { "PROMQL021", "up{job=~\"^api\"}", "up{job=~\"api\"}", "a" },
            { "PROMQL021", "up{job!~\"api-.*$\"}", "up{job!~\"api-.*\"}", "a,c,d" },
            { "PROMQL021", "up{job=~\"^(api|API)$\"}", "up{job=~\"(api|API)\"}", "a,c" },

            // PROMQL022: =~".*" filters nothing (the series without job too), =~".+" is !="" and !~".+" is ="".
            { "PROMQL022", "up{job=~\".*\"}", "up", "a,b,c,d" },
            { "PROMQL022", "up{instance!=\"x\", job=~\".*\"}", "up{instance!=\"x\"}", "a,b,c,d" },
            { "PROMQL022", "up{job=~\".+\"}", "up{job!=\"\"}", "a,b,c" },
            { "PROMQL022", "up{job!~\".+\"}", "up{job=\"\"}", "d" },
        };

        [PromtoolTheory]
        [MemberData(nameof(Fixes))]
        public void Fix_SelectsTheSameSeries(string id, string written, string expectedFix, string pods)
        {
            var finding = Assert.Single(Run(id, written));
            var fixedQuery = Apply(written, finding);
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Null(results[written].Error);
            Assert.Null(results[fixedQuery].Error);
            Assert.Equal(pods, Pods(results[written]));
            Assert.Equal(pods, Pods(results[fixedQuery]));
        }

        /// <summary>
        /// PROMQL023's own series: codes 500, 503, 200 and one spelled "5..", jobs web-api, api, auth.api and one spelled
        /// "*-api". The equality matches only a value spelled with the metacharacters; the fixed regex matches what it meant.
        /// </summary>
        private static readonly InputSeries[] Requests =
        {
            Request("a", "500", "web-api"), Request("b", "503", "api"), Request("c", "200", "auth.api"), Request("d", "5..", "*-api"),
        };

        public static TheoryData<string, string, string, string> RegexFixes => new TheoryData<string, string, string, string>
        {
            { "up{code=\"5..\"}", "up{code=~\"5..\"}", "d", "a,b,d" },
            { "up{code!=\"5..\"}", "up{code!~\"5..\"}", "a,b,c", "c" },
            { "up{code=\"500|503\"}", "up{code=~\"500|503\"}", "", "a,b" },
            { "up{job=\"*-api\"}", "up{job=~\".*-api\"}", "d", "a,d" },
            { "up{job=\"*.api\"}", "up{job=~\".*\\\\.api\"}", "", "c" },
            { "up{job=`*.api`}", "up{job=~`.*\\.api`}", "", "c" },
            { "up{job=\"~.*-api\"}", "up{job=~\".*-api\"}", "", "a,d" },
        };

        [PromtoolTheory]
        [MemberData(nameof(RegexFixes))]
        public void Promql023_FixMatchesWhatTheEqualityMissed(string written, string expectedFix, string writtenPods, string fixedPods)
        {
            var findings = new List<Finding>();
            var parse = PromQlParser.Parse(written);
            Assert.False(parse.HasErrors);
            EqualityWithRegexValueRule.Find(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            var fixedQuery = Apply(written, Assert.Single(findings));
            Assert.Equal(expectedFix, fixedQuery);

            var results = EngineEvaluator.Evaluate(Requests, new[] { written, fixedQuery }, EvalTime);
            Assert.Null(results[written].Error);
            Assert.Null(results[fixedQuery].Error);
            Assert.Equal(writtenPods, Pods(results[written]));
            Assert.Equal(fixedPods, Pods(results[fixedQuery]));
        }

        private static InputSeries Request(string pod, string code, string job) =>
            new InputSeries("up", new Dictionary<string, string> { ["pod"] = pod, ["code"] = code, ["job"] = job }, "1x10");

        private static string Pods(EngineResult result) =>
            string.Join(",", result.Samples.Select(s => s.Labels["pod"]).OrderBy(p => p, StringComparer.Ordinal));

        private static InputSeries Up(string pod, string? job)
        {
            var labels = new Dictionary<string, string> { ["instance"] = pod + ":9100", ["pod"] = pod };
            if (job is not null)
            {
                labels["job"] = job;
            }

            return new InputSeries("up", labels, "1x10");
        }

        private static List<Finding> Run(string id, string query)
        {
            var parse = PromQlParser.Parse(query);
            Assert.False(parse.HasErrors);
            var findings = new List<Finding>();
            Action<PromQL.Parsing.Syntax.Expr, string?, PromQlAnalyzerOptions, List<Finding>> rule = id switch
            {
                "PROMQL020" => RegexWithoutMetacharactersRule.Find,
                "PROMQL021" => RedundantAnchorsRule.Find,
                _ => TrivialRegexMatcherRule.Find,
            };
            rule(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        private static string Apply(string query, Finding finding)
        {
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out var text), "the finding carries no fix");
            var result = query;
            if (FixProperties.TryGetOffset(finding.Properties, FixProperties.DeleteStart, out var deleteStart)
                && FixProperties.TryGetOffset(finding.Properties, FixProperties.DeleteEnd, out var deleteEnd))
            {
                result = result.Remove(deleteStart, deleteEnd - deleteStart);
            }

            return result.Substring(0, start) + text + result.Substring(end);
        }
    }
}
