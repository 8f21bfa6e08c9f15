using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// The selector rules (PROMQL02x) over the 889 production queries of the parser corpus (the <c>kube-prometheus*</c>
    /// and <c>kubernetes-mixin*</c> sources of <c>tests/Conformance/parser-cases.jsonl</c>), each hit listed with its reason.
    /// </summary>
    public class SelectorCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public SelectorCorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void ImpossibleSelector_OnlyTheAlertThatTheMixinsDefaultsSwitchOff()
        {
            // No production selector requires two values of a label or rejects the one it requires. Both hits are right
            // and one alert: kube-prometheus renders AlertmanagerClusterFailedToSendAlerts (the non-critical one) with
            // integration!~`.*`, the alertmanager mixin's default alertmanagerCriticalIntegrationsRegEx (every integration
            // counts as critical), so both its selectors match no series and the alert can never fire.
            var run = Run(ImpossibleSelectorRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Equal(
                new[]
                {
                    "kp-0005 PROMQL024 alertmanager_notifications_failed_total{job=\"alertmanager-main\",container=\"alertmanager\",namespace=\"monitoring\", integration!~`.*`}",
                    "kp-0005 PROMQL024 alertmanager_notifications_total{job=\"alertmanager-main\",container=\"alertmanager\",namespace=\"monitoring\", integration!~`.*`}",
                },
                run.Hits);
        }

        [Fact]
        public void RegexWithoutMetacharacters_NoHit()
        {
            // Every production =~ / !~ value is an alternation, a .* or .+ shape or a Grafana variable ($cluster).
            var run = Run(RegexWithoutMetacharactersRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
        }

        internal static IEnumerable<(string Id, string Input, Expr Expression)> Corpus()
        {
            foreach (var line in File.ReadLines(RepositoryPaths.Conformance("parser-cases.jsonl"), Encoding.UTF8))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var source = root.GetProperty("source").GetString() ?? string.Empty;
                if (!source.StartsWith("kube-prometheus", StringComparison.Ordinal) && !source.StartsWith("kubernetes-mixin", StringComparison.Ordinal))
                {
                    continue;
                }

                var id = root.GetProperty("id").GetString() ?? string.Empty;
                var input = root.GetProperty("input").GetString() ?? string.Empty;
                var result = PromQlParser.Parse(input);
                Assert.False(result.HasErrors, id + " does not parse");
                yield return (id, input, result.Expression!);
            }
        }

        private (int Queries, List<string> Hits) Run(Action<Expr, string?, PromQlAnalyzerOptions, List<Finding>> rule)
        {
            var queries = 0;
            var hits = new List<string>();
            foreach (var (id, input, expression) in Corpus())
            {
                queries++;
                var findings = new List<Finding>();
                rule(expression, input, PromQlAnalyzerOptions.Default, findings);
                hits.AddRange(findings.Select(f => id + " " + f.Descriptor.Id + " " + RuleRunner.Text(input, f)));
            }

            _output.WriteLine($"{queries} queries, {hits.Count} findings");
            foreach (var hit in hits)
            {
                _output.WriteLine(hit);
            }

            return (queries, hits);
        }
    }
}
