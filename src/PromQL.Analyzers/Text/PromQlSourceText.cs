using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Text
{
    /// <summary>The PromQL text a C# string expression produces, with the source span of every character.</summary>
    internal sealed class PromQlSourceText
    {
        // Per logical character: where its source starts and how long it is (an escape is longer than one).
        // The arrays may be longer than Text; only the first Text.Length entries count.
        private readonly int[] _sourceStarts;
        private readonly int[] _sourceLengths;
        private readonly int _emptyPosition;

        internal PromQlSourceText(ExpressionSyntax root, string text, int[] sourceStarts, int[] sourceLengths, IReadOnlyList<SourceTextPiece> pieces, bool hasHoles, int emptyPosition)
        {
            Root = root;
            Text = text;
            _sourceStarts = sourceStarts;
            _sourceLengths = sourceLengths;
            Pieces = pieces;
            HasHoles = hasHoles;
            _emptyPosition = emptyPosition;
        }

        /// <summary>The expression that was read.</summary>
        public ExpressionSyntax Root { get; }

        /// <summary>The logical text; a hole of unknown value is one <c>PromQlParser.HoleCharacter</c>.</summary>
        public string Text { get; }

        /// <summary>Whether any hole of unknown value stands in the text.</summary>
        public bool HasHoles { get; }

        /// <summary>
        /// Where the characters came from, in logical (and source) order, covering the text without gaps: one piece
        /// per literal token (possibly empty), per constant and per hole. See <see cref="GetPiece"/>.
        /// </summary>
        public IReadOnlyList<SourceTextPiece> Pieces { get; }

        /// <summary>
        /// The source span of logical characters [start, end): from the first one's source start to the last one's
        /// source end. An empty range gives an empty span where character <paramref name="start"/> begins (at the
        /// end of the text: where the last character's source ends).
        /// </summary>
        public TextSpan GetSourceSpan(int start, int end)
        {
            if (start < 0 || start > Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }

            if (end < start || end > Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(end));
            }

            if (start == end)
            {
                if (start < Text.Length)
                {
                    return new TextSpan(_sourceStarts[start], 0);
                }

                return Text.Length == 0 ? new TextSpan(_emptyPosition, 0) : new TextSpan(SourceEnd(Text.Length - 1), 0);
            }

            return TextSpan.FromBounds(_sourceStarts[start], SourceEnd(end - 1));
        }

        /// <summary>The source span of one logical character (an escape such as <c>\u0041</c> spans six).</summary>
        public TextSpan GetCharSpan(int index)
        {
            if (index < 0 || index >= Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return new TextSpan(_sourceStarts[index], _sourceLengths[index]);
        }

        /// <summary>The piece that logical character <paramref name="index"/> came from.</summary>
        public SourceTextPiece GetPiece(int index)
        {
            if (index < 0 || index >= Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            // Pieces are sorted by Start; find the last one starting at or before index that is not empty.
            int low = 0;
            int high = Pieces.Count - 1;
            while (low < high)
            {
                int middle = low + ((high - low + 1) / 2);
                if (Pieces[middle].Start <= index)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            // Empty pieces share Start with the next piece and sort before it, so the search lands past them.
            return Pieces[low];
        }

        private int SourceEnd(int index) => _sourceStarts[index] + _sourceLengths[index];
    }
}
