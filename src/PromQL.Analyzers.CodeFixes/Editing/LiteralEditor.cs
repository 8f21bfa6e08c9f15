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
    /// null) whenever an edit would touch a hole or a constant, or need characters the token cannot hold, and
    /// checks its own result: the edited expression must parse as C# without errors and read back to exactly the
    /// edited query. Edits may fall on either side of a <c>+</c>: each lands in the literal that holds its characters.
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
        /// Whether the piece's characters were written in a literal token (not a hole, not a constant), where an edit
        /// can be written: not in a URL's query string, whose characters may be percent-encoded.
        /// </summary>
        public static bool IsLiteral(SourceTextPiece piece) =>
            piece.Kind != SourceTextPieceKind.Constant && piece.Kind != SourceTextPieceKind.Hole && piece.Token != default
            && (piece.Layers & SourceTextLayers.QueryString) == 0;

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
                var span = i == piece.Start && runEnd == piece.End ? WholeOperand(piece) : null;
                changes.Add(new TextChange(span ?? text.GetSourceSpan(i, runEnd), string.Empty));
                i = runEnd;
            }

            return true;
        }

        // A literal operand of + left with no characters goes, with its +: "sum(" + Metric + "…" becomes Metric + "…".
        // Not a piece of a token read further (a format's items split a token into pieces): the token holds more.
        private static TextSpan? WholeOperand(SourceTextPiece piece)
        {
            if (piece.Layers != SourceTextLayers.None || piece.Token.Parent is not LiteralExpressionSyntax literal || literal.Parent is not BinaryExpressionSyntax binary
                || !binary.IsKind(SyntaxKind.AddExpression))
            {
                return null;
            }

            return binary.Left == literal
                ? TextSpan.FromBounds(literal.SpanStart, binary.Right.SpanStart)
                : TextSpan.FromBounds(binary.Left.Span.End, literal.Span.End);
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
            var format = (piece.Layers & SourceTextLayers.CompositeFormat) != 0;
            foreach (var c in logical)
            {
                if (c == '\r' || c == '\n' || c == PromQL.Parsing.PromQlParser.HoleCharacter)
                {
                    return null;
                }

                if (format && (c == '{' || c == '}'))
                {
                    // A composite format's brace is written twice; in an interpolated string that would take four.
                    if (piece.Kind is not (SourceTextPieceKind.Regular or SourceTextPieceKind.Verbatim or SourceTextPieceKind.Raw))
                    {
                        return null;
                    }

                    builder.Append(c).Append(c);
                    continue;
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

            // Read as the located string was: a composite format decoded again.
            var read = query.Reading.Read(
                edited,
                part => constants.TryGetValue(part.ToString(), out var value) ? value : default,
                cancellationToken);
            return read is not null && string.Equals(read.Text, expected, StringComparison.Ordinal);
        }
    }
}
