using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class ImpossibleSelectorRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(ImpossibleSelectorRule.Find, query));

        [Theory]
        [InlineData("up{job=\"a\", job=\"b\"}", "'job=\"a\"' and 'job=\"b\"' cannot both hold")]
        [InlineData("up{job=\"a\", job!=\"a\"}", "'job=\"a\"' and 'job!=\"a\"' cannot both hold")]
        [InlineData("up{job!=\"a\", job=\"a\"}", "'job!=\"a\"' and 'job=\"a\"' cannot both hold")]
        [InlineData("up{job=\"\", job!=\"\"}", "'job=\"\"' and 'job!=\"\"' cannot both hold (a series without the label has the value \"\")")]
        [InlineData("up{job=\"\", job=~\".+\"}", "'job=\"\"' and 'job=~\".+\"' cannot both hold (a series without the label has the value \"\")")]
        [InlineData("up{job=\"\", job=~\"api|web\"}", "'job=\"\"' and 'job=~\"api|web\"' cannot both hold (a series without the label has the value \"\")")]
        [InlineData("up{job=\"\", job!~\"\"}", "'job=\"\"' and 'job!~\"\"' cannot both hold (a series without the label has the value \"\")")]
        [InlineData("up{job=\"a\", job=~\"b\"}", "'job=\"a\"' and 'job=~\"b\"' cannot both hold")]
        [InlineData("up{job=~\"a\\\\.b\", job=\"a-b\"}", "'job=~\"a\\\\.b\"' and 'job=\"a-b\"' cannot both hold")]
        [InlineData("up{job=\"a\", job!~\"a\"}", "'job=\"a\"' and 'job!~\"a\"' cannot both hold")]
        [InlineData("up{job=\"a\", job!~\".+\"}", "'job=\"a\"' and 'job!~\".+\"' cannot both hold")]
        [InlineData("up{job!~\".+\", job!=\"\"}", "'job!~\".+\"' and 'job!=\"\"' cannot both hold (a series without the label has the value \"\")")]
        [InlineData("up{job!~\".*\"}", "'job!~\".*\"' rejects every value, the empty one too")]
        [InlineData("{__name__=\"up\", __name__=\"down\"}", "'__name__=\"up\"' and '__name__=\"down\"' cannot both hold")]
        [InlineData("{\"up\", __name__=\"down\"}", "'__name__=\"up\"' and '__name__=\"down\"' cannot both hold")]
        public void Contradiction_ReportedOnSelectorWithReason(string query, string reason)
        {
            var finding = Assert.Single(RuleRunner.Run(ImpossibleSelectorRule.Find, query));
            Assert.Same(Descriptors.ImpossibleSelector, finding.Descriptor);
            Assert.Equal(query, RuleRunner.Text(query, finding));
            Assert.Equal(new[] { reason }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("up{job=\"a\", job=\"a\"}")]
        [InlineData("up{job=\"a\", job!=\"b\"}")]
        [InlineData("up{job=\"a\", instance=\"b\"}")]
        [InlineData("up{job=\"a\", job=~\"a|b\"}")]
        [InlineData("up{job=\"a\", job=~\"b|c\"}")] // true, but only a regex match would show it: not claimed
        [InlineData("up{job=\"a\", job=~\"a.*\"}")]
        [InlineData("up{job=\"\", job=~\".*\"}")]
        [InlineData("up{job=\"\", job!=\"a\"}")]
        [InlineData("up{job=\"\", job=~\"|a\"}")]
        [InlineData("up{job=\"\", job!~\".+\"}")]
        [InlineData("up{job=~\"(?i)a\", job=\"A\"}")]
        [InlineData("up{job!=\"a\", job!=\"b\"}")]
        [InlineData("up{job!~\"a\", job!~\"b\"}")]
        [InlineData("up{job=~\"a\", job=~\"a\"}")]
        [InlineData("up{job=\"a\"} and down{job=\"b\"}")]
        [InlineData("up{job!~\".+\"}")]
        [InlineData("up{job!~\"(?-s).*\"}")]
        public void NoContradictionShownByTheMatchers_Silent(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData("up{job=\"\uE000\", job=\"b\"}")]
        [InlineData("up{job=\"a\", job=\"\uE000\"}")]
        [InlineData("up{job=\"a\", job!=\"\uE000\"}")]
        [InlineData("up{job=\"\", job!=\"\uE000\"}")]
        [InlineData("up{job=\"\", job=~\"\uE000\"}")]
        [InlineData("up{job=\"a\", job=~\"\uE000\"}")]
        [InlineData("up{job!~\"\uE000\"}")]
        [InlineData("up{job!~\".*\uE000\"}")]
        [InlineData("up{\uE000=\"a\", job=\"b\"}")]
        public void HoleInAMatcherOfTheContradiction_Silent(string query) => Assert.Empty(Spans(query));

        [Fact]
        public void HoleInAnotherMatcher_ContradictionStillShown()
        {
            const string query = "up{\uE000=\"x\", job=\"a\", job=\"b\"}";
            Assert.Equal(new[] { query }, Spans(query));
        }

        [Fact]
        public void InsideRangeSubqueryAndFunction_EachSelectorOnce()
        {
            const string query = "rate(up{job=\"a\",job=\"b\"}[5m]) + max_over_time(down{x=\"\",x!=\"\",x=\"y\"}[1h:])";
            Assert.Equal(new[] { "up{job=\"a\",job=\"b\"}", "down{x=\"\",x!=\"\",x=\"y\"}" }, Spans(query));
        }

        [Fact]
        public void EscapesInValues_ComparedUnescaped()
        {
            Assert.Empty(Spans("up{job=\"a\\\"b\", job='a\"b'}"));
            Assert.Single(Spans("up{job=\"a\\nb\", job=`a\\nb`}"));
        }
    }
}
