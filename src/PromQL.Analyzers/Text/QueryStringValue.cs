namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// The value of a URL query-string parameter as Prometheus reads it: Go's <c>url.ParseQuery</c> turns <c>+</c> into
    /// a space and <c>%XX</c> into the byte it names (UTF-8 sequences into their character). A <c>%</c> that starts no
    /// such escape stays a <c>%</c>, since <c>System.Uri</c>, which every .NET HTTP client sends through, escapes it
    /// as <c>%25</c>.
    /// </summary>
    internal static class QueryStringValue
    {
        /// <summary>
        /// The decoded value of <paramref name="text"/>'s characters [<paramref name="start"/>, <paramref name="end"/>):
        /// a character decoded from <c>%XX</c> maps to the whole sequence (all of a UTF-8 sequence's), a hole stays a
        /// hole, and every piece carries <see cref="SourceTextLayers.QueryString"/>.
        /// </summary>
        public static PromQlSourceText Decode(PromQlSourceText text, int start, int end)
        {
            var value = text.Text;
            var rewriter = new SourceTextRewriter(text, SourceTextLayers.QueryString);
            var i = start;
            while (i < end)
            {
                var c = value[i];
                if (c == '+')
                {
                    rewriter.Append(' ', i, i + 1);
                    i++;
                }
                else if (c == '%' && TryReadByte(value, i, end, out var lead))
                {
                    i = AppendEscaped(rewriter, value, i, end, lead);
                }
                else
                {
                    rewriter.Append(c, i, i + 1);
                    i++;
                }
            }

            return rewriter.ToSourceText();
        }

        /// <summary>
        /// <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>) decoded, when it holds no hole: a
        /// parameter's name. Null when a hole stands in it.
        /// </summary>
        public static string? DecodeName(string text, int start, int end)
        {
            var name = new System.Text.StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == PromQL.Parsing.PromQlParser.HoleCharacter)
                {
                    return null;
                }

                if (c == '+')
                {
                    name.Append(' ');
                }
                else if (c == '%' && TryReadByte(text, i, end, out var b))
                {
                    // Names worth comparing are ASCII: any other byte only has to differ from them.
                    name.Append(b < 0x80 ? (char)b : '\uFFFD');
                    i += 2;
                }
                else
                {
                    name.Append(c);
                }
            }

            return name.ToString();
        }

        /// <summary>The escape at <paramref name="i"/> and the UTF-8 continuation bytes after it; returns where it ends.</summary>
        private static int AppendEscaped(SourceTextRewriter rewriter, string text, int i, int end, int lead)
        {
            if (lead < 0x80)
            {
                rewriter.Append((char)lead, i, i + 3);
                return i + 3;
            }

            var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
            var scalar = length switch
            {
                4 => lead & 0x07,
                3 => lead & 0x0F,
                _ => lead & 0x1F,
            };
            var next = i + 3;
            for (var k = 1; k < length; k++)
            {
                if (next >= end || text[next] != '%' || !TryReadByte(text, next, end, out var continuation) || (continuation & 0xC0) != 0x80)
                {
                    length = 0;
                    break;
                }

                scalar = (scalar << 6) | (continuation & 0x3F);
                next += 3;
            }

            var valid = length switch
            {
                2 => scalar >= 0x80,
                3 => scalar >= 0x800 && (scalar < 0xD800 || scalar > 0xDFFF),
                4 => scalar >= 0x10000 && scalar <= 0x10FFFF,
                _ => false,
            };
            if (!valid)
            {
                // A byte that starts no valid sequence: Go keeps it, and PromQL sees no character it knows.
                rewriter.Append('\uFFFD', i, i + 3);
                return i + 3;
            }

            if (scalar < 0x10000)
            {
                rewriter.Append((char)scalar, i, next);
            }
            else
            {
                scalar -= 0x10000;
                rewriter.Append((char)(0xD800 + (scalar >> 10)), i, next);
                rewriter.Append((char)(0xDC00 + (scalar & 0x3FF)), i, next);
            }

            return next;
        }

        private static bool TryReadByte(string text, int percent, int end, out int value)
        {
            value = 0;
            if (percent + 2 >= end)
            {
                return false;
            }

            var high = HexValue(text[percent + 1]);
            var low = HexValue(text[percent + 2]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            value = (high << 4) | low;
            return true;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
