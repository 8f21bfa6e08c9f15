using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Text
{
    /// <summary>Compiles C# around an expression, finds its string roots and checks what the reader made of them.</summary>
    internal sealed class TextTestHelper
    {
        // Preview: the \e escape is C# 13.
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview);

        private TextTestHelper(SyntaxTree tree, SemanticModel model)
        {
            Tree = tree;
            Model = model;
        }

        public SyntaxTree Tree { get; }

        public SemanticModel Model { get; }

        public SourceText Source => Tree.GetText();

        /// <summary>Constants of every kind the tests use, and a method whose expression body is <paramref name="expression"/>.</summary>
        public static string Wrap(string expression) =>
            "class C\n{\n" +
            "    const string S = \"s\"; const string N = null; const string Esc = \"\\t\\\"{}\";\n" +
            "    const int I = 42; const long L = -5; const char Ch = 'c'; const bool B = true; const double D = 1.5;\n" +
            "    enum E { A }\n" +
            "    static object F(string ns, int n) =>\n" + expression + "\n;\n}\n";

        public static TextTestHelper Compile(string source, bool allowErrors = false)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, ParseOptions);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                Basic.Reference.Assemblies.Net80.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            if (!allowErrors)
            {
                Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
            }

            return new TextTestHelper(tree, compilation.GetSemanticModel(tree));
        }

        public static TextTestHelper CompileExpression(string expression) => Compile(Wrap(expression));

        /// <summary>The roots inside method F when there is one (the constants above it are roots too), else in the whole file.</summary>
        public IReadOnlyList<ExpressionSyntax> Roots()
        {
            SyntaxNode scope = Tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == "F")
                ?? Tree.GetRoot();
            return scope.DescendantNodes().OfType<ExpressionSyntax>().Where(StringExpressions.IsRoot).ToList();
        }

        public ExpressionSyntax SingleRoot() => Assert.Single(Roots());

        public PromQlSourceText Read(ExpressionSyntax root) =>
            StringExpressions.Read(root, e => Model.GetConstantValue(e), CancellationToken.None);

        public PromQlSourceText ReadSingle() => Read(SingleRoot());

        /// <summary>
        /// Every run of characters that share one source span must be what that source decodes to: a plain
        /// character itself, an escape its value (the compiler is the oracle), <c>""</c> a quote, <c>{{</c> a
        /// brace; a constant or hole maps to its node's span. Spans run in source order, inside their token.
        /// </summary>
        public void AssertSpansDecode(PromQlSourceText text)
        {
            int previousStart = -1;
            int i = 0;
            while (i < text.Text.Length)
            {
                TextSpan span = text.GetCharSpan(i);
                SourceTextPiece piece = text.GetPiece(i);
                Assert.InRange(i, piece.Start, piece.End - 1);
                int groupEnd = i + 1;
                while (groupEnd < piece.End && text.GetCharSpan(groupEnd) == span)
                {
                    groupEnd++;
                }

                string group = text.Text.Substring(i, groupEnd - i);
                string source = Source.ToString(span);
                Assert.True(span.Start >= previousStart, $"span of char {i} goes backwards");
                previousStart = span.Start;

                switch (piece.Kind)
                {
                    case SourceTextPieceKind.Constant:
                    case SourceTextPieceKind.Hole:
                        Assert.Equal(piece.Node!.Span, span);
                        Assert.Equal(piece.End, groupEnd);
                        if (piece.Kind == SourceTextPieceKind.Hole)
                        {
                            Assert.Equal(PromQlParser.HoleCharacter.ToString(), group);
                        }

                        break;
                    default:
                        Assert.True(piece.Token.Span.Contains(span), $"char {i} maps outside its token");
                        Assert.Equal(Decode(piece.Kind, source), group);
                        break;
                }

                i = groupEnd;
            }

            if (text.Text.Length > 0)
            {
                TextSpan whole = text.GetSourceSpan(0, text.Text.Length);
                Assert.Equal(text.GetCharSpan(0).Start, whole.Start);
                Assert.Equal(text.GetCharSpan(text.Text.Length - 1).End, whole.End);
            }

            // The pieces tile the text in order.
            int expectedStart = 0;
            foreach (SourceTextPiece piece in text.Pieces)
            {
                Assert.Equal(expectedStart, piece.Start);
                expectedStart = piece.End;
            }

            Assert.Equal(text.Text.Length, expectedStart);
        }

        private static string Decode(SourceTextPieceKind kind, string source)
        {
            if (source.Length == 1)
            {
                return source;
            }

            if (source == "{{" || source == "}}")
            {
                Assert.True(kind is SourceTextPieceKind.InterpolatedRegular or SourceTextPieceKind.InterpolatedVerbatim, source);
                return source.Substring(1);
            }

            switch (kind)
            {
                case SourceTextPieceKind.Verbatim:
                case SourceTextPieceKind.InterpolatedVerbatim:
                    Assert.Equal("\"\"", source);
                    return "\"";
                case SourceTextPieceKind.Regular:
                case SourceTextPieceKind.InterpolatedRegular:
                    Assert.StartsWith("\\", source);
                    SyntaxToken token = SyntaxFactory.ParseToken("\"" + source + "\"");
                    return token.ValueText;
                default:
                    Assert.Fail($"a {kind} character spans '{source}'");
                    return string.Empty;
            }
        }
    }
}
