using System;
using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>Go's escape, character-class, repeat-count and Perl-flag parsing.</summary>
    internal sealed partial class Re2Parser
    {
        private enum ClassResult
        {
            NotPresent,
            Found,
            Error,
        }

        /// <summary>
        /// Go's nextRune: decodes one code point at t (before end). A lone surrogate is what invalid
        /// UTF-8 becomes in a .NET string, so it yields Go's "invalid UTF-8" error quoting the rest.
        /// </summary>
        private bool NextRune(ref int t, int end, out int c)
        {
            char ch = _s[t];
            if (char.IsHighSurrogate(ch) && t + 1 < end && char.IsLowSurrogate(_s[t + 1]))
            {
                c = char.ConvertToUtf32(ch, _s[t + 1]);
                t += 2;
                return true;
            }

            if (char.IsSurrogate(ch))
            {
                c = 0;
                return FailB(Re2ErrorCodes.InvalidUtf8, Slice(t, end));
            }

            c = ch;
            t++;
            return true;
        }

        /// <summary>Go's checkUTF8 over [start, end).</summary>
        private bool CheckUtf8(int start, int end)
        {
            int i = start;
            while (i < end)
            {
                if (!NextRune(ref i, end, out _))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAlnum(int c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        // Runes past the BMP are never hex digits.
        private static int Unhex(int c) => c is >= 0 and <= 0xFFFF ? Lexing.Literals.HexValue((char)c) : -1;

        /// <summary>Go's parseRepeat: {n}, {n,} or {n,m}; min = -1 when a number is too big.</summary>
        private bool ParseRepeat(int t, out int min, out int max, out int rest)
        {
            string s = _s;
            min = 0;
            max = 0;
            rest = t;
            if (t >= s.Length || s[t] != '{')
            {
                return false;
            }

            t++;
            if (!ParseInt(ref t, out min))
            {
                return false;
            }

            if (t >= s.Length)
            {
                return false;
            }

            if (s[t] != ',')
            {
                max = min;
            }
            else
            {
                t++;
                if (t >= s.Length)
                {
                    return false;
                }

                if (s[t] == '}')
                {
                    max = -1;
                }
                else if (!ParseInt(ref t, out max))
                {
                    return false;
                }
                else if (max < 0)
                {
                    min = -1;
                }
            }

            if (t >= s.Length || s[t] != '}')
            {
                return false;
            }

            rest = t + 1;
            return true;
        }

        /// <summary>Go's parseInt: decimal without leading zeros; -1 when the value reaches 1e8.</summary>
        private bool ParseInt(ref int t, out int n)
        {
            string s = _s;
            n = 0;
            if (t >= s.Length || s[t] < '0' || s[t] > '9')
            {
                return false;
            }

            if (t + 1 < s.Length && s[t] == '0' && s[t + 1] >= '0' && s[t + 1] <= '9')
            {
                return false;
            }

            while (t < s.Length && s[t] >= '0' && s[t] <= '9')
            {
                if (n >= 0)
                {
                    n = n >= 100_000_000 ? -1 : (n * 10) + (s[t] - '0');
                }

                t++;
            }

            return true;
        }

        /// <summary>Go's parsePerlFlags: (?i) (?i:re) (?P&lt;name&gt;re) (?&lt;name&gt;re).</summary>
        private bool ParsePerlFlags(ref int t)
        {
            string s = _s;
            int start = t;
            int remaining = s.Length - t;
            bool startsWithP = remaining > 4 && s[t + 2] == 'P' && s[t + 3] == '<';
            bool startsWithName = remaining > 3 && s[t + 2] == '<';
            if (startsWithP || startsWithName)
            {
                int exprStart = t + (startsWithP ? 4 : 3);
                int end = s.IndexOf('>', t);
                if (end < 0)
                {
                    if (!CheckUtf8(t, s.Length))
                    {
                        return false;
                    }

                    return FailB(Re2ErrorCodes.InvalidNamedCapture, From(start));
                }

                string capture = Slice(t, end + 1);
                if (!CheckUtf8(exprStart, end))
                {
                    return false;
                }

                string name = Slice(exprStart, end);
                if (!IsValidCaptureName(name))
                {
                    return FailB(Re2ErrorCodes.InvalidNamedCapture, capture);
                }

                _numCap++;
                var re = Op(Re2Op.LeftParen)!;
                re.Cap = _numCap;
                re.Name = name;
                t = end + 1;
                return true;
            }

            // Non-capturing group, possibly changing flags.
            int u = t + 2;
            var flags = _flags;
            int sign = +1;
            bool sawFlag = false;
            while (u < s.Length)
            {
                if (!NextRune(ref u, s.Length, out int c))
                {
                    return false;
                }

                bool stop = false;
                switch (c)
                {
                    case 'i':
                        flags |= Re2ParseFlags.FoldCase;
                        sawFlag = true;
                        break;
                    case 'm':
                        flags &= ~Re2ParseFlags.OneLine;
                        sawFlag = true;
                        break;
                    case 's':
                        flags |= Re2ParseFlags.DotNL;
                        sawFlag = true;
                        break;
                    case 'U':
                        flags |= Re2ParseFlags.NonGreedy;
                        sawFlag = true;
                        break;
                    case '-':
                        if (sign < 0)
                        {
                            stop = true;
                            break;
                        }

                        sign = -1;

                        // Invert so that the additions above become removals; inverted back below.
                        flags = ~flags;
                        sawFlag = false;
                        break;
                    case ':':
                    case ')':
                        if (sign < 0)
                        {
                            if (!sawFlag)
                            {
                                stop = true;
                                break;
                            }

                            flags = ~flags;
                        }

                        if (c == ':')
                        {
                            Op(Re2Op.LeftParen);
                        }

                        _flags = flags;
                        t = u;
                        return true;
                    default:
                        stop = true;
                        break;
                }

                if (stop)
                {
                    break;
                }
            }

            return FailB(Re2ErrorCodes.InvalidPerlOp, Slice(start, u));
        }

        private static bool IsValidCaptureName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (c != '_' && !IsAlnum(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Go's parseEscape: one escaped rune starting at the backslash at t.</summary>
        private bool ParseEscape(ref int t, out int r)
        {
            string s = _s;
            int start = t;
            r = 0;
            int u = t + 1;
            if (u >= s.Length)
            {
                return FailB(Re2ErrorCodes.TrailingBackslash, string.Empty);
            }

            if (!NextRune(ref u, s.Length, out int c))
            {
                return false;
            }

            switch (c)
            {
                case '1':
                case '2':
                case '3':
                case '4':
                case '5':
                case '6':
                case '7':
                case '0':
                    // A single non-zero digit is a backreference: not supported.
                    if (c != '0' && (u >= s.Length || s[u] < '0' || s[u] > '7'))
                    {
                        break;
                    }

                    r = c - '0';
                    for (int i = 1; i < 3; i++)
                    {
                        if (u >= s.Length || s[u] < '0' || s[u] > '7')
                        {
                            break;
                        }

                        r = (r * 8) + (s[u] - '0');
                        u++;
                    }

                    t = u;
                    return true;

                case 'x':
                    if (u >= s.Length)
                    {
                        break;
                    }

                    if (!NextRune(ref u, s.Length, out c))
                    {
                        return false;
                    }

                    if (c == '{')
                    {
                        // Any number of hex digits in braces, at least one, at most U+10FFFF.
                        int nhex = 0;
                        int v = 0;
                        bool ok = false;
                        while (true)
                        {
                            if (u >= s.Length)
                            {
                                break;
                            }

                            if (!NextRune(ref u, s.Length, out c))
                            {
                                return false;
                            }

                            if (c == '}')
                            {
                                ok = nhex > 0;
                                break;
                            }

                            int h = Unhex(c);
                            if (h < 0)
                            {
                                break;
                            }

                            v = (v * 16) + h;
                            if (v > Re2CharClass.MaxRune)
                            {
                                break;
                            }

                            nhex++;
                        }

                        if (!ok)
                        {
                            break;
                        }

                        r = v;
                        t = u;
                        return true;
                    }

                    // Two hex digits.
                    int x = Unhex(c);
                    int y = -1;
                    if (u < s.Length)
                    {
                        if (!NextRune(ref u, s.Length, out c))
                        {
                            return false;
                        }

                        y = Unhex(c);
                    }

                    if (x < 0 || y < 0)
                    {
                        break;
                    }

                    r = (x * 16) + y;
                    t = u;
                    return true;

                case 'a':
                    r = 7;
                    t = u;
                    return true;
                case 'f':
                    r = '\f';
                    t = u;
                    return true;
                case 'n':
                    r = '\n';
                    t = u;
                    return true;
                case 'r':
                    r = '\r';
                    t = u;
                    return true;
                case 't':
                    r = '\t';
                    t = u;
                    return true;
                case 'v':
                    r = '\v';
                    t = u;
                    return true;

                default:
                    if (c < 0x80 && !IsAlnum(c))
                    {
                        // Escaped punctuation is always itself.
                        r = c;
                        t = u;
                        return true;
                    }

                    break;
            }

            return FailB(Re2ErrorCodes.InvalidEscape, Slice(start, u));
        }

        /// <summary>Go's parseClassChar: a class member, possibly escaped.</summary>
        private bool ParseClassChar(ref int t, int wholeClassStart, out int r)
        {
            if (t >= _s.Length)
            {
                r = 0;
                return FailB(Re2ErrorCodes.MissingBracket, From(wholeClassStart));
            }

            if (_s[t] == '\\')
            {
                return ParseEscape(ref t, out r);
            }

            return NextRune(ref t, _s.Length, out r);
        }

        /// <summary>Go's parsePerlClassEscape: \d \D \s \S \w \W appended to the class node.</summary>
        private bool ParsePerlClassEscape(ref int t, Re2Node cls)
        {
            if (!Has(Re2ParseFlags.PerlX) || t + 1 >= _s.Length || _s[t] != '\\')
            {
                return false;
            }

            if (!Re2CharClass.TryGetPerlGroup(Slice(t, t + 2), out int sign, out int[] group))
            {
                return false;
            }

            AppendGroup(cls.Runes, sign, group);
            t += 2;
            return true;
        }

        /// <summary>Go's parseNamedClass: [:alpha:] and friends inside a bracket class.</summary>
        private ClassResult ParseNamedClass(ref int t, Re2Node cls)
        {
            string s = _s;
            if (s.Length - t < 2 || s[t] != '[' || s[t + 1] != ':')
            {
                return ClassResult.NotPresent;
            }

            int i = s.IndexOf(":]", t + 2, StringComparison.Ordinal);
            if (i < 0)
            {
                return ClassResult.NotPresent;
            }

            string name = Slice(t, i + 2);
            if (!Re2CharClass.TryGetPosixGroup(name, out int sign, out int[] group))
            {
                Fail(Re2ErrorCodes.InvalidCharRange, name);
                return ClassResult.Error;
            }

            AppendGroup(cls.Runes, sign, group);
            t = i + 2;
            return ClassResult.Found;
        }

        private void AppendGroup(List<int> r, int sign, int[] group)
        {
            IReadOnlyList<int> cls = group;
            if (Has(Re2ParseFlags.FoldCase))
            {
                var tmp = new List<int>();
                Re2CharClass.AppendFoldedClass(tmp, group);
                Re2CharClass.CleanClass(tmp);
                cls = tmp;
            }

            if (sign < 0)
            {
                Re2CharClass.AppendNegatedClass(r, cls);
            }
            else
            {
                Re2CharClass.AppendClass(r, cls);
            }
        }

        /// <summary>Go's parseUnicodeClass: \pL, \p{Greek}, \PN, \p{^Han}.</summary>
        private ClassResult ParseUnicodeClass(ref int t, Re2Node cls)
        {
            string s = _s;
            if (!Has(Re2ParseFlags.UnicodeGroups) || s.Length - t < 2 || s[t] != '\\' || (s[t + 1] != 'p' && s[t + 1] != 'P'))
            {
                return ClassResult.NotPresent;
            }

            // Committed: either a class or an error.
            int sign = s[t + 1] == 'P' ? -1 : +1;
            int u = t + 2;
            int c = 0xFFFD;
            if (u < s.Length && !NextRune(ref u, s.Length, out c))
            {
                return ClassResult.Error;
            }

            string seq, name;
            int rest;
            if (c != '{')
            {
                // Single-letter name.
                seq = Slice(t, u);
                name = Slice(t + 2, u);
                rest = u;
            }
            else
            {
                int end = s.IndexOf('}', t);
                if (end < 0)
                {
                    if (!CheckUtf8(t, s.Length))
                    {
                        return ClassResult.Error;
                    }

                    Fail(Re2ErrorCodes.InvalidCharRange, From(t));
                    return ClassResult.Error;
                }

                seq = Slice(t, end + 1);
                rest = end + 1;
                if (!CheckUtf8(t + 3, end))
                {
                    return ClassResult.Error;
                }

                name = Slice(t + 3, end);
            }

            if (name.Length > 0 && name[0] == '^')
            {
                sign = -sign;
                name = name.Substring(1);
            }

            if (name == "Any")
            {
                if (sign > 0)
                {
                    Re2CharClass.AppendRange(cls.Runes, 0, Re2CharClass.MaxRune);
                }
            }
            else if (Re2UnicodeTables.TryGet(name, out var size))
            {
                cls.TableRunes += sign > 0 ? size.Positive : size.Negated;
                cls.TableKey += (sign > 0 ? "+" : "-") + name + (Has(Re2ParseFlags.FoldCase) ? "/i;" : ";");
            }
            else
            {
                Fail(Re2ErrorCodes.InvalidCharRange, seq);
                return ClassResult.Error;
            }

            t = rest;
            return ClassResult.Found;
        }

        /// <summary>Go's parseClass: a bracket expression starting at t, pushed on the stack.</summary>
        private bool ParseClass(ref int t)
        {
            string s = _s;
            int classStart = t;
            t++;
            var re = NewNode(Re2Op.CharClass);
            re.Flags = _flags;

            int sign = +1;
            if (t < s.Length && s[t] == '^')
            {
                sign = -1;
                t++;

                // Without ClassNL a negated class must not match \n: add it so negation removes it.
                if (!Has(Re2ParseFlags.ClassNL))
                {
                    re.Runes.Add('\n');
                    re.Runes.Add('\n');
                }
            }

            bool first = true;
            while (t >= s.Length || s[t] != ']' || first)
            {
                // POSIX: - is only okay unescaped as first or last in class. Perl: anywhere.
                if (t < s.Length && s[t] == '-' && !Has(Re2ParseFlags.PerlX) && !first && (t + 1 == s.Length || s[t + 1] != ']'))
                {
                    int size = t + 1 < s.Length ? (char.IsHighSurrogate(s[t + 1]) && t + 2 < s.Length ? 2 : 1) : 0;
                    return FailB(Re2ErrorCodes.InvalidCharRange, Slice(t, t + 1 + size));
                }

                first = false;

                if (s.Length - t > 2 && s[t] == '[' && s[t + 1] == ':')
                {
                    var named = ParseNamedClass(ref t, re);
                    if (named == ClassResult.Error)
                    {
                        return false;
                    }

                    if (named == ClassResult.Found)
                    {
                        continue;
                    }
                }

                var unicode = ParseUnicodeClass(ref t, re);
                if (unicode == ClassResult.Error)
                {
                    return false;
                }

                if (unicode == ClassResult.Found)
                {
                    continue;
                }

                if (ParsePerlClassEscape(ref t, re))
                {
                    continue;
                }

                // Single character or simple range.
                int rng = t;
                if (!ParseClassChar(ref t, classStart, out int lo))
                {
                    return false;
                }

                int hi = lo;

                // [a-] means (a|-), so check for the final ].
                if (s.Length - t >= 2 && s[t] == '-' && s[t + 1] != ']')
                {
                    t++;
                    if (!ParseClassChar(ref t, classStart, out hi))
                    {
                        return false;
                    }

                    if (hi < lo)
                    {
                        return FailB(Re2ErrorCodes.InvalidCharRange, Slice(rng, t));
                    }
                }

                if (Has(Re2ParseFlags.FoldCase))
                {
                    Re2CharClass.AppendFoldedRange(re.Runes, lo, hi);
                }
                else
                {
                    Re2CharClass.AppendRange(re.Runes, lo, hi);
                }
            }

            t++; // the ]

            Re2CharClass.CleanClass(re.Runes);
            if (sign < 0)
            {
                Re2CharClass.NegateClass(re.Runes);
                if (re.TableKey != null)
                {
                    re.TableKey = "^" + re.TableKey;
                }
            }

            Push(re);
            return true;
        }
    }
}
