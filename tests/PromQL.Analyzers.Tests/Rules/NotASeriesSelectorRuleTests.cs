using System.Collections.Generic;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Rules.Validity;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// PROMQL101 on texts: where Prometheus's <c>ParseMetricSelector</c> (grammar <c>START_METRIC_SELECTOR
    /// vector_selector</c>) stops on a valid query, and its message.
    /// </summary>
    public class NotASeriesSelectorRuleTests
    {
        [Theory]
        [InlineData("rate(http_requests_total[5m])", "(", "unexpected \"(\"")]
        [InlineData("up[5m]", "[", "unexpected \"[\"")]
        [InlineData("up{job=\"a\"}[5m]", "[", "unexpected \"[\"")]
        [InlineData("up offset 5m", "offset", "unexpected <offset>")]
        [InlineData("up @ 100", "@", "unexpected <op:@>")]
        [InlineData("up + 1", "+", "unexpected <op:+>")]
        [InlineData("(up)", "(", "unexpected \"(\"")]
        [InlineData("-up", "-", "unexpected <op:->")]
        [InlineData("1", "1", "unexpected number \"1\"")]
        [InlineData("\"x\"", "\"x\"", "unexpected string \"\\\"x\\\"\"")]
        [InlineData("sum(up)", "(", "unexpected \"(\"")]
        [InlineData("sum by (job) (up)", "by", "unexpected <by>")]
        public void NotASelector_Finding(string query, string at, string message)
        {
            var finding = Assert.Single(Find(query));
            Assert.Equal(query.IndexOf(at, System.StringComparison.Ordinal), finding.Start);
            Assert.Equal(at.Length, finding.End - finding.Start);
            Assert.Equal(message, Assert.Single(finding.MessageArgs));
        }

        [Theory]
        [InlineData("up")]
        [InlineData("up{job=\"a\"}")]
        [InlineData("{__name__=\"up\", job=~\"a.+\"}")]
        [InlineData("{\"up\"}")]
        [InlineData("sum")]
        [InlineData("offset{job=\"a\"}")]
        [InlineData("\uE000")]
        [InlineData("\uE000{job=\"a\"}")]
        [InlineData("up{job=\"\uE000\"}")]
        [InlineData("\uE000[5m]")]
        public void SelectorOrOpen_NoFinding(string query) => Assert.Empty(Find(query));

        private static List<Finding> Find(string query)
        {
            Assert.False(PromQlParser.Parse(query).HasErrors, query);
            var findings = new List<Finding>();
            NotASeriesSelectorRule.Find(query, findings);
            return findings;
        }
    }
}
