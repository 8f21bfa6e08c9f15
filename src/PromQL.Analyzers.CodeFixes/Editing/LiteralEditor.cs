using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// Turns edits of a query's logical text into the smallest edits of the C# source: characters deleted where
    /// they were written, text inserted into a literal token escaped for that token's kind. Refuses (returns
    /// null) whenever an edit would touch a hole or a constant, cross a <c>+</c>, or need characters the token
    /// cannot hold, and checks its own result: the edited expression must parse as C# without errors and read
    /// back to exactly the edited query.
    /// </summary>
    internal static class LiteralEditor
    {
        public static IReadOnlyList<TextChange>? TryMap(LocatedQuery query, IReadOnlyList<QueryEdit> edits, CancellationToken cancellationToken)
        {
            if (edits.Count == 0)
            {
                return null;
            }

            var text = query.Text;
            var changes = new List<TextChange>();
            foreach (var edit in edits)
            {
                if (edit.End > edit.Start && !TryDelete(text, edit.Start, edit.End, changes))
                {
                    return null;
                }

                if (edit.NewText.Length > 0 && !TryInsert(text, edit.Start, edit.NewText, changes))
                {
                    return null;
                }
            }

            changes.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
            return ReadsBackAs(query, changes, query.Apply(edits), cancellationToken) ? changes : null;
        }

        /// <summary>
        /// Whether logical characters [start, end) all come from one C# string: one literal, or one interpolated
        /// string with its holes. A range that spans a <c>+</c> is not one string.
        /// </summary>
        public static bool IsOneString(PromQlSourceText text, int start, int end)
        {
            SyntaxNode? only = null;
            for (var i = start; i < end;)
            {
                var piece = text.GetPiece(i);
                var owner = StringOf(piece);
                if (owner is null || (only is not null && owner != only))
                {
                    return false;
                }

                only = owner;
                i = Math.Max(piece.End, i + 1);
            }

            return true;
        }

        /// <summary>Whether the piece's characters were written in a literal token (not a hole, not a constant).</summary>
        public static bool IsLiteral(SourceTextPiece piece) =>
            piece.Kind != SourceTextPieceKind.Constant && piece.Kind != SourceTextPieceKind.Hole && piece.Token != default;

        private static bool TryDelete(PromQlSourceText text, int start, int end, List<TextChange> changes)
        {
            // One change per literal token the range runs through; a hole or a constant cannot be deleted in place.
            for (var i = start; i < end;)
            {
                var piece = text.GetPiece(i);
                if (!IsLiteral(piece))
                {
                    return false;
                }

                var runEnd = Math.Min(piece.End, end);
                changes.Add(new TextChange(text.GetSourceSpan(i, runEnd), string.Empty));
                i = runEnd;
            }

            return true;
        }

        private static bool TryInsert(PromQlSourceText text, int position, string logical, List<TextChange> changes)
        {
            // Into the token of the character before, else of the character after: never into a hole or a constant.
            if (position > 0 && IsLiteral(text.GetPiece(position - 1)))
            {
                return TryInsertAt(text.GetPiece(position - 1), text.GetCharSpan(position - 1).End, logical, changes);
            }

            if (position < text.Text.Length && IsLiteral(text.GetPiece(position)))
            {
                return TryInsertAt(text.GetPiece(position), text.GetCharSpan(position).Start, logical, changes);
            }

            return false;
        }

        private static bool TryInsertAt(SourceTextPiece piece, int sourcePosition, string logical, List<TextChange> changes)
        {
            var escaped = Escape(logical, piece);
            if (escaped is null)
            {
                return false;
            }

            changes.Add(new TextChange(new TextSpan(sourcePosition, 0), escaped));
            return true;
        }

        /// <summary>How <paramref name="logical"/> is written inside a token of the piece's kind; null when it cannot be.</summary>
        internal static string? Escape(string logical, SourceTextPiece piece)
        {
            var builder = new StringBuilder(logical.Length + 8);
            foreach (var c in logical)
            {
                if (c == '\r' || c == '\n' || c == PromQL.Parsing.PromQlParser.HoleCharacter)
                {
                    return null;
                }

                switch (piece.Kind)
                {
                    case SourceTextPieceKind.Regular:
                        builder.Append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c.ToString());
                        break;
                    case SourceTextPieceKind.Verbatim:
                        builder.Append(c == '"' ? "\"\"" : c.ToString());
                        break;
                    case SourceTextPieceKind.Raw:
                        builder.Append(c);
                        break;
                    case SourceTextPieceKind.InterpolatedRegular:
                        builder.Append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '{' ? "{{" : c == '}' ? "}}" : c.ToString());
                        break;
                    case SourceTextPieceKind.InterpolatedVerbatim:
                        builder.Append(c == '"' ? "\"\"" : c == '{' ? "{{" : c == '}' ? "}}" : c.ToString());
                        break;
                    case SourceTextPieceKind.InterpolatedRaw:
                        // With one $, a brace always opens or closes a hole: the literal has no way to hold one.
                        if ((c == '{' || c == '}') && piece.DollarCount < 2)
                        {
                            return null;
                        }

                        builder.Append(c);
                        break;
                    default:
                        return null;
                }
            }

            return builder.ToString();
        }

        // The literal or interpolated string a piece belongs to; a constant or hole operand of a + is its own.
        private static SyntaxNode? StringOf(SourceTextPiece piece)
        {
            if (piece.Token != default)
            {
                var parent = piece.Token.Parent;
                return parent is InterpolatedStringTextSyntax ? parent.Parent : parent;
            }

            var node = piece.Node;
            return node is InterpolationSyntax ? node.Parent : node;
        }

        // The proof: apply the changes to the expression alone, parse it, read it, compare with the intended query.
        private static bool ReadsBackAs(LocatedQuery query, List<TextChange> changes, string expected, CancellationToken cancellationToken)
        {
            var root = query.Text.Root;
            var span = root.Span;
            var builder = new StringBuilder(span.Length + 64);
            var position = span.Start;
            foreach (var change in changes)
            {
                if (change.Span.Start < position || change.Span.End > span.End)
                {
                    return false;
                }

                builder.Append(query.Source.ToString(TextSpan.FromBounds(position, change.Span.Start))).Append(change.NewText);
                position = change.Span.End;
            }

            builder.Append(query.Source.ToString(TextSpan.FromBounds(position, span.End)));
            var parseOptions = root.SyntaxTree.Options as CSharpParseOptions;
            var edited = SyntaxFactory.ParseExpression(builder.ToString(), options: parseOptions);
            if (edited.ContainsDiagnostics || edited.Kind() != root.Kind() || !StringExpressions.IsRoot(edited))
            {
                return false;
            }

            // The edited tree's holes and operands are new nodes: look their constants up by their unchanged text.
            var constants = new Dictionary<string, Optional<object?>>(StringComparer.Ordinal);
            StringExpressions.ForEachPart(root, _ => { }, part => constants[part.ToString()] = query.Constants(part));
            foreach (var interpolation in root.DescendantNodes().OfType<InterpolationSyntax>())
            {
                if (interpolation.AlignmentClause is { } alignment)
                {
                    constants[alignment.Value.ToString()] = query.Constants(alignment.Value);
                }
            }

            var read = StringExpressions.Read(
                edited,
                part => constants.TryGetValue(part.ToString(), out var value) ? value : default,
                cancellationToken);
            return string.Equals(read.Text, expected, StringComparison.Ordinal);
        }
    }
}
