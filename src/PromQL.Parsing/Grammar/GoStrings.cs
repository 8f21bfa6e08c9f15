using System.Globalization;
using System.Text;

namespace PromQL.Parsing.Grammar
{
    /// <summary>Go's formatting of values inside Prometheus's error messages (<c>%q</c>, <c>%f</c>).</summary>
    internal static class GoStrings
    {
        /// <summary>Go's <c>strconv.Quote</c>: double quotes, Go escapes, non-printable characters as \x, \u or \U.</summary>
        public static string Quote(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                int rune = c;
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    rune = char.ConvertToUtf32(c, value[i + 1]);
                }
                else if (char.IsSurrogate(c))
                {
                    sb.Append("\\ufffd");
                    continue;
                }

                switch (rune)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\a': sb.Append("\\a"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\v': sb.Append("\\v"); break;
                    default:
                        if (IsPrint(rune))
                        {
                            sb.Append(char.ConvertFromUtf32(rune));
                        }
                        else if (rune < ' ' || rune == 0x7f)
                        {
                            sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
                        }
                        else if (rune < 0x10000)
                        {
                            sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
                        }

                        break;
                }

                if (rune > 0xFFFF)
                {
                    i++;
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
        public static bool IsPrint(int rune)
        {
            if (rune == ' ')
            {
                return true;
            }

            var category = rune < 0x10000
                ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
                : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
            switch (category)
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator:
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>Go's <c>%f</c> of a float64: six decimals, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
        public static string FormatF(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return "+Inf";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "-Inf";
            }

            return value.ToString("F6", CultureInfo.InvariantCulture);
        }
    }
}
