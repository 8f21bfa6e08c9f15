using System.Collections.Generic;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL030 on parse results: the unknown-function error on holt_winters becomes the rename, and PROMQL100 leaves it.</summary>
    public class RenamedFunctionRuleTests
    {
        [Theory]
        [InlineData("holt_winters(rate(http_requests_total[5m])[1h:], 0.5, 0.5)")]
        [InlineData("sum by (job) (holt_winters(node_load1[10m], 0.3, 0.1))")]
        [InlineData("holt_winters(foo[5m], 0.5, 0.5) > 1")]
        [InlineData("1 + holt_winters(foo[\uE000], 0.5, 0.5)")]
        public void HoltWinters_OneFindingOnTheName_WithTheNewName(string query)
        {
            var result = PromQlParser.Parse(query);
            var findings = Find(result);
            var finding = Assert.Single(findings);
            Assert.Equal("holt_winters", RuleRunner.Text(query, finding));
            Assert.Equal(new[] { "3.0", "holt_winters", "double_exponential_smoothing" }, finding.MessageArgs[..3]);
            Assert.Contains("promql-experimental-functions", finding.MessageArgs[3]);
            Assert.Equal("double_exponential_smoothing", finding.Properties[FixProperties.ReplaceText]);
            Assert.Equal(finding.Properties[FixProperties.NodeStart], finding.Properties[FixProperties.ReplaceStart]);
            Assert.Equal(finding.Properties[FixProperties.NodeEnd], finding.Properties[FixProperties.ReplaceEnd]);

            // PROMQL100 leaves the error to this rule: one mistake, one diagnostic.
            var invalid = new List<Finding>();
            InvalidQueryRule.Find(result, invalid);
            Assert.Empty(invalid);
        }

        [Theory]
        [InlineData("double_exponential_smoothing(foo[5m], 0.5, 0.5)")]
        [InlineData("holt_winters")]
        [InlineData("holt_winters{job=\"a\"}")]
        [InlineData("foo{fn=\"holt_winters\"}")]
        [InlineData("holt_winters_x(foo[5m], 0.5, 0.5)")]
        [InlineData("no_such_function(up)")]
        [InlineData("label_replace(up, \"holt_winters\", \"a\", \"b\", \"c\")")]
        public void NotTheRenamedFunctionCalled_NoFinding(string query) =>
            Assert.Empty(Find(PromQlParser.Parse(query)));

        [Theory]
        [InlineData("holt_\uE000(foo[5m], 0.5, 0.5)")]
        [InlineData("\uE000holt_winters(foo[5m], 0.5, 0.5)")]
        [InlineData("\uE000 holt_winters(foo[5m], 0.5, 0.5)")]
        public void HoleInOrBeforeTheName_NoFinding(string query) =>
            Assert.Empty(Find(PromQlParser.Parse(query)));

        [Fact]
        public void OtherUnknownFunction_StillPromql100()
        {
            var invalid = new List<Finding>();
            InvalidQueryRule.Find(PromQlParser.Parse("no_such_function(up)"), invalid);
            Assert.Single(invalid);
        }

        private static List<Finding> Find(PromQlParseResult result)
        {
            var findings = new List<Finding>();
            RenamedFunctionRule.Find(result, findings);
            return findings;
        }
    }
}
