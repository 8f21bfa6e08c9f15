using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.KubernetesRenames
{
    /// <summary>
    /// PROMQL004 on Prometheus's engine: the queries as written and as the fix leaves them, evaluated by <c>promtool test
    /// rules</c> over series shaped like kube-state-metrics v2's: two containers of namespace shop requesting 0.25 and 0.5
    /// CPU and 128 MiB and 256 MiB, one node with 4 allocatable cores and 110 pods, and an HPA with 10 replicas at most.
    /// The v1 names select nothing; the fixed queries give the data.
    /// </summary>
    public sealed class RemovedKubeStateMetricOnPrometheusTests
    {
        private const string EvalTime = "5m";

        private static readonly InputSeries[] Series =
        {
            Container("kube_pod_container_resource_requests", "api-1", "cpu", "core", "0.25"),
            Container("kube_pod_container_resource_requests", "api-2", "cpu", "core", "0.5"),
            Container("kube_pod_container_resource_requests", "api-1", "memory", "byte", "134217728"),
            Container("kube_pod_container_resource_requests", "api-2", "memory", "byte", "268435456"),
            Container("kube_pod_container_resource_limits", "api-1", "cpu", "core", "1"),
            Node("cpu", "core", "4"),
            Node("pods", "integer", "110"),
            Node("memory", "byte", "17179869184"),
            new InputSeries(
                "kube_horizontalpodautoscaler_spec_max_replicas",
                new Dictionary<string, string> { ["job"] = "kube-state-metrics", ["namespace"] = "shop", ["horizontalpodautoscaler"] = "api" },
                "10x10"),
        };

        [PromtoolTheory]
        [InlineData("sum by (namespace) (kube_pod_container_resource_requests_cpu_cores{namespace=\"shop\"})", 0.75)]
        [InlineData("sum(kube_pod_container_resource_requests_memory_bytes)", 402653184)]
        [InlineData("sum(kube_pod_container_resource_limits_cpu_cores{pod=\"api-1\"})", 1)]
        [InlineData("sum(kube_pod_container_resource_requests_cpu_cores) / sum(kube_node_status_allocatable_cpu_cores)", 0.1875)]
        [InlineData("kube_node_status_allocatable_pods{node=\"n1\"}", 110)]
        [InlineData("kube_hpa_spec_max_replicas{hpa=\"api\"}", 10)]
        public void V1Name_EmptyAsWritten_DataOnceFixed(string written, double expected)
        {
            var fixedQuery = written;
            foreach (var finding in Run(written).OrderByDescending(f => f.Start))
            {
                fixedQuery = Apply(fixedQuery, finding);
            }

            Assert.NotEqual(written, fixedQuery);
            Assert.Empty(Run(fixedQuery));
            var results = EngineEvaluator.Evaluate(Series, new[] { written, fixedQuery }, EvalTime);
            Assert.Null(results[written].Error);
            Assert.Empty(results[written].Samples);
            Assert.Equal(expected, Assert.Single(results[fixedQuery].Samples).Value, 6);
        }

        [PromtoolFact]
        public void DefaultMatching_NoFix_OneSideRenamedPairsNothing()
        {
            // Reported without a fix: renamed on one side only, the requests would carry resource and unit where the limits
            // do not, and "/" by all labels would pair nothing.
            const string written = "kube_pod_container_resource_requests_cpu_cores / kube_pod_container_resource_limits_cpu_cores";
            var findings = Run(written);
            Assert.Equal(2, findings.Count);
            Assert.All(findings, f => Assert.False(f.Properties.ContainsKey(FixProperties.ReplaceStart)));
            const string oneSideOnly = "kube_pod_container_resource_requests{resource=\"cpu\", unit=\"core\"} / kube_pod_container_resource_limits_cpu_cores";
            var results = EngineEvaluator.Evaluate(Series, new[] { oneSideOnly }, EvalTime);
            Assert.Empty(results[oneSideOnly].Samples);
        }

        private static InputSeries Container(string metric, string pod, string resource, string unit, string value) => new InputSeries(
            metric,
            new Dictionary<string, string>
            {
                ["job"] = "kube-state-metrics",
                ["namespace"] = "shop",
                ["pod"] = pod,
                ["container"] = "app",
                ["node"] = "n1",
                ["resource"] = resource,
                ["unit"] = unit,
            },
            value + "x10");

        private static InputSeries Node(string resource, string unit, string value) => new InputSeries(
            "kube_node_status_allocatable",
            new Dictionary<string, string> { ["job"] = "kube-state-metrics", ["node"] = "n1", ["resource"] = resource, ["unit"] = unit },
            value + "x10");

        private static List<Finding> Run(string query)
        {
            var parse = PromQlParser.Parse(query);
            Assert.False(parse.HasErrors);
            var findings = new List<Finding>();
            RemovedKubeStateMetricRule.Find(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        // The finding's edits as the fixer states them: the name replaced, the matchers inserted, hpa renamed.
        private static string Apply(string query, Finding finding)
        {
            var p = finding.Properties;
            Assert.True(FixProperties.TryGetReplacement(p, out var start, out var end, out var text), "the finding carries no fix");
            var edits = new List<(int Start, int End, string Text)> { (start, end, text) };
            if (FixProperties.TryGetOffset(p, FixProperties.InsertAt, out var at))
            {
                edits.Add((at, at, p[FixProperties.InsertText]!));
            }

            if (p.TryGetValue(FixProperties.RenameLabelsAt, out var renames))
            {
                foreach (var offset in renames!.Split(','))
                {
                    var o = int.Parse(offset, System.Globalization.CultureInfo.InvariantCulture);
                    edits.Add((o, o + KubeStateMetricsRenames.OldHpaLabel.Length, KubeStateMetricsRenames.NewHpaLabel));
                }
            }

            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                query = query.Substring(0, edit.Start) + edit.Text + query.Substring(edit.End);
            }

            return query;
        }
    }
}
