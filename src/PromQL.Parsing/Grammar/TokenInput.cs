using System;
using System.Collections;
using System.Collections.Generic;
using PromQL.Parsing.Lexing;
using Sprache;

namespace PromQL.Parsing.Grammar
{
    /// <summary>
    /// Sprache input over the token list rather than characters: the grammar matches tokens, as
    /// Prometheus's yacc grammar does, so whitespace, comments and lexer states never reach it.
    /// One instance per token position, shared by every parser that looks there.
    /// </summary>
    internal sealed class TokenInput : IInput
    {
        internal TokenInput(ParseContext context, int index)
        {
            Context = context;
            Index = index;
        }

        public ParseContext Context { get; }

        /// <summary>The token position.</summary>
        public int Index { get; }

        public Token Token => Context.Tokens[Index];

        private IResult<Token>? _tokenResult;
        private IResult<Token>? _tokenMismatch;

        /// <summary>Success on this token, made once: every parser that takes this token shares it.</summary>
        public IResult<Token> TokenResult => _tokenResult ??= Result.Success(Token, Advance());

        /// <summary>A failure here without consuming, made once; callers that report it word their own message.</summary>
        public IResult<Token> TokenMismatch => _tokenMismatch ??= Result.Failure<Token>(this, "unexpected token", Array.Empty<string>());

        public TokenKind Kind => Context.Tokens[Index].Kind;

        /// <summary>The kind of the token after this one (the last token repeats at the end).</summary>
        public TokenKind NextKind => Context.Tokens[Math.Min(Index + 1, Context.Tokens.Count - 1)].Kind;

        public string Source => Context.Text;

        /// <summary>Sprache reads characters; here the "character" is the token kind.</summary>
        public char Current => (char)Kind;

        public bool AtEnd => Kind is TokenKind.EndOfInput or TokenKind.Error;

        /// <summary>The token index: Sprache compares positions to pick the furthest failure.</summary>
        public int Position => Index;

        public int Line => 1;

        public int Column => Index + 1;

        /// <summary>
        /// Memoisation is off: the grammar decides every alternative on the next one or two tokens and
        /// never re-parses a nested expression, so memos would cost allocations without saving work
        /// (and its recursive rules use <see cref="TokenParsers.Ref{T}"/>, which needs none).
        /// </summary>
        public IDictionary<object, object> Memos => NoMemos.Instance;

        public IInput Advance() => AtEnd ? this : Context.InputAt(Index + 1);

        public bool Equals(IInput? other) => other is TokenInput t && ReferenceEquals(t.Context, Context) && t.Index == Index;

        public override bool Equals(object? obj) => obj is IInput other && Equals(other);

        public override int GetHashCode() => Index;

        public override string ToString() => Token.ToString();

        /// <summary>A dictionary that forgets what is stored in it.</summary>
        private sealed class NoMemos : IDictionary<object, object>
        {
            public static readonly NoMemos Instance = new NoMemos();

            public object this[object key]
            {
                get => throw new KeyNotFoundException();
                set { }
            }

            public ICollection<object> Keys => Array.Empty<object>();

            public ICollection<object> Values => Array.Empty<object>();

            public int Count => 0;

            public bool IsReadOnly => false;

            public void Add(object key, object value)
            {
            }

            public void Add(KeyValuePair<object, object> item)
            {
            }

            public void Clear()
            {
            }

            public bool Contains(KeyValuePair<object, object> item) => false;

            public bool ContainsKey(object key) => false;

            public void CopyTo(KeyValuePair<object, object>[] array, int arrayIndex)
            {
            }

            public IEnumerator<KeyValuePair<object, object>> GetEnumerator()
            {
                yield break;
            }

            public bool Remove(object key) => false;

            public bool Remove(KeyValuePair<object, object> item) => false;

            public bool TryGetValue(object key, out object value)
            {
                value = null!;
                return false;
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
