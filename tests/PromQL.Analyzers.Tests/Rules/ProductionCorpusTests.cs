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
        public void RemovedCadvisorLabels_NoHit()
        {
            // The production rules were rewritten for Kubernetes 1.16's pod/container labels long ago: not one selects or
            // groups a cAdvisor metric by pod_name or container_name.
            var run = Run(PromQlAnalyzerOptions.Default, RemovedCadvisorLabelRule.Find);
            Assert.Equal(889, run.Queries);
            Assert.Empty(run.Hits);
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
