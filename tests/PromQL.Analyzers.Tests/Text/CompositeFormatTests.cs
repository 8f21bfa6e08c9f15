using System;
using System.Globalization;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>
    /// Composite formats read as .NET reads them, with .NET as the oracle: a format is malformed exactly when
    /// <c>string.Format</c> throws, and otherwise decodes to what it formats, each item one hole.
    /// </summary>
    public sealed class CompositeFormatTests
    {
        private const string H = "\uE000";

        /// <summary>An argument that formats as a hole whatever its item's format.</summary>
        private sealed class Hole : IFormattable
        {
            public string ToString(string? format, IFormatProvider? formatProvider) => H;

            public override string ToString() => H;
        }

        private static readonly object[] Arguments = Enumerable.Range(0, 12).Select(_ => (object)new Hole()).ToArray();

        /// <summary>A text whose characters map one to one onto a single raw literal's.</summary>
        private static PromQlSourceText Plain(string text)
        {
            var builder = new SourceTextBuilder(text.Length);
            builder.BeginPiece(SourceTextPieceKind.Raw, default, null, 0, 3, false, 0);
            for (var i = 0; i < text.Length; i++)
            {
                builder.Append(text[i], i, 1);
            }

            builder.EndPiece();
            return builder.ToSourceText((ExpressionSyntax)SyntaxFactory.ParseExpression("\"\"\"x\"\"\""));
        }

        private static string? Format(string format)
        {
            try
            {
                return string.Format(CultureInfo.InvariantCulture, format, Arguments);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        [Fact]
        public void RandomFormats_MalformedExactlyWhenDotNetThrows_AndDecodeToWhatItFormats()
        {
            // Alignment pads the argument with spaces: compared only where no item has one.
            Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("{{"), Gen.Const("}}"), Gen.Const("0"), Gen.Const("1"), Gen.Const("9"),
                    Gen.Const(","), Gen.Const("-"), Gen.Const(":"), Gen.Const(" "), Gen.Const("\t"), Gen.Const("a"), Gen.Const("{0}"),
                    Gen.Const("{1,2}"), Gen.Const("{0:N}"), Gen.Const("1000000"), Gen.Const("99"))
                .Array[0, 10].Select(parts => string.Concat(parts))
                .Sample(format =>
                {
                    var expected = Format(format);
                    var decoded = CompositeFormat.Decode(Plain(format), Arguments.Length);
                    Assert.True((expected is null) == (decoded is null), $"'{format}': .NET gives {expected ?? "FormatException"}, decoded {decoded?.Text ?? "null"}");
                    if (decoded is not null && !format.Contains(',', StringComparison.Ordinal))
                    {
                        Assert.Equal(expected, decoded.Text);
                    }
                }, iter: 20000);
        }

        [Theory]
        [InlineData("{0}", 0, 3)]
        [InlineData("a{1,5}b", 1, 6)]
        [InlineData("a{0 , -5 :N2}b", 1, 13)]
        [InlineData("a{0:}b", 1, 5)]
        public void Item_IsOneHoleSpanningIt(string format, int start, int end)
        {
            var text = CompositeFormat.Decode(Plain(format), -1)!;
            var hole = text.Text.IndexOf(H, StringComparison.Ordinal);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(start, end - start), text.GetCharSpan(hole));
            Assert.Equal(SourceTextPieceKind.Hole, text.GetPiece(hole).Kind);
            Assert.True(text.HasHoles);
        }

        [Fact]
        public void EscapedBraces_MapToBothCharacters_AndCarryTheLayer()
        {
            var text = CompositeFormat.Decode(Plain("up{{a='{0}'}}"), 1)!;
            Assert.Equal("up{a='" + H + "'}", text.Text);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(2, 2), text.GetCharSpan(2));
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(11, 2), text.GetCharSpan(text.Text.Length - 1));
            Assert.Equal(SourceTextLayers.CompositeFormat, text.GetPiece(0).Layers);
            Assert.Equal(SourceTextPieceKind.Raw, text.GetPiece(0).Kind);
        }

        [Theory]
        [InlineData("{0}{1}", 1)]
        [InlineData("{2}", 2)]
        [InlineData("{0}", 0)]
        public void ItemPastTheArguments_Malformed(string format, int arguments) =>
            Assert.Null(CompositeFormat.Decode(Plain(format), arguments));

        [Fact]
        public void CSharpLiteral_SpansCoverEscapesOfBothLayers()
        {
            // \u007B is a brace to C#, and with the next one a brace to the format: it maps to both escapes.
            var helper = TextTestHelper.CompileExpression("string.Format(\"up\\u007B{job='{0}'}}\", ns)");
            var root = helper.Roots().First();
            var text = CompositeFormat.Decode(helper.Read(root), 1)!;
            Assert.Equal("up{job='" + H + "'}", text.Text);
            Assert.Equal("\\u007B{", helper.Source.ToString(text.GetCharSpan(2)));
            Assert.Equal("{0}", helper.Source.ToString(text.GetCharSpan(text.Text.IndexOf(PromQlParser.HoleCharacter))));
            Assert.Equal("}}", helper.Source.ToString(text.GetCharSpan(text.Text.Length - 1)));
        }

        [Fact]
        public void TextBefore_UsesTheSameGrammar()
        {
            Assert.Equal("a" + H + "b{", CompositeFormat.TextBefore("a{0}b{{{1}", 1));
            Assert.Null(CompositeFormat.TextBefore("a{0:x}}y}{1}", 1));
            Assert.Null(CompositeFormat.TextBefore("a{ 0}{1}", 1));
        }
    }
}
