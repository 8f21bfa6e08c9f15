using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>Holes, constants the compiler does not fold, spans of single characters, and provenance pieces.</summary>
    public sealed class ReadTests
    {
        private const string H = "\uE000";

        private static (TextTestHelper Helper, PromQlSourceText Text) Read(string expression)
        {
            TextTestHelper helper = TextTestHelper.CompileExpression(expression);
            PromQlSourceText text = helper.ReadSingle();
            helper.AssertSpansDecode(text);
            return (helper, text);
        }

        private static string SourceOf(TextTestHelper helper, TextSpan span) => helper.Source.ToString(span);

        [Theory]
        [InlineData("$\"a{ns}b\"", "a" + H + "b", "{ns}")]
        [InlineData("$\"a{ns,5}b\"", "a" + H + "b", "{ns,5}")]
        [InlineData("$\"a{n:X}b\"", "a" + H + "b", "{n:X}")]
        [InlineData("$\"a{I:X}b\"", "a" + H + "b", "{I:X}")]
        [InlineData("$\"a{D}b\"", "a" + H + "b", "{D}")]
        [InlineData("$$\"\"\"a{{ns}}b\"\"\"", "a" + H + "b", "{{ns}}")]
        [InlineData("\"a\" + ns + \"b\"", "a" + H + "b", "ns")]
        [InlineData("\"a\" + (ns) + \"b\"", "a" + H + "b", "(ns)")]
        [InlineData("\"a\" + n.ToString() + \"b\"", "a" + H + "b", "n.ToString()")]
        public void UnknownValue_IsOneHoleSpanningItsSource(string expression, string expected, string holeSource)
        {
            (TextTestHelper helper, PromQlSourceText text) = Read(expression);

            Assert.Equal(expected, text.Text);
            Assert.True(text.HasHoles);
            Assert.Equal(holeSource, SourceOf(helper, text.GetCharSpan(1)));
            Assert.Equal(SourceTextPieceKind.Hole, text.GetPiece(1).Kind);
        }

        [Theory]
        [InlineData("$\"{I}|{Ch}|{L}|{B}\"", "42|c|-5|True")]
        [InlineData("$\"[{I,5}][{I,-5}][{S,3}][{S,-3}][{S,1}][{Esc,5}]\"", "[   42][42   ][  s][s  ][s][ \t\"{}]")]
        [InlineData("$\"[{S:ignored}]\"", "[s]")]
        [InlineData("$\"a{N}b{null}c\"", "abc")]
        [InlineData("1 + 2 + \"x\"", "3x")]
        [InlineData("\"x\" + 1 + 2", "x12")]
        [InlineData("\"x\" + (1 + 2)", "x3")]
        [InlineData("1 + (2 + \"x\")", "12x")]
        [InlineData("(1 + 2) + (3 + \"x\") + 4", "33x4")]
        [InlineData("\"x\" + Ch + I + L + B + N", "xc42-5True")]
        public void ConstantsTheCompilerDoesNotFold_AreSubstituted(string expression, string expected)
        {
            (_, PromQlSourceText text) = Read(expression);

            Assert.Equal(expected, text.Text);
            Assert.False(text.HasHoles);
        }

        [Fact]
        public void EnumAndDoubleOperands_AreHoles()
        {
            (_, PromQlSourceText text) = Read("\"x\" + D + $\"{D}\"");

            Assert.Equal("x" + H + H, text.Text);
        }

        [Fact]
        public void EnumConstant_IsAHoleWithConstantValuesFrom_BecauseCSharpPrintsItsName()
        {
            TextTestHelper helper = TextTestHelper.CompileExpression("\"x\" + E.A + $\"{E.A}\" + I");

            PromQlSourceText text = StringExpressions.Read(helper.SingleRoot(), StringExpressions.ConstantValuesFrom(helper.Model, CancellationToken.None), CancellationToken.None);

            Assert.Equal("x" + H + H + "42", text.Text);
        }

        [Fact]
        public void WithoutConstantValues_EveryNonLiteralIsAHole()
        {
            TextTestHelper helper = TextTestHelper.CompileExpression("$\"a{S}b\" + S + \"c\"");

            PromQlSourceText text = StringExpressions.Read(helper.SingleRoot(), null, CancellationToken.None);

            Assert.Equal("a" + H + "b" + H + "c", text.Text);
            Assert.True(text.HasHoles);
        }

        [Fact]
        public void SubstitutedCharacters_MapToTheWholeInterpolationOrOperand()
        {
            (TextTestHelper helper, PromQlSourceText text) = Read("$\"<{S,3}>\" + I");

            Assert.Equal("<  s>42", text.Text);
            foreach (int i in new[] { 1, 2, 3 })
            {
                Assert.Equal("{S,3}", SourceOf(helper, text.GetCharSpan(i)));
            }

            Assert.Equal("I", SourceOf(helper, text.GetCharSpan(5)));
            Assert.Equal("I", SourceOf(helper, text.GetCharSpan(6)));
            Assert.Equal("{S,3}", SourceOf(helper, text.GetSourceSpan(1, 4)));
        }

        [Theory]
        [InlineData("\"a\\nb\"", 1, "\\n")]
        [InlineData("\"a\\u0041b\"", 1, "\\u0041")]
        [InlineData("\"a\\x41g\"", 1, "\\x41")]
        [InlineData("\"a\\x41bg\"", 1, "\\x41b")]
        [InlineData("\"a\\U0001F600b\"", 1, "\\U0001F600")]
        [InlineData("\"a\\U0001F600b\"", 2, "\\U0001F600")]
        [InlineData("@\"a\"\"b\"", 1, "\"\"")]
        [InlineData("$\"a{{b\"", 1, "{{")]
        [InlineData("$@\"a}}b\"", 1, "}}")]
        public void OneCharacter_MapsToItsWholeEscape(string expression, int index, string source)
        {
            (TextTestHelper helper, PromQlSourceText text) = Read(expression);

            Assert.Equal(source, SourceOf(helper, text.GetCharSpan(index)));
        }

        [Fact]
        public void SurrogatePairInSource_EachUnitMapsToItsOwnPosition()
        {
            (TextTestHelper helper, PromQlSourceText text) = Read("\"a\uD83D\uDE00b\" + \"a😀b\"");
            int second = helper.SingleRoot().ToString().IndexOf("\" + \"", System.StringComparison.Ordinal) + 5 + helper.SingleRoot().SpanStart;

            Assert.Equal("a😀ba😀b", text.Text);
            Assert.Equal(new TextSpan(second, 1), text.GetCharSpan(4));
            Assert.Equal(new TextSpan(second + 1, 1), text.GetCharSpan(5));
            Assert.Equal(new TextSpan(second + 2, 1), text.GetCharSpan(6));
        }

        [Fact]
        public void SourceSpanOfARange_RunsFromTheFirstCharacterToTheLast()
        {
            (TextTestHelper helper, PromQlSourceText text) = Read("\"x\\ty\" + \"z\\u0041\"");

            Assert.Equal("x\tyzA", text.Text);
            Assert.Equal("\\ty", SourceOf(helper, text.GetSourceSpan(1, 3)));
            Assert.Equal("y\" + \"z\\u0041", SourceOf(helper, text.GetSourceSpan(2, 5)));
        }

        [Fact]
        public void EmptyRange_IsWhereTheCharacterStarts_OrWhereTheLastOneEnds()
        {
            (TextTestHelper helper, PromQlSourceText text) = Read("\"a\\tb\"");
            int literalStart = helper.SingleRoot().SpanStart;

            Assert.Equal(new TextSpan(literalStart + 2, 0), text.GetSourceSpan(1, 1));
            Assert.Equal(new TextSpan(literalStart + 5, 0), text.GetSourceSpan(3, 3));
        }

        [Theory]
        [InlineData("\"\"", 1)]
        [InlineData("@\"\"", 2)]
        [InlineData("$\"\"", 2)]
        [InlineData("\"\" + \"\"", 1)]
        public void EmptyText_EmptySpanIsInsideTheFirstLiteral(string expression, int offset)
        {
            (TextTestHelper helper, PromQlSourceText text) = Read(expression);

            Assert.Equal("", text.Text);
            Assert.Equal(new TextSpan(helper.SingleRoot().SpanStart + offset, 0), text.GetSourceSpan(0, 0));
        }

        [Fact]
        public void Pieces_TellTheKindTokenAndDollarsOfEachRun()
        {
            string expression = "\"r\" + @\"v\" + \"\"\"w\"\"\" + $\"i{ns}\" + $@\"j\" + $$\"\"\"k{{S}}\"\"\" + ns + \"\"";
            (TextTestHelper helper, PromQlSourceText text) = Read(expression);

            Assert.Equal("rvwi" + H + "jks" + H, text.Text);
            var pieces = text.Pieces.Select(p => (p.Kind, p.Start, p.Length, p.DollarCount, p.QuoteCount)).ToArray();
            Assert.Equal(
                new[]
                {
                    (SourceTextPieceKind.Regular, 0, 1, 0, 0),
                    (SourceTextPieceKind.Verbatim, 1, 1, 0, 0),
                    (SourceTextPieceKind.Raw, 2, 1, 0, 3),
                    (SourceTextPieceKind.InterpolatedRegular, 3, 1, 1, 0),
                    (SourceTextPieceKind.Hole, 4, 1, 0, 0),
                    (SourceTextPieceKind.InterpolatedVerbatim, 5, 1, 1, 0),
                    (SourceTextPieceKind.InterpolatedRaw, 6, 1, 2, 3),
                    (SourceTextPieceKind.Constant, 7, 1, 0, 0),
                    (SourceTextPieceKind.Hole, 8, 1, 0, 0),
                    (SourceTextPieceKind.Regular, 9, 0, 0, 0),
                },
                pieces);
            Assert.Equal("\"\"\"w\"\"\"", text.Pieces[2].Token.Text);
            Assert.Equal("k", text.Pieces[6].Token.Text);
            Assert.Equal("{{S}}", text.Pieces[7].Node!.ToString());
            Assert.Equal("ns", text.Pieces[8].Node!.ToString());
            Assert.Same(text.Pieces[6], text.GetPiece(6));
            Assert.Same(text.Pieces[8], text.GetPiece(8));
            Assert.False(text.Pieces[0].IsMultiLine);
            Assert.Same(helper.SingleRoot(), text.Root);
        }

        [Fact]
        public void MultiLineRawPiece_IsMarkedMultiLine()
        {
            (_, PromQlSourceText text) = Read("\"\"\"\n  a\n  \"\"\"");

            Assert.True(Assert.Single(text.Pieces).IsMultiLine);
        }

        [Fact]
        public void TenThousandOperandChain_ReadsWithoutRecursion()
        {
            string expression = string.Join(" + ", Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? "\"a\"" : "ns"));
            TextTestHelper helper = TextTestHelper.Compile(TextTestHelper.Wrap(expression), allowErrors: true);
            ExpressionSyntax root = helper.SingleRoot();
            PromQlSourceText? text = null;

            // A small stack: recursion per operand would overflow it.
            var thread = new Thread(() => text = StringExpressions.Read(root, null, CancellationToken.None), 256 * 1024);
            thread.Start();
            thread.Join();

            Assert.Equal(string.Concat(Enumerable.Repeat("a" + H, 5_000)), text!.Text);
            Assert.Equal(10_000, text.Pieces.Count);
        }
    }
}
