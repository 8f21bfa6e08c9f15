using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// What a string's text went through after C# decoded it, on the way to the query: a code fix must write a
    /// character back through each of them.
    /// </summary>
    [System.Flags]
    internal enum SourceTextLayers
    {
        /// <summary>The C# string's own text is the query's.</summary>
        None = 0,

        /// <summary>A composite format string (<c>string.Format</c>): a brace of the query is <c>{{</c> or <c>}}</c>.</summary>
        CompositeFormat = 1,

        /// <summary>A URL's query-string value: a character of the query may be <c>%XX</c>, a space may be <c>+</c>.</summary>
        QueryString = 2,
    }

    /// <summary>Where a run of logical characters came from, so a code fix knows how to escape what it inserts.</summary>
    internal enum SourceTextPieceKind
    {
        /// <summary>A regular string literal <c>"..."</c>: backslash escapes.</summary>
        Regular,

        /// <summary>A verbatim string literal <c>@"..."</c>: <c>""</c> stands for a quote.</summary>
        Verbatim,

        /// <summary>A raw string literal <c>"""..."""</c> (single- or multi-line): no escapes at all.</summary>
        Raw,

        /// <summary>A text part of <c>$"..."</c>: backslash escapes, <c>{{</c> and <c>}}</c>.</summary>
        InterpolatedRegular,

        /// <summary>A text part of <c>$@"..."</c>: <c>""</c>, <c>{{</c> and <c>}}</c>.</summary>
        InterpolatedVerbatim,

        /// <summary>A text part of <c>$"""..."""</c> with <see cref="SourceTextPiece.DollarCount"/> dollars: no escapes.</summary>
        InterpolatedRaw,

        /// <summary>The text of a constant (interpolation or concatenation operand), every character mapping to its whole span.</summary>
        Constant,

        /// <summary>One <c>PromQlParser.HoleCharacter</c> for a value unknown until run time.</summary>
        Hole,
    }

    /// <summary>
    /// A run of logical characters [<see cref="Start"/>, <see cref="End"/>) read from one literal token, one
    /// constant or one hole. Literal tokens with no characters (<c>""</c>) get an empty piece too, so every
    /// literal token of the expression appears once, in source order. Text read further (a composite format, a URL's
    /// query string: see <see cref="Layers"/>) may split a token's characters into several pieces, or drop some.
    /// </summary>
    internal sealed class SourceTextPiece
    {
        internal SourceTextPiece(int start, int length, SourceTextPieceKind kind, SyntaxToken token, SyntaxNode? node, int dollarCount, int quoteCount, bool isMultiLine, SourceTextLayers layers = SourceTextLayers.None)
        {
            Layers = layers;
            Start = start;
            Length = length;
            Kind = kind;
            Token = token;
            Node = node;
            DollarCount = dollarCount;
            QuoteCount = quoteCount;
            IsMultiLine = isMultiLine;
        }

        /// <summary>The first logical character of the run.</summary>
        public int Start { get; }

        /// <summary>How many logical characters the run holds.</summary>
        public int Length { get; }

        /// <summary>One past the last logical character of the run.</summary>
        public int End => Start + Length;

        /// <summary>How the characters were written in source.</summary>
        public SourceTextPieceKind Kind { get; }

        /// <summary>
        /// The literal token the characters were read from: the string literal token, or the
        /// interpolated-string text token; <c>default</c> for <see cref="SourceTextPieceKind.Constant"/> and
        /// <see cref="SourceTextPieceKind.Hole"/>, and for the empty piece of an interpolated string with no
        /// content at all (<c>$""</c>, whose <see cref="Node"/> is then the interpolated string).
        /// </summary>
        public SyntaxToken Token { get; }

        /// <summary>
        /// For a constant or a hole, the node whose span every character maps to: the <c>InterpolationSyntax</c>
        /// or the concatenation operand. Null for literal pieces, and for the hole of a composite format item
        /// (<c>{0}</c>), which is text of a literal.
        /// </summary>
        public SyntaxNode? Node { get; }

        /// <summary>The number of <c>$</c> of an interpolated string (1 for <c>$"..."</c>); 0 when not interpolated.</summary>
        public int DollarCount { get; }

        /// <summary>The number of quotes that delimit a raw string (3 or more); 0 for the other kinds.</summary>
        public int QuoteCount { get; }

        /// <summary>Whether a raw string spans several lines (its content lines carry the closing line's indentation).</summary>
        public bool IsMultiLine { get; }

        /// <summary>What the characters went through after C# decoded them (a composite format, a URL's query string).</summary>
        public SourceTextLayers Layers { get; }
    }
}
