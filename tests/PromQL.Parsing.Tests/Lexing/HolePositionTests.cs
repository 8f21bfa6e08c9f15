using System.Linq;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Parsing.Tests.Lexing
{
    /// <summary>The position the parser reports for each hole, from the token the hole is in (docs/detection.md).</summary>
    public class HolePositionTests
    {
        private const char H = PromQlParser.HoleCharacter;

        [Theory]
        [InlineData("rate(x[\uE000])", HolePosition.Duration)]
        [InlineData("rate(x[\uE000m])", HolePosition.Duration)]
        [InlineData("rate(x[5m:\uE000])", HolePosition.Duration)]
        [InlineData("x offset \uE000", HolePosition.Duration)]
        [InlineData("x offset -\uE000", HolePosition.Duration)]
        [InlineData("x @ \uE000", HolePosition.At)]
        [InlineData("x @ -\uE000", HolePosition.At)]
        [InlineData("x{job=\"\uE000\"}", HolePosition.QuotedString)]
        [InlineData("label_replace(x, \"a\", \"\uE000\", \"b\", \"(.*)\")", HolePosition.QuotedString)]
        [InlineData("histogram_quantile(\uE000, rate(x[5m]))", HolePosition.Number)]
        [InlineData("up > \uE000", HolePosition.Number)]
        [InlineData("up == \uE000", HolePosition.Number)]
        [InlineData("x_\uE000_total", HolePosition.Name)]
        [InlineData("x{\uE000=\"a\"}", HolePosition.Name)]
        [InlineData("sum by (\uE000) (x)", HolePosition.Name)]
        public void OneHole_PositionFromItsToken(string query, HolePosition expected)
        {
            var result = PromQlParser.Parse(query);
            var site = Assert.Single(result.Holes);
            Assert.Equal(query.IndexOf(H), site.Offset);
            Assert.Equal(expected, site.Position);
            Assert.Equal(expected, result.GetHolePosition(site.Offset));
        }

        [Fact]
        public void SeveralHoles_EachHasItsSite_InTextOrder()
        {
            var query = "histogram_quantile(\uE000, rate(x{job=\"\uE000\"}[\uE000])) @ \uE000";
            var result = PromQlParser.Parse(query);
            Assert.Equal(
                new[] { HolePosition.Number, HolePosition.QuotedString, HolePosition.Duration, HolePosition.At },
                result.Holes.Select(h => h.Position));
            Assert.Equal(
                Enumerable.Range(0, query.Length).Where(i => query[i] == H),
                result.Holes.Select(h => h.Offset));
        }

        [Fact]
        public void TextWithoutHoles_NoSites()
        {
            var result = PromQlParser.Parse("rate(x[5m]) @ 100");
            Assert.Empty(result.Holes);
            Assert.Equal(HolePosition.Other, result.GetHolePosition(7));
        }

        [Fact]
        public void HoleAfterALexerError_NoSite_NeverThrows()
        {
            var result = PromQlParser.Parse("x{a=\"b\"} ` \uE000");
            Assert.True(result.HasErrors);
            Assert.Empty(result.Holes);
        }

        [Fact]
        public void HolesNotAllowed_NoSites()
        {
            var result = PromQlParser.Parse("up > \uE000", new PromQlParserOptions { AllowHoles = false });
            Assert.Empty(result.Holes);
        }
    }
}
