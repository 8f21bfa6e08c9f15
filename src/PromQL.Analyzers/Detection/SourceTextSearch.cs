using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// Finds words in a tree's text without building its syntax nodes: walking the nodes of a file allocates about
    /// 56 bytes a node every time (Roslyn does not keep them), copying its text into a reused buffer allocates none.
    /// </summary>
    internal static class SourceTextSearch
    {
        private const int ChunkLength = 16 * 1024;

        [ThreadStatic]
        private static char[]? s_buffer;

        /// <summary>
        /// The positions where any of <paramref name="needles"/> starts, in order; null when there is none. With
        /// <paramref name="wholeWord"/>, only where no identifier character stands right before or after it.
        /// </summary>
        public static List<int>? Find(SourceText text, IReadOnlyList<string> needles, bool wholeWord, CancellationToken cancellationToken)
        {
            var longest = 0;
            foreach (var needle in needles)
            {
                longest = Math.Max(longest, needle.Length);
            }

            if (longest == 0 || text.Length == 0)
            {
                return null;
            }

            // Chunks overlap by the longest needle and a character each side, so nothing is missed at a boundary.
            var overlap = longest + 1;
            var buffer = s_buffer;
            if (buffer is null || buffer.Length < ChunkLength + overlap + 1)
            {
                // Sized for the longest needle seen on this thread: a longer one later needs a larger buffer.
                s_buffer = buffer = new char[ChunkLength + overlap + 1 + 64];
            }

            List<int>? found = null;
            for (var start = 0; start < text.Length; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = Math.Max(0, start - 1);
                var count = Math.Min(text.Length - from, ChunkLength + overlap + 1);
                text.CopyTo(from, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                foreach (var needle in needles)
                {
                    var offset = 0;
                    while (offset < count)
                    {
                        var index = chunk.Slice(offset).IndexOf(needle.AsSpan(), StringComparison.Ordinal);
                        if (index < 0)
                        {
                            break;
                        }

                        var at = offset + index;
                        var position = from + at;
                        offset = at + 1;

                        // Each match is counted in the chunk where it starts, past the character of overlap before it.
                        if (position < start || position >= start + ChunkLength)
                        {
                            continue;
                        }

                        if (wholeWord && ((at > 0 && IsIdentifierPart(chunk[at - 1])) || (at + needle.Length < count && IsIdentifierPart(chunk[at + needle.Length]))))
                        {
                            continue;
                        }

                        (found ??= new List<int>()).Add(position);
                    }
                }
            }

            found?.Sort();
            return found;
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
