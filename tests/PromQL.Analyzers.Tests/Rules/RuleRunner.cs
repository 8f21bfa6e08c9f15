using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
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

        /// <summary>Options from an <c>.editorconfig</c>-like text: <c>key = value</c> lines (blank lines and <c>#</c> comments skipped).</summary>
        public static PromQlAnalyzerOptions OptionsFrom(string editorconfig)
        {
            var pairs = new List<(string, string)>();
            foreach (var raw in editorconfig.Split('\n'))
            {
                var line = raw.Trim();
                var equals = line.IndexOf('=');
                if (line.Length == 0 || line[0] == '#' || equals < 0)
                {
                    continue;
                }

                pairs.Add((line.Substring(0, equals).Trim(), line.Substring(equals + 1).Trim()));
            }

            return PromQlAnalyzerOptions.FromPairs(pairs.ToArray());
        }

        /// <summary>Runs a whole rule on <paramref name="query"/>, which must parse, with the options of an <c>.editorconfig</c>-like text.</summary>
        public static List<Finding> Run(QueryRule rule, string query, string editorconfig, bool marked = true, QueryKind kind = QueryKind.Unknown) =>
            Run(rule, query, MetricKnowledge.FromOptions(OptionsFrom(editorconfig)), marked, kind);

        /// <summary>Runs a whole rule on <paramref name="query"/>, which must parse, with the given metric knowledge (and its options).</summary>
        public static List<Finding> Run(QueryRule rule, string query, MetricKnowledge? metrics = null, bool marked = true, QueryKind kind = QueryKind.Unknown)
        {
            var result = PromQlParser.Parse(query);
            Assert.False(result.HasErrors, "test query must parse: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            var options = metrics?.Options ?? PromQlAnalyzerOptions.Default;
            var findings = new List<Finding>();
            rule.Analyze(new QueryContext(result, marked, options, kind, metrics), findings);
            return findings;
        }

        public static string Text(string query, Finding finding) => query.Substring(finding.Start, finding.End - finding.Start);

        public static string[] Texts(string query, IEnumerable<Finding> findings) => findings.Select(f => Text(query, f)).ToArray();
    }
}
