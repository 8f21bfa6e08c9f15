using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// Edits of the C# around a query's holes (not of its PromQL text, which <see cref="LiteralEditor"/> maps): a hole's
    /// expression replaced, a string wrapped in a call. Each is proven as the literal edits are: the edited string
    /// expression parses, and reads back to the same query text with its holes where they were.
    /// </summary>
    internal static class HoleEdits
    {
        /// <summary>The qualified name a fix writes, so that it needs no <c>using</c> and Fix All's edits never collide.</summary>
        public const string InvariantCulture = "System.Globalization.CultureInfo.InvariantCulture";

        /// <summary>The interpolation <c>{…}</c> a query's hole at <paramref name="offset"/> came from; null for any other hole.</summary>
        public static InterpolationSyntax? InterpolationAt(PromQlSourceText text, int offset) =>
            offset >= 0 && offset < text.Text.Length && text.GetPiece(offset) is { Kind: SourceTextPieceKind.Hole, Length: 1, Node: InterpolationSyntax interpolation }
                ? interpolation
                : null;

        /// <summary>
        /// The change of <paramref name="text"/>'s root (replacing <paramref name="replaced"/> with <paramref name="replacement"/>
        /// inside it, or the whole root when <paramref name="replaced"/> is the root) when the edited expression parses and
        /// reads back to the same query text, with <paramref name="afterHole"/> added right after the hole that
        /// <paramref name="replaced"/> is (when given); null otherwise.
        /// </summary>
        public static IReadOnlyList<TextChange>? Prove(PromQlSourceText text, SourceText source, TextSpan replaced, string replacement, CancellationToken cancellationToken, string? afterHole = null)
        {
            var root = text.Root;
            if (!root.Span.Contains(replaced) && !replaced.Contains(root.Span))
            {
                return null;
            }

            var outer = replaced.Contains(root.Span) ? replaced : root.Span;
            var before = source.ToString(TextSpan.FromBounds(outer.Start, replaced.Start));
            var after = source.ToString(TextSpan.FromBounds(replaced.End, outer.End));
            var edited = SyntaxFactory.ParseExpression(before + replacement + after, options: root.SyntaxTree.Options as CSharpParseOptions);
            if (edited.ContainsDiagnostics || edited.FullSpan.Length != before.Length + replacement.Length + after.Length)
            {
                return null;
            }

            // The string is found inside the edited expression (a wrapping call holds it as its last argument).
            ExpressionSyntax? reread = null;
            foreach (var node in edited.DescendantNodesAndSelf())
            {
                if (node is ExpressionSyntax expression && StringExpressions.IsRoot(expression))
                {
                    reread = expression;
                    break;
                }
            }

            if (reread is null)
            {
                return null;
            }

            // Both read without constants (the edited expression is in no compilation), so holes stand for constants alike.
            var readBack = StringExpressions.Read(reread, constantValue: null, cancellationToken).Text;
            var originalText = StringExpressions.Read(root, constantValue: null, cancellationToken);
            var original = originalText.Text;
            if (afterHole is not null)
            {
                var hole = -1;
                foreach (var piece in originalText.Pieces)
                {
                    if (piece.Kind == SourceTextPieceKind.Hole && piece.Node is { } node && node.Span == replaced)
                    {
                        hole = piece.Start;
                    }
                }

                if (hole < 0)
                {
                    return null;
                }

                original = original.Insert(hole + 1, afterHole);
            }

            return readBack == original ? new[] { new TextChange(replaced, replacement) } : null;
        }
    }
}
