using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class RedundantAnchorsRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(RedundantAnchorsRule.Find, query));

        /// <summary>The query with the finding's edits (the replacement and the optional deletion) applied.</summary>
        private static string Fixed(string query)
        {
            var finding = Assert.Single(RuleRunner.Run(RedundantAnchorsRule.Find, query));
            Assert.Same(Descriptors.RedundantAnchors, finding.Descriptor);
            var p = finding.Properties;
            Assert.True(FixProperties.TryGetReplacement(p, out var start, out var end, out var text));
            var result = query;
            if (FixProperties.TryGetOffset(p, FixProperties.DeleteStart, out var deleteStart) && FixProperties.TryGetOffset(p, FixProperties.DeleteEnd, out var deleteEnd))
            {
                result = result.Remove(deleteStart, deleteEnd - deleteStart);
            }

            return result.Substring(0, start) + text + result.Substring(end);
        }

        [Theory]
        [InlineData("up{job=~\"^api-.*$\"}", "the ^ and the $", "'job=~\"api-.*\"'")]
        [InlineData("up{job=~\"^api-.*\"}", "the leading ^", "'job=~\"api-.*\"'")]
        [InlineData("up{job!~\"api-.*$\"}", "the trailing $", "'job!~\"api-.*\"'")]
        [InlineData("up{job=~\"^(a|b)$\"}", "the ^ and the $", "'job=~\"(a|b)\"'")]
        [InlineData("up{job=~\"^api$\"}", "the ^ and the $", "'job=~\"api\"'")]
        [InlineData("up{job=~\"^a\\\\.b$\"}", "the ^ and the $", "'job=~\"a\\\\.b\"'")]
        [InlineData("up{job=~'^[$^]x$'}", "the ^ and the $", "'job=~\"[$^]x\"'")]
        [InlineData("up{job=~`(?m)a$`}", "the trailing $", "'job=~\"(?m)a\"'")]
        public void AnchorOfTheWholeRegex_Reported(string query, string which, string rewritten)
        {
            var finding = Assert.Single(RuleRunner.Run(RedundantAnchorsRule.Find, query));
            Assert.Equal(query.Substring(3, query.Length - 4), RuleRunner.Text(query, finding));
            Assert.Equal(which, finding.MessageArgs[1]);
            Assert.Equal(rewritten, finding.MessageArgs[2]);
        }

        [Theory]
        [InlineData("up{job=~\"^a|b$\"}")]
        [InlineData("up{job=~\"^a|b\"}")]
        [InlineData("up{job=~\"a|b$\"}")]
        [InlineData("up{job=~\"^a|^b\"}")]
        [InlineData("up{job=~\"a\\\\$\"}")]
        [InlineData("up{job=~'a[$]'}")]
        [InlineData("up{job=~`a\\$`}")]
        [InlineData("up{job=~\"\\\\^a\"}")]
        [InlineData("up{job=~\"[^a]b\"}")]
        [InlineData("up{job=~\"a^b\"}")]
        [InlineData("up{job=~\"^\"}")]
        [InlineData("up{job=~\"^$\"}")]
        [InlineData("up{job=~\"^^$\"}")]
        [InlineData("up{job=~\"(^a)\"}")]
        [InlineData("up{job=~\"api\"}")]
        [InlineData("up{job=\"^api$\"}")]
        [InlineData("up{job=~\"^a\uE000$\"}")]
        [InlineData("up{\uE000=~\"^a$\"}")]
        public void NotARedundantAnchor_Silent(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData("up{job=~\"^api-.*$\"}", "up{job=~\"api-.*\"}")]
        [InlineData("up{job=~'^api'}", "up{job=~'api'}")]
        [InlineData("up{job!~`a.*$`}", "up{job!~`a.*`}")]
        [InlineData("up{job=~\"^\\\\$x$\"}", "up{job=~\"\\\\$x\"}")]
        public void Fix_DeletesTheAnchors(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Fact]
        public void EscapedAnchorInTheString_NoEdit()
        {
            // "\x5eapi" is ^api to Prometheus, but the ^ is not one character of the literal to delete.
            const string query = "up{job=~\"\\x5eapi\"}";
            var finding = Assert.Single(RuleRunner.Run(RedundantAnchorsRule.Find, query));
            Assert.Empty(finding.Properties);
        }
    }
}
