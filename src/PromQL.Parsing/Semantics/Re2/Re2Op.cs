namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>
    /// Node kinds of Go's regexp/syntax parse tree, in Go's order: the parser compares them
    /// (a "more complex" class absorbs a simpler one), so the numeric order matters.
    /// </summary>
    internal enum Re2Op : byte
    {
        NoMatch = 1,
        EmptyMatch,
        Literal,
        CharClass,
        AnyCharNotNL,
        AnyChar,
        BeginLine,
        EndLine,
        BeginText,
        EndText,
        WordBoundary,
        NoWordBoundary,
        Capture,
        Star,
        Plus,
        Quest,
        Repeat,
        Concat,
        Alternate,

        /// <summary>Parse-stack marker for an open parenthesis (Go's opLeftParen).</summary>
        LeftParen = 128,

        /// <summary>Parse-stack marker for a pending alternation (Go's opVerticalBar).</summary>
        VerticalBar,
    }
}
