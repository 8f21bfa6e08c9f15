using System.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// .NET composite format strings (<c>string.Format</c>): <c>{{</c> and <c>}}</c> stand for braces, and
    /// <c>{index[,alignment][:format]}</c> is an item filled from the arguments.
    /// </summary>
    internal static class CompositeFormat
    {
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
        /// Reads the item that opens at <paramref name="open"/> (a single <c>{</c>): its index, and where it ends
        /// (after its <c>}</c>). False for text that is not an item (.NET throws a <c>FormatException</c> there).
        /// </summary>
        internal static bool TryReadItem(string format, int open, out int index, out int end)
        {
            index = 0;
            end = open;
            var i = open + 1;
            var digits = 0;
            while (i < format.Length && format[i] is >= '0' and <= '9' && digits < 6)
            {
                index = (index * 10) + (format[i] - '0');
                i++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            // Alignment and format run to the closing brace; a format may hold {{ or }} only escaped.
            while (i < format.Length)
            {
                var c = format[i];
                if (c == '}')
                {
                    if (i + 1 < format.Length && format[i + 1] == '}')
                    {
                        i += 2;
                        continue;
                    }

                    end = i + 1;
                    return true;
                }

                if (c == '{')
                {
                    return false;
                }

                i++;
            }

            return false;
        }
    }
}
