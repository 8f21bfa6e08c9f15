using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using PromQL.Parsing.Semantics.Re2;

namespace PromQL.Parsing.Semantics
{
    /// <summary>
    /// The regex of a <c>=~</c> or <c>!~</c> label matcher as Prometheus reads it (<c>labels.NewFastRegexMatcher</c>
    /// in <c>model/labels/regexp.go</c>): a value that is empty or <c>|</c>-separated plain literals is matched as a
    /// set of strings and never parsed; any other value is parsed by Go's <c>regexp/syntax</c> with Perl flags plus
    /// <c>DotNL</c> and matched as <c>^(?s:value)$</c>, so it must match the whole label value and <c>.</c>
    /// matches a newline. Facts are read from the RE2 port's parse tree, are computed when first asked, and are
    /// sure: where this type cannot tell, it answers false (or leaves a prefix shorter). Nothing here throws.
    /// </summary>
    /// <remarks>
    /// This type knows nothing of holes: <see cref="PromQlParser.HoleCharacter"/> is one literal character to RE2 (a
    /// private-use code point), so a pattern with holes is read as if each hole were that character. A caller that
    /// lets holes through decides what they mean; <see cref="Syntax.LabelMatcher.MatchesEmpty"/>, which sees
    /// <see cref="Syntax.LabelMatcher.ValueHasHole"/>, answers null where a hole leaves the answer open.
    /// </remarks>
    public sealed class PromQlRegex
    {
        /// <summary>Prometheus's <c>maxSetMatches</c>: the most alternatives this type spells out.</summary>
        private const int MaxAlternatives = 256;

        /// <summary>How deep the fact walks go into the tree; below that a node counts as unknown.</summary>
        private const int MaxDepth = 100;

        private static readonly Alternative[] Unknown = { new Alternative(string.Empty, exact: false) };

        /// <summary>The parse tree; null for an alternation of plain literals, which Prometheus never parses.</summary>
        private readonly Re2Node? _root;

        private Alternative[]? _alternatives;
        private IReadOnlyList<string>? _literalPrefixes;
        private int _shape = -1;

        private PromQlRegex(string pattern, Re2Node? root, bool matchesEmpty)
        {
            Pattern = pattern;
            _root = root;
            MatchesEmpty = matchesEmpty;
        }

        private enum Shape
        {
            /// <summary>None of the others (or not known to be).</summary>
            Other,

            /// <summary>Exactly one character, any (<c>.</c> under <c>(?s)</c>).</summary>
            AnyOne,

            /// <summary>Every string (<c>.*</c>).</summary>
            All,

            /// <summary>Every non-empty string (<c>.+</c>).</summary>
            AllNonEmpty,
        }

        /// <summary>The matcher's value as written (unquoted), the regex without Prometheus's anchors.</summary>
        public string Pattern { get; }

        /// <summary>
        /// Whether the regex matches the empty string (Prometheus's <c>Matcher.Matches("")</c> on a <c>=~</c>
        /// matcher), which decides whether it also selects series without the label: <c>^(?s:value)$</c> run on "".
        /// Anchors hold on empty input, <c>\b</c> does not.
        /// </summary>
        public bool MatchesEmpty { get; }

        /// <summary>
        /// Whether the regex matches every string, newlines included, so <c>=~</c> with it selects everything and the
        /// matcher could go: <c>.*</c>, and what is surely the same (<c>(.*)</c>, <c>^.*$</c>, <c>.*.*</c>,
        /// <c>.*|x</c>, <c>[\s\S]*</c>). Prometheus's TSDB drops <c>=~".*"</c> from the postings lookup and
        /// <c>FastRegexMatcher</c> answers <c>.*</c> without running it (its <c>trueMatcher</c>); because matcher
        /// regexes run under <c>(?s)</c>, <c>.</c> matches a newline, and <c>(?-s).*</c> is not such a regex.
        /// </summary>
        public bool MatchesEverything => GetShape() == Shape.All;

