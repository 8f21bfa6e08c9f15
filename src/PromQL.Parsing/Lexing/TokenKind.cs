namespace PromQL.Parsing.Lexing
{
    /// <summary>The lexer's item types, named after Prometheus's (<c>promql/parser/lex.go</c>).</summary>
    internal enum TokenKind : byte
    {
        EndOfInput,
        /// <summary>A lexer error; <see cref="TokenList.ErrorMessage"/> says what. Always the last token.</summary>
        Error,
        Identifier,
        /// <summary>An identifier with a colon (<c>job:rate5m</c>).</summary>
        MetricIdentifier,
        Number,
        Duration,
        String,
        /// <summary>An interpolation hole standing alone (only hole characters).</summary>
        Hole,

        LeftParen,
        RightParen,
        LeftBrace,
        RightBrace,
        LeftBracket,
        RightBracket,
        Comma,
        /// <summary><c>=</c> (label matching, not comparison).</summary>
        Eql,
        Colon,

        // Operators.
        Add,
        Sub,
        Mul,
        Div,
        Mod,
        Pow,
        /// <summary><c>==</c></summary>
        Eqlc,
        Neq,
        Lss,
        Lte,
        Gtr,
        Gte,
        /// <summary><c>&lt;/</c></summary>
        TrimUpper,
        /// <summary><c>&gt;/</c></summary>
        TrimLower,
        EqlRegex,
        NeqRegex,
        At,
        Atan2,
        And,
        Or,
        Unless,

        // Aggregators.
        Avg,
        Bottomk,
        Count,
        CountValues,
        Group,
        Max,
        Min,
        Quantile,
        Stddev,
        Stdvar,
        Sum,
        Topk,
        Limitk,
        LimitRatio,

        // Keywords.
        Bool,
        By,
        GroupLeft,
        GroupRight,
        Fill,
        FillLeft,
        FillRight,
        Ignoring,
        Offset,
        Smoothed,
        Anchored,
        On,
        Without,

        // Preprocessors.
        Start,
        End,
        Step,
        Range,
        MaxOf,
        MinOf,
    }
}
