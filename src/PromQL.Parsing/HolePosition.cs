using System.Collections.Generic;
using PromQL.Parsing.Lexing;

namespace PromQL.Parsing
{
    /// <summary>
    /// Where a <see cref="PromQlParser.HoleCharacter"/> stands in a query, told by the token it is in: what the value
    /// that fills it at run time must print as for the query to stay valid.
    /// </summary>
    public enum HolePosition
    {
        /// <summary>Anywhere else (an operator's place, a token after a lexer error): nothing is claimed.</summary>
        Other,

        /// <summary>A range or a subquery's range or step (inside <c>[…]</c>), or after <c>offset</c>: a duration.</summary>
        Duration,

        /// <summary>After <c>@</c>: a Unix timestamp in seconds (or <c>start()</c>, <c>end()</c>).</summary>
        At,

        /// <summary>Inside a quoted string (a label value, a function's string argument): any text, once escaped.</summary>
        QuotedString,

        /// <summary>
        /// Where a number literal (or, alone, any expression) stands: a run of only holes and digits outside brackets,
        /// braces and a grouping's parentheses.
        /// </summary>
        Number,

        /// <summary>Part of a name: a metric name, a label name, a function's or an identifier's.</summary>
        Name,
    }

    /// <summary>One hole of a query and where it stands.</summary>
    public readonly struct HoleSite
    {
        /// <summary>A hole at <paramref name="offset"/> standing at <paramref name="position"/>.</summary>
        public HoleSite(int offset, HolePosition position)
        {
            Offset = offset;
            Position = position;
        }

        /// <summary>The hole character's offset in the query text.</summary>
        public int Offset { get; }

        /// <summary>Where it stands.</summary>
        public HolePosition Position { get; }
    }

    /// <summary>The hole positions of a lexed query, one pass over its tokens (no second scan of the text).</summary>
    internal static class HolePositions
    {
        public static IReadOnlyList<HoleSite> Of(TokenList tokens)
        {
            List<HoleSite>? sites = null;
            var text = tokens.Text;
            var brackets = 0;
            var braces = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                switch (token.Kind)
                {
                    case TokenKind.LeftBracket:
                        brackets++;
                        continue;
                    case TokenKind.RightBracket:
                        brackets = brackets > 0 ? brackets - 1 : 0;
                        continue;
                    case TokenKind.LeftBrace:
                        braces = true;
                        continue;
                    case TokenKind.RightBrace:
                        braces = false;
                        continue;
                }

                if (!token.HasHole || token.Kind == TokenKind.Error)
                {
                    continue;
                }

                var position = Classify(tokens, i, brackets > 0, braces);
                for (var c = token.Start; c < token.End && c < text.Length; c++)
                {
                    if (text[c] == PromQlParser.HoleCharacter)
                    {
                        (sites ??= new List<HoleSite>()).Add(new HoleSite(c, position));
                    }
                }
            }

            return sites ?? (IReadOnlyList<HoleSite>)System.Array.Empty<HoleSite>();
        }

        private static HolePosition Classify(TokenList tokens, int index, bool inBrackets, bool inBraces)
        {
            var kind = tokens[index].Kind;
            if (kind == TokenKind.String)
            {
                return HolePosition.QuotedString;
            }

            if (kind == TokenKind.Duration)
            {
                return HolePosition.Duration;
            }

            if (kind == TokenKind.Identifier || kind == TokenKind.MetricIdentifier)
            {
                return HolePosition.Name;
            }

            if (kind != TokenKind.Hole || inBraces)
            {
                return HolePosition.Other;
            }

            var previous = index > 0 ? tokens[index - 1].Kind : TokenKind.EndOfInput;
            if (previous == TokenKind.Sub && index > 1)
            {
                // offset -5m, @ -1: the sign belongs to the value.
                var beforeSign = tokens[index - 2].Kind;
                if (beforeSign == TokenKind.Offset || beforeSign == TokenKind.At)
                {
                    previous = beforeSign;
                }
            }

            if (previous == TokenKind.At)
            {
                return HolePosition.At;
            }

            if (previous == TokenKind.LeftParen && index > 1 && IsGroupingKeyword(tokens[index - 2].Kind))
            {
                return HolePosition.Name;
            }

            return inBrackets || previous == TokenKind.Offset ? HolePosition.Duration : HolePosition.Number;
        }

        private static bool IsGroupingKeyword(TokenKind kind) =>
            kind is TokenKind.By or TokenKind.Without or TokenKind.On or TokenKind.Ignoring or TokenKind.GroupLeft or TokenKind.GroupRight;
    }
}
