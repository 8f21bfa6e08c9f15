using System.Collections.Generic;

namespace PromQL.Parsing.Printing
{
    /// <summary>
    /// Orders strings as Go's <c>sort.Strings</c> orders their UTF-8 bytes, which is code point order. Plain
    /// ordinal UTF-16 order differs for characters above U+FFFF against U+E000–U+FFFF, so surrogates are
    /// shifted above the rest of the basic plane before comparing.
    /// </summary>
    internal sealed class Utf8OrderComparer : IComparer<string>
    {
        public static readonly Utf8OrderComparer Instance = new Utf8OrderComparer();

        private Utf8OrderComparer()
        {
        }

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var length = x.Length < y.Length ? x.Length : y.Length;
            for (var i = 0; i < length; i++)
            {
                var a = x[i];
                var b = y[i];
                if (a != b)
                {
                    return Rank(a) - Rank(b);
                }
            }

            return x.Length - y.Length;
        }

        // Surrogates (D800–DFFF) move above E000–FFFF; the rest of the basic plane keeps its order.
        private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }
}
