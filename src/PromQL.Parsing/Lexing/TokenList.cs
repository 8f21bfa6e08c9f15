using System.Collections.Generic;

namespace PromQL.Parsing.Lexing
{
    /// <summary>
    /// The tokens of a query, comments dropped, always ending with <see cref="TokenKind.EndOfInput"/> or
    /// <see cref="TokenKind.Error"/>.
    /// </summary>
    internal sealed class TokenList
    {
        public TokenList(string text, Token[] tokens, int count, string? errorMessage)
        {
            Text = text;
            Tokens = tokens;
            Count = count;
            ErrorMessage = errorMessage;
        }

        public string Text { get; }

        /// <summary>The tokens; only the first <see cref="Count"/> are used.</summary>
        public Token[] Tokens { get; }

        public int Count { get; }

        /// <summary>The lexer's message when the last token is <see cref="TokenKind.Error"/>.</summary>
        public string? ErrorMessage { get; }

        public Token this[int index] => Tokens[index];

        public string TextOf(in Token token) => Text.Substring(token.Start, token.Length);
    }
}
