using System.Linq;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class TrivialRegexMatcherRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(TrivialRegexMatcherRule.Find, query));

        /// <summary>The query with the finding's one replacement applied.</summary>
        private static string Fixed(string query)
        {
            var finding = Assert.Single(RuleRunner.Run(TrivialRegexMatcherRule.Find, query));
            Assert.Same(Descriptors.TrivialRegexMatcher, finding.Descriptor);
            var start = int.Parse(finding.Properties[FixProperties.ReplaceStart]!, System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(finding.Properties[FixProperties.ReplaceEnd]!, System.Globalization.CultureInfo.InvariantCulture);
            return query.Substring(0, start) + finding.Properties[FixProperties.ReplaceText] + query.Substring(end);
        }

        [Theory]
        [InlineData("up{job=~\".*\"}", "job=~\".*\"")]
        [InlineData("up{job=~'(.*)'}", "job=~'(.*)'")]
        [InlineData("up{job=~`^.*$`}", "job=~`^.*$`")]
        [InlineData("up{job=~\".*|x\"}", "job=~\".*|x\"")]
        [InlineData("up{job=~\"[\\\\s\\\\S]*\"}", "job=~\"[\\\\s\\\\S]*\"")]
        [InlineData("up{job=~\".+\"}", "job=~\".+\"")]
        [InlineData("up{job=~\"..*\"}", "job=~\"..*\"")]
        [InlineData("up{job!~\".+\"}", "job!~\".+\"")]
        [InlineData("{__name__=~\".+\", job=\"a\"}", "__name__=~\".+\"")]
        public void TrivialRegex_ReportedOnTheMatcher(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Theory]
        [InlineData("up{job=~\"\"}")]
        [InlineData("up{job=~\".\"}")]
        [InlineData("up{job=~\"(?-s).*\"}")]
        [InlineData("up{job=~\".*a\"}")]
        [InlineData("up{job=~\".?\"}")]
        [InlineData("up{job!~\".*\"}")]
        [InlineData("up{job=\".*\"}")]
        [InlineData("up{job!=\".+\"}")]
        [InlineData("up{job=~\"\\\\.*\"}")]
        [InlineData("up{job=~\"\uE000\"}")]
        [InlineData("up{job=~\".*\uE000\"}")]
        [InlineData("up{\uE000=~\".*\"}")]
        [InlineData("up{job=~\"$job\"}")]
        public void NotTrivial_Silent(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData("up{job=~\".*\"}", "up")]
        [InlineData("up{ job=~\".*\" , }", "up")]
        [InlineData("up{job=~\".*\", a=\"b\"}", "up{a=\"b\"}")]
        [InlineData("up{a=\"b\", job=~\".*\"}", "up{a=\"b\"}")]
        [InlineData("up{a=\"b\" , job=~\".*\" , c=\"d\"}", "up{a=\"b\" , c=\"d\"}")]
        [InlineData("up{a=\"b\", job=~\".*\",}", "up{a=\"b\",}")]
        [InlineData("rate(up{job=~\".*\"}[5m] offset 1m)", "rate(up[5m] offset 1m)")]
        [InlineData("{__name__=\"up\", job=~\".*\"}", "{__name__=\"up\"}")]
        [InlineData("up{job=~\".+\"}", "up{job!=\"\"}")]
        [InlineData("up{job =~ '.+'}", "up{job != ''}")]
        [InlineData("up{job!~`.+`}", "up{job=``}")]
        [InlineData("up{\"my.label\"=~\".+\"}", "up{\"my.label\"!=\"\"}")]
        public void Fix_TheEditTheRuleGives(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Theory]
        [InlineData("up{a=\"b\" # c\n, job=~\".*\"}")]
        [InlineData("up{job # c\n =~\".+\"}")]
        public void CommentInTheWay_NoEdit(string query)
        {
            var finding = Assert.Single(RuleRunner.Run(TrivialRegexMatcherRule.Find, query));
            Assert.False(finding.Properties.ContainsKey(FixProperties.ReplaceStart));
        }

        [Fact]
        public void EveryMatcherOfEverySelector()
        {
            const string query = "rate(a{x=~\".*\", y=~\"2|3\"}[5m]) / on() b{z!~\".+\", w=~\".+\"}";
            Assert.Equal(new[] { "x=~\".*\"", "z!~\".+\"", "w=~\".+\"" }, Spans(query).OrderBy(s => query.IndexOf(s, System.StringComparison.Ordinal)).ToArray());
        }
    }
}
