using System;
using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>
    /// Validation of label-matcher regular expressions (=~, !~) as Prometheus does it: the value is
    /// parsed by Go's regexp/syntax with Perl flags plus DotNL, then compiled as <c>^(?s:value)$</c>.
    /// Linear time, bounded stack, never throws.
    /// </summary>
    internal static class Re2Regex
    {
        private const Re2ParseFlags MatcherFlags = Re2ParseFlags.Perl | Re2ParseFlags.DotNL;
        private const int MaxHeight = 1000;

        /// <summary>
        /// Returns null when Prometheus accepts <paramref name="pattern"/> as a matcher regex, otherwise
        /// the error message Prometheus reports, e.g. <c>error parsing regexp: missing closing ): `(foo`</c>.
        /// </summary>
        internal static string? Validate(string pattern)
        {
            Analyze(pattern, out string? error, out _);
            return error;
        }

        /// <summary>
        /// Whether <c>^(?s:pattern)$</c> matches the empty string; null when the pattern is invalid.
        /// </summary>
        internal static bool? MatchesEmpty(string pattern)
        {
            return Analyze(pattern, out string? error, out bool matchesEmpty) && error is null ? matchesEmpty : (bool?)null;
        }

        /// <summary>Validates and computes emptiness; false only if something unexpected went wrong.</summary>
        private static bool Analyze(string? pattern, out string? error, out bool matchesEmpty)
        {
            matchesEmpty = false;
            if (pattern is null)
            {
                error = null;
                matchesEmpty = true;
                return true;
            }

            if (!TryParse(pattern, out var root, out error))
            {
                return false;
            }

            if (error is not null)
            {
                return true;
            }

            try
            {
                matchesEmpty = root is null ? HasEmptyLiteral(pattern) : IsNullable(root);
                return true;
            }
#pragma warning disable CA1031 // A validator bug must never surface as an exception to the caller.
            catch (Exception)
#pragma warning restore CA1031
            {
                return false;
            }
        }

        /// <summary>
        /// Parses a matcher regex the way Prometheus's <c>NewFastRegexMatcher</c> does: a value that is empty or a
        /// <c>|</c>-separated list of plain literals is never parsed (<paramref name="root"/> stays null, the value is
        /// valid whatever it holds); any other value is parsed with Perl flags plus DotNL. Returns false only if
        /// something unexpected went wrong (then nothing is known); otherwise <paramref name="error"/> is null when
        /// Prometheus accepts the value and its message when it does not.
        /// </summary>
        internal static bool TryParse(string pattern, out Re2Node? root, out string? error)
        {
            root = null;
            error = null;
            try
            {
                if (IsAlternationOfLiterals(pattern))
                {
                    return true;
                }

                root = Re2Parser.Parse(pattern, MatcherFlags, out error);
                if (root is null)
                {
                    return true;
                }

                // The parsed value is recompiled inside ^(?s:...)$, which can add one level of height.
                if (root.Op != Re2Op.Concat && AnchoredHeightExceeds(root))
                {
                    root = null;
                    error = Re2ErrorCodes.Format(Re2ErrorCodes.NestingDepth, "^(?s:" + pattern + ")$");
                }

                return true;
            }
#pragma warning disable CA1031 // A validator bug must never surface as an exception to the caller.
            catch (Exception)
#pragma warning restore CA1031
            {
                root = null;
                error = null;
                return false;
            }
        }

        /// <summary>
        /// The pattern without its first character <c>^</c> (<paramref name="start"/>) and its last character <c>$</c>
        /// (<paramref name="end"/>) when both are anchors the pattern's own top-level sequence begins and ends with, and
        /// the shorter pattern parses to exactly the rest of that sequence (Go's <c>Regexp.Equal</c>): then, inside
        /// Prometheus's <c>^(?s:...)$</c>, the anchors only repeat what the full anchoring already says. Null when neither
        /// goes, when the rest would be empty, or when the parse does not prove it (<c>^a|b$</c>, whose anchors sit in
        /// the alternatives, an escaped <c>\$</c>, a <c>$</c> in a class).
        /// </summary>
        internal static string? WithoutRedundantAnchors(string pattern, out bool start, out bool end)
        {
            start = false;
            end = false;
            try
            {
                if (pattern.Length < 2 || (pattern[0] != '^' && pattern[pattern.Length - 1] != '$'))
                {
                    return null;
                }

                var root = Re2Parser.Parse(pattern, MatcherFlags, out var error);
                if (root is null || error is not null || root.Op != Re2Op.Concat || root.Sub is not { Count: >= 2 } subs)
                {
                    return null;
                }

                var first = 0;
                var last = subs.Count;
                if (pattern[0] == '^' && subs[0].Op is Re2Op.BeginText or Re2Op.BeginLine)
                {
                    first = 1;
                }

                if (pattern[pattern.Length - 1] == '$' && last - 1 > first && subs[last - 1].Op is Re2Op.EndText or Re2Op.EndLine)
                {
                    last--;
                }

                if (first == 0 && last == subs.Count)
                {
                    return null;
                }

                // Nothing but anchors left (^$ is =~""): not a case of an anchor that adds nothing to a regex.
                var onlyAnchors = true;
                for (var i = 0; i < subs.Count; i++)
                {
                    onlyAnchors &= subs[i].Op is Re2Op.BeginText or Re2Op.BeginLine or Re2Op.EndText or Re2Op.EndLine;
                }

                if (onlyAnchors)
                {
                    return null;
                }

                var rest = pattern.Substring(first, pattern.Length - first - (last < subs.Count ? 1 : 0));
                var shorter = rest.Length == 0 ? null : Re2Parser.Parse(rest, MatcherFlags, out error);
                if (shorter is null || error is not null)
                {
                    return null;
                }

                var count = last - first;
                var same = count == 1
                    ? Re2Parser.NodesEqual(subs[first], shorter)
                    : shorter.Op == Re2Op.Concat && shorter.Sub!.Count == count && SameSequence(subs, first, shorter.Sub);
                if (!same)
                {
                    return null;
                }

                start = first == 1;
                end = last < subs.Count;
                return rest;
            }
#pragma warning disable CA1031 // A defect here must not surface as an exception: then nothing is claimed.
            catch (Exception)
#pragma warning restore CA1031
            {
                start = false;
                end = false;
                return null;
            }
        }

        private static bool SameSequence(List<Re2Node> subs, int first, List<Re2Node> other)
        {
            for (var i = 0; i < other.Count; i++)
            {
                if (!Re2Parser.NodesEqual(subs[first + i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a <c>|</c>-separated list of plain literals has an empty one.</summary>
        internal static bool HasEmptyLiteral(string literals)
        {
            var altStart = 0;
            for (var i = 0; i < literals.Length; i++)
            {
                if (literals[i] == '|')
                {
                    if (i == altStart)
                    {
                        return true;
                    }

                    altStart = i + 1;
                }
            }

            return altStart == literals.Length;
        }

        /// <summary>The bytes QuoteMeta escapes; a value without them is a plain literal to Prometheus.</summary>
        internal static bool IsRegexMeta(char c) => c switch
        {
            '\\' or '.' or '+' or '*' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '^' or '$' => true,
            _ => false,
        };

        /// <summary>
        /// Whether the value is empty or <c>|</c>-separated plain literals (Prometheus's <c>optimizeAlternatingLiterals</c>):
        /// then Prometheus matches it as a set of strings and never parses it.
        /// </summary>
        internal static bool IsAlternationOfLiterals(string pattern)
        {
            foreach (var c in pattern)
            {
                if (IsRegexMeta(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AnchoredHeightExceeds(Re2Node root)
        {
            // Heights are cached only once Go starts tracking them; recompute here without recursion.
            var order = Re2Node.PreOrder(root);

            if (order.Count < MaxHeight)
            {
                return false;
            }

            var height = new Dictionary<Re2Node, int>();
            for (int k = order.Count - 1; k >= 0; k--)
            {
                var re = order[k];
                int h = 1;
                if (re.Sub != null)
                {
                    foreach (var sub in re.Sub)
                    {
                        h = Math.Max(h, 1 + height[sub]);
                    }
                }

                height[re] = h;
            }

            return height[root] + 1 > MaxHeight;
        }

        /// <summary>Whether the tree matches the empty string (anchors hold on empty input, \b does not).</summary>
        internal static bool IsNullable(Re2Node root)
        {
            var order = Re2Node.PreOrder(root);

            var nullable = new Dictionary<Re2Node, bool>();
            for (int k = order.Count - 1; k >= 0; k--)
            {
                var re = order[k];
                bool value;
                switch (re.Op)
                {
                    case Re2Op.EmptyMatch:
                    case Re2Op.BeginLine:
                    case Re2Op.EndLine:
                    case Re2Op.BeginText:
                    case Re2Op.EndText:
                    case Re2Op.NoWordBoundary:
                    case Re2Op.Star:
                    case Re2Op.Quest:
                        value = true;
                        break;
                    case Re2Op.Literal:
                        value = re.Runes.Count == 0;
                        break;
                    case Re2Op.Capture:
                    case Re2Op.Plus:
                        value = nullable[re.Sub![0]];
                        break;
                    case Re2Op.Repeat:
                        value = re.Min == 0 || nullable[re.Sub![0]];
                        break;
                    case Re2Op.Concat:
                        value = true;
                        foreach (var sub in re.Sub!)
                        {
                            value &= nullable[sub];
                        }

                        break;
                    case Re2Op.Alternate:
                        value = false;
                        foreach (var sub in re.Sub!)
                        {
                            value |= nullable[sub];
                        }

                        break;
                    default:
                        // NoMatch, classes, any-char, \b.
                        value = false;
                        break;
                }

                nullable[re] = value;
            }

            return nullable[root];
        }
    }
}
