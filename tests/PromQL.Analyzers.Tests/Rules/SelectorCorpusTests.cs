using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;
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

        [Fact]
        public void EqualityWithRegexValue_NoProductionHit_OneTypoInTheWholeCorpus()
        {
            // No production = or != value is a regex or a glob: the mixins write =~ where they mean one.
            var run = Run(EqualityWithRegexValueRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);

            // Every = / != value of all 3,616 cases: the one hit is right, Prometheus's printer test writes
            // integration="~.*" (prt-0078 and its printed form prt-0094), a =~".*" with the tilde on the wrong side.
            var hits = new List<string>();
            var ignored = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var line in System.IO.File.ReadLines(PromQL.Tests.Shared.RepositoryPaths.Conformance("parser-cases.jsonl")))
            {
                using var document = System.Text.Json.JsonDocument.Parse(line);
                var id = document.RootElement.GetProperty("id").GetString();
                var input = document.RootElement.GetProperty("input").GetString() ?? string.Empty;
                var result = PromQL.Parsing.PromQlParser.Parse(input);
                if (result.Expression is null)
                {
                    continue;
                }

                var findings = new List<Finding>();
                EqualityWithRegexValueRule.Find(result.Expression, null, PromQlAnalyzerOptions.Default, findings);
                hits.AddRange(findings.Select(f => id + " " + RuleRunner.Text(input, f)));
                foreach (var selector in result.Expression.DescendantsAndSelf().OfType<VectorSelector>())
                {
                    foreach (var m in selector.Matchers.Where(m => m.Type is MatchType.Equal or MatchType.NotEqual && m.Value.IndexOfAny(new[] { '.', '+', '[', '$', '/', ':', '}' }) >= 0))
                    {
                        if (!findings.Any(f => f.Start == m.Start))
                        {
                            ignored.Add(m.Value);
                        }
                    }
                }
            }

            Assert.Equal(new[] { "prt-0078 integration=\"~.*\"", "prt-0094 integration=\"~.*\"" }, hits);

            // A sample of the near misses it rightly ignores: numbers, IPs, Grafana variables, dotted names, paths.
            foreach (var value in new[] { "+Inf", "0.99", ".2", "127.0.0.1", "$cluster", "$instance", "limits.cpu", "requests.memory", "node.kubernetes.io/unreachable", "}" })
            {
                Assert.Contains(value, ignored);
            }
        }

        [Fact]
        public void RedundantAnchors_NoHit()
        {
            // No production matcher regex begins with ^ or ends with $: the mixins rely on Prometheus's own anchoring.
            var run = Run(RedundantAnchorsRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void TrivialRegexMatcher_EveryHitIsTheLongWayOrAnOpenPlaceholder()
        {
            // All 35 hits are right, and all are suggestions:
            // - kp-0004, twice: AlertmanagerClusterFailedToSendAlerts (the critical one) renders the alertmanager mixin's
            //   default alertmanagerCriticalIntegrationsRegEx, integration=~`.*`, which filters nothing (both selectors also
            //   have a metric name and job/container/namespace matchers, so removing it keeps them valid). Its twin,
            //   kp-0005, has integration!~`.*`, PROMQL024's.
            // - kp-0234 (ConfigReloaderSidecarErrors) and the cluster dashboard's network panels, kpd-0073..0080:
            //   namespace=~".+", which is namespace!="" (every series that has a namespace).
            // - the workload dashboards' network panels, kpd-0284..0291 and kpd-0351..0366: workload=~".+" on
            //   namespace_workload_pod:kube_pod_owner:relabel, which is workload!="".
            var run = Run(TrivialRegexMatcherRule.Find);
            Assert.Equal(889, run.Queries);
            var expected = new List<string>
            {
                "kp-0004 PROMQL022 integration=~`.*`",
                "kp-0004 PROMQL022 integration=~`.*`",
                "kp-0234 PROMQL022 namespace=~\".+\"",
            };
            expected.AddRange(Ids(73, 80).Select(id => id + " PROMQL022 namespace=~\".+\""));
            expected.AddRange(Ids(284, 291).Concat(Ids(351, 366)).Select(id => id + " PROMQL022 workload=~\".+\""));
            Assert.Equal(expected, run.Hits);
        }

        private static IEnumerable<string> Ids(int first, int last) =>
            Enumerable.Range(first, last - first + 1).Select(i => "kpd-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

        private (int Queries, List<string> Hits) Run(Action<Expr, string?, PromQlAnalyzerOptions, List<Finding>> rule)
        {
            var queries = 0;
            var hits = new List<string>();
            foreach (var (id, input, result) in ProductionCorpusTests.Production())
            {
                queries++;
                var findings = new List<Finding>();
                rule(result.Expression!, input, PromQlAnalyzerOptions.Default, findings);
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
