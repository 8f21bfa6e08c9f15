using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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
        private const int ChunkSize = 4096;

        [ThreadStatic]
        private static char[]? s_chunk;

        /// <summary>
        /// Whether <paramref name="root"/> is marked, given the regions its tree's markers can reach
        /// (<see cref="FindReach"/>): most trees have no marker, and a string outside every region is not read at all.
        /// </summary>
        public static bool IsMarked(ExpressionSyntax root, ImmutableArray<TextSpan> reach)
        {
            if (reach.IsEmpty)
            {
                return false;
            }

            // The last region starting at or before the string: the only one that can hold it (they are disjoint).
            var start = root.SpanStart;
            var low = 0;
            var high = reach.Length - 1;
            var nearest = -1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                if (reach[middle].Start <= start)
                {
                    nearest = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return nearest >= 0 && start < reach[nearest].End && IsMarked(root);
        }

        /// <summary>
        /// Where the <c>lang=promql</c> comments of a tree can mark a string, as sorted, disjoint spans of string
        /// starts: one pass over the text for <c>=promql</c> (any case, spaces around the <c>=</c>), and a look at the
        /// trivia only where that stands.
        /// </summary>
        /// <remarks>
        /// A comment trailing a token reaches only a string starting at the next token. A comment leading a token
        /// reaches strings from that token to the end of its statement or member, where <see cref="IsMarked(ExpressionSyntax)"/>
        /// stops walking up.
        /// </remarks>
        public static ImmutableArray<TextSpan> FindReach(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken);
            var buffer = s_chunk ??= new char[ChunkSize];
            List<TextSpan>? reach = null;
            SyntaxNode? root = null;
            var skipTo = 0;
            for (var offset = 0; offset < text.Length; offset += ChunkSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(ChunkSize, text.Length - offset);
                text.CopyTo(offset, buffer, 0, count);
                // 'q' or 'Q': rare in code, and the fifth letter of "promql".
                for (var j = IndexOfQ(buffer, 0, count); j >= 0; j = IndexOfQ(buffer, j + 1, count))
                {
                    var q = offset + j;
                    if (q < skipTo || !FollowsEquals(text, buffer, offset, count, q))
                    {
                        continue;
                    }

                    root ??= tree.GetRoot(cancellationToken);
                    var trivia = root.FindTrivia(q);
                    if ((trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                        && IsPromQlComment(trivia.ToString()))
                    {
                        skipTo = trivia.Span.End;
                        if (ReachOf(trivia, root) is { } span)
                        {
                            (reach ??= new List<TextSpan>()).Add(span);
                        }
                    }
                }
            }

            return reach is null ? ImmutableArray<TextSpan>.Empty : Merge(reach);
        }

        private static TextSpan? ReachOf(SyntaxTrivia trivia, SyntaxNode root)
        {
            var token = trivia.Token;
            if (token.TrailingTrivia.Span.Contains(trivia.Span))
            {
                var next = token.GetNextToken();
                return next.IsKind(SyntaxKind.None) ? null : new TextSpan(next.SpanStart, 1);
            }

            SyntaxNode? enclosing = token.Parent;
            while (enclosing is not null && enclosing is not (StatementSyntax or MemberDeclarationSyntax))
            {
                enclosing = enclosing.Parent;
            }

            var end = (enclosing ?? root).Span.End;
            return TextSpan.FromBounds(token.SpanStart, Math.Max(end, token.SpanStart + 1));
        }

        private static ImmutableArray<TextSpan> Merge(List<TextSpan> spans)
        {
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var merged = ImmutableArray.CreateBuilder<TextSpan>(spans.Count);
            var current = spans[0];
            for (var i = 1; i < spans.Count; i++)
            {
                if (spans[i].Start <= current.End)
                {
                    current = TextSpan.FromBounds(current.Start, Math.Max(current.End, spans[i].End));
                }
                else
                {
                    merged.Add(current);
                    current = spans[i];
                }
            }

            merged.Add(current);
            return merged.ToImmutable();
        }

        private static int IndexOfQ(char[] buffer, int start, int end)
        {
            var found = buffer.AsSpan(start, end - start).IndexOfAny('q', 'Q');
            return found < 0 ? -1 : start + found;
        }

        /// <summary>Whether the <c>q</c> at <paramref name="q"/> is that of <c>=promql</c>, spaces allowed after the <c>=</c>.</summary>
        private static bool FollowsEquals(SourceText text, char[] buffer, int offset, int count, int q)
        {
            if (q < 5 || q + 1 >= text.Length
                || (At(q + 1) | 0x20) != 'l' || (At(q - 1) | 0x20) != 'm' || (At(q - 2) | 0x20) != 'o'
                || (At(q - 3) | 0x20) != 'r' || (At(q - 4) | 0x20) != 'p')
            {
                return false;
            }

            var i = q - 5;
            while (i > 0 && (At(i) == ' ' || At(i) == '\t'))
            {
                i--;
            }

            return At(i) == '=';

            // Within the chunk from the buffer; the few characters before or after it from the text.
            char At(int position) => position >= offset && position < offset + count ? buffer[position - offset] : text[position];
        }

        /// <summary>The full check, reading the trivia around the string: exact, and what the markers only narrow down.</summary>
        internal static bool IsMarked(ExpressionSyntax root)
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
            var i = LanguageStart(text);
            if (i < 0 || !Match(text, ref i, "promql"))
            {
                return false;
            }

            // The identifier must end here: "promqlx" is another language.
            return i == text.Length || !(char.IsLetterOrDigit(text[i]) || text[i] == '_');
        }

        /// <summary>
        /// Whether a comment's text (with its <c>//</c> or <c>/*</c>) starts with a language marker, <c>lang=</c> or
        /// <c>language=</c>, for any language: such a comment is declaration text for <see cref="Analysis.DeclarationEpochs"/>.
        /// </summary>
        internal static bool HasLanguageMarker(string text) => LanguageStart(text) >= 0;

        /// <summary>Where the language name starts after <c>lang=</c> or <c>language=</c>, or -1 without a marker.</summary>
        private static int LanguageStart(string text)
        {
            var i = 2;
            SkipSpaces(text, ref i);
            if (!Match(text, ref i, "lang"))
            {
                return -1;
            }

            Match(text, ref i, "uage");
            SkipSpaces(text, ref i);
            if (i >= text.Length || text[i] != '=')
            {
                return -1;
            }

            i++;
            SkipSpaces(text, ref i);
            return i;
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

    /// <summary>
    /// The <c>lang=promql</c> comments of one tree, asked by each of its strings: the first few strings read their
    /// own trivia; past those the tree is indexed once (<see cref="LanguageComment.FindReach"/>), which is cheaper
    /// than a trivia walk per string in a file with many strings and dearer in a file with few.
    /// </summary>
    internal sealed class TreeLanguageComments
    {
        private const int WalksBeforeIndex = 8;

        private readonly SyntaxTree _tree;
        private volatile StrongBox<ImmutableArray<TextSpan>>? _reach;
        private int _walks;

        public TreeLanguageComments(SyntaxTree tree) => _tree = tree;

        public bool IsMarked(ExpressionSyntax root)
        {
            var index = _reach;
            if (index is null)
            {
                if (Interlocked.Increment(ref _walks) <= WalksBeforeIndex)
                {
                    return LanguageComment.IsMarked(root);
                }

                index = _reach = new StrongBox<ImmutableArray<TextSpan>>(LanguageComment.FindReach(_tree, CancellationToken.None));
            }

            return LanguageComment.IsMarked(root, index.Value);
        }
    }
}
