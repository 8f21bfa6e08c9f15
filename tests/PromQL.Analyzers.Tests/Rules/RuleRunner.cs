using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>Parses a query and runs one rule on it, giving findings as the query text they cover.</summary>
    internal static class RuleRunner
    {
        public static PromQlAnalyzerOptions WithPrefixes(params string[] extra) =>
            PromQlAnalyzerOptions.FromPairs((CadvisorOptions.WatchedMetricPrefixes.Key, string.Join(",", extra)));

        public static PromQlAnalyzerOptions Unwatching(params string[] prefixes) =>
            PromQlAnalyzerOptions.FromPairs((CadvisorOptions.UnwatchedMetricPrefixes.Key, string.Join(",", prefixes)));

        public static PromQlAnalyzerOptions RequiringContainerFilter() =>
            PromQlAnalyzerOptions.FromPairs((CadvisorOptions.RequireContainerFilter.Key, "true"));

        /// <summary>Runs a rule's tree entry point (tree, text, options, findings) on <paramref name="query"/>, which must parse.</summary>
        public static List<Finding> Run(Action<Expr, string?, PromQlAnalyzerOptions, List<Finding>> rule, string query, PromQlAnalyzerOptions? options = null)
        {
            var result = PromQlParser.Parse(query);
            Assert.False(result.HasErrors, "test query must parse: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            var findings = new List<Finding>();
            rule(result.Expression!, query, options ?? PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        public static string Text(string query, Finding finding) => query.Substring(finding.Start, finding.End - finding.Start);

        public static string[] Texts(string query, IEnumerable<Finding> findings) => findings.Select(f => Text(query, f)).ToArray();
    }
}