        /// <summary>
        /// Whether the regex matches exactly the non-empty strings, newlines included, so <c>=~</c> with it means
        /// <c>!=""</c>: <c>.+</c>, and what is surely the same (<c>(.+)</c>, <c>..*</c>, <c>.+.*</c>). Prometheus's
        /// TSDB answers <c>=~".+"</c> with the postings of every value of the label, as it does <c>!=""</c>, and
        /// <c>FastRegexMatcher</c> matches it without running it (its <c>anyNonEmptyStringMatcher</c>).
        /// </summary>
        public bool MatchesAnyNonEmpty => GetShape() == Shape.AllNonEmpty;

        /// <summary>
        /// The literal prefixes of the regex's alternatives, in order, without repeats. Every string the regex matches
        /// starts, byte for byte, with one of them; an alternative that surely matches nothing (an empty class) is
        /// left out, so an empty list means the regex matches nothing.
        /// </summary>
        /// <remarks>
        /// The alternatives are the branches of a <c>|</c>, also of one reached through literals: <c>a(?:b|c)</c>
        /// has the two alternatives <c>ab</c> and <c>ac</c>, as RE2 itself factors <c>ab|ac</c> into
        /// <c>a(?:b|c)</c> and a single-character alternation into a class (a class of at most 256 characters counts
        /// as that many alternatives; Prometheus's <c>findSetMatches</c> spells classes out the same way). An
        /// alternative's prefix is its literal text up to the first piece that is not a literal: a quantified piece
        /// (<c>*</c>, <c>+</c>, <c>?</c>, <c>{n,m}</c>), <c>.</c>, a bigger class, an assertion, or a character
        /// <c>(?i)</c> lets match in either case. Anchors at the very start and end are no pieces, since Prometheus
        /// anchors the regex anyway. Where more than 256 alternatives would come out, the prefixes stop short.
        /// Prometheus's <c>Matcher.Prefix()</c> is the one prefix of a concatenation that starts with a literal.
        /// </remarks>
        public IReadOnlyList<string> LiteralPrefixes
        {
            get
            {
                var prefixes = Volatile.Read(ref _literalPrefixes);
                if (prefixes is null)
                {
                    var alternatives = GetAlternatives();
                    var list = new List<string>(alternatives.Length);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var alternative in alternatives)
                    {
                        if (seen.Add(alternative.Prefix))
                        {
                            list.Add(alternative.Prefix);
                        }
                    }

                    prefixes = list.AsReadOnly();
                    Volatile.Write(ref _literalPrefixes, prefixes);
                }

                return prefixes;
            }
        }

        /// <summary>
        /// Parses a matcher regex. False when Prometheus would reject it (<c>error parsing regexp: …</c>) or when it
        /// cannot be read; then <paramref name="regex"/> is null and nothing is known about it.
        /// </summary>
        public static bool TryParse(string pattern, out PromQlRegex? regex)
        {
            regex = Parse(pattern ?? string.Empty, out _);
            return regex is not null;
        }

