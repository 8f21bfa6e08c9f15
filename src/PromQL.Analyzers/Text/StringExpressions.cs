using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Text
{
    // PLACEHOLDER: the agreed API; the text-mapping work replaces this file.

    /// <summary>Which C# expressions make a string we read, and how to read them.</summary>
    internal static class StringExpressions
    {
        /// <summary>
        /// Whether <paramref name="expression"/> is the outermost string expression we read: a string literal
        /// (regular, verbatim, raw; not UTF-8) or an interpolated string whose parent (parentheses aside) is not a
        /// concatenation, or a <c>+</c> concatenation that holds one of those and is not itself part of a larger one.
        /// </summary>
        public static bool IsRoot(ExpressionSyntax expression) => throw new NotImplementedException();

        /// <summary>
        /// Walks a root's parts in source order, for the cheap first scan (no decoding, no allocation): each
        /// string-literal token and interpolated-string-text token goes to <paramref name="literalToken"/> (read its
        /// raw <c>Text</c>); each interpolation's expression and each concatenation operand that is not a string
        /// literal or interpolated string goes to <paramref name="otherPart"/>.
        /// </summary>
        public static void ForEachPart(ExpressionSyntax root, Action<SyntaxToken> literalToken, Action<ExpressionSyntax> otherPart) =>
            throw new NotImplementedException();

        /// <summary>
        /// Reads a root into PromQL text with a source span per character. <paramref name="constantValue"/> gives the
        /// constant value of an interpolation's expression or a non-literal operand (null: every such is a hole).
        /// </summary>
        public static PromQlSourceText Read(ExpressionSyntax root, Func<ExpressionSyntax, Optional<object?>>? constantValue, CancellationToken cancellationToken) =>
            throw new NotImplementedException();
    }
}
