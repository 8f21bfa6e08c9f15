using System;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// Facts about one label matcher that the selector rules (PROMQL02x) read, from the matcher and the RE2 port
    /// (<see cref="PromQL.Parsing.Semantics.PromQlRegex"/>) only. Every answer is conservative: false where the value
    /// is not surely known.
    /// </summary>
    internal static class SelectorMatchers
    {
        /// <summary>
        /// The metric name a selector writes: the name before its braces, else the value of its first
        /// <c>__name__="…"</c> matcher; null when there is none, or a matcher name with a hole stands before it. The value
        /// may hold holes (U+E000): each rule decides what a hole in a name means to it.
        /// </summary>
        public static string? WrittenMetricName(VectorSelector selector)
        {
            if (selector.Name is { } name)
            {
                return name;
            }

            foreach (var m in selector.Matchers)
            {
                if (m.NameHasHole)
                {
                    return null;
                }

                if (m.IsMetricName && m.Type == MatchType.Equal)
                {
                    return m.Value;
                }
            }

            return null;
        }

        /// <summary>Whether the matcher's name and value are known text (no hole in either).</summary>
        public static bool IsKnown(LabelMatcher matcher) => !matcher.NameHasHole && !matcher.ValueHasHole;

        /// <summary>
        /// Whether a regex matcher's value is a plain string to Prometheus: non-empty, none of the bytes Go's
        /// <c>regexp.QuoteMeta</c> escapes (<c>\.+*?()|[]{}^$</c>), and, as the RE2 port reads it, exactly that one string
        /// (<see cref="PromQL.Parsing.Semantics.PromQlRegex.IsLiteral"/>). A hole is never known.
        /// </summary>
        public static bool IsPlainRegex(LabelMatcher matcher)
        {
            if (!IsKnown(matcher) || matcher.Type is not (MatchType.Regexp or MatchType.NotRegexp) || matcher.Value.Length == 0)
            {
                return false;
            }

            foreach (var c in matcher.Value)
            {
                switch (c)
                {
                    case '\\' or '.' or '+' or '*' or '?' or '(' or ')' or '|' or '[' or ']' or '{' or '}' or '^' or '$':
                        return false;
                }
            }

            return matcher.TryGetRegex(out var regex) && regex!.IsLiteral(out var literal)
                && string.Equals(literal, matcher.Value, StringComparison.Ordinal);
        }

        /// <summary>
        /// Whether the matcher lets exactly one value of its label through: <c>="v"</c>, <c>=~</c> with a regex that
        /// RE2 reads as one string (<see cref="PromQL.Parsing.Semantics.PromQlRegex.IsLiteral"/>), or <c>!~".+"</c>
        /// (only ""). Holes are never known.
        /// </summary>
        public static bool TryGetRequiredValue(LabelMatcher matcher, out string value)
        {
            value = string.Empty;
            if (!IsKnown(matcher))
            {
                return false;
            }

            switch (matcher.Type)
            {
                case MatchType.Equal:
                    value = matcher.Value;
                    return true;
                case MatchType.Regexp:
                    return matcher.TryGetRegex(out var regex) && regex!.IsLiteral(out value);
                case MatchType.NotRegexp:
                    return matcher.TryGetRegex(out var negated) && negated!.MatchesAnyNonEmpty;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether the matcher surely rejects the label value <paramref name="value"/>: <c>=</c> of another value,
        /// <c>!=</c> of the same, a regex that RE2 reads as one string (<c>=~</c> of another, <c>!~</c> of the same),
        /// for "" a matcher that rejects the empty string, and for a non-empty value <c>!~".+"</c>. False where a hole
        /// or a regex that does not compile leaves it open.
        /// </summary>
        public static bool Rejects(LabelMatcher matcher, string value)
        {
            if (!IsKnown(matcher))
            {
                return false;
            }

            if (value.Length == 0 && matcher.MatchesEmpty() == false)
            {
                return true;
            }

            switch (matcher.Type)
            {
                case MatchType.Equal:
                    return !string.Equals(matcher.Value, value, StringComparison.Ordinal);
                case MatchType.NotEqual:
                    return string.Equals(matcher.Value, value, StringComparison.Ordinal);
                case MatchType.Regexp:
                    return matcher.TryGetRegex(out var regex) && regex!.IsLiteral(out var literal)
                        && !string.Equals(literal, value, StringComparison.Ordinal);
                case MatchType.NotRegexp:
                    if (!matcher.TryGetRegex(out var negated))
                    {
                        return false;
                    }

                    return (negated!.IsLiteral(out var rejected) && string.Equals(rejected, value, StringComparison.Ordinal))
                        || (value.Length != 0 && negated.MatchesAnyNonEmpty);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Where the matcher's operator starts in <paramref name="text"/> (the query's text): the text between its name
        /// and its value is spaces around one operator and nothing else (no comment). False for a bare metric name, a
        /// null text, or anything else between.
        /// </summary>
        public static bool TryGetOperator(string? text, LabelMatcher matcher, out int start)
        {
            start = -1;
            if (text is null || matcher.IsBareMetricName || matcher.NameEnd < 0 || matcher.ValueStart > text.Length || matcher.NameEnd > matcher.ValueStart)
            {
                return false;
            }

            var position = matcher.NameEnd;
            while (position < matcher.ValueStart && IsSpace(text[position]))
            {
                position++;
            }

            var op = matcher.Type switch
            {
                MatchType.Equal => "=",
                MatchType.NotEqual => "!=",
                MatchType.Regexp => "=~",
                _ => "!~",
            };
            if (position + op.Length > matcher.ValueStart || string.CompareOrdinal(text, position, op, 0, op.Length) != 0)
            {
                return false;
            }

            for (var i = position + op.Length; i < matcher.ValueStart; i++)
            {
                if (!IsSpace(text[i]))
                {
                    return false;
                }
            }

            start = position;
            return true;
        }

        /// <summary>
        /// The text to delete so that <paramref name="selector"/> loses its matcher at <paramref name="index"/> and stays
        /// well formed: the matcher and the comma after it (up to the next matcher), else the comma before it (from the
        /// previous matcher), else, for a sole matcher after a metric name, the braces with it. False when anything but
        /// spaces and that comma lies in the way (a comment), or <paramref name="text"/> is null.
        /// </summary>
        public static bool TryGetRemoval(string? text, VectorSelector selector, int index, out int start, out int end)
        {
            var matchers = selector.Matchers;
            var matcher = matchers[index];
            start = matcher.Start;
            end = matcher.End;
            if (text is null || matcher.End > text.Length)
            {
                return false;
            }

            if (index + 1 < matchers.Count)
            {
                end = matchers[index + 1].Start;
                return OnlySpacesAndOneComma(text, matcher.End, end);
            }

            if (index > 0)
            {
                start = matchers[index - 1].End;
                return OnlySpacesAndOneComma(text, start, matcher.Start);
            }

            if (selector.Name is null || selector.NameHasHole || selector.OpenBrace < 0 || selector.CloseBrace < 0 || selector.CloseBrace >= text.Length)
            {
                return false;
            }

            start = selector.OpenBrace;
            end = selector.CloseBrace + 1;
            return OnlySpacesAndCommas(text, selector.OpenBrace + 1, matcher.Start) && OnlySpacesAndCommas(text, matcher.End, selector.CloseBrace);
        }

        private static bool OnlySpacesAndOneComma(string text, int from, int to)
        {
            var commas = 0;
            for (var i = from; i < to; i++)
            {
                if (text[i] == ',')
                {
                    commas++;
                }
                else if (!IsSpace(text[i]))
                {
                    return false;
                }
            }

            return commas == 1;
        }

        private static bool OnlySpacesAndCommas(string text, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (text[i] != ',' && !IsSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
    }
}
