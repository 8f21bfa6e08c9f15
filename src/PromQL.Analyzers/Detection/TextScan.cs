using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// The one scan a string costs when it is not PromQL: over the decoded text of its literal parts, looking for
    /// a watched metric prefix and brackets, and noting whether it has parts that are not literal text (holes,
    /// operands). Allocates nothing for a literal or an interpolated string.
    /// </summary>
    internal struct TextScan
    {
        /// <summary>A watched metric prefix stands in the literal text.</summary>
        public bool HasWatchedPrefix;

        /// <summary>A <c>{</c>, <c>(</c> or <c>[</c> stands in the literal text.</summary>
        public bool HasBracket;

        /// <summary>
        /// A bracket follows a name, as in a call, selector or range (<c>rate(</c>, <c>up{</c>, <c>x[</c>, <c>}[</c>), or
        /// opens a part (<c>{job="x"}</c>, <c>{Metric}{{pod="p"}}</c>): the shape of almost every query, and rare in
        /// prose, SQL and log templates (<c>User (id)</c>).
        /// </summary>
        public bool HasQueryShape;

        /// <summary>Interpolation expressions or non-literal operands stand in the string.</summary>
        public bool HasOtherParts;

        /// <summary>
        /// The literal text holds the Prometheus HTTP API's path (<c>/api/v1/</c>, or <c>api/v1/</c> at a part's start):
        /// the string may be a URL with a query written in it (<see cref="UrlQueryLiterals"/>).
        /// </summary>
        public bool HasApiPath;

        /// <summary>
        /// The literal text holds a character other than PromQL's white space (space, tab, line feed, carriage return).
        /// Without it and without other parts the string is empty as a query: never PromQL.
        /// </summary>
        public bool HasText;

        /// <summary>Whether <paramref name="c"/> is white space to PromQL's lexer (<c>isSpace</c> in lex.go).</summary>
        public static bool IsPromQlSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

        /// <summary>Whether <paramref name="text"/> holds nothing but PromQL white space: it is no query.</summary>
        public static bool IsBlank(string text)
        {
            foreach (var c in text)
            {
                if (!IsPromQlSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        public static TextScan Of(ExpressionSyntax root, PromQlAnalyzerOptions options)
        {
            var scan = default(TextScan);
            var expression = root;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    scan.Visit(literal.Token, options);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            scan.Visit(text.TextToken, options);
                        }
                        else
                        {
                            scan.HasOtherParts = true;
                        }
                    }

                    break;
                default:
                    // A concatenation. The flags do not depend on order, so the usual left-leaning chain is walked
                    // down its left spine without allocating; a right operand that is itself a concatenation
                    // (parenthesised on the right) takes the general walk.
                    var current = expression;
                    while (current is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
                    {
                        if (!scan.VisitOperand(add.Right, options))
                        {
                            var collector = new Collector(options);
                            StringExpressions.ForEachPart(root, collector.Visit, collector.Other);
                            return collector.Scan;
                        }

                        current = add.Left;
                        while (current is ParenthesizedExpressionSyntax inner)
                        {
                            current = inner.Expression;
                        }
                    }

                    if (!scan.VisitOperand(current, options))
                    {
                        var collector = new Collector(options);
                        StringExpressions.ForEachPart(root, collector.Visit, collector.Other);
                        return collector.Scan;
                    }

                    break;
            }

            return scan;
        }

        /// <summary>Scans one operand of a concatenation; false when it is a nested concatenation that needs the general walk.</summary>
        private bool VisitOperand(ExpressionSyntax operand, PromQlAnalyzerOptions options)
        {
            while (operand is ParenthesizedExpressionSyntax parenthesized)
            {
                operand = parenthesized.Expression;
            }

            switch (operand)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    Visit(literal.Token, options);
                    return true;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            Visit(text.TextToken, options);
                        }
                        else
                        {
                            HasOtherParts = true;
                        }
                    }

                    return true;
                case BinaryExpressionSyntax nested when nested.IsKind(SyntaxKind.AddExpression):
                    return false;
                default:
                    HasOtherParts = true;
                    return true;
            }
        }

        /// <summary>
        /// <see cref="HasQueryShape"/> for a composite format (<c>string.Format</c>), which the plain scan over-counts: an
        /// item such as the <c>{0}</c> of <c>"{0} of {1} users"</c> is a hole, not a brace, and <c>{{</c> is one brace.
        /// A bracket after a name or an item counts, as one after a hole does. Asked only of a format whose plain scan
        /// found the shape; allocates only for a concatenation.
        /// </summary>
        public static bool FormatHasQueryShape(ExpressionSyntax root) =>
            StringExpressions.AnyLiteralText(root, static text => FormatHasQueryShape(text));

        private static bool FormatHasQueryShape(string text)
        {
            // At the start of a part, what comes before is a hole or another part: a name, as often as not.
            var afterName = true;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var doubled = i + 1 < text.Length && text[i + 1] == c;
                if (c == '{' && !doubled)
                {
                    // An item: a hole, which may be a name.
                    var close = text.IndexOf('}', i);
                    if (close < 0)
                    {
                        return false;
                    }

                    i = close;
                    afterName = true;
                    continue;
                }

                if (c is '{' or '(' or '[' && afterName)
                {
                    return true;
                }

                if (doubled && c is '{' or '}')
                {
                    i++;
                }

                afterName = IsNameEnd(c);
            }

            return false;
        }

        /// <summary>Whether <paramref name="text"/> (a constant's value) has a query's shape, as <see cref="HasQueryShape"/> reads literal text.</summary>
        public static bool TextHasQueryShape(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '{' or '(' or '[' && (i == 0 || IsNameEnd(text[i - 1])))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The interpolation expressions and non-literal operands, for the rare string that needs them.</summary>
        public static List<ExpressionSyntax> OtherParts(ExpressionSyntax root)
        {
            var parts = new List<ExpressionSyntax>();
            StringExpressions.ForEachPart(root, static _ => { }, parts.Add);
            return parts;
        }

        private void Visit(SyntaxToken token, PromQlAnalyzerOptions options)
        {
            // The decoded text, which the compiler already holds: an escape such as \u005f must not hide a prefix.
            var text = token.ValueText;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!HasText && !IsPromQlSpace(c))
                {
                    HasText = true;
                }

                if (c is '{' or '(' or '[')
                {
                    HasBracket = true;
                    // At the start of a part, what comes before is a hole or another part: a name, as often as not.
                    if (i == 0 || IsNameEnd(text[i - 1]))
                    {
                        HasQueryShape = true;
                        break;
                    }
                }
            }

            if (!HasWatchedPrefix && options.HasContentTrigger(text))
            {
                HasWatchedPrefix = true;
            }

            if (!HasApiPath && (text.IndexOf("/api/v1/", StringComparison.Ordinal) >= 0 || text.StartsWith("api/v1/", StringComparison.Ordinal)))
            {
                HasApiPath = true;
            }
        }

        private static bool IsNameEnd(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '}' or ']' or ')';

        private sealed class Collector
        {
            private readonly PromQlAnalyzerOptions _options;
            public TextScan Scan;

            public Collector(PromQlAnalyzerOptions options) => _options = options;

            public void Visit(SyntaxToken token) => Scan.Visit(token, _options);

            public void Other(ExpressionSyntax part) => Scan.HasOtherParts = true;
        }
    }
}
