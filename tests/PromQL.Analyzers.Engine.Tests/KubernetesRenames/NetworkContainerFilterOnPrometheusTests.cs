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
    /// PROMQL005 on Prometheus's engine: the queries as written and as the fix leaves them, evaluated by <c>promtool test
    /// rules</c> over the network series the kubelet's cAdvisor endpoint exposes for two pods: on containerd, one series per
    /// pod and interface, the sandbox's, with no container label (<c>container=""</c>); on CRI-O the same with
    /// <c>container="POD"</c>. No series of an application container exists. Pod api-1 receives 1,000 bytes per second on
    /// eth0, api-2 3,000.
    /// </summary>
    public sealed class NetworkContainerFilterOnPrometheusTests
    {
        private const string EvalTime = "20m";
        private const string Receive = "container_network_receive_bytes_total";

        private static readonly InputSeries[] Containerd = { Network("api-1", null, 60_000), Network("api-2", null, 180_000) };

        private static readonly InputSeries[] Crio = { Network("api-1", "POD", 60_000), Network("api-2", "POD", 180_000) };

        [PromtoolTheory]
        [InlineData("sum by (pod) (rate(" + Receive + "{namespace=\"shop\", container!=\"\"}[5m]))", "sum by (pod) (rate(" + Receive + "{namespace=\"shop\"}[5m]))")]
        [InlineData("sum by (pod) (rate(" + Receive + "{container=~\".+\"}[5m]))", "sum by (pod) (rate(" + Receive + "[5m]))")]
        [InlineData("sum by (pod) (rate(" + Receive + "{container!~\"|POD\", interface=\"eth0\"}[5m]))", "sum by (pod) (rate(" + Receive + "{interface=\"eth0\"}[5m]))")]
        public void ContainerMatcher_EmptyOnContainerd_PerPodRateOnceFixed(string written, string expectedFix)
        {
            var fixedQuery = Apply(written, Assert.Single(Run(written)));
            Assert.Equal(expectedFix, fixedQuery);
            Assert.Empty(Run(fixedQuery));

            foreach (var series in new[] { Containerd, Crio })
            {
                var results = EngineEvaluator.Evaluate(series, new[] { written, fixedQuery }, EvalTime);
                var perPod = results[fixedQuery].Samples.ToDictionary(s => s.Labels["pod"], s => s.Value);
                Assert.Equal(new[] { "api-1", "api-2" }, perPod.Keys.OrderBy(k => k, StringComparer.Ordinal));
                Assert.Equal(1000, perPod["api-1"], 6);
                Assert.Equal(3000, perPod["api-2"], 6);
                if (series == Containerd)
                {
                    Assert.Null(results[written].Error);
                    Assert.Empty(results[written].Samples);
                }
            }
        }

        [PromtoolFact]
        public void ApplicationContainerName_EmptyOnEveryRuntime()
        {
            const string written = "sum(rate(" + Receive + "{pod=\"api-1\", container=\"app\"}[5m]))";
            var fixedQuery = Apply(written, Assert.Single(Run(written)));
            foreach (var series in new[] { Containerd, Crio })
            {
                var results = EngineEvaluator.Evaluate(series, new[] { written, fixedQuery }, EvalTime);
                Assert.Empty(results[written].Samples);
                Assert.Equal(1000, Assert.Single(results[fixedQuery].Samples).Value, 6);
            }
        }

        [PromtoolFact]
        public void ByContainer_OneGroupForEveryPod()
        {
            // Reported without a fix: the clause gives one series, the total of both pods, not one per container.
            const string written = "sum by (container) (rate(" + Receive + "[5m]))";
            Assert.Single(Run(written));
            var results = EngineEvaluator.Evaluate(Containerd, new[] { written }, EvalTime);
            Assert.Equal(4000, Assert.Single(results[written].Samples).Value, 6);
        }

        private static InputSeries Network(string pod, string? container, int perMinute)
        {
            var labels = new Dictionary<string, string>
            {
                ["job"] = "kubelet",
                ["metrics_path"] = "/metrics/cadvisor",
                ["namespace"] = "shop",
                ["pod"] = pod,
                ["interface"] = "eth0",
                ["image"] = "registry.k8s.io/pause:3.9",
            };
            if (container is not null)
            {
                labels["container"] = container;
            }

            return new InputSeries(Receive, labels, "0+" + perMinute + "x30");
        }

        private static List<Finding> Run(string query)
        {
            var parse = PromQlParser.Parse(query);
            Assert.False(parse.HasErrors);
            var findings = new List<Finding>();
            NetworkContainerFilterRule.Find(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        private static string Apply(string query, Finding finding)
        {
            Assert.True(FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out var text), "the finding carries no fix");
            return query.Substring(0, start) + text + query.Substring(end);
        }
    }
}
