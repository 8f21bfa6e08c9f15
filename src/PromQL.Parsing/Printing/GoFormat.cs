using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PromQL.Parsing.Printing
{
    /// <summary>
    /// The Go formatting the Prometheus printer relies on, ported so the output matches byte for byte:
    /// <c>strconv.Quote</c>, <c>strconv.FormatFloat(v, 'f', -1, 64)</c>, <c>fmt</c>'s <c>%v</c> of a float64,
    /// <c>%.3f</c>, <c>model.Duration.String</c> (prometheus/common v0.70.1) and the legacy label name check.
    /// </summary>
    internal static class GoFormat
    {
        private const string HexDigits = "0123456789abcdef";

        private const long MillisecondsPerYear = 1000L * 60 * 60 * 24 * 365;
        private const long MillisecondsPerWeek = 1000L * 60 * 60 * 24 * 7;
        private const long MillisecondsPerDay = 1000L * 60 * 60 * 24;
        private const long MillisecondsPerHour = 1000L * 60 * 60;
        private const long MillisecondsPerMinute = 1000L * 60;
        private const long MillisecondsPerSecond = 1000L;
        private const long NanosecondsPerMillisecond = 1_000_000L;

        /// <summary>
        /// <c>model.LegacyValidation.IsValidLabelName</c>: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not empty. The same
        /// rule decides whether <c>labels.Matcher.String</c> quotes a name.
        /// </summary>
        public static bool IsLegacyLabelName(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Appends a label name, quoted with <c>strconv.Quote</c> when it is not a legacy label name.</summary>
        public static void AppendLabelName(StringBuilder sb, string name, bool keepHoles)
        {
            if (IsLegacyLabelName(name))
            {
                sb.Append(name);
            }
            else
            {
                AppendQuoted(sb, name, keepHoles);
            }
        }

        /// <summary>
        /// Go's <c>strconv.Quote</c>: double quotes; <c>\"</c> and <c>\\</c>; printable runes (ASCII or not) as
        /// they are; <c>\a \b \f \n \r \t \v</c>; other control characters as <c>\xhh</c>; other unprintable
        /// runes as <c>\uhhhh</c> or <c>\Uhhhhhhhh</c>. A lone surrogate (which Go never sees: UTF-8 encoding
        /// turns it into U+FFFD) prints as U+FFFD. With <paramref name="keepHoles"/> the hole character stays
        /// as it is so the text still shows where the hole stands.
        /// </summary>
        public static void AppendQuoted(StringBuilder sb, string value, bool keepHoles)
        {
            sb.Append('"');
            var s = value ?? string.Empty;
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\').Append(c);
                    continue;
                }

                if (c < 0x80)
                {
                    AppendAsciiEscaped(sb, c);
                    continue;
                }

                if (keepHoles && c == PromQlParser.HoleCharacter)
                {
                    sb.Append(c);
                    continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, s[i + 1]);
                    if (IsPrint(CharUnicodeInfo.GetUnicodeCategory(s, i)))
                    {
                        sb.Append(c).Append(s[i + 1]);
                    }
                    else
                    {
                        sb.Append("\\U");
                        AppendHex(sb, codePoint, 8);
                    }

                    i++;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    sb.Append('\uFFFD');
                    continue;
                }

                if (IsPrint(CharUnicodeInfo.GetUnicodeCategory(c)))
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append("\\u");
                    AppendHex(sb, c, 4);
                }
            }

            sb.Append('"');
        }

        private static void AppendAsciiEscaped(StringBuilder sb, char c)
        {
            if (c >= 0x20 && c < 0x7f)
            {
                sb.Append(c);
                return;
            }

            switch (c)
            {
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    sb.Append("\\x");
                    AppendHex(sb, c, 2);
                    break;
            }
        }

        // Go's unicode.IsPrint for non-ASCII runes: letters, marks, numbers, punctuation and symbols (the only
        // printable space, U+0020, is ASCII and handled before).
        private static bool IsPrint(UnicodeCategory category) => Lexing.Literals.IsPrintCategory(category);

        private static void AppendHex(StringBuilder sb, int value, int width)
        {
            for (var shift = (width - 1) * 4; shift >= 0; shift -= 4)
            {
                sb.Append(HexDigits[(value >> shift) & 0xF]);
            }
        }

        /// <summary><c>model.Duration(ticks as nanoseconds).String()</c> for a <see cref="TimeSpan"/>.</summary>
        public static void AppendDuration(StringBuilder sb, TimeSpan duration) =>
            AppendDurationMilliseconds(sb, duration.Ticks / TimeSpan.TicksPerMillisecond);

        /// <summary><c>model.Duration(nanoseconds).String()</c>.</summary>
        public static void AppendDurationNanoseconds(StringBuilder sb, long nanoseconds) =>
            AppendDurationMilliseconds(sb, nanoseconds / NanosecondsPerMillisecond);

        /// <summary>
        /// The body of <c>model.Duration.String</c> from whole milliseconds: <c>0s</c> for zero, a leading
        /// <c>-</c> when negative, then y, w (each only when nothing smaller remains), d, h, m, s, ms.
        /// </summary>
        public static void AppendDurationMilliseconds(StringBuilder sb, long milliseconds)
        {
            if (milliseconds == 0)
            {
                sb.Append("0s");
                return;
            }

            // Whole milliseconds of an int64 nanosecond count never reach long.MinValue, so negation is safe.
            var ms = milliseconds;
            if (ms < 0)
            {
                sb.Append('-');
                ms = -ms;
            }

            AppendUnit(sb, ref ms, "y", MillisecondsPerYear, exact: true);
            AppendUnit(sb, ref ms, "w", MillisecondsPerWeek, exact: true);
            AppendUnit(sb, ref ms, "d", MillisecondsPerDay, exact: false);
            AppendUnit(sb, ref ms, "h", MillisecondsPerHour, exact: false);
            AppendUnit(sb, ref ms, "m", MillisecondsPerMinute, exact: false);
            AppendUnit(sb, ref ms, "s", MillisecondsPerSecond, exact: false);
            AppendUnit(sb, ref ms, "ms", 1, exact: false);
        }

        private static void AppendUnit(StringBuilder sb, ref long ms, string unit, long multiple, bool exact)
        {
            if (exact && ms % multiple != 0)
            {
                return;
            }

            var count = ms / multiple;
            if (count > 0)
            {
                sb.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms -= count * multiple;
            }
        }

        /// <summary>
        /// Go's conversion of a float64 to int64 as amd64 performs it: truncation toward zero, and the
        /// "integer indefinite" value (<see cref="long.MinValue"/>) for NaN and for anything out of range.
        /// </summary>
        public static long FloatToInt64(double value)
        {
            if (double.IsNaN(value) || value >= 9223372036854775808.0 || value < -9223372036854775808.0)
            {
                return long.MinValue;
            }

            return (long)value;
        }

        /// <summary><c>strconv.FormatFloat(v, 'f', -1, 64)</c>: shortest digits, never an exponent.</summary>
        public static void AppendFloatF(StringBuilder sb, double value)
        {
            if (AppendSpecial(sb, value))
            {
                return;
            }

            if (IsNegative(value))
            {
                sb.Append('-');
            }

            ShortestDigits(Math.Abs(value), out var digits, out var decimalPoint);
            AppendFixedDigits(sb, digits, decimalPoint, Math.Max(digits.Length - decimalPoint, 0));
        }

        /// <summary>
        /// <c>fmt.Sprintf("%v", v)</c> of a float64, which is <c>strconv.FormatFloat(v, 'g', -1, 64)</c>: shortest
        /// digits, in exponent form when the exponent is below -4 or at least 6 (<c>1e+06</c>, <c>1e-05</c>).
        /// </summary>
        public static void AppendFloatV(StringBuilder sb, double value)
        {
            if (AppendSpecial(sb, value))
            {
                return;
            }

            if (IsNegative(value))
            {
                sb.Append('-');
            }

            ShortestDigits(Math.Abs(value), out var digits, out var decimalPoint);
            var exponent = decimalPoint - 1;
            if (digits.Length > 0 && (exponent < -4 || exponent >= 6))
            {
                sb.Append(digits[0]);
                if (digits.Length > 1)
                {
                    sb.Append('.').Append(digits, 1, digits.Length - 1);
                }

                sb.Append('e').Append(exponent < 0 ? '-' : '+');
                var magnitude = Math.Abs(exponent);
                if (magnitude < 10)
                {
                    sb.Append('0');
                }

                sb.Append(magnitude.ToString(CultureInfo.InvariantCulture));
                return;
            }

            AppendFixedDigits(sb, digits, decimalPoint, Math.Max(digits.Length - decimalPoint, 0));
        }

        /// <summary>
        /// <c>strconv.FormatFloat(v, 'f', decimals, 64)</c> (and <c>%.Nf</c>): the exact binary value rounded
        /// half to even at <paramref name="decimals"/> places.
        /// </summary>
        public static void AppendFloatFixed(StringBuilder sb, double value, int decimals)
        {
            if (AppendSpecial(sb, value))
            {
                return;
            }

            if (IsNegative(value))
            {
                sb.Append('-');
            }

            // value = mantissa * 2^exponent exactly; scale by 10^decimals and round the quotient.
            var bits = BitConverter.DoubleToInt64Bits(value);
            var biasedExponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (biasedExponent == 0)
            {
                biasedExponent = 1;
            }
            else
            {
                mantissa |= 1L << 52;
            }

            var exponent = biasedExponent - 1075;
            var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
            BigInteger rounded;
            if (exponent >= 0)
            {
                rounded = scaled << exponent;
            }
            else
            {
                var denominator = BigInteger.One << -exponent;
                rounded = BigInteger.DivRem(scaled, denominator, out var remainder);
                var twice = remainder * 2;
                if (twice > denominator || (twice == denominator && !rounded.IsEven))
                {
                    rounded += 1;
                }
            }

            var text = rounded.ToString(CultureInfo.InvariantCulture);
            if (text.Length <= decimals)
            {
                text = new string('0', decimals - text.Length + 1) + text;
            }

            sb.Append(text, 0, text.Length - decimals);
            if (decimals > 0)
            {
                sb.Append('.').Append(text, text.Length - decimals, decimals);
            }
        }

        private static bool AppendSpecial(StringBuilder sb, double value)
        {
            if (double.IsNaN(value))
            {
                sb.Append("NaN");
                return true;
            }

            if (double.IsPositiveInfinity(value))
            {
                sb.Append("+Inf");
                return true;
            }

            if (double.IsNegativeInfinity(value))
            {
                sb.Append("-Inf");
                return true;
            }

            return false;
        }

        // Go prints the sign of negative zero too ("-0").
        private static bool IsNegative(double value) => BitConverter.DoubleToInt64Bits(value) < 0;

        // Go's fmtF: the digits with the decimal point at decimalPoint, padded with zeros, precision places.
        private static void AppendFixedDigits(StringBuilder sb, string digits, int decimalPoint, int precision)
        {
            if (decimalPoint > 0)
            {
                var integerDigits = Math.Min(digits.Length, decimalPoint);
                sb.Append(digits, 0, integerDigits);
                sb.Append('0', decimalPoint - integerDigits);
            }
            else
            {
                sb.Append('0');
            }

            if (precision > 0)
            {
                sb.Append('.');
                for (var i = 1; i <= precision; i++)
                {
                    var j = decimalPoint + i - 1;
                    sb.Append(j >= 0 && j < digits.Length ? digits[j] : '0');
                }
            }
        }

        /// <summary>
        /// The shortest decimal digits that read back as <paramref name="value"/> (positive or zero, finite),
        /// without trailing zeros, and where the decimal point goes (value = 0.digits × 10^decimalPoint), as
        /// Go's shortest formatting finds them. Zero gives no digits.
        /// </summary>
        internal static void ShortestDigits(double value, out string digits, out int decimalPoint)
        {
            if (value == 0)
            {
                digits = string.Empty;
                decimalPoint = 0;
                return;
            }

            // Integers below 10^15 are exact in their plain decimal form, which is then also the shortest.
            if (value < 1e15 && Math.Floor(value) == value)
            {
                var integer = ((long)value).ToString(CultureInfo.InvariantCulture);
                decimalPoint = integer.Length;
                digits = integer.TrimEnd('0');
                return;
            }

            // For normal numbers fifteen significant digits never hold two candidates within one ulp, so the
            // first precision that reads back is the shortest; at 16 the correctly rounded candidate is the
            // nearest, as Go picks. Subnormals have fewer bits, so every precision is tried.
            const double smallestNormal = 2.2250738585072014E-308;
            for (var precision = value < smallestNormal ? 1 : 15; ; precision++)
            {
                var text = value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (precision < 17 && !ReadsBack(text, value))
                {
                    continue;
                }

                var e = text.IndexOf('E');
                var mantissa = new StringBuilder(precision);
                for (var i = 0; i < e; i++)
                {
                    if (text[i] != '.')
                    {
                        mantissa.Append(text[i]);
                    }
                }

                digits = mantissa.ToString().TrimEnd('0');
                decimalPoint = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) + 1;
                return;
            }
        }

        private static bool ReadsBack(string text, double value) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed == value;
    }
}
