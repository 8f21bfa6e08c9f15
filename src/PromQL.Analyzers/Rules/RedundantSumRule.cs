using System.Collections.Generic;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    // PLACEHOLDER: the rules work replaces this file.
    internal static class RedundantSumRule
    {
        public static void Analyze(Expr root, PromQlAnalyzerOptions options, List<Finding> findings)
        {
        }
    }
}
