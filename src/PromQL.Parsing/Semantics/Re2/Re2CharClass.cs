using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>
    /// Character-class range arithmetic ported from Go's regexp/syntax (appendRange, cleanClass,
    /// negateClass, ...), plus the Perl and POSIX named groups. Case folding is approximated
    /// (ASCII exactly, other letters through .NET casing) because it never decides validity.
    /// </summary>
    internal static class Re2CharClass
    {
        internal const int MaxRune = 0x10FFFF;
        private const int MinFold = 0x0041;
        private const int MaxFold = 0x1E943;

        private static readonly Dictionary<string, (int Sign, int[] Class)> PerlGroups = new Dictionary<string, (int, int[])>(System.StringComparer.Ordinal)
        {
            { "\\d", (+1, Digit) },
            { "\\D", (-1, Digit) },
            { "\\s", (+1, new[] { 0x9, 0xA, 0xC, 0xD, 0x20, 0x20 }) },
            { "\\S", (-1, new[] { 0x9, 0xA, 0xC, 0xD, 0x20, 0x20 }) },
            { "\\w", (+1, Word) },
            { "\\W", (-1, Word) },
        };

        private static readonly Dictionary<string, (int Sign, int[] Class)> PosixGroups = BuildPosixGroups();

        private static int[] Digit => new int[] { '0', '9' };

        private static int[] Word => new int[] { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' };

        /// <summary>Go's perlGroup lookup for a two-character escape like <c>\d</c>.</summary>
        internal static bool TryGetPerlGroup(string escape, out int sign, out int[] cls)
        {
            if (PerlGroups.TryGetValue(escape, out var g))
            {
                sign = g.Sign;
                cls = g.Class;
                return true;
            }

            sign = 0;
            cls = System.Array.Empty<int>();
            return false;
        }

        /// <summary>Go's posixGroup lookup for a name like <c>[:alpha:]</c> or <c>[:^alpha:]</c>.</summary>
        internal static bool TryGetPosixGroup(string name, out int sign, out int[] cls)
        {
            if (PosixGroups.TryGetValue(name, out var g))
            {
                sign = g.Sign;
                cls = g.Class;
                return true;
            }

            sign = 0;
            cls = System.Array.Empty<int>();
            return false;
        }

        private static Dictionary<string, (int, int[])> BuildPosixGroups()
        {
            var classes = new (string Name, int[] Class)[]
            {
                ("alnum", new int[] { '0', '9', 'A', 'Z', 'a', 'z' }),
                ("alpha", new int[] { 'A', 'Z', 'a', 'z' }),
                ("ascii", new[] { 0x0, 0x7F }),
                ("blank", new[] { 0x9, 0x9, 0x20, 0x20 }),
                ("cntrl", new[] { 0x0, 0x1F, 0x7F, 0x7F }),
                ("digit", new int[] { '0', '9' }),
                ("graph", new int[] { '!', '~' }),
                ("lower", new int[] { 'a', 'z' }),
                ("print", new int[] { ' ', '~' }),
                ("punct", new int[] { '!', '/', ':', '@', '[', '`', '{', '~' }),
                ("space", new[] { 0x9, 0xD, 0x20, 0x20 }),
                ("upper", new int[] { 'A', 'Z' }),
                ("word", new int[] { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' }),
                ("xdigit", new int[] { '0', '9', 'A', 'F', 'a', 'f' }),
            };
            var map = new Dictionary<string, (int, int[])>(System.StringComparer.Ordinal);
            foreach (var (name, cls) in classes)
            {
                map["[:" + name + ":]"] = (+1, cls);
                map["[:^" + name + ":]"] = (-1, cls);
            }

            return map;
        }

        /// <summary>Go's appendRange: appends lo-hi, widening one of the last two ranges when they touch.</summary>
        internal static void AppendRange(List<int> r, int lo, int hi)
        {
            int n = r.Count;
            for (int i = 2; i <= 4; i += 2)
            {
                if (n >= i)
                {
                    int rlo = r[n - i], rhi = r[n - i + 1];
                    if (lo <= rhi + 1 && rlo <= hi + 1)
                    {
                        if (lo < rlo)
                        {
                            r[n - i] = lo;
                        }

                        if (hi > rhi)
                        {
                            r[n - i + 1] = hi;
                        }

                        return;
                    }
                }
            }

            r.Add(lo);
            r.Add(hi);
        }

        /// <summary>Appends lo-hi and (approximately) its case-folding equivalents.</summary>
        internal static void AppendFoldedRange(List<int> r, int lo, int hi)
        {
            if ((lo <= MinFold && hi >= MaxFold) || hi < MinFold || lo > MaxFold)
            {
                AppendRange(r, lo, hi);
                return;
            }

            AppendRange(r, lo, hi);
            AppendShifted(r, lo, hi, 'A', 'Z', 'a' - 'A');
            AppendShifted(r, lo, hi, 'a', 'z', 'A' - 'a');
            if (InRange('k', lo, hi) || InRange('K', lo, hi))
            {
                AppendRange(r, 0x212A, 0x212A);
            }

            if (InRange('s', lo, hi) || InRange('S', lo, hi))
            {
                AppendRange(r, 0x17F, 0x17F);
            }

            if (InRange(0x212A, lo, hi))
            {
                AppendRange(r, 'K', 'K');
                AppendRange(r, 'k', 'k');
            }

            if (InRange(0x17F, lo, hi))
            {
                AppendRange(r, 'S', 'S');
                AppendRange(r, 's', 's');
            }

            // Other letters: only small ranges, so hostile input cannot make this loop long.
            if (hi - lo <= 256)
            {
                for (int c = System.Math.Max(lo, 0x80); c <= hi && c <= 0xFFFF; c++)
                {
                    int f = SimpleFold(c);
                    while (f != c)
                    {
                        AppendRange(r, f, f);
                        f = SimpleFold(f);
                    }
                }
            }
        }

        private static bool InRange(int c, int lo, int hi) => lo <= c && c <= hi;

        private static void AppendShifted(List<int> r, int lo, int hi, int from, int to, int shift)
        {
            int a = System.Math.Max(lo, from), b = System.Math.Min(hi, to);
            if (a <= b)
            {
                AppendRange(r, a + shift, b + shift);
            }
        }

        /// <summary>Go's appendLiteral.</summary>
        internal static void AppendLiteral(List<int> r, int x, Re2ParseFlags flags)
        {
            if ((flags & Re2ParseFlags.FoldCase) != 0)
            {
                AppendFoldedRange(r, x, x);
            }
            else
            {
                AppendRange(r, x, x);
            }
        }

        /// <summary>Go's appendClass: appends a clean class.</summary>
        internal static void AppendClass(List<int> r, IReadOnlyList<int> x)
        {
            for (int i = 0; i + 1 < x.Count; i += 2)
            {
                AppendRange(r, x[i], x[i + 1]);
            }
        }

        /// <summary>Go's appendFoldedClass.</summary>
        internal static void AppendFoldedClass(List<int> r, IReadOnlyList<int> x)
        {
            for (int i = 0; i + 1 < x.Count; i += 2)
            {
                AppendFoldedRange(r, x[i], x[i + 1]);
            }
        }

        /// <summary>Go's appendNegatedClass: appends the complement of a clean class.</summary>
        internal static void AppendNegatedClass(List<int> r, IReadOnlyList<int> x)
        {
            int nextLo = 0;
            for (int i = 0; i + 1 < x.Count; i += 2)
            {
                int lo = x[i], hi = x[i + 1];
                if (nextLo <= lo - 1)
                {
                    AppendRange(r, nextLo, lo - 1);
                }

                nextLo = hi + 1;
            }

            if (nextLo <= MaxRune)
            {
                AppendRange(r, nextLo, MaxRune);
            }
        }

        /// <summary>Go's cleanClass: sorts ranges (lo ascending, hi descending) and merges overlaps, in place.</summary>
        internal static void CleanClass(List<int> r)
        {
            int pairs = r.Count / 2;
            if (pairs < 2)
            {
                return;
            }

            var items = new long[pairs];
            for (int i = 0; i < pairs; i++)
            {
                // Sort key: lo ascending, then hi descending.
                items[i] = ((long)r[2 * i] << 32) | (uint)(MaxRune - r[2 * i + 1]);
            }

            System.Array.Sort(items);
            for (int i = 0; i < pairs; i++)
            {
                r[2 * i] = (int)(items[i] >> 32);
                r[2 * i + 1] = MaxRune - (int)(uint)(items[i] & 0xFFFFFFFF);
            }

            int w = 2;
            for (int i = 2; i + 1 < r.Count; i += 2)
            {
                int lo = r[i], hi = r[i + 1];
                if (lo <= r[w - 1] + 1)
                {
                    if (hi > r[w - 1])
                    {
                        r[w - 1] = hi;
                    }

                    continue;
                }

                r[w] = lo;
                r[w + 1] = hi;
                w += 2;
            }

            r.RemoveRange(w, r.Count - w);
        }

        /// <summary>Go's negateClass: replaces a clean class by its complement.</summary>
        internal static void NegateClass(List<int> r)
        {
            var copy = r.ToArray();
            r.Clear();
            AppendNegatedClass(r, copy);
        }

        /// <summary>Whether a clean class contains r.</summary>
        internal static bool Contains(List<int> cls, int r)
        {
            for (int i = 0; i + 1 < cls.Count; i += 2)
            {
                if (cls[i] <= r && r <= cls[i + 1])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An approximation of Go's unicode.SimpleFold: the next rune in the case-folding orbit
        /// (exact for ASCII, K/k/U+212A and S/s/U+017F; .NET casing elsewhere in the BMP).
        /// </summary>
        internal static int SimpleFold(int r)
        {
            switch (r)
            {
                case 'K': return 'k';
                case 'k': return 0x212A;
                case 0x212A: return 'K';
                case 'S': return 's';
                case 's': return 0x17F;
                case 0x17F: return 'S';
            }

            if (r >= 'A' && r <= 'Z')
            {
                return r + 32;
            }

            if (r >= 'a' && r <= 'z')
            {
                return r - 32;
            }

            if (r < 0x80 || r > 0xFFFF || (r >= 0xD800 && r <= 0xDFFF))
            {
                return r;
            }

            int upper = char.ToUpperInvariant((char)r);
            int lower = char.ToLowerInvariant((char)r);
            int best = -1, smallest = r;
            foreach (int c in new[] { upper, lower })
            {
                if (c > r && (best < 0 || c < best))
                {
                    best = c;
                }

                if (c < smallest)
                {
                    smallest = c;
                }
            }

            return best >= 0 ? best : smallest;
        }

        /// <summary>Go's minFoldRune: the smallest rune fold-equivalent to r.</summary>
        internal static int MinFoldRune(int r)
        {
            if (r < MinFold || r > MaxFold)
            {
                return r;
            }

            int m = r;
            int f = SimpleFold(r);
            for (int guard = 0; f != r && guard < 8; guard++)
            {
                m = System.Math.Min(m, f);
                f = SimpleFold(f);
            }

            return m;
        }
    }
}
