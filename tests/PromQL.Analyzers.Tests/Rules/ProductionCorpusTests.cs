using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// PROMQL001 and PROMQL002 over the 889 production queries of the parser corpus (the <c>kube-prometheus*</c> and
    /// <c>kubernetes-mixin*</c> sources of <c>tests/Conformance/parser-cases.jsonl</c>), each hit listed with its reason.
    /// </summary>
    public class ProductionCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public ProductionCorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void DefaultSet_NoHit_AndEveryWatchedSelectorFiltersThePodLevelSeries()
        {
            // Memory, CPU usage and disk I/O appear in 78 selectors, always with container!="" (or image!=""): those rules
            // are written by people who know the pod-level series, so the wider default set finds nothing to report there,
            // as the memory-only one did before it.
            var run = Run(PromQlAnalyzerOptions.Default);
            Assert.Equal(889, run.Queries);
            Assert.Equal(78, run.WatchedSelectors);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void WholeCpuAndFsPrefixes_WouldFlagTheThrottlingRatio_WhyCfsIsLeftOut()
        {
            // Both hits of the whole prefixes are wrong, one alert in its two versions: CPUThrottlingHigh divides the containers' throttled periods by
            // container_cpu_cfs_periods_total matched "on (cluster, namespace, pod, container, instance)", so the pod
            // cgroup's own series (container="") finds no partner on the left and drops out. Nothing is added up twice,
            // and the pod cgroup's CFS counters are not its containers' total anyway: they are not watched by default.
            var run = Run(RuleRunner.WithPrefixes("container_cpu_", "container_fs_"));
            Assert.Equal(
                new[]
                {
                    "kp-0052 PROMQL001 container_cpu_cfs_periods_total{job=\"kubelet\", metrics_path=\"/metrics/cadvisor\", }",
                    "km-0096 PROMQL001 container_cpu_cfs_periods_total{job=\"cadvisor\", }",
                },
                run.Hits);
        }

        [Fact]
        public void SortInRangeQuery_AsIfEveryQueryRanAsARangeQuery_OnlyDashboardPanelsWithSortDesc()
        {
            // PROMQL042 reads the call site's kind, and the corpus has none, so in the analyzer it reports none of these. Run as if each
            // were sent to /api/v1/query_range, the hits are exactly the 27 Grafana panel queries of kube-prometheus's dashboards
            // with sort_desc at their top (network, workload and disk panels; no alerting or recording rule has one): each is the
            // rule's claim where Grafana runs the panel as a range query (a time series graph, whose series Prometheus returns in
            // label order) and not where the panel is an instant one (a table or bar gauge, where the order is kept). The call site
            // (Grafana's panel) decides, which is why the rule waits for QueryKind.Range.
            var hits = new List<string>();
            foreach (var (id, input, result) in Production())
            {
                var findings = new List<Finding>();
                SortInRangeQueryRule.Find(result.Expression!, result.Text, findings);
                foreach (var finding in findings)
                {
                    Assert.Equal("sort_desc", finding.MessageArgs[0]);
                    Assert.Equal(0, input.Length - input.TrimStart().Length - finding.Start);
                    hits.Add(id!);
                }
            }

            var expected = new[] { 243, 244, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364, 365, 366, 388, 490, 491, 492, 493, 494, 495, 496, 497 }
                .Select(n => "kpd-0" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, hits);
        }

        [Fact]
        public void HoleRules_NoHit_NoQueryHasAHoleSite()
        {
            // PROMQL040 and PROMQL041 claim only holes: the corpus is literal text, so the parser reports no hole site and the
            // rules, given a current-culture string, find nothing (a text without U+E000 parses exactly as before).
            var holes = new QueryHoles(new[] { new HoleFact(0, HoleType.Floating, null, null, false, false, true, "double") }, StringFormatting.CurrentCultureInterpolation);
            var count = 0;
            foreach (var (_, _, result) in Production())
            {
                count++;
                Assert.Empty(result.Holes);
                var findings = new List<Finding>();
                CultureSensitiveNumberRule.Find(result, holes, PromQlAnalyzerOptions.Default, findings);
                ValueNotPromQlRule.Find(result, holes, findings);
                Assert.Empty(findings);
            }

            Assert.Equal(889, count);
        }

        [Fact]
        public void QuantileRules_NoHit_EveryHistogramQuantileKeepsLe()
        {
            // PROMQL013 and PROMQL014. The mixins hold 60 quantile calls; 59 are histogram_quantile over an aggregation of
            // _bucket selectors, and every one of those aggregates by (…, le) (the mixins' authors know the bucket label),
            // and every quantile is a literal in [0, 1]: nothing to report, and none expected.
            // The counts show the rules had something to look at.
            var queries = 0;
            var quantiles = 0;
            var bucketAggregations = 0;
            var hits = new List<string>();
            foreach (var (id, input, result) in Production())
            {
                queries++;
                foreach (var node in result.Expression!.DescendantsAndSelf())
                {
                    if (node is Call { Name: "histogram_quantile" or "quantile_over_time" } || node is AggregateExpr { Op: AggregateOperator.Quantile })
                    {
                        quantiles++;
                    }

                    if (node is Call { Name: "histogram_quantile" } call && call.Args.Count == 2
                        && call.Args[1].DescendantsAndSelf().OfType<AggregateExpr>().Any()
                        && call.Args[1].DescendantsAndSelf().OfType<VectorSelector>().Any(s => s.MetricName?.EndsWith("_bucket", StringComparison.Ordinal) == true))
                    {
                        bucketAggregations++;
                    }
                }

                var findings = new List<Finding>();
                HistogramWithoutLeRule.Find(result.Expression, result.Text, PromQlAnalyzerOptions.Default, findings);
                QuantileOutOfRangeRule.Find(result.Expression, result.Text, PromQlAnalyzerOptions.Default, findings);
                hits.AddRange(findings.Select(f => id + " " + f.Descriptor.Id + " " + RuleRunner.Text(input, f)));
            }

            _output.WriteLine($"{queries} queries, {quantiles} quantile calls, {bucketAggregations} histogram_quantile over aggregated _bucket selectors, {hits.Count} findings");
            hits.ForEach(_output.WriteLine);
            Assert.Equal(889, queries);
            Assert.Equal(60, quantiles);
            Assert.Equal(59, bucketAggregations);
            Assert.Empty(hits);
        }

        [Fact]
        public void MetricTypeRules_NoHit_CountersGoThroughRateAndGaugesThroughGaugeFunctions()
        {
            // PROMQL010, 011, 012 and 015. The mixins read their counters through rate, irate or increase (the kubelet's,
            // the API server's, node_exporter's, Prometheus's own), never apply a counter function to a gauge the catalog
            // knows, nor a gauge function to a counter, nor rate to a subquery of a sum: nothing to report, none expected.
            // The counts show the rules had something to look at.
            var knowledge = MetricKnowledge.FromOptions(PromQlAnalyzerOptions.Default);
            int queries = 0, knownCounters = 0, knownGauges = 0, conventionCounters = 0, counterCalls = 0, gaugeCalls = 0, subqueries = 0;
            var hits = new List<string>();
            foreach (var (id, input, result) in Production())
            {
                queries++;
                foreach (var node in result.Expression!.DescendantsAndSelf())
                {
                    switch (node)
                    {
                        case VectorSelector selector when MetricTypeSelectors.TryGetFact(knowledge, selector, out _, out var fact) && fact.Part == MetricPart.Whole:
                            knownCounters += fact.Type == MetricType.Counter && fact.Origin != MetricFactOrigin.Convention ? 1 : 0;
                            conventionCounters += fact.Type == MetricType.Counter && fact.Origin == MetricFactOrigin.Convention ? 1 : 0;
                            knownGauges += fact.Type == MetricType.Gauge ? 1 : 0;
                            break;
                        case Call call when MetricTypeSelectors.CounterFunctions.Contains(call.Name):
                            counterCalls++;
                            break;
                        case Call call when MetricTypeSelectors.GaugeFunctions.Contains(call.Name):
                            gaugeCalls++;
                            break;
                        case SubqueryExpr:
                            subqueries++;
                            break;
                    }
                }

                var findings = new List<Finding>();
                CounterFunctionOverGaugeRule.Find(result.Expression, result.Text, knowledge, findings);
                GaugeFunctionOverCounterRule.Find(result.Expression, result.Text, knowledge, findings);
                CounterReadRawRule.Find(result.Expression, result.Text, knowledge, findings);
                CounterFunctionOverAggregationRule.Find(result.Expression, result.Text, knowledge, findings);
                hits.AddRange(findings.Select(f => id + " " + f.Descriptor.Id + " " + RuleRunner.Text(input, f)));
            }

            _output.WriteLine($"{queries} queries; selectors: {knownCounters} known counters, {conventionCounters} counters by name alone, {knownGauges} known gauges; {counterCalls} counter-function calls, {gaugeCalls} gauge-function calls, {subqueries} subqueries; {hits.Count} findings");
            hits.ForEach(_output.WriteLine);
            Assert.Equal(889, queries);
            Assert.Equal(Array.Empty<string>(), hits.ToArray());
        }

        /// <summary>The 889 production queries (kube-prometheus*, kubernetes-mixin* sources of the parser corpus), each parsed.</summary>
        internal static IEnumerable<(string Id, string Input, PromQlParseResult Result)> Production()
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
                yield return (id, input, result);
            }
        }

        [Fact]
        public void RemovedKubeStateMetrics_NoHit()
        {
            // The production rules and dashboards were moved to kube-state-metrics v2 (kube_pod_container_resource_requests
            // {resource="cpu"}, kube_horizontalpodautoscaler_*): none selects a name v2 removed. The 14 dashboard queries on
            // kube_pod_windows_container_resource_cpu_cores_request/_limit read the Windows recording rules of kube-prometheus,
            // not a kube-state-metrics name, and are rightly not matched (the rule compares whole names).
            var run = Run(PromQlAnalyzerOptions.Default, RemovedKubeStateMetricRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void NetworkContainerFilter_Hits()
        {
            // PROMQL005 over the production queries, with the network selectors counted, so that a change in either shows:
            // kube-prometheus's and kubernetes-mixin's 93 network selectors (the networking dashboards and their recording
            // rules) filter on namespace, pod, job or interface and group by pod or namespace, never by container: no hit.
            var run = Run(PromQlAnalyzerOptions.Default, NetworkContainerFilterRule.Find);
            var networkSelectors = Production().SelectMany(p => p.Result.Expression!.DescendantsAndSelf().OfType<VectorSelector>())
                .Count(s => NetworkContainerFilterRule.NetworkMetric(s) is not null);
            _output.WriteLine("network selectors: " + networkSelectors);
            foreach (var hit in run.Hits)
            {
                _output.WriteLine(hit);
            }

            Assert.Equal(889, run.Queries);
            Assert.Equal(93, networkSelectors);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void RemovedCadvisorLabels_NoHit()
        {
            // The production rules were rewritten for Kubernetes 1.16's pod/container labels long ago: not one selects or
            // groups a cAdvisor metric by pod_name or container_name.
            var run = Run(PromQlAnalyzerOptions.Default, RemovedCadvisorLabelRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void IntegerBucketValues_NoHit()
        {
            // kubernetes-mixin already moved to Prometheus 3's float le values: its SLO rules select le=~"1(\\.0)?", "5(\\.0)?",
            // "30(\\.0)?" (a group, not an integer alternative), on _bucket series or on recording rules (a ':' in the name,
            // whose labels are the rule's). Not one matcher names an integer le or quantile alone.
            var run = Run(PromQlAnalyzerOptions.Default, IntegerBucketValueRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
        }

        [Fact]
        public void RenamedFunctions_NoHit()
        {
            // No production rule or panel calls holt_winters (or double_exponential_smoothing): every one of the 889 parses,
            // and PROMQL030 reads only the unknown-function errors of queries that do not.
            var queries = 0;
            var findings = new List<Finding>();
            foreach (var (_, _, result) in Production())
            {
                queries++;
                RenamedFunctionRule.Find(result, findings);
            }

            Assert.Equal(889, queries);
            Assert.Empty(findings);
        }

        [Fact]
        public void UndeclaredFeatures_NoHit()
        {
            // kube-prometheus and kubernetes-mixin write stable PromQL only, for servers with no --enable-feature: not one of
            // the 889 calls an experimental function or aggregation, writes a duration expression, anchored, smoothed or fill.
            var queries = 0;
            var findings = new List<Finding>();
            foreach (var (_, _, result) in Production())
            {
                queries++;
                Assert.Equal(PromQlFeatures.None, result.UsedFeatures & ~PromQlFeatures.Holes);
                UndeclaredFeatureRule.Instance.Analyze(new QueryContext(result, true, PromQlAnalyzerOptions.Default), findings);
            }

            Assert.Equal(889, queries);
            Assert.Empty(findings);
        }

        private (int Queries, int WatchedSelectors, List<string> Hits) Run(PromQlAnalyzerOptions options) =>
            Run(options, ContainerFilterRule.Find, RedundantSumRule.Find);

        private (int Queries, int WatchedSelectors, List<string> Hits) Run(PromQlAnalyzerOptions options, params Action<Expr, string?, PromQlAnalyzerOptions, List<Finding>>[] rules)
        {
            int queries = 0, watched = 0;
            var hits = new List<string>();
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

                queries++;
                var id = root.GetProperty("id").GetString();
                var input = root.GetProperty("input").GetString() ?? string.Empty;
                var result = PromQlParser.Parse(input);
                Assert.False(result.HasErrors, id + " does not parse");
                watched += result.Expression!.DescendantsAndSelf().OfType<VectorSelector>()
                    .Count(s => CadvisorSelectors.TryGetWatchedMetric(s, options, out _, out _));

                var findings = new List<Finding>();
                foreach (var rule in rules)
                {
                    rule(result.Expression, result.Text, options, findings);
                }
                hits.AddRange(findings.Select(f => id + " " + f.Descriptor.Id + " " + RuleRunner.Text(input, f)));
            }

            _output.WriteLine($"{queries} queries, {watched} selectors of watched metrics, {hits.Count} findings");
            foreach (var hit in hits)
            {
                _output.WriteLine(hit);
            }

            return (queries, watched, hits);
        }
    }
}
