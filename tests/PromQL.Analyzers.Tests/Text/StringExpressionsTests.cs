using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>Which expressions are roots, the cheap part scan, and code with syntax errors.</summary>
    public sealed class StringExpressionsTests
    {
        private static IReadOnlyList<string> RootsOf(string expression) =>
            TextTestHelper.CompileExpression(expression).Roots().Select(r => r.ToString()).ToList();

        [Theory]
        [InlineData("\"a\"", "\"a\"")]
        [InlineData("(\"a\")", "\"a\"")]
        [InlineData("@\"a\"", "@\"a\"")]
        [InlineData("\"\"\"a\"\"\"", "\"\"\"a\"\"\"")]
        [InlineData("$\"a{ns}\"", "$\"a{ns}\"")]
        [InlineData("\"a\" + \"b\" + ns", "\"a\" + \"b\" + ns")]
        [InlineData("(\"a\" + \"b\") + \"c\"", "(\"a\" + \"b\") + \"c\"")]
        [InlineData("ns + (\"a\" + ns)", "ns + (\"a\" + ns)")]
        [InlineData("1 + 2 + \"x\"", "1 + 2 + \"x\"")]
        [InlineData("((\"a\" + ns))", "\"a\" + ns")]
        public void OutermostStringExpression_IsTheOnlyRoot(string expression, string root)
        {
            Assert.Equal(new[] { root }, RootsOf(expression));
        }

        [Theory]
        [InlineData("\"a\"u8.Length")]
        [InlineData("1 + 2")]
        [InlineData("ns + ns")]
        [InlineData("S + S")]
        [InlineData("'c'")]
        public void NoStringLiteral_NoRoot(string expression)
        {
            Assert.Empty(RootsOf(expression));
        }

        [Fact]
        public void StringArgument_IsARoot_AndSoIsTheCallsOtherString()
        {
            Assert.Equal(new[] { "\"a\"", "\"b\" + ns" }, RootsOf("string.Concat(\"a\", \"b\" + ns)"));
        }

        [Fact]
        public void StringInsideANonConcatenationOperator_IsARoot()
        {
            Assert.Equal(new[] { "\"a\"", "\"b\"" }, RootsOf("\"a\" == \"b\""));
        }

        [Fact]
        public void TenThousandOperandChain_HasOneRoot()
        {
            string expression = string.Join(" + ", Enumerable.Range(0, 10_000).Select(i => i % 3 == 0 ? "\"a\"" : "ns"));
            TextTestHelper helper = TextTestHelper.Compile(TextTestHelper.Wrap(expression), allowErrors: true);
            List<ExpressionSyntax> candidates = helper.Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "F")
                .DescendantNodes().OfType<ExpressionSyntax>().ToList();
            int roots = 0;

            var thread = new Thread(() => roots = candidates.Count(StringExpressions.IsRoot), 256 * 1024);
            thread.Start();
            thread.Join();

            Assert.Equal(1, roots);
        }

        [Fact]
        public void ForEachPart_VisitsLiteralTokensAndOtherPartsInSourceOrder()
        {
            TextTestHelper helper = TextTestHelper.CompileExpression("\"a\" + ns + $\"b{n}c\" + (1 + 2) + (\"d\" + S)");
            var visits = new List<string>();

            StringExpressions.ForEachPart(helper.SingleRoot(), token => visits.Add("T:" + token.Text), part => visits.Add("P:" + part));

            Assert.Equal(new[] { "T:\"a\"", "P:ns", "T:b", "P:n", "T:c", "P:(1 + 2)", "T:\"d\"", "P:S" }, visits);
        }

        [Fact]
        public void ForEachPart_OnASingleLiteral_VisitsItsToken()
        {
            TextTestHelper helper = TextTestHelper.CompileExpression("@\"x\"");
            var tokens = new List<SyntaxToken>();

            StringExpressions.ForEachPart(helper.SingleRoot(), tokens.Add, _ => Assert.Fail("no other part"));

            Assert.Equal("@\"x\"", Assert.Single(tokens).Text);
        }

        public static IEnumerable<object[]> MalformedCases() => new[]
        {
            "\"abc", "\"abc\\", "\"a\\u12\"", "\"a\\U0011FFFF\"", "\"a\\U1234\"", "\"a\\x\"", "\"a\\xg\"", "\"a\\q\"", "\"\\",
            "@\"abc", "@\"a\"\"", "\"\"\"abc", "\"\"\"abc\"\"", "\"\"\"abc\"\"\"\"", "\"\"\"\n abc", "\"\"\"\n  abc\n \"\"\"",
            "\"\"\"\n  abc\"\"\"", "\"\"\"\n\t a\n \t\"\"\"", "$\"a{", "$\"a{ns\"", "$\"{,}\"", "$\"{ns,}\"", "$\"{ns:}\"", "$\"}\"",
            "$\"a{{\"", "$$\"\"\"{{\"\"\"", "$\"\"\"\n  {ns}\n\"\"\"", "$\"\"\"\n  a\n    \"\"\"", "$\"\"\"{{ns}}\"\"\"", "$@\"", "@$\"{{",
            "\"a\" + ", "+ \"a\"", "\"a\" + + \"b\"", "(\"a\" + ", "\"a\" + (ns + ", "\"a\"u8 + \"b\"", "$\"{$\"{$\"",
        }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(MalformedCases))]
        public void MalformedCode_EveryPrefixReadsWithoutThrowing(string expression)
        {
            string source = TextTestHelper.Wrap(expression);
            for (int length = source.IndexOf("=>", System.StringComparison.Ordinal); length <= source.Length; length++)
            {
                TextTestHelper helper = TextTestHelper.Compile(source.Substring(0, length), allowErrors: true);
                foreach (ExpressionSyntax root in helper.Roots())
                {
                    PromQlSourceText text = helper.Read(root);
                    for (int i = 0; i < text.Text.Length; i++)
                    {
                        TextSpan span = text.GetCharSpan(i);
                        Assert.True(root.FullSpan.Contains(span), $"char {i} of {root} maps outside it");
                        SourceTextPiece piece = text.GetPiece(i);
                        Assert.True(piece.Node != null || piece.Token.Span.Contains(span), $"char {i} of {root} maps outside its token");
                    }

                    text.GetSourceSpan(0, text.Text.Length);
                    StringExpressions.ForEachPart(root, _ => { }, _ => { });
                }
            }
        }

        [Fact]
        public void ReadingAnythingElse_GivesAHoleOrConstantInsteadOfThrowing()
        {
            TextTestHelper helper = TextTestHelper.CompileExpression("ns");
            ExpressionSyntax body = helper.Tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;

            Assert.Equal("\uE000", StringExpressions.Read(body, null, CancellationToken.None).Text);
            Assert.Equal("3", StringExpressions.Read(SyntaxFactory.ParseExpression("1 + 2"), _ => new Optional<object?>(3), CancellationToken.None).Text);
        }
    }
}
