using Microsoft.CodeAnalysis.CSharp;

namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// Decodes the source text of one literal token (or interpolated text token) into logical characters.
    /// Everything is read from the token's own text: indexes never leave [0, text.Length), and malformed input
    /// (code with syntax errors) decodes to the raw characters instead of throwing.
    /// </summary>
    internal static class LiteralDecoder
    {
        /// <summary>
        /// Backslash escapes; with <paramref name="isLiteral"/> the first unescaped quote ends the content (the
        /// closing quote), with <paramref name="braces"/> <c>{{</c> and <c>}}</c> stand for one brace.
        /// </summary>
        public static void AppendRegular(SourceTextBuilder builder, string text, int start, int origin, bool isLiteral, bool braces)
        {
            int i = start;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '"' && isLiteral)
                {
                    return;
                }

                if (c == '\\')
                {
                    i = AppendEscape(builder, text, i, origin);
                }
                else if (braces && (c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    builder.Append(c, origin + i, 2);
                    i += 2;
                }
                else
                {
                    builder.Append(c, origin + i, 1);
                    i++;
                }
            }
        }

        /// <summary><c>""</c> stands for a quote; with <paramref name="isLiteral"/> a lone quote ends the content.</summary>
        public static void AppendVerbatim(SourceTextBuilder builder, string text, int start, int origin, bool isLiteral, bool braces)
        {
            int i = start;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    builder.Append('"', origin + i, 2);
                    i += 2;
                }
                else if (c == '"' && isLiteral)
                {
                    return;
                }
                else if (braces && (c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    builder.Append(c, origin + i, 2);
                    i += 2;
                }
                else
                {
                    builder.Append(c, origin + i, 1);
                    i++;
                }
            }
        }

        /// <summary>
        /// Raw content [start, end) as it stands, except that <paramref name="indentation"/> whitespace characters
        /// at the start of each line are dropped (fewer when the line is shorter: a blank line).
        /// <paramref name="atLineStart"/> carries the state across the text tokens of an interpolated string.
        /// </summary>
        public static void AppendRaw(SourceTextBuilder builder, string text, int start, int end, int origin, int indentation, ref bool atLineStart)
        {
            int i = start;
            while (i < end)
            {
                if (atLineStart)
                {
                    atLineStart = false;
                    int skipped = 0;
                    while (skipped < indentation && i < end && IsSpace(text[i]))
                    {
                        i++;
                        skipped++;
                    }

                    continue;
                }

                char c = text[i];
                builder.Append(c, origin + i, 1);
                i++;
                if (SyntaxFacts.IsNewLine(c))
                {
                    if (c == '\r' && i < end && text[i] == '\n')
                    {
                        builder.Append('\n', origin + i, 1);
                        i++;
                    }

                    atLineStart = true;
                }
            }
        }

        /// <summary>The content bounds of a single-line raw literal token: <c>"""content"""</c>.</summary>
        public static void GetSingleLineRawContent(string text, out int quoteCount, out int start, out int end)
        {
            quoteCount = CountLeading(text, 0, '"');
            start = quoteCount;
            int trailing = 0;
            while (trailing < quoteCount && text.Length - trailing - 1 >= start && text[text.Length - trailing - 1] == '"')
            {
                trailing++;
            }

            end = text.Length - trailing;
        }

        /// <summary>
        /// The content bounds of a multi-line raw literal token: after the line break that ends the opening line,
        /// before the line break that starts the closing line, and the closing line's indentation length.
        /// </summary>
        public static void GetMultiLineRawContent(string text, out int quoteCount, out int start, out int end, out int indentation)
        {
            quoteCount = CountLeading(text, 0, '"');
            int i = quoteCount;
            while (i < text.Length && !SyntaxFacts.IsNewLine(text[i]))
            {
                i++;
            }

            i = SkipNewLine(text, i);
            start = i;

            // Closing line: whitespace, then the quotes that end the token.
            int quotes = text.Length;
            while (quotes > start && text[quotes - 1] == '"')
            {
                quotes--;
            }

            int lineStart = quotes;
            while (lineStart > start && IsSpace(text[lineStart - 1]))
            {
                lineStart--;
            }

            if (quotes == text.Length)
            {
                // Unterminated: everything after the opening line is content.
                end = text.Length;
                indentation = 0;
            }
            else if (lineStart == start)
            {
                // The closing line follows the opening line: no content.
                end = start;
                indentation = quotes - lineStart;
            }
            else if (SyntaxFacts.IsNewLine(text[lineStart - 1]))
            {
                end = lineStart - 1;
                if (text[end] == '\n' && end - 1 >= start && text[end - 1] == '\r')
                {
                    end--;
                }

                indentation = quotes - lineStart;
            }
            else
            {
                // Closing quotes on a content line (an error): keep the line, no indentation to remove.
                end = quotes;
                indentation = 0;
            }
        }

        /// <summary>The indentation of a multi-line raw interpolated string: the whitespace before the closing quotes.</summary>
        public static int GetClosingIndentation(string endTokenText)
        {
            int quotes = endTokenText.Length;
            while (quotes > 0 && endTokenText[quotes - 1] == '"')
            {
                quotes--;
            }

            int lineStart = quotes;
            while (lineStart > 0 && IsSpace(endTokenText[lineStart - 1]))
            {
                lineStart--;
            }

            return lineStart > 0 && SyntaxFacts.IsNewLine(endTokenText[lineStart - 1]) ? quotes - lineStart : 0;
        }

        public static int CountLeading(string text, int start, char c)
        {
            int i = start;
            while (i < text.Length && text[i] == c)
            {
                i++;
            }

            return i - start;
        }

        private static int SkipNewLine(string text, int i)
        {
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                return i + 2;
            }

            return i < text.Length ? i + 1 : i;
        }

        private static bool IsSpace(char c) => SyntaxFacts.IsWhitespace(c) && !SyntaxFacts.IsNewLine(c);

        /// <summary>Decodes the escape at <paramref name="i"/> (a backslash); returns the index after it.</summary>
        private static int AppendEscape(SourceTextBuilder builder, string text, int i, int origin)
        {
            if (i + 1 >= text.Length)
            {
                builder.Append('\\', origin + i, 1);
                return i + 1;
            }

            char simple;
            switch (text[i + 1])
            {
                case '\'': simple = '\''; break;
                case '"': simple = '"'; break;
                case '\\': simple = '\\'; break;
                case '0': simple = '\0'; break;
                case 'a': simple = '\a'; break;
                case 'b': simple = '\b'; break;
                case 'f': simple = '\f'; break;
                case 'n': simple = '\n'; break;
                case 'r': simple = '\r'; break;
                case 't': simple = '\t'; break;
                case 'v': simple = '\v'; break;
                case 'e': simple = '\u001b'; break;
                case 'u':
                    if (TryReadHex(text, i + 2, 4, 4, out uint utf16, out _))
                    {
                        builder.Append((char)utf16, origin + i, 6);
                        return i + 6;
                    }

                    return AppendBackslash(builder, i, origin);
                case 'U':
                    if (TryReadHex(text, i + 2, 8, 8, out uint scalar, out _) && scalar <= 0x10FFFF)
                    {
                        if (scalar < 0x10000)
                        {
                            builder.Append((char)scalar, origin + i, 10);
                        }
                        else
                        {
                            scalar -= 0x10000;
                            builder.Append((char)(0xD800 + (scalar >> 10)), origin + i, 10);
                            builder.Append((char)(0xDC00 + (scalar & 0x3FF)), origin + i, 10);
                        }

                        return i + 10;
                    }

                    return AppendBackslash(builder, i, origin);
                case 'x':
                    if (TryReadHex(text, i + 2, 1, 4, out uint value, out int digits))
                    {
                        builder.Append((char)value, origin + i, 2 + digits);
                        return i + 2 + digits;
                    }

                    return AppendBackslash(builder, i, origin);
                default:
                    return AppendBackslash(builder, i, origin);
            }

            builder.Append(simple, origin + i, 2);
            return i + 2;
        }

        // A malformed escape (a compile error anyway): the backslash stands for itself.
        private static int AppendBackslash(SourceTextBuilder builder, int i, int origin)
        {
            builder.Append('\\', origin + i, 1);
            return i + 1;
        }

        private static bool TryReadHex(string text, int start, int minDigits, int maxDigits, out uint value, out int digits)
        {
            value = 0;
            digits = 0;
            while (digits < maxDigits && start + digits < text.Length)
            {
                int digit = HexValue(text[start + digits]);
                if (digit < 0)
                {
                    break;
                }

                value = (value << 4) | (uint)digit;
                digits++;
            }

            return digits >= minDigits;
        }

        /// <summary>The value of a hexadecimal digit in a C# <c>\x</c>, <c>\u</c> or <c>\U</c> escape, or -1.</summary>
        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
