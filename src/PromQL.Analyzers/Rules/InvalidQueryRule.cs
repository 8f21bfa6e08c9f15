using System.Collections.Generic;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL100: the parser's errors, as it words them, at their characters. Only for strings marked as
    /// PromQL (never for strings found by content); holes never cause one, since the parser accepts them.
    /// </summary>
    internal static class InvalidQueryRule
    {
        public static void Analyze(PromQlParseResult result, List<Finding> findings)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                findings.Add(new Finding(Descriptors.InvalidQuery, diagnostic.Start, diagnostic.End, diagnostic.Message));
            }
        }
    }
}
