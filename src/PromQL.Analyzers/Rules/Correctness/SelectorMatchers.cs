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
    }
}
