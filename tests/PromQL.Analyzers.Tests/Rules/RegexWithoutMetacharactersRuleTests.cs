using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class RegexWithoutMetacharactersRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(RegexWithoutMetacharactersRule.Find, query));

        [Theory]
        [InlineData("up{job=~\"api\"}", "job=~\"api\"", "=")]
        [InlineData("up{job!~\"api\"}", "job!~\"api\"", "!=")]
        [InlineData("up{job=~'api-server'}", "job=~'api-server'", "=")]
        [InlineData("up{job=~`a b/c:d@e`}", "job=~`a b/c:d@e`", "=")]
        [InlineData("up{instance=~\"10-0-0-1:9100\"}", "instance=~\"10-0-0-1:9100\"", "=")]
        [InlineData("{__name__=~\"up\"}", "__name__=~\"up\"", "=")]
        [InlineData("up{\"my.label\"=~\"x\"}", "\"my.label\"=~\"x\"", "=")]
        [InlineData("up{job=~\"a\\\"b\"}", "job=~\"a\\\"b\"", "=")]
        [InlineData("up{job=~\"a\\nb\"}", "job=~\"a\\nb\"", "=")]
        public void PlainValue_ReportedOnTheMatcher(string query, string span, string op)
        {
            var finding = Assert.Single(RuleRunner.Run(RegexWithoutMetacharactersRule.Find, query));
            Assert.Same(Descriptors.RegexWithoutMetacharacters, finding.Descriptor);
            Assert.Equal(span, RuleRunner.Text(query, finding));
            Assert.Equal(op, finding.MessageArgs[1]);
        }

        [Theory]
        [InlineData("up{job=~\"\"}")]
        [InlineData("up{job!~\"\"}")]
        [InlineData("up{job=~\"a|b\"}")]
        [InlineData("up{job=~\"a|\"}")]
        [InlineData("up{job=~\"a.b\"}")]
        [InlineData("up{job=~\"a\\\\.b\"}")]
        [InlineData("up{job=~\"^api$\"}")]
        [InlineData("up{job=~\"(api)\"}")]
        [InlineData("up{job=~\"[a]\"}")]
        [InlineData("up{job=~\"(?i)api\"}")]
        [InlineData("up{job=~\"api.*\"}")]
        [InlineData("up{job=~\"a{2}\"}")]
        [InlineData("up{job=~\"$job\"}")]
        [InlineData("up{job=\"api\"}")]
        [InlineData("up{job!=\"api\"}")]
        [InlineData("up{job=~\"\uE000\"}")]
        [InlineData("up{job=~\"api\uE000\"}")]
        [InlineData("up{\uE000=~\"api\"}")]
        public void NotAPlainRegex_Silent(string query) => Assert.Empty(Spans(query));

        [Fact]
        public void EveryMatcherOfEverySelector()
        {
            const string query = "rate(a{x=~\"1\", y=~\"2|3\"}[5m]) / on() b{z!~\"4\"}";
            Assert.Equal(new[] { "x=~\"1\"", "z!~\"4\"" }, Spans(query));
        }
    }
}
