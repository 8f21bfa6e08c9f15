using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Text;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// The per-tree index of <c>lang=promql</c> comments (<see cref="LanguageComment.FindReach"/>) only narrows down
    /// which strings are read: with it, every string is marked exactly when the full trivia walk says so.
    /// </summary>
    public sealed class LanguageCommentReachTests
    {
        private readonly ITestOutputHelper _output;

        public LanguageCommentReachTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void NoMarker_NoReach()
        {
            var tree = Parse("""
                using System.Diagnostics.CodeAnalysis;
                class PromQlClient
                {
                    // A PromQL client; the language is PromQL, lang: promql.
                    void Run([StringSyntax("PromQL")] string promql) { var lang = "=promql"; }
                }
                """);

            Assert.Empty(LanguageComment.FindReach(tree, CancellationToken.None));
        }

        [Fact]
        public void Markers_ReachTheirStatementOrNextToken()
        {
            var source = """
                class C
                {
                    void M()
                    {
                        // lang=promql
                        var a = "rate(up[5m])";
                        var b = "rate(up[5m])";
                        Run(/* LANGUAGE = PromQL */ "up");
                    }

                    void Run(string q) { }
                }
                """;
            var tree = Parse(source);

            var reach = LanguageComment.FindReach(tree, CancellationToken.None);

            var statementA = source.IndexOf("var a", System.StringComparison.Ordinal);
            var argument = source.IndexOf("\"up\"", System.StringComparison.Ordinal);
            Assert.Equal(new[] { TextSpan(statementA, source.IndexOf(';', statementA) + 1), TextSpan(argument, argument + 1) }, reach);
        }

        [Fact]
        public void GeneratedSources_IndexAgreesWithTheFullWalk()
        {
            var strings = 0;
            var marked = 0;
            Sources.Sample(source =>
            {
                var tree = Parse(source);
                var reach = LanguageComment.FindReach(tree, CancellationToken.None);
                foreach (var root in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().Where(IsStringRoot))
                {
                    var exact = LanguageComment.IsMarked(root);
                    Assert.True(exact == LanguageComment.IsMarked(root, reach), $"'{root}' at {root.SpanStart}: the full walk says {exact}");
                    Interlocked.Increment(ref strings);
                    if (exact)
                    {
                        Interlocked.Increment(ref marked);
                    }
                }
            }, iter: 2000, writeLine: _output.WriteLine, print: s => s);

            _output.WriteLine($"{strings} strings, {marked} marked");
            Assert.True(marked > strings / 20 && marked < strings, $"{marked} of {strings} strings marked: the generator has drifted");
        }

        private static Microsoft.CodeAnalysis.Text.TextSpan TextSpan(int start, int end) => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end);

        private static bool IsStringRoot(ExpressionSyntax node) =>
            node.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.InterpolatedStringExpression or SyntaxKind.AddExpression
            && StringExpressions.IsRoot(node);

        private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));

        private static readonly string[] Comments =
        {
            "// lang=promql", "//lang=PromQL", "// language = promql, strict", "/* lang=promql */", "/*LANG=PROMQL*/",
            "// lang=promqlx", "// lang=regex", "// see lang=promql below", "/* x */", "// promql", "/* lang=promql\n   more */",
            "/// lang=promql", "// query: =promql",
        };

        private static readonly string[] Strings =
        {
            "\"rate(up[5m])\"", "\"lang=promql\"", "$\"up{{pod='{p}'}}\"", "\"a\" + \"b\"", "@\"x\"", "\"\"\"q\"\"\"", "\"x\" + p + \"y\"",
        };

        private static readonly Gen<string> Comment = Gen.Int[0, Comments.Length - 1].Select(i => Comments[i]);

        private static readonly Gen<string> Literal = Gen.Int[0, Strings.Length - 1].Select(i => Strings[i]);

        private static readonly Gen<string> MaybeComment = Gen.Frequency((2, Comment.Select(c => c.StartsWith("//", System.StringComparison.Ordinal) ? c + "\n" : c + " ")), (3, Gen.Const(string.Empty)));

        // One statement, with comments where the trivia walk looks and where it does not.
        private static readonly Gen<string> Statement = Gen.Select(Gen.Int[0, 6], MaybeComment, MaybeComment, Literal, Literal).Select((shape, c1, c2, s1, s2) => shape switch
        {
            0 => $"{c1}var v = {c2}{s1};",
            1 => $"{c1}Run({c2}{s1});",
            2 => $"Run(1, {c1}{s1}, {c2}{s2});",
            3 => $"{c1}var v = Wrap({s1} + {c2}{s2});",
            4 => $"{c1}Run(() => {{ {c2}return {s1}; }});",
            5 => $"if (p != null) {c1}{{ {c2}Run({s1}); }}",
            _ => $"var v = {s1}; {c1}{c2}",
        });

        private static readonly Gen<string> Sources = Gen.Select(Statement.Array[1, 8], MaybeComment, Literal).Select((statements, fieldComment, field) =>
        {
            var builder = new StringBuilder("class C\n{\n    static string p = \"\";\n    ").Append(fieldComment).Append("static string F = ").Append(field).Append(";\n");
            builder.Append("    void M()\n    {\n");
            foreach (var statement in statements)
            {
                builder.Append("        ").Append(statement).Append('\n');
            }

            return builder.Append("    }\n    void Run(object a, object b = null, object c = null) { }\n    string Wrap(string s) => s;\n}\n").ToString();
        });
    }
}
