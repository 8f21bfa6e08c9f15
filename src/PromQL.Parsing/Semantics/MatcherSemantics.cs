using PromQL.Parsing.Syntax;

namespace PromQL.Parsing.Semantics
{
    /// <summary>What Prometheus's <c>labels.Matcher</c> would decide about a matcher, where it can be known.</summary>
    internal static class MatcherSemantics
    {
        /// <summary>
        /// Whether the matcher matches the empty string (<c>lm.Matches("")</c> in Prometheus): for <c>=</c> and
        /// <c>!=</c> a comparison with "", for <c>=~</c> and <c>!~</c> whether the RE2 regex <c>^(?s:value)$</c>
        /// matches "". Null when it cannot be known: a hole in the value, or a regex that does not compile.
        /// </summary>
        internal static bool? MatchesEmpty(LabelMatcher matcher)
        {
            if (matcher.ValueHasHole)
            {
                return null;
            }

            switch (matcher.Type)
            {
                case MatchType.Equal:
                    return matcher.Value.Length == 0;
                case MatchType.NotEqual:
                    return matcher.Value.Length != 0;
                case MatchType.Regexp:
                    return Re2.Re2Regex.MatchesEmpty(matcher.Value);
                default:
                    return !Re2.Re2Regex.MatchesEmpty(matcher.Value);
            }
        }
    }
}
