using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>Go's collapse and alternation factoring; they shape the tree that the limits measure.</summary>
    internal sealed partial class Re2Parser
    {
        /// <summary>
        /// Each nested factoring level adds at least one level of height, so beyond this depth the
        /// result must exceed Go's height limit; stopping here keeps the C# stack small.
        /// </summary>
        private const int MaxFactorDepth = MaxHeight + 2;

        private Re2Node Collapse(List<Re2Node> subs, Re2Op op)
        {
            if (subs.Count == 1)
            {
                return subs[0];
            }

            var re = NewNode(op);
            re.Sub = new List<Re2Node>(subs.Count);
            foreach (var sub in subs)
            {
                if (sub.Op == op)
                {
                    re.Sub.AddRange(sub.Sub!);
                    Reuse(sub);
                }
                else
                {
                    re.Sub.Add(sub);
                }
            }

            if (op == Re2Op.Alternate)
            {
                if (++_factorDepth > MaxFactorDepth)
                {
                    throw new LimitException(Re2ErrorCodes.NestingDepth);
                }

                re.Sub = Factor(re.Sub);
                _factorDepth--;
                if (re.Sub.Count == 1)
                {
                    var old = re;
                    re = re.Sub[0];
                    Reuse(old);
                }
            }

            return re;
        }

        private List<Re2Node> Factor(List<Re2Node> sub)
        {
            if (sub.Count < 2)
            {
                return sub;
            }

            // Round 1: factor out common literal prefixes.
            List<int>? str = null;
            int strLen = 0;
            var strFlags = Re2ParseFlags.None;
            int start = 0;
            var output = new List<Re2Node>();
            for (int i = 0; i <= sub.Count; i++)
            {
                List<int>? istr = null;
                var iflags = Re2ParseFlags.None;
                if (i < sub.Count)
                {
                    LeadingString(sub[i], out istr, out iflags);
                    if (iflags == strFlags)
                    {
                        int same = 0;
                        int ilen = istr?.Count ?? 0;
                        while (same < strLen && same < ilen && str![same] == istr![same])
                        {
                            same++;
                        }

                        if (same > 0)
                        {
                            strLen = same;
                            continue;
                        }
                    }
                }

                if (i == start)
                {
                    // Nothing to do.
                }
                else if (i == start + 1)
                {
                    output.Add(sub[start]);
                }
                else
                {
                    var prefix = NewNode(Re2Op.Literal);
                    prefix.Flags = strFlags;
                    prefix.Runes = str!.GetRange(0, strLen);
                    for (int j = start; j < i; j++)
                    {
                        sub[j] = RemoveLeadingString(sub[j], strLen);
                        CheckLimits(sub[j]);
                    }

                    var suffix = Collapse(sub.GetRange(start, i - start), Re2Op.Alternate);
                    var re = NewNode(Re2Op.Concat);
                    re.Sub = new List<Re2Node> { prefix, suffix };
                    output.Add(re);
                }

                start = i;
                str = istr;
                strLen = istr?.Count ?? 0;
                strFlags = iflags;
            }

            sub = output;

            // Round 2: factor out common simple prefixes (a char class or a fixed repeat of one).
            start = 0;
            output = new List<Re2Node>();
            Re2Node? first = null;
            for (int i = 0; i <= sub.Count; i++)
            {
                Re2Node? ifirst = null;
                if (i < sub.Count)
                {
                    ifirst = LeadingRegexp(sub[i]);
                    if (first != null &&
                        (IsCharClass(first) || (first.Op == Re2Op.Repeat && first.Min == first.Max && IsCharClass(first.Sub![0]))) &&
                        NodesEqual(first, ifirst))
                    {
                        continue;
                    }
                }

                if (i == start)
                {
                    // Nothing to do.
                }
                else if (i == start + 1)
                {
                    output.Add(sub[start]);
                }
                else
                {
                    var prefix = first!;
                    for (int j = start; j < i; j++)
                    {
                        sub[j] = RemoveLeadingRegexp(sub[j], reuse: j != start);
                        CheckLimits(sub[j]);
                    }

                    var suffix = Collapse(sub.GetRange(start, i - start), Re2Op.Alternate);
                    var re = NewNode(Re2Op.Concat);
                    re.Sub = new List<Re2Node> { prefix, suffix };
                    output.Add(re);
                }

                start = i;
                first = ifirst;
            }

            sub = output;

            // Round 3: collapse runs of single literals and classes into one class.
            start = 0;
            output = new List<Re2Node>();
            for (int i = 0; i <= sub.Count; i++)
            {
                if (i < sub.Count && IsCharClass(sub[i]))
                {
                    continue;
                }

                if (i == start)
                {
                    // Nothing to do.
                }
                else if (i == start + 1)
                {
                    output.Add(sub[start]);
                }
                else
                {
                    int max = start;
                    for (int j = start + 1; j < i; j++)
                    {
                        if (sub[max].Op < sub[j].Op || (sub[max].Op == sub[j].Op && sub[max].RuneSliceLength < sub[j].RuneSliceLength))
                        {
                            max = j;
                        }
                    }

                    (sub[start], sub[max]) = (sub[max], sub[start]);
                    for (int j = start + 1; j < i; j++)
                    {
                        MergeCharClass(sub[start], sub[j]);
                        Reuse(sub[j]);
                    }

                    CleanAlt(sub[start]);
                    output.Add(sub[start]);
                }

                if (i < sub.Count)
                {
                    output.Add(sub[i]);
                }

                start = i + 1;
            }

            sub = output;

            // Round 4: collapse runs of empty matches into one.
            output = new List<Re2Node>(sub.Count);
            for (int i = 0; i < sub.Count; i++)
            {
                if (i + 1 < sub.Count && sub[i].Op == Re2Op.EmptyMatch && sub[i + 1].Op == Re2Op.EmptyMatch)
                {
                    continue;
                }

                output.Add(sub[i]);
            }

            return output;
        }

        private static void LeadingString(Re2Node re, out List<int>? runes, out Re2ParseFlags flags)
        {
            if (re.Op == Re2Op.Concat && re.Sub!.Count > 0)
            {
                re = re.Sub[0];
            }

            if (re.Op != Re2Op.Literal)
            {
                runes = null;
                flags = Re2ParseFlags.None;
                return;
            }

            runes = re.Runes;
            flags = re.Flags & Re2ParseFlags.FoldCase;
        }

        private Re2Node RemoveLeadingString(Re2Node re, int n)
        {
            if (re.Op == Re2Op.Concat && re.Sub!.Count > 0)
            {
                // The first element of a concatenation is never itself a concatenation
                // (collapse flattens them), so this recursion is at most one level deep.
                var sub = RemoveLeadingString(re.Sub[0], n);
                re.Sub[0] = sub;
                if (sub.Op == Re2Op.EmptyMatch)
                {
                    Reuse(sub);
                    switch (re.Sub.Count)
                    {
                        case 0:
                        case 1:
                            re.Op = Re2Op.EmptyMatch;
                            re.Sub = null;
                            break;
                        case 2:
                            var old = re;
                            re = re.Sub[1];
                            Reuse(old);
                            break;
                        default:
                            re.Sub.RemoveAt(0);
                            break;
                    }
                }

                return re;
            }

            if (re.Op == Re2Op.Literal)
            {
                re.Runes.RemoveRange(0, System.Math.Min(n, re.Runes.Count));
                if (re.Runes.Count == 0)
                {
                    re.Op = Re2Op.EmptyMatch;
                }
            }

            return re;
        }

        private static Re2Node? LeadingRegexp(Re2Node re)
        {
            if (re.Op == Re2Op.EmptyMatch)
            {
                return null;
            }

            if (re.Op == Re2Op.Concat && re.Sub!.Count > 0)
            {
                var sub = re.Sub[0];
                return sub.Op == Re2Op.EmptyMatch ? null : sub;
            }

            return re;
        }

        private Re2Node RemoveLeadingRegexp(Re2Node re, bool reuse)
        {
            if (re.Op == Re2Op.Concat && re.Sub!.Count > 0)
            {
                if (reuse)
                {
                    Reuse(re.Sub[0]);
                }

                re.Sub.RemoveAt(0);
                switch (re.Sub.Count)
                {
                    case 0:
                        re.Op = Re2Op.EmptyMatch;
                        re.Sub = null;
                        break;
                    case 1:
                        var old = re;
                        re = re.Sub[0];
                        Reuse(old);
                        break;
                }

                return re;
            }

            if (reuse)
            {
                Reuse(re);
            }

            return NewNode(Re2Op.EmptyMatch);
        }

        private static bool IsCharClass(Re2Node re) =>
            (re.Op == Re2Op.Literal && re.Runes.Count == 1) ||
            re.Op == Re2Op.CharClass ||
            re.Op == Re2Op.AnyCharNotNL ||
            re.Op == Re2Op.AnyChar;

        private static bool MatchRune(Re2Node re, int r)
        {
            switch (re.Op)
            {
                case Re2Op.Literal:
                    return re.Runes.Count == 1 && re.Runes[0] == r;
                case Re2Op.CharClass:
                    return Re2CharClass.Contains(re.Runes, r);
                case Re2Op.AnyCharNotNL:
                    return r != '\n';
                case Re2Op.AnyChar:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Go's mergeCharClass: dst |= src, where dst is the more complex of the two.</summary>
        private static void MergeCharClass(Re2Node dst, Re2Node src)
        {
            switch (dst.Op)
            {
                case Re2Op.AnyChar:
                    break;
                case Re2Op.AnyCharNotNL:
                    if (MatchRune(src, '\n'))
                    {
                        dst.Op = Re2Op.AnyChar;
                    }

                    break;
                case Re2Op.CharClass:
                    if (src.Op == Re2Op.Literal)
                    {
                        Re2CharClass.AppendLiteral(dst.Runes, src.Runes[0], src.Flags);
                    }
                    else
                    {
                        Re2CharClass.AppendClass(dst.Runes, src.Runes);
                        dst.TableRunes += src.TableRunes;
                        if (src.TableKey != null)
                        {
                            dst.TableKey += src.TableKey;
                        }
                    }

                    break;
                case Re2Op.Literal:
                    if (src.Runes[0] == dst.Runes[0] && src.Flags == dst.Flags)
                    {
                        break;
                    }

                    int d = dst.Runes[0];
                    dst.Op = Re2Op.CharClass;
                    dst.Runes = new List<int>();
                    Re2CharClass.AppendLiteral(dst.Runes, d, dst.Flags);
                    Re2CharClass.AppendLiteral(dst.Runes, src.Runes[0], src.Flags);
                    break;
            }
        }

        /// <summary>Go's Regexp.Equal, without recursion.</summary>
        internal static bool NodesEqual(Re2Node? x, Re2Node? y)
        {
            var work = new Stack<(Re2Node? X, Re2Node? Y)>();
            work.Push((x, y));
            while (work.Count > 0)
            {
                var (a, b) = work.Pop();
                if (a is null || b is null)
                {
                    if (!ReferenceEquals(a, b))
                    {
                        return false;
                    }

                    continue;
                }

                if (a.Op != b.Op)
                {
                    return false;
                }

                switch (a.Op)
                {
                    case Re2Op.EndText:
                        if ((a.Flags & Re2ParseFlags.WasDollar) != (b.Flags & Re2ParseFlags.WasDollar))
                        {
                            return false;
                        }

                        break;
                    case Re2Op.Literal:
                    case Re2Op.CharClass:
                        if (!SameRunes(a.Runes, b.Runes) || a.TableRunes != b.TableRunes || a.TableKey != b.TableKey)
                        {
                            return false;
                        }

                        break;
                    case Re2Op.Alternate:
                    case Re2Op.Concat:
                        if (a.Sub!.Count != b.Sub!.Count)
                        {
                            return false;
                        }

                        for (int i = 0; i < a.Sub.Count; i++)
                        {
                            work.Push((a.Sub[i], b.Sub[i]));
                        }

                        break;
                    case Re2Op.Star:
                    case Re2Op.Plus:
                    case Re2Op.Quest:
                        if ((a.Flags & Re2ParseFlags.NonGreedy) != (b.Flags & Re2ParseFlags.NonGreedy))
                        {
                            return false;
                        }

                        work.Push((a.Sub![0], b.Sub![0]));
                        break;
                    case Re2Op.Repeat:
                        if ((a.Flags & Re2ParseFlags.NonGreedy) != (b.Flags & Re2ParseFlags.NonGreedy) || a.Min != b.Min || a.Max != b.Max)
                        {
                            return false;
                        }

                        work.Push((a.Sub![0], b.Sub![0]));
                        break;
                    case Re2Op.Capture:
                        if (a.Cap != b.Cap || a.Name != b.Name)
                        {
                            return false;
                        }

                        work.Push((a.Sub![0], b.Sub![0]));
                        break;
                }
            }

            return true;
        }

        private static bool SameRunes(List<int> a, List<int> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (int i = 0; i < a.Count; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
