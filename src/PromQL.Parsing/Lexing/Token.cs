namespace PromQL.Parsing.Lexing
{
    /// <summary>One lexed item: its kind and where it stands in the input (UTF-16 offsets).</summary>
    internal readonly struct Token
    {
        public Token(TokenKind kind, int start, int length, bool hasHole = false)
        {
            Kind = kind;
            Start = start;
            Length = length;
            HasHole = hasHole;
        }

        public TokenKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>Whether the token's text contains <see cref="PromQlParser.HoleCharacter"/>.</summary>
        public bool HasHole { get; }

        public override string ToString() => $"{Kind}@{Start}+{Length}";
    }
}
