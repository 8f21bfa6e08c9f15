using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// <c>// lang=promql</c> and <c>/*lang=promql*/</c> (also <c>language=</c>, any case, options after a comma),
    /// where Roslyn looks for <c>lang=regex</c>: the trailing trivia of the token before the string, and the
    /// leading trivia of the string and its ancestors up to the enclosing statement or member declaration.
    /// The whole of a concatenation or interpolation counts as one string.
    /// </summary>
    internal static class LanguageComment
    {
        public static bool IsMarked(ExpressionSyntax root)
        {
            var first = root.GetFirstToken();
            if (HasComment(first.GetPreviousToken().TrailingTrivia))
            {
                return true;
            }

            // A node's leading trivia is its first token's: read it again only where an ancestor starts earlier, so
            // the walk up costs one first-token lookup per distinct start, not one per ancestor.
            if (HasComment(first.LeadingTrivia))
            {
                return true;
            }

            var start = root.SpanStart;
            for (SyntaxNode? node = root; node is not null; node = node.Parent)
            {
                if (node.SpanStart != start)
                {
                    start = node.SpanStart;
                    if (HasComment(node.GetFirstToken().LeadingTrivia))
                    {
                        return true;
                    }
                }

                if (node is StatementSyntax or MemberDeclarationSyntax)
                {
                    break;
                }
            }

            return false;
        }

        private static bool HasComment(SyntaxTriviaList trivia)
        {
            foreach (var t in trivia)
            {
                if ((t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)) && IsPromQlComment(t.ToString()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a comment's text (with its <c>//</c> or <c>/*</c>) says <c>lang=promql</c>.</summary>
        internal static bool IsPromQlComment(string text)
        {
            var i = 2;
            SkipSpaces(text, ref i);
            if (!Match(text, ref i, "lang"))
            {
                return false;
            }

            Match(text, ref i, "uage");
            SkipSpaces(text, ref i);
            if (i >= text.Length || text[i] != '=')
            {
                return false;
            }

            i++;
            SkipSpaces(text, ref i);
            if (!Match(text, ref i, "promql"))
            {
                return false;
            }

            // The identifier must end here: "promqlx" is another language.
            return i == text.Length || !(char.IsLetterOrDigit(text[i]) || text[i] == '_');
        }

        private static void SkipSpaces(string text, ref int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }
        }

        private static bool Match(string text, ref int i, string word)
        {
            if (i + word.Length <= text.Length && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                i += word.Length;
                return true;
            }

            return false;
        }
    }
}
