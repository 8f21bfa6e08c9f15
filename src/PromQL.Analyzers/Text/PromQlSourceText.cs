using System;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Text
{
    // PLACEHOLDER: the agreed API; the text-mapping work replaces this file.

    /// <summary>The PromQL text a C# string expression produces, with the source span of every character.</summary>
    internal sealed class PromQlSourceText
    {
        /// <summary>The logical text; a hole of unknown value is one <c>PromQlParser.HoleCharacter</c>.</summary>
        public string Text => throw new NotImplementedException();

        /// <summary>Whether any hole of unknown value stands in the text.</summary>
        public bool HasHoles => throw new NotImplementedException();

        /// <summary>
        /// The source span of logical characters [start, end): from the first one's source start to the last one's
        /// source end. An empty range gives an empty span where character <paramref name="start"/> begins (at the
        /// end of the text: where the last character's source ends).
        /// </summary>
        public TextSpan GetSourceSpan(int start, int end) => throw new NotImplementedException();

        /// <summary>The source span of one logical character (an escape such as <c>\u0041</c> spans six).</summary>
        public TextSpan GetCharSpan(int index) => throw new NotImplementedException();
    }
}
