using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>What the selector fixers (PROMQL020-022) check on an edited query: the matcher that starts where the reported one did.</summary>
    internal static class Matchers
    {
        /// <summary>The matcher of <paramref name="node"/>, a selector, that starts at <paramref name="start"/>; null when it is no selector or has none there.</summary>
        public static LabelMatcher? At(Expr node, int start)
        {
            if (node is VectorSelector selector)
            {
                foreach (var matcher in selector.Matchers)
                {
                    if (matcher.Start == start)
                    {
                        return matcher;
                    }
                }
            }

            return null;
        }
    }
}
