using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PromQL.Parsing.Lexing
{
    /// <summary>
    /// Decodes PromQL literals the way Prometheus does (Go's <c>strconv</c>, Prometheus's <c>strutil.Unquote</c>,
    /// prometheus/common's <c>model.ParseDuration</c>) and formats values the way Go's <c>%q</c> and <c>%#U</c> do,
    /// so messages match Prometheus's word for word. Nothing here throws.
    /// </summary>
    internal static class Literals
    {
        private const string InvalidSyntax = "invalid syntax";
        private const int MaxRune = 0x10FFFF;
        private const int RuneError = 0xFFFD;

        // ---------------------------------------------------------------- strings

        /// <summary>
        /// Unquotes a string token (<c>"…"</c>, <c>'…'</c> or <c>`…`</c>) like Prometheus's <c>strutil.Unquote</c>.
        /// <c>\x</c> and octal escapes produce bytes; the bytes are decoded as UTF-8 at the end, so
        /// <c>"\xc3\xa4"</c> gives <c>ä</c> and a lone invalid byte becomes U+FFFD.
        /// </summary>
        /// <param name="tokenText">The token text, quotes included.</param>
        /// <param name="value">The unquoted value, or an empty string on error.</param>
        /// <param name="error">Go's error text (<c>invalid syntax</c>) on failure.</param>
        public static bool TryUnquote(string tokenText, out string value, out string? error)
        {
            value = string.Empty;
            error = InvalidSyntax;
            if (tokenText == null || tokenText.Length < 2)
            {
                return false;
            }

            char quote = tokenText[0];
            if (quote != tokenText[tokenText.Length - 1])
            {
                return false;
            }

            string body = tokenText.Substring(1, tokenText.Length - 2);
            if (quote == '`')
            {
                if (body.IndexOf('`') >= 0)
                {
                    return false;
                }

                value = body;
                error = null;
                return true;
            }

            if (quote != '"' && quote != '\'')
            {
                return false;
            }

            if (body.IndexOf('\n') >= 0)
            {
                return false;
            }

            if (body.IndexOf('\\') < 0 && body.IndexOf(quote) < 0)
            {
                value = body;
                error = null;
                return true;
            }

            var bytes = new List<byte>(body.Length + 8);
            int i = 0;
            while (i < body.Length)
            {
                char c = body[i];
                if (c == quote)
                {
                    return false;
                }

                if (c != '\\')
                {
                    // Copy a run of ordinary characters at once (surrogate pairs stay together).
                    int runEnd = i + 1;
                    while (runEnd < body.Length && body[runEnd] != '\\' && body[runEnd] != quote)
                    {
                        runEnd++;
                    }

                    bytes.AddRange(Encoding.UTF8.GetBytes(body.Substring(i, runEnd - i)));
                    i = runEnd;
                    continue;
                }

                if (i + 1 >= body.Length)
                {
                    return false;
                }

                char e = body[i + 1];
                int hole = EscapeHoleIndex(body, i + 1, e);
                if (hole >= 0)
                {
                    // The lexer lets a hole complete any escape (its value is unknown): keep the hole, drop the escape.
                    i = hole;
                    continue;
                }

                i += 2;
                switch (e)
                {
                    case 'a': bytes.Add(0x07); break;
                    case 'b': bytes.Add(0x08); break;
                    case 'f': bytes.Add(0x0C); break;
                    case 'n': bytes.Add(0x0A); break;
                    case 'r': bytes.Add(0x0D); break;
                    case 't': bytes.Add(0x09); break;
                    case 'v': bytes.Add(0x0B); break;
                    case '\\': bytes.Add((byte)'\\'); break;
                    case '\'':
                    case '"':
                        if (e != quote)
                        {
                            return false;
                        }

                        bytes.Add((byte)e);
                        break;
                    case 'x':
                    case 'u':
                    case 'U':
                    {
                        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (body.Length - i < n)
                        {
                            return false;
                        }

                        long v = 0;
                        for (int j = 0; j < n; j++)
                        {
                            int h = HexValue(body[i + j]);
                            if (h < 0)
                            {
                                return false;
                            }

                            v = (v << 4) | (uint)h;
                        }

                        i += n;
                        if (e == 'x')
                        {
                            bytes.Add((byte)v);
                            break;
                        }

                        if (v > MaxRune)
                        {
                            return false;
                        }

                        AppendUtf8(bytes, (int)v);
                        break;
                    }

                    case '0':
                    case '1':
                    case '2':
                    case '3':
                    case '4':
                    case '5':
                    case '6':
                    case '7':
                    {
                        int v = e - '0';
                        if (body.Length - i < 2)
                        {
                            return false;
                        }

                        for (int j = 0; j < 2; j++)
                        {
                            int x = body[i + j] - '0';
                            if (x < 0 || x > 7)
                            {
                                return false;
                            }

                            v = (v << 3) | x;
                        }

                        i += 2;
                        if (v > 255)
                        {
                            return false;
                        }

                        bytes.Add((byte)v);
                        break;
                    }

                    default:
                        return false;
                }
            }

            value = Encoding.UTF8.GetString(bytes.ToArray());
            error = null;
            return true;
        }

        /// <summary>
        /// Where a hole stands in the escape that starts with <paramref name="escape"/> at <paramref name="index"/>
        /// (the escape letter itself, or one of its digits), or -1.
        /// </summary>
        private static int EscapeHoleIndex(string body, int index, char escape)
        {
            int digits = escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : escape >= '0' && escape <= '7' ? 2 : -1;
            int end = Math.Min(body.Length, index + 1 + Math.Max(digits, 0));
            for (int j = index; j < end; j++)
            {
                if (body[j] == PromQlParser.HoleCharacter)
                {
                    return j;
                }
            }

            return -1;
        }

        // Go's utf8.EncodeRune: surrogate halves and out-of-range values encode as U+FFFD.
        private static void AppendUtf8(List<byte> bytes, int rune)
        {
            if (rune < 0 || rune > MaxRune || (rune >= 0xD800 && rune < 0xE000))
            {
                rune = RuneError;
            }

            if (rune < 0x80)
            {
                bytes.Add((byte)rune);
            }
            else if (rune < 0x800)
            {
                bytes.Add((byte)(0xC0 | (rune >> 6)));
                bytes.Add((byte)(0x80 | (rune & 0x3F)));
            }
            else if (rune < 0x10000)
            {
                bytes.Add((byte)(0xE0 | (rune >> 12)));
                bytes.Add((byte)(0x80 | ((rune >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (rune & 0x3F)));
            }
            else
            {
                bytes.Add((byte)(0xF0 | (rune >> 18)));
                bytes.Add((byte)(0x80 | ((rune >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((rune >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (rune & 0x3F)));
            }
        }

        /// <summary>The value of a hexadecimal digit, or -1.</summary>
        internal static int HexValue(char c)
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

        // ---------------------------------------------------------------- numbers

        /// <summary>
        /// Converts a NUMBER token like Prometheus's <c>parser.number()</c>: <c>strconv.ParseInt(s, 0, 64)</c>
        /// (so <c>0755</c> is octal, <c>0x1f</c> hex, <c>0b101</c> binary, underscores between digits), and
        /// when that fails <c>strconv.ParseFloat(s, 64)</c> (decimals, exponents, hex floats, Inf, NaN).
        /// </summary>
        /// <param name="text">The token text.</param>
        /// <param name="value">The value; ±Inf when out of range, 0 on a syntax error (as Go returns).</param>
        /// <param name="error">Prometheus's full message, e.g.
        /// <c>error parsing number: strconv.ParseFloat: parsing "1e999": value out of range</c>.</param>
        public static bool TryParseNumber(string text, out double value, out string? error)
        {
            text ??= string.Empty;
            if (TryParseGoInt64(text, out long integer))
            {
                value = integer;
                error = null;
                return true;
            }

            FloatResult result = ParseGoFloat(text, out value);
            if (result == FloatResult.Ok)
            {
                error = null;
                return true;
            }

            error = "error parsing number: strconv.ParseFloat: parsing " + Quote(text) + ": " +
                (result == FloatResult.OutOfRange ? "value out of range" : InvalidSyntax);
            return false;
        }

        private enum FloatResult
        {
            Ok,
            Syntax,
            OutOfRange,
        }

        // strconv.ParseInt(s, 0, 64); any failure (syntax or range) just returns false.
        private static bool TryParseGoInt64(string s, out long value)
        {
            value = 0;
            if (s.Length == 0)
            {
                return false;
            }

            bool negative = false;
            int i = 0;
            if (s[0] == '+' || s[0] == '-')
            {
                negative = s[0] == '-';
                i = 1;
                if (s.Length == 1)
                {
                    return false;
                }
            }

            string unsigned = s.Substring(i);
            int baseValue = 10;
            int p = 0;
            if (unsigned[0] == '0')
            {
                char prefix = unsigned.Length >= 3 ? char.ToLowerInvariant(unsigned[1]) : '\0';
                switch (prefix)
                {
                    case 'b': baseValue = 2; p = 2; break;
                    case 'o': baseValue = 8; p = 2; break;
                    case 'x': baseValue = 16; p = 2; break;
                    default: baseValue = 8; p = 1; break;
                }
            }

            ulong n = 0;
            ulong cutoff = (ulong.MaxValue / (ulong)baseValue) + 1;
            bool underscores = false;
            for (; p < unsigned.Length; p++)
            {
                char c = unsigned[p];
                int d;
                if (c == '_')
                {
                    underscores = true;
                    continue;
                }

                if (c >= '0' && c <= '9')
                {
                    d = c - '0';
                }
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                {
                    d = (c | 0x20) - 'a' + 10;
                }
                else
                {
                    return false;
                }

                if (d >= baseValue || n >= cutoff)
                {
                    return false;
                }

                n *= (ulong)baseValue;
                ulong n1 = n + (ulong)d;
                if (n1 < n)
                {
                    return false;
                }

                n = n1;
            }

            if (underscores && !UnderscoreOk(s, 0, s.Length))
            {
                return false;
            }

            const ulong limit = 1UL << 63;
            if (!negative)
            {
                if (n >= limit)
                {
                    return false;
                }

                value = (long)n;
                return true;
            }

            if (n > limit)
            {
                return false;
            }

            value = n == limit ? long.MinValue : -(long)n;
            return true;
        }

        // strconv's underscoreOK: underscores only between digits or between a base prefix and a digit.
        private static bool UnderscoreOk(string s, int start, int end)
        {
            char saw = '^';
            int i = start;
            if (i < end && (s[i] == '-' || s[i] == '+'))
            {
                i++;
            }

            bool hex = false;
            if (end - i >= 2 && s[i] == '0')
            {
                char p = char.ToLowerInvariant(s[i + 1]);
                if (p == 'b' || p == 'o' || p == 'x')
                {
                    i += 2;
                    saw = '0';
                    hex = p == 'x';
                }
            }

            for (; i < end; i++)
            {
                char c = s[i];
                char lower = (char)(c | 0x20);
                if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f'))
                {
                    saw = '0';
                    continue;
                }

                if (c == '_')
                {
                    if (saw != '0')
                    {
                        return false;
                    }

                    saw = '_';
                    continue;
                }

                if (saw == '_')
                {
                    return false;
                }

                saw = '!';
            }

            return saw != '_';
        }

        // strconv.ParseFloat(s, 64).
        private static FloatResult ParseGoFloat(string s, out double value)
        {
            value = 0;
            if (TrySpecialFloat(s, out double special, out int consumed))
            {
                if (consumed != s.Length)
                {
                    return FloatResult.Syntax;
                }

                value = special;
                return FloatResult.Ok;
            }

            if (!ReadFloat(s, out ulong mantissa, out int exp, out bool negative, out bool truncated, out bool hex, out int length) ||
                length != s.Length)
            {
                return FloatResult.Syntax;
            }

            if (hex)
            {
                return HexFloat(mantissa, exp, negative, truncated, out value);
            }

            // The syntax is Go's; the value comes from .NET's correctly rounded parser.
            string digits = s.IndexOf('_') >= 0 ? s.Replace("_", string.Empty) : s;
            if (!double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out double parsed) || double.IsInfinity(parsed))
            {
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return FloatResult.OutOfRange;
            }

            value = parsed;
            return FloatResult.Ok;
        }

        // strconv's special(): [+-]inf, [+-]infinity, nan, any case; returns how much it consumed.
        private static bool TrySpecialFloat(string s, out double value, out int consumed)
        {
            value = 0;
            consumed = 0;
            if (s.Length == 0)
            {
                return false;
            }

            int sign = 1;
            int signLength = 0;
            char first = s[0];
            if (first == '+' || first == '-')
            {
                sign = first == '-' ? -1 : 1;
                signLength = 1;
            }
            else if (first == 'n' || first == 'N')
            {
                if (CommonPrefixIgnoreCase(s, 0, "nan") == 3)
                {
                    value = double.NaN;
                    consumed = 3;
                    return true;
                }

                return false;
            }
            else if (first != 'i' && first != 'I')
            {
                return false;
            }

            int n = CommonPrefixIgnoreCase(s, signLength, "infinity");
            if (n > 3 && n < 8)
            {
                n = 3;
            }

            if (n == 3 || n == 8)
            {
                value = sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
                consumed = signLength + n;
                return true;
            }

            return false;
        }

        private static int CommonPrefixIgnoreCase(string s, int start, string prefix)
        {
            int n = 0;
            while (n < prefix.Length && start + n < s.Length && (s[start + n] | 0x20) == prefix[n])
            {
                n++;
            }

            return n;
        }

        // strconv's readFloat: validates Go float syntax and, for hex floats, collects mantissa and binary exponent.
        private static bool ReadFloat(string s, out ulong mantissa, out int exp, out bool negative, out bool truncated, out bool hex, out int i)
        {
            mantissa = 0;
            exp = 0;
            negative = false;
            truncated = false;
            hex = false;
            i = 0;
            bool underscores = false;
            if (i >= s.Length)
            {
                return false;
            }

            if (s[i] == '+')
            {
                i++;
            }
            else if (s[i] == '-')
            {
                negative = true;
                i++;
            }

            ulong numberBase = 10;
            int maxMantissaDigits = 19;
            char expChar = 'e';
            if (i + 2 < s.Length && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
            {
                numberBase = 16;
                maxMantissaDigits = 16;
                i += 2;
                expChar = 'p';
                hex = true;
            }

            bool sawDot = false;
            bool sawDigits = false;
            int nd = 0;
            int ndMantissa = 0;
            int dp = 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                char lower = (char)(c | 0x20);
                if (c == '_')
                {
                    underscores = true;
                    continue;
                }

                if (c == '.')
                {
                    if (sawDot)
                    {
                        break;
                    }

                    sawDot = true;
                    dp = nd;
                    continue;
                }

                if (c >= '0' && c <= '9')
                {
                    sawDigits = true;
                    if (c == '0' && nd == 0)
                    {
                        dp--;
                        continue;
                    }

                    nd++;
                    if (ndMantissa < maxMantissaDigits)
                    {
                        mantissa = (mantissa * numberBase) + (ulong)(c - '0');
                        ndMantissa++;
                    }
                    else if (c != '0')
                    {
                        truncated = true;
                    }

                    continue;
                }

                if (numberBase == 16 && lower >= 'a' && lower <= 'f')
                {
                    sawDigits = true;
                    nd++;
                    if (ndMantissa < maxMantissaDigits)
                    {
                        mantissa = (mantissa * 16) + (ulong)(lower - 'a' + 10);
                        ndMantissa++;
                    }
                    else
                    {
                        truncated = true;
                    }

                    continue;
                }

                break;
            }

            if (!sawDigits)
            {
                return false;
            }

            if (!sawDot)
            {
                dp = nd;
            }

            if (numberBase == 16)
            {
                dp *= 4;
                ndMantissa *= 4;
            }

            if (i < s.Length && (s[i] | 0x20) == expChar)
            {
                i++;
                if (i >= s.Length)
                {
                    return false;
                }

                int esign = 1;
                if (s[i] == '+')
                {
                    i++;
                }
                else if (s[i] == '-')
                {
                    i++;
                    esign = -1;
                }

                if (i >= s.Length || s[i] < '0' || s[i] > '9')
                {
                    return false;
                }

                int e = 0;
                for (; i < s.Length && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++)
                {
                    if (s[i] == '_')
                    {
                        underscores = true;
                        continue;
                    }

                    if (e < 10000)
                    {
                        e = (e * 10) + (s[i] - '0');
                    }
                }

                dp += e * esign;
            }
            else if (numberBase == 16)
            {
                // Hex floats must have a 'p' exponent.
                return false;
            }

            if (mantissa != 0)
            {
                exp = dp - ndMantissa;
            }

            if (underscores && !UnderscoreOk(s, 0, i))
            {
                return false;
            }

            return true;
        }

        // strconv's atofHex for float64: round the mantissa to 53 bits, half to even.
        private static FloatResult HexFloat(ulong mantissa, int exp, bool negative, bool truncated, out double value)
        {
            const int mantissaBits = 52;
            const int exponentBits = 11;
            const int bias = -1023;
            const int maxExp = (1 << exponentBits) + bias - 2;
            const int minExp = bias + 1;
            exp += mantissaBits;

            while (mantissa != 0 && (mantissa >> (mantissaBits + 2)) == 0)
            {
                mantissa <<= 1;
                exp--;
            }

            if (truncated)
            {
                mantissa |= 1;
            }

            while ((mantissa >> (1 + mantissaBits + 2)) != 0)
            {
                mantissa = (mantissa >> 1) | (mantissa & 1);
                exp++;
            }

            while (mantissa > 1 && exp < minExp - 2)
            {
                mantissa = (mantissa >> 1) | (mantissa & 1);
                exp++;
            }

            ulong round = mantissa & 3;
            mantissa >>= 2;
            round |= mantissa & 1;
            exp += 2;
            if (round == 3)
            {
                mantissa++;
                if (mantissa == 1UL << (1 + mantissaBits))
                {
                    mantissa >>= 1;
                    exp++;
                }
            }

            if ((mantissa >> mantissaBits) == 0)
            {
                exp = bias;
            }

            FloatResult result = FloatResult.Ok;
            if (exp > maxExp)
            {
                mantissa = 1UL << mantissaBits;
                exp = maxExp + 1;
                result = FloatResult.OutOfRange;
            }

            ulong bits = mantissa & ((1UL << mantissaBits) - 1);
            bits |= (ulong)((exp - bias) & ((1 << exponentBits) - 1)) << mantissaBits;
            if (negative)
            {
                bits |= 1UL << (mantissaBits + exponentBits);
            }

            value = BitConverter.Int64BitsToDouble((long)bits);
            return result;
        }

        // ---------------------------------------------------------------- durations

        private static readonly Dictionary<string, (int Order, ulong Nanoseconds)> DurationUnits =
            new Dictionary<string, (int, ulong)>(StringComparer.Ordinal)
            {
                ["ms"] = (7, 1_000_000UL),
                ["s"] = (6, 1_000_000_000UL),
                ["m"] = (5, 60UL * 1_000_000_000UL),
                ["h"] = (4, 3_600UL * 1_000_000_000UL),
                ["d"] = (3, 86_400UL * 1_000_000_000UL),
                ["w"] = (2, 7UL * 86_400UL * 1_000_000_000UL),
                ["y"] = (1, 365UL * 86_400UL * 1_000_000_000UL),
            };

        /// <summary>
        /// Parses a DURATION token like prometheus/common's <c>model.ParseDuration</c>: units
        /// <c>y w d h m s ms</c>, each at most once and from biggest to smallest, <c>0</c> without a unit.
        /// </summary>
        /// <param name="text">The token text.</param>
        /// <param name="seconds">The duration in seconds (Go's <c>time.Duration.Seconds()</c>).</param>
        /// <param name="error">Go's message: <c>not a valid duration string: "…"</c>,
        /// <c>unknown unit "…" in duration "…"</c>, <c>duration out of range</c> or <c>empty duration string</c>.</param>
        public static bool TryParseDuration(string text, out double seconds, out string? error)
        {
            seconds = 0;
            error = null;
            text ??= string.Empty;
            if (text == "0")
            {
                return true;
            }

            if (text.Length == 0)
            {
                error = "empty duration string";
                return false;
            }

            string notValid = "not a valid duration string: " + Quote(text);
            ulong total = 0;
            int lastOrder = 0;
            int i = 0;
            while (i < text.Length)
            {
                if (!IsAsciiDigit(text[i]))
                {
                    error = notValid;
                    return false;
                }

                int digitsStart = i;
                while (i < text.Length && IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (!ulong.TryParse(text.Substring(digitsStart, i - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v))
                {
                    error = notValid;
                    return false;
                }

                int unitStart = i;
                while (i < text.Length && !IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == unitStart)
                {
                    error = notValid;
                    return false;
                }

                string unitText = text.Substring(unitStart, i - unitStart);
                if (!DurationUnits.TryGetValue(unitText, out var unit))
                {
                    error = "unknown unit " + Quote(unitText) + " in duration " + Quote(text);
                    return false;
                }

                if (unit.Order <= lastOrder)
                {
                    error = notValid;
                    return false;
                }

                lastOrder = unit.Order;
                if (v > (1UL << 63) / unit.Nanoseconds)
                {
                    error = "duration out of range";
                    return false;
                }

                total += v * unit.Nanoseconds;
                if (total > long.MaxValue)
                {
                    error = "duration out of range";
                    return false;
                }
            }

            long nanoseconds = (long)total;
            seconds = (nanoseconds / 1_000_000_000L) + ((nanoseconds % 1_000_000_000L) / 1e9);
            return true;
        }

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

        // ---------------------------------------------------------------- Go formatting

        /// <summary>Go's <c>strconv.Quote</c> (<c>%q</c> of a string). Lone surrogates print as U+FFFD.</summary>
        /// <param name="s">The text to quote.</param>
        /// <param name="maxRunes">Like <c>%.Nq</c>: quote only the first N runes; negative for all.</param>
        public static string Quote(string s, int maxRunes = -1)
        {
            s ??= string.Empty;
            var sb = new StringBuilder(s.Length + 2);
            sb.Append('"');
            int runes = 0;
            for (int i = 0; i < s.Length;)
            {
                if (maxRunes >= 0 && runes == maxRunes)
                {
                    break;
                }

                int rune = DecodeRune(s, i, out int width);
                i += width;
                runes++;
                AppendEscapedRune(sb, rune, '"');
            }

            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>Go's <c>%q</c> of a rune, e.g. <c>'a'</c>, <c>'\''</c>, <c>'\x00'</c>; invalid runes (and end of input, -1) print as <c>'�'</c>.</summary>
        public static string QuoteRune(int rune)
        {
            if (!IsValidRune(rune))
            {
                rune = RuneError;
            }

            var sb = new StringBuilder(8);
            sb.Append('\'');
            AppendEscapedRune(sb, rune, '\'');
            sb.Append('\'');
            return sb.ToString();
        }

        /// <summary>Go's <c>%#U</c> of a rune: <c>U+0063 'c'</c>, or just <c>U+000A</c> when not printable.</summary>
        public static string FormatCodePoint(int rune)
        {
            string hex = "U+" + ((uint)rune).ToString("X4", CultureInfo.InvariantCulture);
            return IsPrint(rune) ? hex + " '" + char.ConvertFromUtf32(rune) + "'" : hex;
        }

        /// <summary>Decodes the rune at <paramref name="index"/>: a surrogate pair is one rune, a lone surrogate is U+FFFD.</summary>
        public static int DecodeRune(string s, int index, out int width)
        {
            char c = s[index];
            if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, s[index + 1]);
            }

            width = 1;
            return char.IsSurrogate(c) ? RuneError : c;
        }

        /// <summary>How many bytes Go's <c>len()</c> would count for the UTF-8 form of <paramref name="s"/>.</summary>
        public static int Utf8Length(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length;)
            {
                int rune = DecodeRune(s, i, out int width);
                i += width;
                n += rune < 0x80 ? 1 : rune < 0x800 ? 2 : rune < 0x10000 ? 3 : 4;
            }

            return n;
        }

        /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
        public static bool IsPrint(int rune)
        {
            if (rune < 0x80)
            {
                return rune >= 0x20 && rune < 0x7F;
            }

            if (!IsValidRune(rune))
            {
                return false;
            }

            return IsPrintCategory(rune < 0x10000
                ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
                : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0));
        }

        /// <summary>The Unicode categories Go's <c>unicode.IsPrint</c> accepts beyond ASCII: letters, marks, numbers, punctuation, symbols.</summary>
        public static bool IsPrintCategory(UnicodeCategory category)
        {
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.DashPunctuation:
                case UnicodeCategory.OpenPunctuation:
                case UnicodeCategory.ClosePunctuation:
                case UnicodeCategory.InitialQuotePunctuation:
                case UnicodeCategory.FinalQuotePunctuation:
                case UnicodeCategory.OtherPunctuation:
                case UnicodeCategory.MathSymbol:
                case UnicodeCategory.CurrencySymbol:
                case UnicodeCategory.ModifierSymbol:
                case UnicodeCategory.OtherSymbol:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsValidRune(int rune) => rune >= 0 && rune <= MaxRune && (rune < 0xD800 || rune >= 0xE000);

        // strconv's appendEscapedRune (not ASCII-only, not graphic-only).
        private static void AppendEscapedRune(StringBuilder sb, int rune, char quote)
        {
            if (rune == quote || rune == '\\')
            {
                sb.Append('\\').Append((char)rune);
                return;
            }

            if (IsPrint(rune))
            {
                AppendRune(sb, rune);
                return;
            }

            switch (rune)
            {
                case 0x07: sb.Append("\\a"); return;
                case 0x08: sb.Append("\\b"); return;
                case 0x0C: sb.Append("\\f"); return;
                case 0x0A: sb.Append("\\n"); return;
                case 0x0D: sb.Append("\\r"); return;
                case 0x09: sb.Append("\\t"); return;
                case 0x0B: sb.Append("\\v"); return;
            }

            if (rune < ' ' || rune == 0x7F)
            {
                sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (!IsValidRune(rune))
            {
                sb.Append("\\ufffd");
            }
            else if (rune < 0x10000)
            {
                sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        private static void AppendRune(StringBuilder sb, int rune)
        {
            if (rune < 0x10000)
            {
                sb.Append((char)rune);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(rune));
            }
        }
    }
}
