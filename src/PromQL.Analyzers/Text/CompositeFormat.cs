using System.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// .NET composite format strings (<c>string.Format</c>, <c>CompositeFormat.Parse</c>): <c>{{</c> and <c>}}</c> stand
    /// for braces, and <c>{index[,alignment][:format]}</c> is an item filled from the arguments. The grammar is the one
    /// .NET 8 and later parse (<c>ValueStringBuilder.AppendFormatHelper</c>): what it throws a <c>FormatException</c> for
    /// is malformed here too.
    /// </summary>
    internal static class CompositeFormat
    {
        /// <summary>.NET's limit on an item's index and alignment: it stops reading digits there.</summary>
        private const int Limit = 1000000;

        /// <summary>
        /// The text of <paramref name="format"/> before the first item of index <paramref name="item"/>, braces decoded
        /// and every other item a <see cref="PromQlParser.HoleCharacter"/>; null when the format has no such item or
        /// is not a valid composite format before it.
        /// </summary>
        public static string? TextBefore(string format, int item)
        {
            var text = new StringBuilder(format.Length);
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '}')
                {
                    if (i + 1 < format.Length && format[i + 1] == '}')
                    {
                        text.Append('}');
                        i++;
                        continue;
                    }

                    return null;
                }

                if (c != '{')
                {
                    text.Append(c);
                    continue;
                }

                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    text.Append('{');
                    i++;
                    continue;
                }

                if (!TryReadItem(format, i, out var index, out var end))
                {
                    return null;
                }

                if (index == item)
                {
                    return text.ToString();
                }

                text.Append(PromQlParser.HoleCharacter);
                i = end - 1;
            }

            return null;
        }

        /// <summary>
        /// <paramref name="text"/> read as a composite format: <c>{{</c> and <c>}}</c> become one brace that maps to both
        /// source characters, and each item becomes one hole that maps to the item's source, from its <c>{</c> to its
        /// <c>}</c>, as an interpolation does. Null when the format is malformed, or names an argument at or past
        /// <paramref name="argumentCount"/> (when that is known, not negative): .NET throws there, so there is no query.
        /// </summary>
        /// <remarks>
        /// The pieces keep their kinds and carry <see cref="SourceTextLayers.CompositeFormat"/>, so a code fix writes a
        /// brace as <c>{{</c>. A hole of the C# expression (an interpolation in the format string itself) stays a hole
        /// and counts as text.
        /// </remarks>
        public static PromQlSourceText? Decode(PromQlSourceText text, int argumentCount)
        {
            var format = text.Text;
            var rewriter = new SourceTextRewriter(text, SourceTextLayers.CompositeFormat);
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '}' || c == '{')
                {
                    if (i + 1 < format.Length && format[i + 1] == c)
                    {
                        rewriter.Append(c, i, i + 2);
                        i++;
                        continue;
                    }

                    if (c == '}' || !TryReadItem(format, i, out var index, out var end)
                        || (argumentCount >= 0 && index >= argumentCount))
                    {
                        return null;
                    }

                    rewriter.AppendHole(i, end);
                    i = end - 1;
                    continue;
                }

                rewriter.Append(c, i, i + 1);
            }

            return rewriter.ToSourceText();
        }

        /// <summary>
        /// Reads the item that opens at <paramref name="open"/> (a single <c>{</c>): its index, and where it ends
        /// (after its <c>}</c>). False for text that is not an item, where .NET throws a <c>FormatException</c>: an
        /// index of ASCII digits right after the brace, then spaces; optionally a comma, spaces, an optional <c>-</c>
        /// and the alignment's digits, then spaces; optionally a colon and a format that runs to the first <c>}</c> and
        /// holds no <c>{</c>; then the <c>}</c>.
        /// </summary>
        internal static bool TryReadItem(string format, int open, out int index, out int end)
        {
            index = 0;
            end = open;
            var i = open + 1;
            if (!IsDigit(format, i))
            {
                return false;
            }

            while (IsDigit(format, i) && index < Limit)
            {
                index = (index * 10) + (format[i] - '0');
                i++;
            }

            if (index >= Limit)
            {
                // No argument list is that long: .NET throws for the index.
                return false;
            }

            i = SkipSpaces(format, i);
            if (i < format.Length && format[i] == ',')
            {
                i = SkipSpaces(format, i + 1);
                if (i < format.Length && format[i] == '-')
                {
                    i++;
                }

                if (!IsDigit(format, i))
                {
                    return false;
                }

                var width = 0;
                while (IsDigit(format, i) && width < Limit)
                {
                    width = (width * 10) + (format[i] - '0');
                    i++;
                }

                i = SkipSpaces(format, i);
            }

            if (i < format.Length && format[i] == ':')
            {
                // The item's format runs to the first closing brace: no escapes inside, and an opening brace is an error.
                i++;
                while (i < format.Length && format[i] != '}')
                {
                    if (format[i] == '{')
                    {
                        return false;
                    }

                    i++;
                }
            }

            if (i >= format.Length || format[i] != '}')
            {
                return false;
            }

            end = i + 1;
            return true;
        }

        private static bool IsDigit(string format, int i) => i < format.Length && format[i] is >= '0' and <= '9';

        /// <summary>Only the space character: .NET takes a tab there for an error.</summary>
        private static int SkipSpaces(string format, int i)
        {
            while (i < format.Length && format[i] == ' ')
            {
                i++;
            }

            return i;
        }
    }
}
