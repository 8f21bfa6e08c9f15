using System;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>
    /// A URL query-string value decoded as Go's <c>url.ParseQuery</c> gives it to Prometheus: <c>+</c> is a space,
    /// <c>%XX</c> a byte (UTF-8 sequences one character), and each decoded character maps to its whole escape.
    /// </summary>
    public sealed class QueryStringValueTests
    {
        private static PromQlSourceText Plain(string text)
        {
            var builder = new SourceTextBuilder(text.Length);
            builder.BeginPiece(SourceTextPieceKind.Regular, default, null, 0, 0, false, 0);
            for (var i = 0; i < text.Length; i++)
            {
                builder.Append(text[i], i, 1);
            }

            builder.EndPiece();
            return builder.ToSourceText((ExpressionSyntax)SyntaxFactory.ParseExpression("\"x\""));
        }

        private static PromQlSourceText Decode(string value) => QueryStringValue.Decode(Plain(value), 0, value.Length);

        [Theory]
        // What Go's url.QueryUnescape gives for each (net/url, unescape with encodeQueryComponent).
        [InlineData("sum(up)", "sum(up)")]
        [InlineData("up+1", "up 1")]
        [InlineData("up%2B1", "up+1")]
        [InlineData("sum%28rate%28x%5B5m%5D%29%29", "sum(rate(x[5m]))")]
        [InlineData("up%7bjob%3d%22a%22%7D", "up{job=\"a\"}")]
        [InlineData("a%C3%A9b", "a\u00E9b")]
        [InlineData("%F0%9F%98%80", "\U0001F600")]
        [InlineData("%E2%82", "\uFFFD\uFFFD")]
        [InlineData("%C3", "\uFFFD")]
        // A % that starts no escape is what System.Uri sends as %25: a percent sign.
        [InlineData("up%2", "up%2")]
        [InlineData("up % 2", "up % 2")]
        [InlineData("up%zz", "up%zz")]
        public void Decodes_AsPrometheusReadsIt(string value, string expected) =>
            Assert.Equal(expected, Decode(value).Text);

        [Fact]
        public void DecodedCharacter_MapsToItsWholeEscape()
        {
            var text = Decode("a%28b%C3%A9+");
            Assert.Equal("a(b\u00E9 ", text.Text);
            Assert.Equal(new TextSpan(1, 3), text.GetCharSpan(1));
            Assert.Equal(new TextSpan(5, 6), text.GetCharSpan(3));
            Assert.Equal(new TextSpan(11, 1), text.GetCharSpan(4));
            Assert.Equal(SourceTextLayers.QueryString, text.GetPiece(0).Layers);
        }

        [Fact]
        public void Surrogates_BothMapToTheSequence()
        {
            var text = Decode("%F0%9F%98%80");
            Assert.Equal(new TextSpan(0, 12), text.GetCharSpan(0));
            Assert.Equal(new TextSpan(0, 12), text.GetCharSpan(1));
        }

        [Fact]
        public void EscapedByDotNet_DecodesBack()
        {
            // Uri.EscapeDataString is what a caller would have written: decoding gives the text back, spaces as %20.
            Gen.String[Gen.Char['\0', '\u00FF'], 0, 40].Sample(value =>
            {
                var escaped = Uri.EscapeDataString(value);
                Assert.Equal(value, Decode(escaped).Text);
                Assert.Equal(value, Decode(escaped.Replace("%20", "+", StringComparison.Ordinal)).Text);
            }, iter: 5000);
        }

        [Theory]
        [InlineData("query", "query")]
        [InlineData("match%5B%5D", "match[]")]
        [InlineData("qu%65ry", "query")]
        [InlineData("a+b", "a b")]
        public void Name_Decoded(string name, string expected) =>
            Assert.Equal(expected, QueryStringValue.DecodeName(name, 0, name.Length));

        [Fact]
        public void NameWithHole_Unknown() =>
            Assert.Null(QueryStringValue.DecodeName("q\uE000", 0, 2));

        [Fact]
        public void Slice_KeepsOnlyItsCharacters()
        {
            var url = "x?query=up%2B1&t=1";
            var text = QueryStringValue.Decode(Plain(url), 8, 14);
            Assert.Equal("up+1", text.Text);
            Assert.Equal(new TextSpan(10, 3), text.GetCharSpan(2));
            Assert.Equal(new TextSpan(8, 6), text.GetSourceSpan(0, text.Text.Length));
            Assert.Single(text.Pieces, p => p.Length > 0);
        }
    }
}
