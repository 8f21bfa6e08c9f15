using System;
using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>
    /// A port of Go's regexp/syntax parser (grafana/regexp at the version Prometheus pins, same as Go
    /// 1.24), kept close to the original so error codes, the quoted expression and the size/height
    /// limits agree. Positions are UTF-16 indexes; a lone surrogate stands for invalid UTF-8.
    /// Iterative where input could drive recursion deep.
    /// </summary>
    internal sealed partial class Re2Parser
    {
        private const int MaxHeight = 1000;
        private const long MaxSize = (128L << 20) / 40;
        private const long MaxRunes = (128L << 20) / 4;

        private readonly string _s;
        private readonly List<Re2Node> _stack = new List<Re2Node>();
        private Re2ParseFlags _flags;
        private Re2Node? _free;
        private int _numCap;
        private int _numRegexp;
        private long _numRunes;
        private long _repeats;
        private bool _sizeTracking;
        private bool _heightTracking;
        private int _factorDepth;
        private string? _error;

        private Re2Parser(string s, Re2ParseFlags flags)
        {
            _s = s;
            _flags = flags;
        }

        /// <summary>Go's limit panics, turned into errors quoting the whole expression.</summary>
        private sealed class LimitException : Exception
        {
            internal LimitException(string code)
                : base(code)
            {
                Code = code;
            }

            internal string Code { get; }
        }

        /// <summary>Parses <paramref name="pattern"/>; returns the tree, or null with Go's error message.</summary>
        internal static Re2Node? Parse(string pattern, Re2ParseFlags flags, out string? error)
        {
            var p = new Re2Parser(pattern, flags);
            try
            {
                var root = p.Run();
                error = p._error;
                return error is null ? root : null;
            }
            catch (LimitException e)
            {
                error = Re2ErrorCodes.Format(e.Code, pattern);
                return null;
            }
        }

        private Re2Node? Fail(string code, string expr)
        {
            _error ??= Re2ErrorCodes.Format(code, expr);
            return null;
        }

        private bool FailB(string code, string expr)
        {
            Fail(code, expr);
            return false;
        }

        private string From(int start) => _s.Substring(start);

        private string Slice(int start, int end) => _s.Substring(start, end - start);

        private bool Has(Re2ParseFlags f) => (_flags & f) != 0;

        private Re2Node? Run()
        {
            string s = _s;
            int t = 0;
            int lastRepeat = -1;
            while (t < s.Length)
            {
                int repeat = -1;
                char ch = s[t];
                switch (ch)
                {
                    case '(':
                        if (Has(Re2ParseFlags.PerlX) && t + 1 < s.Length && s[t + 1] == '?')
                        {
                            if (!ParsePerlFlags(ref t))
                            {
                                return null;
                            }

                            break;
                        }

                        _numCap++;
                        Op(Re2Op.LeftParen)!.Cap = _numCap;
                        t++;
                        break;
                    case '|':
                        ParseVerticalBar();
                        t++;
                        break;
                    case ')':
                        if (!ParseRightParen())
                        {
                            return null;
                        }

                        t++;
                        break;
                    case '^':
                        Op(Has(Re2ParseFlags.OneLine) ? Re2Op.BeginText : Re2Op.BeginLine);
                        t++;
                        break;
                    case '$':
                        if (Has(Re2ParseFlags.OneLine))
                        {
                            Op(Re2Op.EndText)!.Flags |= Re2ParseFlags.WasDollar;
                        }
                        else
                        {
                            Op(Re2Op.EndLine);
                        }

                        t++;
                        break;
                    case '.':
                        Op(Has(Re2ParseFlags.DotNL) ? Re2Op.AnyChar : Re2Op.AnyCharNotNL);
                        t++;
                        break;
                    case '[':
                        if (!ParseClass(ref t))
                        {
                            return null;
                        }

                        break;
                    case '*':
                    case '+':
                    case '?':
                    {
                        int before = t;
                        var op = ch == '*' ? Re2Op.Star : ch == '+' ? Re2Op.Plus : Re2Op.Quest;
                        int after = t + 1;
                        if (!Repeat(op, 0, 0, before, ref after, lastRepeat))
                        {
                            return null;
                        }

                        repeat = before;
                        t = after;
                        break;
                    }

                    case '{':
                    {
                        int before = t;
                        if (!ParseRepeat(t, out int min, out int max, out int after))
                        {
                            // Not a well-formed repeat: { is a literal.
                            Literal('{');
                            t++;
                            break;
                        }

                        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max))
                        {
                            return Fail(Re2ErrorCodes.InvalidRepeatSize, Slice(before, after));
                        }

                        if (!Repeat(Re2Op.Repeat, min, max, before, ref after, lastRepeat))
                        {
                            return null;
                        }

                        repeat = before;
                        t = after;
                        break;
                    }

                    case '\\':
                        if (!ParseBackslash(ref t))
                        {
                            return null;
                        }

                        break;
                    default:
                        if (!NextRune(ref t, s.Length, out int c))
                        {
                            return null;
                        }

                        Literal(c);
                        break;
                }

                lastRepeat = repeat;
            }

            Concat();
            if (SwapVerticalBar())
            {
                _stack.RemoveAt(_stack.Count - 1);
            }

            Alternate();
            if (_stack.Count != 1)
            {
                return Fail(Re2ErrorCodes.MissingParen, s);
            }

            return _stack[0];
        }

        private bool ParseBackslash(ref int t)
        {
            string s = _s;
            if (Has(Re2ParseFlags.PerlX) && t + 1 < s.Length)
            {
                switch (s[t + 1])
                {
                    case 'A':
                        Op(Re2Op.BeginText);
                        t += 2;
                        return true;
                    case 'b':
                        Op(Re2Op.WordBoundary);
                        t += 2;
                        return true;
                    case 'B':
                        Op(Re2Op.NoWordBoundary);
                        t += 2;
                        return true;
                    case 'C':
                        // Any byte: not supported.
                        return FailB(Re2ErrorCodes.InvalidEscape, Slice(t, t + 2));
                    case 'Q':
                    {
                        // \Q ... \E: everything up to \E (or the end) is literal.
                        int start = t + 2;
                        int e = s.IndexOf("\\E", start, StringComparison.Ordinal);
                        int litEnd = e < 0 ? s.Length : e;
                        t = e < 0 ? s.Length : e + 2;
                        int i = start;
                        while (i < litEnd)
                        {
                            if (!NextRune(ref i, litEnd, out int c))
                            {
                                return false;
                            }

                            Literal(c);
                        }

                        return true;
                    }

                    case 'z':
                        Op(Re2Op.EndText);
                        t += 2;
                        return true;
                }
            }

            var re = NewNode(Re2Op.CharClass);
            re.Flags = _flags;

            if (t + 1 < s.Length && (s[t + 1] == 'p' || s[t + 1] == 'P'))
            {
                var found = ParseUnicodeClass(ref t, re);
                if (found == ClassResult.Error)
                {
                    return false;
                }

                if (found == ClassResult.Found)
                {
                    Push(re);
                    return true;
                }
            }

            if (ParsePerlClassEscape(ref t, re))
            {
                Push(re);
                return true;
            }

            Reuse(re);
            if (!ParseEscape(ref t, out int r))
            {
                return false;
            }

            Literal(r);
            return true;
        }

        // ---- Stack machinery ----------------------------------------------------------------

        private Re2Node NewNode(Re2Op op)
        {
            var re = _free;
            if (re != null)
            {
                _free = re.NextFree;
                re.ResetForReuse();
            }
            else
            {
                re = new Re2Node();
                _numRegexp++;
            }

            re.Op = op;
            return re;
        }

        private void Reuse(Re2Node re)
        {
            if (_heightTracking)
            {
                re.HeightKnown = false;
            }

            re.NextFree = _free;
            _free = re;
        }

        private Re2Node? Push(Re2Node re)
        {
            _numRunes += re.RuneSliceLength;
            var r = re.Runes;
            if (re.Op == Re2Op.CharClass && re.TableRunes == 0 && r.Count == 2 && r[0] == r[1])
            {
                // Single rune.
                if (MaybeConcat(r[0], _flags & ~Re2ParseFlags.FoldCase))
                {
                    return null;
                }

                re.Op = Re2Op.Literal;
                r.RemoveRange(1, r.Count - 1);
                re.Flags = _flags & ~Re2ParseFlags.FoldCase;
            }
            else if (re.Op == Re2Op.CharClass && re.TableRunes == 0 &&
                ((r.Count == 4 && r[0] == r[1] && r[2] == r[3] &&
                  Re2CharClass.SimpleFold(r[0]) == r[2] && Re2CharClass.SimpleFold(r[2]) == r[0]) ||
                 (r.Count == 2 && r[0] + 1 == r[1] &&
                  Re2CharClass.SimpleFold(r[0]) == r[1] && Re2CharClass.SimpleFold(r[1]) == r[0])))
            {
                // Case-insensitive rune like [Aa].
                if (MaybeConcat(r[0], _flags | Re2ParseFlags.FoldCase))
                {
                    return null;
                }

                re.Op = Re2Op.Literal;
                r.RemoveRange(1, r.Count - 1);
                re.Flags = _flags | Re2ParseFlags.FoldCase;
            }
            else
            {
                MaybeConcat(-1, Re2ParseFlags.None);
            }

            _stack.Add(re);
            CheckLimits(re);
            return re;
        }

        private bool MaybeConcat(int r, Re2ParseFlags flags)
        {
            int n = _stack.Count;
            if (n < 2)
            {
                return false;
            }

            var re1 = _stack[n - 1];
            var re2 = _stack[n - 2];
            if (re1.Op != Re2Op.Literal || re2.Op != Re2Op.Literal ||
                (re1.Flags & Re2ParseFlags.FoldCase) != (re2.Flags & Re2ParseFlags.FoldCase))
            {
                return false;
            }

            re2.Runes.AddRange(re1.Runes);
            if (r >= 0)
            {
                re1.Runes = new List<int> { r };
                re1.Flags = flags;
                return true;
            }

            _stack.RemoveAt(n - 1);
            Reuse(re1);
            return false;
        }

        private void Literal(int r)
        {
            var re = NewNode(Re2Op.Literal);
            re.Flags = _flags;
            if (Has(Re2ParseFlags.FoldCase))
            {
                r = Re2CharClass.MinFoldRune(r);
            }

            re.Runes.Add(r);
            Push(re);
        }

        private Re2Node? Op(Re2Op op)
        {
            var re = NewNode(op);
            re.Flags = _flags;
            return Push(re);
        }

        private bool Repeat(Re2Op op, int min, int max, int before, ref int after, int lastRepeat)
        {
            var flags = _flags;
            if (Has(Re2ParseFlags.PerlX))
            {
                if (after < _s.Length && _s[after] == '?')
                {
                    after++;
                    flags ^= Re2ParseFlags.NonGreedy;
                }

                if (lastRepeat >= 0)
                {
                    // Perl forbids stacked repetition: a** is an error, a++ is possessive (unsupported).
                    return FailB(Re2ErrorCodes.InvalidRepeatOp, Slice(lastRepeat, after));
                }
            }

            int n = _stack.Count;
            if (n == 0 || _stack[n - 1].Op >= Re2Op.LeftParen)
            {
                return FailB(Re2ErrorCodes.MissingRepeatArgument, Slice(before, after));
            }

            var sub = _stack[n - 1];
            var re = NewNode(op);
            re.Min = min;
            re.Max = max;
            re.Flags = flags;
            re.Sub = new List<Re2Node>(1) { sub };
            _stack[n - 1] = re;
            CheckLimits(re);

            if (op == Re2Op.Repeat && (min >= 2 || max >= 2) && !RepeatIsValid(re, 1000))
            {
                return FailB(Re2ErrorCodes.InvalidRepeatSize, Slice(before, after));
            }

            return true;
        }

        /// <summary>
        /// Go's repeatIsValid: the nested repetitions must not multiply past n copies. Iterative.
        /// </summary>
        private static bool RepeatIsValid(Re2Node root, int n)
        {
            var work = new Stack<(Re2Node Node, int N)>();
            work.Push((root, n));
            while (work.Count > 0)
            {
                var (re, budget) = work.Pop();
                if (re.Op == Re2Op.Repeat)
                {
                    int m = re.Max;
                    if (m == 0)
                    {
                        continue;
                    }

                    if (m < 0)
                    {
                        m = re.Min;
                    }

                    if (m > budget)
                    {
                        return false;
                    }

                    if (m > 0)
                    {
                        budget /= m;
                    }
                }

                if (re.Sub != null)
                {
                    foreach (var sub in re.Sub)
                    {
                        work.Push((sub, budget));
                    }
                }
            }

            return true;
        }

        private Re2Node? Concat()
        {
            MaybeConcat(-1, Re2ParseFlags.None);
            int i = _stack.Count;
            while (i > 0 && _stack[i - 1].Op < Re2Op.LeftParen)
            {
                i--;
            }

            var subs = _stack.GetRange(i, _stack.Count - i);
            _stack.RemoveRange(i, _stack.Count - i);
            if (subs.Count == 0)
            {
                return Push(NewNode(Re2Op.EmptyMatch));
            }

            return Push(Collapse(subs, Re2Op.Concat));
        }

        private Re2Node? Alternate()
        {
            int i = _stack.Count;
            while (i > 0 && _stack[i - 1].Op < Re2Op.LeftParen)
            {
                i--;
            }

            var subs = _stack.GetRange(i, _stack.Count - i);
            _stack.RemoveRange(i, _stack.Count - i);
            if (subs.Count > 0)
            {
                CleanAlt(subs[subs.Count - 1]);
            }

            if (subs.Count == 0)
            {
                return Push(NewNode(Re2Op.NoMatch));
            }

            return Push(Collapse(subs, Re2Op.Alternate));
        }

        private static void CleanAlt(Re2Node re)
        {
            if (re.Op != Re2Op.CharClass)
            {
                return;
            }

            Re2CharClass.CleanClass(re.Runes);
            if (re.TableRunes != 0)
            {
                return;
            }

            var r = re.Runes;
            if (r.Count == 2 && r[0] == 0 && r[1] == Re2CharClass.MaxRune)
            {
                re.Runes = new List<int>();
                re.Op = Re2Op.AnyChar;
            }
            else if (r.Count == 4 && r[0] == 0 && r[1] == '\n' - 1 && r[2] == '\n' + 1 && r[3] == Re2CharClass.MaxRune)
            {
                re.Runes = new List<int>();
                re.Op = Re2Op.AnyCharNotNL;
            }
        }

        private void ParseVerticalBar()
        {
            Concat();
            if (!SwapVerticalBar())
            {
                Op(Re2Op.VerticalBar);
            }
        }

        private bool SwapVerticalBar()
        {
            int n = _stack.Count;
            if (n >= 3 && _stack[n - 2].Op == Re2Op.VerticalBar && IsCharClass(_stack[n - 1]) && IsCharClass(_stack[n - 3]))
            {
                var re1 = _stack[n - 1];
                var re3 = _stack[n - 3];
                if (re1.Op > re3.Op)
                {
                    (re1, re3) = (re3, re1);
                    _stack[n - 3] = re3;
                }

                MergeCharClass(re3, re1);
                Reuse(re1);
                _stack.RemoveAt(n - 1);
                return true;
            }

            if (n >= 2)
            {
                var re1 = _stack[n - 1];
                var re2 = _stack[n - 2];
                if (re2.Op == Re2Op.VerticalBar)
                {
                    if (n >= 3)
                    {
                        CleanAlt(_stack[n - 3]);
                    }

                    _stack[n - 2] = re1;
                    _stack[n - 1] = re2;
                    return true;
                }
            }

            return false;
        }

        private bool ParseRightParen()
        {
            Concat();
            if (SwapVerticalBar())
            {
                _stack.RemoveAt(_stack.Count - 1);
            }

            Alternate();
            int n = _stack.Count;
            if (n < 2)
            {
                return FailB(Re2ErrorCodes.UnexpectedParen, _s);
            }

            var re1 = _stack[n - 1];
            var re2 = _stack[n - 2];
            _stack.RemoveRange(n - 2, 2);
            if (re2.Op != Re2Op.LeftParen)
            {
                return FailB(Re2ErrorCodes.UnexpectedParen, _s);
            }

            // Restore the flags in force at the parenthesis.
            _flags = re2.Flags;
            if (re2.Cap == 0)
            {
                Push(re1);
            }
            else
            {
                re2.Op = Re2Op.Capture;
                re2.Sub = new List<Re2Node>(1) { re1 };
                Push(re2);
            }

            return true;
        }

        // ---- Limits -------------------------------------------------------------------------

        private void CheckLimits(Re2Node re)
        {
            if (_numRunes > MaxRunes)
            {
                throw new LimitException(Re2ErrorCodes.Large);
            }

            CheckSize(re);
            CheckHeight(re);
        }

        private void CheckSize(Re2Node re)
        {
            if (!_sizeTracking)
            {
                // Cheap estimate first (product of repeats times node count), as Go does.
                if (_repeats == 0)
                {
                    _repeats = 1;
                }

                if (re.Op == Re2Op.Repeat)
                {
                    long n = re.Max;
                    if (n == -1)
                    {
                        n = re.Min;
                    }

                    if (n <= 0)
                    {
                        n = 1;
                    }

                    if (n > MaxSize / _repeats)
                    {
                        _repeats = MaxSize;
                    }
                    else
                    {
                        _repeats *= n;
                    }
                }

                if (_numRegexp < MaxSize / _repeats)
                {
                    return;
                }

                _sizeTracking = true;
                foreach (var item in _stack.ToArray())
                {
                    CheckSize(item);
                }
            }

            if (CalcSize(re, force: true) > MaxSize)
            {
                throw new LimitException(Re2ErrorCodes.Large);
            }
        }

        private void CheckHeight(Re2Node re)
        {
            if (_numRegexp < MaxHeight)
            {
                return;
            }

            if (!_heightTracking)
            {
                _heightTracking = true;
                foreach (var item in _stack.ToArray())
                {
                    CheckHeight(item);
                }
            }

            if (CalcHeight(re, force: true) > MaxHeight)
            {
                throw new LimitException(Re2ErrorCodes.NestingDepth);
            }
        }

        /// <summary>Go's calcSize, post-order without recursion; cached values are reused like Go's map.</summary>
        private static long CalcSize(Re2Node root, bool force)
        {
            if (!force && root.SizeKnown)
            {
                return root.Size;
            }

            var order = Re2Node.PreOrder(root, static sub => !sub.SizeKnown);

            for (int k = order.Count - 1; k >= 0; k--)
            {
                var re = order[k];
                long size = 0;
                switch (re.Op)
                {
                    case Re2Op.Literal:
                        size = re.Runes.Count;
                        break;
                    case Re2Op.Capture:
                    case Re2Op.Star:
                        size = 2 + re.Sub![0].Size;
                        break;
                    case Re2Op.Plus:
                    case Re2Op.Quest:
                        size = 1 + re.Sub![0].Size;
                        break;
                    case Re2Op.Concat:
                        foreach (var sub in re.Sub!)
                        {
                            size += sub.Size;
                        }

                        break;
                    case Re2Op.Alternate:
                        foreach (var sub in re.Sub!)
                        {
                            size += sub.Size;
                        }

                        if (re.Sub!.Count > 1)
                        {
                            size += re.Sub.Count - 1;
                        }

                        break;
                    case Re2Op.Repeat:
                    {
                        long sub = re.Sub![0].Size;
                        if (re.Max == -1)
                        {
                            size = re.Min == 0 ? 2 + sub : 1 + (re.Min * sub);
                        }
                        else
                        {
                            size = (re.Max * sub) + (re.Max - re.Min);
                        }

                        break;
                    }
                }

                re.Size = Math.Min(Math.Max(1, size), long.MaxValue / 4096);
                re.SizeKnown = true;
            }

            return root.Size;
        }

        /// <summary>Go's calcHeight, post-order without recursion.</summary>
        private static int CalcHeight(Re2Node root, bool force)
        {
            if (!force && root.HeightKnown)
            {
                return root.Height;
            }

            var order = Re2Node.PreOrder(root, static sub => !sub.HeightKnown);

            for (int k = order.Count - 1; k >= 0; k--)
            {
                var re = order[k];
                int h = 1;
                if (re.Sub != null)
                {
                    foreach (var sub in re.Sub)
                    {
                        if (h < 1 + sub.Height)
                        {
                            h = 1 + sub.Height;
                        }
                    }
                }

                re.Height = h;
                re.HeightKnown = true;
            }

            return root.Height;
        }
    }
}
