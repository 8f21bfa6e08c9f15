using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Text
{
    /// <summary>Which C# expressions make a string we read, and how to read them.</summary>
    /// <remarks>
    /// A <c>+</c> is a string concatenation when either side is string-typed by syntax alone: a string literal,
    /// an interpolated string, or (through parentheses) another such concatenation. So <c>1 + 2 + "x"</c> is
    /// <c>(1 + 2) + "x"</c>: the numeric <c>1 + 2</c> is one operand. Every walk here is iterative: chains of
    /// thousands of operands must not overflow the stack. (Concatenations nested deeply on the right inside
    /// parentheses, <c>"a" + ("b" + ("c" + ...))</c>, cost time quadratic in the depth, never stack.)
    /// </remarks>
    internal static class StringExpressions
    {
        // Widths beyond this are not worth materializing (an analyzer must not allocate gigabytes): a hole instead.
        private const int MaxAlignment = 4096;

        /// <summary>
        /// Whether <paramref name="expression"/> is the outermost string expression we read: a string literal
        /// (regular, verbatim, raw; not UTF-8) or an interpolated string whose parent (parentheses aside) is not a
        /// concatenation, or a <c>+</c> concatenation that holds one of those and is not itself part of a larger one.
        /// </summary>
        public static bool IsRoot(ExpressionSyntax expression)
        {
            switch (expression.Kind())
            {
                case SyntaxKind.StringLiteralExpression:
                case SyntaxKind.InterpolatedStringExpression:
                    // A string operand of a + makes that + a concatenation: the + is the root, not this.
                    return !IsAddOperand(expression);
                case SyntaxKind.AddExpression:
                    // Under another +, this is either part of that concatenation (when it is string-typed, so is
                    // its parent) or no concatenation at all: never a root.
                    return !IsAddOperand(expression) && ContainsStringLeaf(expression);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether the value text of any literal part of <paramref name="root"/> satisfies <paramref name="test"/>: a
        /// literal's, an interpolated string's text parts, a concatenation's operands. Allocates only for a concatenation.
        /// </summary>
        public static bool AnyLiteralText(ExpressionSyntax root, Func<string, bool> test)
        {
            var expression = root;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return test(literal.Token.ValueText);
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text && test(text.TextToken.ValueText))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    var found = false;
                    ForEachPart(root, token => found |= test(token.ValueText), static _ => { });
                    return found;
            }
        }

        /// <summary>
        /// Walks a root's parts in source order, for the cheap first scan (no decoding, no allocation): each
        /// string-literal token and interpolated-string-text token goes to <paramref name="literalToken"/> (read its
        /// raw <c>Text</c>); each interpolation's expression and each concatenation operand that is not a string
        /// literal or interpolated string goes to <paramref name="otherPart"/>.
        /// </summary>
        /// <remarks>A concatenation allocates a small work list; a single literal or interpolated string does not.</remarks>
        public static void ForEachPart(ExpressionSyntax root, Action<SyntaxToken> literalToken, Action<ExpressionSyntax> otherPart)
        {
            ExpressionSyntax expression = SkipParentheses(root);
            if (!IsConcatenation(expression))
            {
                VisitPart(root, literalToken, otherPart);
                return;
            }

            var walker = new ConcatenationWalker();
            walker.Start((BinaryExpressionSyntax)expression);
            while (walker.TryNext(out ExpressionSyntax? part))
            {
                VisitPart(part!, literalToken, otherPart);
            }
        }

        /// <summary>
        /// Reads a root into PromQL text with a source span per character. <paramref name="constantValue"/> gives the
        /// constant value of an interpolation's expression or a non-literal operand (null: every such is a hole).
        /// </summary>
        /// <remarks>
        /// Constants substituted: strings (null is empty), chars, integral numbers (invariant culture) and booleans
        /// (<c>True</c>/<c>False</c>, as C# prints them). Everything else is one hole character.
        /// </remarks>
        public static PromQlSourceText Read(ExpressionSyntax root, Func<ExpressionSyntax, Optional<object?>>? constantValue, CancellationToken cancellationToken)
        {
            ExpressionSyntax expression = SkipParentheses(root);
            if (!IsConcatenation(expression))
            {
                int capacity = expression is LiteralExpressionSyntax literal ? literal.Token.Text.Length : Math.Min(expression.Span.Length, 1024);
                var single = new SourceTextBuilder(capacity);
                ReadPart(single, root, constantValue, cancellationToken);
                return single.ToSourceText(root);
            }

            var builder = new SourceTextBuilder(Math.Min(expression.Span.Length, 1024));
            var walker = new ConcatenationWalker();
            walker.Start((BinaryExpressionSyntax)expression);
            int parts = 0;
            while (walker.TryNext(out ExpressionSyntax? part))
            {
                if ((++parts & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                ReadPart(builder, part!, constantValue, cancellationToken);
            }

            return builder.ToSourceText(root);
        }

        /// <summary>
        /// The <c>constantValue</c> to pass to <see cref="Read"/>: the compiler's constant, except for enum-typed
        /// expressions (their constant is the underlying number, but C# prints the member name).
        /// </summary>
        public static Func<ExpressionSyntax, Optional<object?>> ConstantValuesFrom(SemanticModel model, CancellationToken cancellationToken) =>
            expression =>
            {
                Optional<object?> value = model.GetConstantValue(expression, cancellationToken);
                if (value.HasValue && value.Value != null && !(value.Value is string)
                    && model.GetTypeInfo(expression, cancellationToken).Type?.TypeKind == TypeKind.Enum)
                {
                    return default;
                }

                return value;
            };

        private static bool IsAddOperand(ExpressionSyntax expression)
        {
            SyntaxNode? parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent.IsKind(SyntaxKind.AddExpression);
        }

        private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>A string literal we read (not UTF-8: that kind is Utf8StringLiteralExpression) or an interpolated string.</summary>
        private static bool IsStringLeaf(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.StringLiteralExpression) || expression.IsKind(SyntaxKind.InterpolatedStringExpression);

        private static bool IsConcatenation(ExpressionSyntax expression) =>
            expression.IsKind(SyntaxKind.AddExpression) && ContainsStringLeaf(expression);

        /// <summary>
        /// Whether a string leaf sits anywhere in the tree of <c>+</c> (through parentheses) under
        /// <paramref name="expression"/>: exactly when the expression is string-typed by syntax.
        /// </summary>
        private static bool ContainsStringLeaf(ExpressionSyntax expression)
        {
            Stack<ExpressionSyntax>? pending = null;
            ExpressionSyntax? current = expression;
            while (true)
            {
                // Down the left spine, looking at right operands first: in a chain the string is usually there.
                while (current != null)
                {
                    current = SkipParentheses(current);
                    if (IsStringLeaf(current))
                    {
                        return true;
                    }

                    if (current is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
                    {
                        ExpressionSyntax right = SkipParentheses(add.Right);
                        if (IsStringLeaf(right))
                        {
                            return true;
                        }

                        if (right.IsKind(SyntaxKind.AddExpression))
                        {
                            (pending ??= new Stack<ExpressionSyntax>()).Push(right);
                        }

                        current = add.Left;
                    }
                    else
                    {
                        current = null;
                    }
                }

                if (pending == null || pending.Count == 0)
                {
                    return false;
                }

                current = pending.Pop();
            }
        }

        private static void VisitPart(ExpressionSyntax part, Action<SyntaxToken> literalToken, Action<ExpressionSyntax> otherPart)
        {
            ExpressionSyntax expression = SkipParentheses(part);
            if (expression.IsKind(SyntaxKind.StringLiteralExpression))
            {
                literalToken(((LiteralExpressionSyntax)expression).Token);
            }
            else if (expression is InterpolatedStringExpressionSyntax interpolated)
            {
                foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        literalToken(text.TextToken);
                    }
                    else
                    {
                        otherPart(((InterpolationSyntax)content).Expression);
                    }
                }
            }
            else
            {
                otherPart(part);
            }
        }

        private static void ReadPart(SourceTextBuilder builder, ExpressionSyntax part, Func<ExpressionSyntax, Optional<object?>>? constantValue, CancellationToken cancellationToken)
        {
            ExpressionSyntax expression = SkipParentheses(part);
            if (expression.IsKind(SyntaxKind.StringLiteralExpression))
            {
                ReadLiteral(builder, ((LiteralExpressionSyntax)expression).Token);
            }
            else if (expression is InterpolatedStringExpressionSyntax interpolated)
            {
                ReadInterpolated(builder, interpolated, constantValue, cancellationToken);
            }
            else
            {
                string? text = constantValue == null ? null : FormatConstant(constantValue(part));
                if (text != null)
                {
                    builder.AppendConstant(text, part.Span, part);
                }
                else
                {
                    builder.AppendHole(part.Span, part);
                }
            }
        }

        private static void ReadLiteral(SourceTextBuilder builder, SyntaxToken token)
        {
            string text = token.Text;
            int origin = token.SpanStart;
            switch (token.Kind())
            {
                case SyntaxKind.SingleLineRawStringLiteralToken:
                {
                    LiteralDecoder.GetSingleLineRawContent(text, out int quotes, out int start, out int end);
                    builder.BeginPiece(SourceTextPieceKind.Raw, token, null, 0, quotes, false, origin + start);
                    bool atLineStart = false;
                    LiteralDecoder.AppendRaw(builder, text, start, end, origin, 0, ref atLineStart);
                    break;
                }

                case SyntaxKind.MultiLineRawStringLiteralToken:
                {
                    LiteralDecoder.GetMultiLineRawContent(text, out int quotes, out int start, out int end, out int indentation);
                    builder.BeginPiece(SourceTextPieceKind.Raw, token, null, 0, quotes, true, origin + start);
                    bool atLineStart = true;
                    LiteralDecoder.AppendRaw(builder, text, start, end, origin, indentation, ref atLineStart);
                    break;
                }

                default:
                    if (text.StartsWith("@", StringComparison.Ordinal))
                    {
                        int start = text.Length > 1 && text[1] == '"' ? 2 : 1;
                        builder.BeginPiece(SourceTextPieceKind.Verbatim, token, null, 0, 0, false, origin + start);
                        LiteralDecoder.AppendVerbatim(builder, text, start, origin, isLiteral: true, braces: false);
                    }
                    else
                    {
                        int start = text.StartsWith("\"", StringComparison.Ordinal) ? 1 : 0;
                        builder.BeginPiece(SourceTextPieceKind.Regular, token, null, 0, 0, false, origin + start);
                        LiteralDecoder.AppendRegular(builder, text, start, origin, isLiteral: true, braces: false);
                    }

                    break;
            }

            builder.EndPiece();
        }

        private static void ReadInterpolated(SourceTextBuilder builder, InterpolatedStringExpressionSyntax interpolated, Func<ExpressionSyntax, Optional<object?>>? constantValue, CancellationToken cancellationToken)
        {
            SyntaxToken startToken = interpolated.StringStartToken;
            string startText = startToken.Text;
            SourceTextPieceKind kind;
            int dollars = LiteralDecoder.CountLeading(startText, startText.StartsWith("@", StringComparison.Ordinal) ? 1 : 0, '$');
            int quotes = 0;
            bool isMultiLine = false;
            int indentation = 0;
            switch (startToken.Kind())
            {
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                    kind = SourceTextPieceKind.InterpolatedVerbatim;
                    break;
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                    kind = SourceTextPieceKind.InterpolatedRaw;
                    quotes = LiteralDecoder.CountLeading(startText, dollars, '"');
                    break;
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    kind = SourceTextPieceKind.InterpolatedRaw;
                    quotes = LiteralDecoder.CountLeading(startText, dollars, '"');
                    isMultiLine = true;
                    indentation = LiteralDecoder.GetClosingIndentation(interpolated.StringEndToken.Text);
                    break;
                default:
                    kind = SourceTextPieceKind.InterpolatedRegular;
                    break;
            }

            // The multi-line start token holds the opening line's break, so the first text starts a line.
            bool atLineStart = isMultiLine;
            int interpolations = 0;
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax textSyntax)
                {
                    SyntaxToken token = textSyntax.TextToken;
                    string text = token.Text;
                    int origin = token.SpanStart;
                    builder.BeginPiece(kind, token, null, dollars, quotes, isMultiLine, origin);
                    switch (kind)
                    {
                        case SourceTextPieceKind.InterpolatedRegular:
                            LiteralDecoder.AppendRegular(builder, text, 0, origin, isLiteral: false, braces: true);
                            break;
                        case SourceTextPieceKind.InterpolatedVerbatim:
                            LiteralDecoder.AppendVerbatim(builder, text, 0, origin, isLiteral: false, braces: true);
                            break;
                        default:
                            LiteralDecoder.AppendRaw(builder, text, 0, text.Length, origin, indentation, ref atLineStart);
                            break;
                    }

                    builder.EndPiece();
                }
                else
                {
                    if ((++interpolations & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var interpolation = (InterpolationSyntax)content;
                    string? value = constantValue == null ? null : FormatInterpolation(interpolation, constantValue);
                    if (value != null)
                    {
                        builder.AppendConstant(value, interpolation.Span, interpolation);
                    }
                    else
                    {
                        builder.AppendHole(interpolation.Span, interpolation);
                    }

                    atLineStart = false;
                }
            }

            if (interpolated.Contents.Count == 0)
            {
                // No text token at all ($""): an empty piece still records where the content goes.
                builder.BeginPiece(kind, default, interpolated, dollars, quotes, isMultiLine, startToken.Span.End);
                builder.EndPiece();
            }
        }

        /// <summary>The text of <c>{expr,alignment:format}</c> when all of it is constant; null for a hole.</summary>
        private static string? FormatInterpolation(InterpolationSyntax interpolation, Func<ExpressionSyntax, Optional<object?>> constantValue)
        {
            Optional<object?> value = constantValue(interpolation.Expression);
            if (!value.HasValue)
            {
                return null;
            }

            // A format applies to numbers (culture- and format-dependent): only strings ignore it.
            string? text = value.Value == null || value.Value is string || interpolation.FormatClause == null
                ? FormatConstant(value)
                : null;
            if (text == null || interpolation.AlignmentClause == null)
            {
                return text;
            }

            Optional<object?> alignment = constantValue(interpolation.AlignmentClause.Value);
            if (!alignment.HasValue || !TryGetInteger(alignment.Value, out long width) || width > MaxAlignment || width < -MaxAlignment)
            {
                return null;
            }

            int padding = (int)Math.Abs(width) - text.Length;
            if (padding <= 0)
            {
                return text;
            }

            return width > 0 ? new string(' ', padding) + text : text + new string(' ', padding);
        }

        /// <summary>How C# prints a constant in an interpolation or a concatenation; null when we do not know.</summary>
        private static string? FormatConstant(Optional<object?> value)
        {
            if (!value.HasValue)
            {
                return null;
            }

            switch (value.Value)
            {
                case null:
                    return string.Empty;
                case string text:
                    return text;
                case char c:
                    return c.ToString();
                case bool b:
                    return b ? bool.TrueString : bool.FalseString;
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                    return ((IFormattable)value.Value).ToString(null, CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        private static bool TryGetInteger(object? value, out long result)
        {
            switch (value)
            {
                case int i: result = i; return true;
                case long l: result = l; return true;
                case short s: result = s; return true;
                case sbyte sb: result = sb; return true;
                case byte b: result = b; return true;
                case ushort us: result = us; return true;
                case uint ui: result = ui; return true;
                case char c: result = c; return true;
                default: result = 0; return false;
            }
        }

        /// <summary>
        /// Yields the operands of a concatenation in source order, flattening nested string concatenations
        /// (through parentheses) and keeping a non-string <c>+</c> (such as the <c>1 + 2</c> of <c>1 + 2 + "x"</c>)
        /// as one operand. Iterative: an explicit stack of operands still to yield.
        /// </summary>
        private sealed class ConcatenationWalker
        {
            private readonly Stack<Operand> _pending = new Stack<Operand>();
            private readonly List<BinaryExpressionSyntax> _spine = new List<BinaryExpressionSyntax>();

            public void Start(BinaryExpressionSyntax concatenation) => _pending.Push(new Operand(concatenation, true));

            public bool TryNext(out ExpressionSyntax? part)
            {
                while (_pending.Count > 0)
                {
                    Operand operand = _pending.Pop();
                    if (!operand.IsConcatenation)
                    {
                        part = operand.Expression;
                        return true;
                    }

                    PushOperands(operand.Expression);
                }

                part = null;
                return false;
            }

            private void PushOperands(ExpressionSyntax concatenation)
            {
                // The left spine, top down: _spine[k].Right is operand (count - k) in source order; bottom is operand 0.
                _spine.Clear();
                ExpressionSyntax bottom = concatenation;
                while (SkipParentheses(bottom) is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
                {
                    _spine.Add(add);
                    bottom = add.Left;
                }

                // The first string-typed operand in source order: what precedes it is numeric, one operand.
                int count = _spine.Count;
                int first = IsStringLeaf(SkipParentheses(bottom)) ? 0 : -1;
                for (int k = 1; first < 0 && k <= count; k++)
                {
                    if (ContainsStringLeaf(_spine[count - k].Right))
                    {
                        first = k;
                    }
                }

                if (first < 0)
                {
                    // Not a concatenation after all (a misused root): one operand.
                    _pending.Push(new Operand(concatenation, false));
                    return;
                }

                // Push in reverse source order so they pop in source order.
                for (int k = count; k >= Math.Max(first, 1); k--)
                {
                    ExpressionSyntax right = _spine[count - k].Right;
                    bool nested = k == first || SkipParentheses(right).IsKind(SyntaxKind.AddExpression);
                    _pending.Push(new Operand(right, nested && IsConcatenationCandidate(right, k == first)));
                }

                if (first == 0)
                {
                    _pending.Push(new Operand(bottom, false));
                }
                else
                {
                    // Operands 0 .. first-1 make the numeric left side of the + whose right is operand `first`.
                    _pending.Push(new Operand(_spine[count - first].Left, false));
                }
            }

            private static bool IsConcatenationCandidate(ExpressionSyntax operand, bool knownStringTyped)
            {
                ExpressionSyntax expression = SkipParentheses(operand);
                return expression.IsKind(SyntaxKind.AddExpression) && (knownStringTyped || ContainsStringLeaf(expression));
            }

            private readonly struct Operand
            {
                public Operand(ExpressionSyntax expression, bool isConcatenation)
                {
                    Expression = expression;
                    IsConcatenation = isConcatenation;
                }

                public ExpressionSyntax Expression { get; }

                public bool IsConcatenation { get; }
            }
        }
    }
}
