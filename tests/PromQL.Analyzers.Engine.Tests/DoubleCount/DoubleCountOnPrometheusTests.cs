using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Engine.Tests.Cluster;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.DoubleCount
{
    /// <summary>
    /// The double count and its fixes, proven by promtool's own verdict: each test writes a rule unit-test file whose
    /// <c>exp_samples</c> are the values computed from the fixture, and promtool must answer SUCCESS with exit code 0.
    /// The pod is payments/checkout on a dockershim node: app 200 MiB, istio-proxy 50 MiB, pause (container="POD")
    /// 420 KiB of working set, and the pod cgroup (container="") with their total, 262574080 bytes.
    /// </summary>
    public sealed class DoubleCountOnPrometheusTests
    {
        private static readonly PodFixture Pod = CadvisorCluster.Checkout;

        public static TheoryData<string> MemoryMetrics => new TheoryData<string>(CadvisorCluster.MemoryMetrics);

        [PromtoolTheory]
        [MemberData(nameof(MemoryMetrics))]
        public void NaiveSum_CountsThePodTwice(string metric)
        {
            // The pod cgroup, which already holds everything, plus each container and the pause container.
            var doubled = 2 * ContainersTotal(metric, includePause: true);

            AssertPromtoolPasses(Test($"sum({metric}{{namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}})", Total(doubled)));
        }

        [PromtoolTheory]
        [MemberData(nameof(MemoryMetrics))]
        public void ContainerFilterFix_SumsTheContainers(string metric)
        {
            // What the PROMQL001 fix writes: container!="" first. The pause container is a container to cAdvisor, so
            // it stays in (420 KiB of 250.4 MiB for the working set).
            var containers = ContainersTotal(metric, includePause: true);

            AssertPromtoolPasses(Test($"sum({metric}{{container!=\"\",namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}})", Total(containers)));
        }

        [PromtoolFact]
        public void ContainerFilterBesidePodFilter_GivesWhatKubectlTopPodShows()
        {
            // kubectl top pod reads metrics-server, which sums the containers of the kubelet's summary API: the kubelet
            // leaves the pause container out of it. A user's container!="POD" stays beside the added container!="".
            var shown = Pod.Containers.Where(c => !c.IsPause).Sum(c => c.WorkingSetBytes);
            Assert.Equal(262144000, shown);

            AssertPromtoolPasses(Test(
                $"sum(container_memory_working_set_bytes{{container!=\"\",namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\",container!=\"POD\"}})",
                Total(shown)));
        }

        [PromtoolTheory]
        [MemberData(nameof(MemoryMetrics))]
        public void BothFixes_OneSeriesPerContainer(string metric)
        {
            // What PROMQL002's fix (no sum) and PROMQL001's (container!="") make of the naive query: each container's own
            // series, with every label cAdvisor gave it, and no pod cgroup.
            var expected = Pod.Containers
                .Select(c => new EngineSample(new Dictionary<string, string>(CadvisorCluster.ContainerLabels(Pod, c)) { ["__name__"] = metric }, CadvisorCluster.MemoryOf(c, metric)))
                .ToList();

            AssertPromtoolPasses(Test($"{metric}{{container!=\"\",namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}}", expected.ToArray()));
        }

        [PromtoolFact]
        public void ContainerdPod_ContainerFilterFixGivesKubectlTopPodExactly()
        {
            // containerd exposes no pause container: the pod cgroup and the container, 150 MiB each.
            var frontend = CadvisorCluster.Frontend;
            var container = Assert.Single(frontend.Containers).WorkingSetBytes;

            AssertPromtoolPasses(
                Test($"sum(container_memory_working_set_bytes{{namespace=\"{frontend.Namespace}\",pod=\"{frontend.Name}\"}})", Total(2 * container)),
                Test($"sum(container_memory_working_set_bytes{{container!=\"\",namespace=\"{frontend.Namespace}\",pod=\"{frontend.Name}\"}})", Total(container)));
        }

        [PromtoolFact]
        public void CpuRate_ContainerFilterFixHalvesTheNaiveSum()
        {
            // 0.25 + 0.0625 + 0.00390625 cores; the naive sum adds the pod cgroup's 0.31640625 again. promtool compares
            // values exactly: these binary fractions survive the rate's extrapolation without rounding.
            AssertPromtoolPasses(
                Test($"sum(rate(container_cpu_usage_seconds_total{{namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}}[5m]))", Total(0.6328125)),
                Test($"sum(rate(container_cpu_usage_seconds_total{{container!=\"\",namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}}[5m]))", Total(0.31640625)));
        }

        public static TheoryData<string> PodNames => new TheoryData<string>(CadvisorCluster.Pods.Select(p => p.Name));

        [PromtoolTheory]
        [MemberData(nameof(PodNames))]
        public void CpuUsageByDefault_FlaggedDoubledAndFixed(string podName)
        {
            // container_cpu_usage_seconds_total is watched without options: PROMQL001 flags the selector of the naive
            // query, promtool gives twice the containers' cores for it, and the query with the fix's edit gives their total.
            var pod = CadvisorCluster.Pods.Single(p => p.Name == podName);
            var naive = $"sum(rate(container_cpu_usage_seconds_total{{namespace=\"{pod.Namespace}\",pod=\"{pod.Name}\"}}[5m]))";
            var parse = PromQlParser.Parse(naive);
            var findings = new List<Finding>();
            ContainerFilterRule.Find(parse.Expression!, parse.Text, PromQlAnalyzerOptions.Default, findings);
            var finding = Assert.Single(findings);
            Assert.Equal("the pod's CPU", finding.MessageArgs[1]);
            var insertAt = int.Parse(finding.Properties[FixProperties.InsertAt]!, CultureInfo.InvariantCulture);
            var fixedQuery = naive.Insert(insertAt, finding.Properties[FixProperties.InsertText]!);
            Assert.Equal($"sum(rate(container_cpu_usage_seconds_total{{container!=\"\", namespace=\"{pod.Namespace}\",pod=\"{pod.Name}\"}}[5m]))", fixedQuery);

            var cores = pod.Containers.Sum(c => c.CpuCores);
            AssertPromtoolPasses(Test(naive, Total(2 * cores)), Test(fixedQuery, Total(cores)));
        }

        [PromtoolFact]
        public void CpuUsagePerPod_NaiveSumByPodDoublesEveryPod()
        {
            // The dashboard form: one value per pod over the whole cluster, every one of them twice the pod's CPU.
            var naive = "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total[5m]))";
            var filtered = "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!=\"\"}[5m]))";
            EngineSample PerPod(PodFixture pod, double factor) => new EngineSample(
                new Dictionary<string, string> { ["namespace"] = pod.Namespace, ["pod"] = pod.Name },
                factor * pod.Containers.Sum(c => c.CpuCores));

            AssertPromtoolPasses(
                Test(naive, CadvisorCluster.Pods.Select(p => PerPod(p, 2)).ToArray()),
                Test(filtered, CadvisorCluster.Pods.Select(p => PerPod(p, 1)).ToArray()));
        }

        [PromtoolFact]
        public void WrongExpectation_PromtoolFailsAndReportsWhatItGot()
        {
            // The naive query expected to give the pod total it claims to give: promtool must say no, or this harness
            // could not fail.
            var expression = $"sum(container_memory_working_set_bytes{{namespace=\"{Pod.Namespace}\",pod=\"{Pod.Name}\"}})";
            var run = Promtool.TestRules(RuleTestFile.Write(CadvisorCluster.AllSeries(), new[] { Test(expression, Total(262574080)) }));

            Assert.False(run.Succeeded, run.Describe());
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("FAILED", run.StandardError, System.StringComparison.Ordinal);
            var failure = Assert.Single(PromtoolReport.Parse(run.StandardError).Failures);
            Assert.Equal(expression, failure.Expression);
            Assert.Equal(262574080, Assert.Single(failure.Expected).Value);
            Assert.Equal(525148160, Assert.Single(failure.Got).Value);
        }

        private static long ContainersTotal(string metric, bool includePause) =>
            Pod.Containers.Where(c => includePause || !c.IsPause).Sum(c => CadvisorCluster.MemoryOf(c, metric));

        private static EngineSample Total(double value) => new EngineSample(new Dictionary<string, string>(), value);

        private static ExpressionTest Test(string expression, params EngineSample[] expected) =>
            new ExpressionTest(expression, CadvisorCluster.EvalTime, expected);

        private static void AssertPromtoolPasses(params ExpressionTest[] tests)
        {
            var run = Promtool.TestRules(RuleTestFile.Write(CadvisorCluster.AllSeries(), tests));

            Assert.True(run.Succeeded, run.Describe());
        }
    }
}