        /// <summary>
        /// Whether the regex matches exactly one string, the one it must equal, so <c>=~</c> with it means
        /// <c>="literal"</c>: a value free of metacharacters (Prometheus matches it with string equality, never parsing
        /// it), and what RE2 reads as one string (<c>a\.b</c>, <c>(ab)</c>, <c>[a]</c>, <c>^ab$</c>, <c>(?i)1</c>).
        /// Not so under <c>(?i)</c> with a letter, nor for <c>a{1}</c> (a quantified piece), nor for <c>a|b</c>.
        /// </summary>
        /// <param name="literal">The string; empty when the answer is false.</param>
        public bool IsLiteral(out string literal)
        {
            literal = string.Empty;
            var alternatives = GetAlternatives();
            if (alternatives.Length == 0)
            {
                return false;
            }

            foreach (var alternative in alternatives)
            {
                if (!alternative.Exact || !string.Equals(alternative.Prefix, alternatives[0].Prefix, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            literal = alternatives[0].Prefix;
            return true;
        }

        /// <summary>
        /// Whether the pattern starts with a <c>^</c> or ends with a <c>$</c> that only repeats Prometheus's own
        /// anchoring (<c>^(?s:value)$</c>), so that dropping it keeps the meaning: the anchor stands at the start (end)
        /// of the pattern's top-level sequence, and the pattern without it parses, in RE2, to exactly the rest of that
        /// sequence. Not for <c>^a|b$</c> (its anchors bind inside the alternatives), <c>\$</c> or <c>[$]</c>, nor
        /// when nothing would be left.
        /// </summary>
        /// <param name="withoutAnchors">The pattern without the redundant anchors; empty when the answer is false.</param>
        /// <param name="atStart">Whether the first character, a <c>^</c>, goes.</param>
        /// <param name="atEnd">Whether the last character, a <c>$</c>, goes.</param>
        public bool HasRedundantAnchors(out string withoutAnchors, out bool atStart, out bool atEnd)
        {
            var rest = Re2Regex.WithoutRedundantAnchors(Pattern, out atStart, out atEnd);
            withoutAnchors = rest ?? string.Empty;
            return rest is not null;
        }

        /// <inheritdoc />
        public override string ToString() => Pattern;

        /// <summary>
        /// Parses <paramref name="pattern"/>: null, with Prometheus's message in <paramref name="error"/>, when
        /// Prometheus rejects it; null with no message when the port failed on it.
        /// </summary>
        internal static PromQlRegex? Parse(string pattern, out string? error)
        {
            if (!Re2Regex.TryParse(pattern, out var root, out error) || error is not null)
            {
                return null;
            }

            try
            {
                var matchesEmpty = root is null ? Re2Regex.HasEmptyLiteral(pattern) : Re2Regex.IsNullable(root);
                return new PromQlRegex(pattern, root, matchesEmpty);
            }
#pragma warning disable CA1031 // A defect in the port must not surface as an exception: then nothing is known.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        private Alternative[] GetAlternatives()
        {
            var alternatives = Volatile.Read(ref _alternatives);
            if (alternatives is null)
            {
                try
                {
                    alternatives = _root is null ? SplitLiterals(Pattern) : (Alternatives(_root, atStart: true, atEnd: true, depth: 0)?.ToArray() ?? Array.Empty<Alternative>());
                }
#pragma warning disable CA1031 // A defect here must not surface as an exception: the empty prefix is always true.
                catch (Exception)
#pragma warning restore CA1031
                {
                    alternatives = Unknown;
                }

                Volatile.Write(ref _alternatives, alternatives);
            }

            return alternatives;
        }

        private Shape GetShape()
        {
            var shape = Volatile.Read(ref _shape);
            if (shape < 0)
            {
                try
                {
                    shape = (int)(_root is null ? Shape.Other : ClassifyTop(_root));
                }
#pragma warning disable CA1031 // A defect here must not surface as an exception: Other claims nothing.
                catch (Exception)
#pragma warning restore CA1031
                {
                    shape = (int)Shape.Other;
                }

                Volatile.Write(ref _shape, shape);
            }

            return (Shape)shape;
        }

        private static Alternative[] SplitLiterals(string pattern)
        {
            var parts = pattern.Split('|');
            var alternatives = new Alternative[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                alternatives[i] = new Alternative(parts[i], exact: true);
            }

            return alternatives;
        }

        /// <summary>
        /// The alternatives of <paramref name="node"/>, or null when it surely matches nothing.
        /// <paramref name="atStart"/> and <paramref name="atEnd"/> say whether the node stands at the very start or
        /// end of the whole regex, where an anchor always holds.
        /// </summary>
        private static List<Alternative>? Alternatives(Re2Node node, bool atStart, bool atEnd, int depth)
        {
            if (depth > MaxDepth)
            {
                return Open();
            }

            switch (node.Op)
            {
                case Re2Op.EmptyMatch:
                    return Exact(string.Empty);
                case Re2Op.NoMatch:
                    return null;
                case Re2Op.Literal:
                    return LiteralAlternatives(node);
                case Re2Op.CharClass:
                    return ClassAlternatives(node);
                case Re2Op.BeginText:
                case Re2Op.BeginLine:
                    return atStart ? Exact(string.Empty) : Open();
                case Re2Op.EndText:
                case Re2Op.EndLine:
                    return atEnd ? Exact(string.Empty) : Open();
                case Re2Op.Capture:
                    return Alternatives(node.Sub![0], atStart, atEnd, depth + 1);
                case Re2Op.Alternate:
                    return AlternateAlternatives(node, atStart, atEnd, depth);
                case Re2Op.Concat:
                    return ConcatAlternatives(node, atStart, atEnd, depth);
                case Re2Op.Plus:
                    return SurelyMatchesNothing(node.Sub![0], depth + 1) ? null : Open();
                case Re2Op.Repeat when node.Min > 0:
                    return SurelyMatchesNothing(node.Sub![0], depth + 1) ? null : Open();
                default:
                    // Star, Quest, Repeat from 0, any character, word boundaries.
                    return Open();
            }
        }

        private static List<Alternative> LiteralAlternatives(Re2Node node)
        {
            var runes = node.Runes;
            var foldCase = (node.Flags & Re2ParseFlags.FoldCase) != 0;
            var text = new StringBuilder(runes.Count);
            for (var i = 0; i < runes.Count; i++)
            {
                if (foldCase && HasOtherCase(runes[i]))
                {
                    return new List<Alternative> { new Alternative(text.ToString(), exact: false) };
                }

                AppendRune(text, runes[i]);
            }

            return Exact(text.ToString());
        }

        private static List<Alternative>? ClassAlternatives(Re2Node node)
        {
            var ranges = node.Runes;
            if (node.TableRunes != 0)
            {
                // Unicode tables (\pL) are not spelled out in the ranges: a big class, not an empty one.
                return Open();
            }

            long count = 0;
            for (var i = 0; i + 1 < ranges.Count; i += 2)
            {
                count += (long)ranges[i + 1] - ranges[i] + 1;
            }

            if (count == 0)
            {
                // An empty class ([^\x00-\x{10FFFF}]) matches nothing.
                return null;
            }

            if (count > MaxAlternatives)
            {
                return Open();
            }

            var alternatives = new List<Alternative>((int)count);
            var text = new StringBuilder(2);
            for (var i = 0; i + 1 < ranges.Count; i += 2)
            {
                for (var r = ranges[i]; r <= ranges[i + 1]; r++)
                {
                    text.Clear();
                    AppendRune(text, r);
                    alternatives.Add(new Alternative(text.ToString(), exact: true));
                }
            }

            return alternatives;
        }

        private static List<Alternative>? AlternateAlternatives(Re2Node node, bool atStart, bool atEnd, int depth)
        {
            List<Alternative>? all = null;
            foreach (var sub in node.Sub!)
            {
                var alternatives = Alternatives(sub, atStart, atEnd, depth + 1);
                if (alternatives is null)
                {
                    continue;
                }

                all ??= new List<Alternative>();
                all.AddRange(alternatives);
                if (all.Count > MaxAlternatives)
                {
                    return Open();
                }
            }

            return all;
        }

        private static List<Alternative>? ConcatAlternatives(Re2Node node, bool atStart, bool atEnd, int depth)
        {
            var subs = node.Sub!;
            var current = Exact(string.Empty);
            for (var i = 0; i < subs.Count; i++)
            {
                if (!AnyExact(current))
                {
                    // Nothing left to extend: the rest only decides whether the concatenation can match at all.
                    for (var j = i; j < subs.Count; j++)
                    {
                        if (SurelyMatchesNothing(subs[j], depth + 1))
                        {
                            return null;
                        }
                    }

                    break;
                }

                var subAtStart = atStart && current.Count == 1 && current[0].Prefix.Length == 0;
                var subAtEnd = atEnd && OnlyEndAnchorsFrom(subs, i + 1);
                var next = Alternatives(subs[i], subAtStart, subAtEnd, depth + 1);
                if (next is null)
                {
                    return null;
                }

                var extended = new List<Alternative>();
                foreach (var alternative in current)
                {
                    if (!alternative.Exact)
                    {
                        extended.Add(alternative);
                        continue;
                    }

                    foreach (var tail in next)
                    {
                        extended.Add(new Alternative(alternative.Prefix + tail.Prefix, tail.Exact));
                    }
                }

                if (extended.Count > MaxAlternatives)
                {
                    // Too many to spell out: the prefixes so far stay true, they just stop here.
                    for (var k = 0; k < current.Count; k++)
                    {
                        current[k] = new Alternative(current[k].Prefix, exact: false);
                    }

                    continue;
                }

                current = extended;
            }

            return current;
        }

        private static bool OnlyEndAnchorsFrom(List<Re2Node> subs, int start)
        {
            for (var i = start; i < subs.Count; i++)
            {
                if (subs[i].Op is not (Re2Op.EndText or Re2Op.EndLine))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the node surely matches no string at all (an empty class, say); false when unsure.</summary>
        private static bool SurelyMatchesNothing(Re2Node node, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (node.Op)
            {
                case Re2Op.NoMatch:
                    return true;
                case Re2Op.CharClass:
                    return node.Runes.Count == 0 && node.TableRunes == 0;
                case Re2Op.Capture:
                case Re2Op.Plus:
                    return SurelyMatchesNothing(node.Sub![0], depth + 1);
                case Re2Op.Repeat:
                    return node.Min > 0 && SurelyMatchesNothing(node.Sub![0], depth + 1);
                case Re2Op.Concat:
                    foreach (var sub in node.Sub!)
                    {
                        if (SurelyMatchesNothing(sub, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                case Re2Op.Alternate:
                    foreach (var sub in node.Sub!)
                    {
                        if (!SurelyMatchesNothing(sub, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The shape of the whole regex: anchors at its very start and end hold anyway and are dropped.</summary>
        private static Shape ClassifyTop(Re2Node root)
        {
            var node = root;
            for (var depth = 0; node.Op == Re2Op.Capture && depth <= MaxDepth; depth++)
            {
                node = node.Sub![0];
            }

            if (node.Op is Re2Op.BeginText or Re2Op.BeginLine or Re2Op.EndText or Re2Op.EndLine)
            {
                // Alone, an anchor matches the empty string only.
                return Shape.Other;
            }

            if (node.Op != Re2Op.Concat)
            {
                return Classify(node, 0);
            }

            var subs = node.Sub!;
            var start = 0;
            var end = subs.Count;
            while (start < end && subs[start].Op is Re2Op.BeginText or Re2Op.BeginLine)
            {
                start++;
            }

            while (end > start && subs[end - 1].Op is Re2Op.EndText or Re2Op.EndLine)
            {
                end--;
            }

            return ClassifySequence(subs, start, end, 0);
        }

        private static Shape Classify(Re2Node node, int depth)
        {
            if (depth > MaxDepth)
            {
                return Shape.Other;
            }

            switch (node.Op)
            {
                case Re2Op.AnyChar:
                    return Shape.AnyOne;
                case Re2Op.CharClass:
                    return node.TableRunes == 0 && node.Runes.Count == 2 && node.Runes[0] == 0 && node.Runes[1] == Re2CharClass.MaxRune
                        ? Shape.AnyOne
                        : Shape.Other;
                case Re2Op.Capture:
                    return Classify(node.Sub![0], depth + 1);
                case Re2Op.Star:
                    return Classify(node.Sub![0], depth + 1) == Shape.Other ? Shape.Other : Shape.All;
                case Re2Op.Plus:
                    return Classify(node.Sub![0], depth + 1) switch
                    {
                        Shape.AnyOne or Shape.AllNonEmpty => Shape.AllNonEmpty,
                        Shape.All => Shape.All,
                        _ => Shape.Other,
                    };
                case Re2Op.Quest:
                    return Classify(node.Sub![0], depth + 1) is Shape.All or Shape.AllNonEmpty ? Shape.All : Shape.Other;
                case Re2Op.Repeat:
                    return ClassifyRepeat(node, depth);
                case Re2Op.Concat:
                    return ClassifySequence(node.Sub!, 0, node.Sub!.Count, depth);
                case Re2Op.Alternate:
                    return ClassifyAlternate(node, depth);
                default:
                    return Shape.Other;
            }
        }

        private static Shape ClassifyRepeat(Re2Node node, int depth)
        {
            if (node.Max == 0)
            {
                return Shape.Other;
            }

            switch (Classify(node.Sub![0], depth + 1))
            {
                case Shape.All:
                    return Shape.All;
                case Shape.AllNonEmpty:
                    return node.Min switch
                    {
                        0 => Shape.All,
                        1 => Shape.AllNonEmpty,
                        _ => Shape.Other,
                    };
                case Shape.AnyOne when node.Max < 0:
                    return node.Min switch
                    {
                        0 => Shape.All,
                        1 => Shape.AllNonEmpty,
                        _ => Shape.Other,
                    };
                default:
                    return Shape.Other;
            }
        }

        /// <summary>
        /// A concatenation: every string when one part is and the others can match nothing at all (a·Σ* ⊇ Σ* when a
        /// matches ""); every non-empty string when one part is that (or is one character beside an everything part).
        /// </summary>
        private static Shape ClassifySequence(List<Re2Node> subs, int start, int end, int depth)
        {
            var hasAll = false;
            var single = Shape.Other;
            var singles = 0;
            for (var i = start; i < end; i++)
            {
                var shape = Classify(subs[i], depth + 1);
                if (shape == Shape.All)
                {
                    hasAll = true;
                }
                else if (!SurelyMatchesEmptyAnywhere(subs[i], depth + 1))
                {
                    single = shape;
                    singles++;
                }
            }

            if (singles == 0)
            {
                return hasAll ? Shape.All : Shape.Other;
            }

            if (singles == 1 && (single == Shape.AllNonEmpty || (single == Shape.AnyOne && hasAll)))
            {
                return Shape.AllNonEmpty;
            }

            return Shape.Other;
        }

        private static Shape ClassifyAlternate(Re2Node node, int depth)
        {
            var nonEmpty = false;
            var empty = false;
            foreach (var sub in node.Sub!)
            {
                switch (Classify(sub, depth + 1))
                {
                    case Shape.All:
                        return Shape.All;
                    case Shape.AllNonEmpty:
                        nonEmpty = true;
                        break;
                    default:
                        empty |= SurelyMatchesEmptyAnywhere(sub, depth + 1);
                        break;
                }
            }

            return !nonEmpty ? Shape.Other : empty ? Shape.All : Shape.AllNonEmpty;
        }

        /// <summary>Whether the node matches the empty string wherever it stands (so no anchor or \b decides it).</summary>
        private static bool SurelyMatchesEmptyAnywhere(Re2Node node, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (node.Op)
            {
                case Re2Op.EmptyMatch:
                case Re2Op.Star:
                case Re2Op.Quest:
                    return true;
                case Re2Op.Literal:
                    return node.Runes.Count == 0;
                case Re2Op.Repeat:
                    return node.Min == 0 || SurelyMatchesEmptyAnywhere(node.Sub![0], depth + 1);
                case Re2Op.Capture:
                case Re2Op.Plus:
                    return SurelyMatchesEmptyAnywhere(node.Sub![0], depth + 1);
                case Re2Op.Concat:
                    foreach (var sub in node.Sub!)
                    {
                        if (!SurelyMatchesEmptyAnywhere(sub, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case Re2Op.Alternate:
                    foreach (var sub in node.Sub!)
                    {
                        if (SurelyMatchesEmptyAnywhere(sub, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether <c>(?i)</c> lets the rune match another one. Beyond the BMP the port's case table is not exact, so
        /// every rune there counts as having another case.
        /// </summary>
        private static bool HasOtherCase(int rune)
        {
            if (rune < 0x80)
            {
                return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z');
            }

            return rune > 0xFFFF || Re2CharClass.SimpleFold(rune) != rune;
        }

        private static void AppendRune(StringBuilder text, int rune)
        {
            if (rune > 0xFFFF && rune <= Re2CharClass.MaxRune)
            {
                text.Append(char.ConvertFromUtf32(rune));
            }
            else
            {
                text.Append((char)rune);
            }
        }

        private static bool AnyExact(List<Alternative> alternatives)
        {
            foreach (var alternative in alternatives)
            {
                if (alternative.Exact)
                {
                    return true;
                }
            }

            return false;
        }

        private static List<Alternative> Exact(string text) => new List<Alternative> { new Alternative(text, exact: true) };

        private static List<Alternative> Open() => new List<Alternative> { new Alternative(string.Empty, exact: false) };

        /// <summary>One alternative: the literal text its matches start with, and whether it matches just that text.</summary>
        private readonly struct Alternative
        {
            public Alternative(string prefix, bool exact)
            {
                Prefix = prefix;
                Exact = exact;
            }

            public string Prefix { get; }

            public bool Exact { get; }
        }
    }
}
