using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PromQL.Analyzers.Engine.Tests.Engine;

namespace PromQL.Analyzers.Engine.Tests.Cluster
{
    /// <summary>
    /// The series a Prometheus scraping the kubelets' <c>/metrics/cadvisor</c> (and kube-state-metrics) holds for a
    /// small cluster, label for label as cAdvisor writes them:
    /// <list type="bullet">
    /// <item>the pod cgroup once per pod, with no <c>container</c>, <c>image</c> or <c>name</c> (PromQL reads a missing
    /// label as <c>container=""</c>), its value the total of everything in the pod, pause container included;</item>
    /// <item>each container once, with <c>container</c>, <c>image</c>, <c>id</c> (its cgroup, under the pod's) and <c>name</c>;</item>
    /// <item>the pause container as <c>container="POD"</c> on dockershim nodes (a few hundred KiB); containerd
    /// does not expose it.</item>
    /// </list>
    /// The pod the sample's queries ask about, payments/checkout, runs an app and an istio-proxy sidecar on a
    /// dockershim node; two single-container pods on a containerd node make the cluster-wide queries meaningful.
    /// CPU figures are binary fractions (0.25, 0.0625, 0.00390625 cores), so the engine's rates come out exact.
    /// </summary>
    public static class CadvisorCluster
    {
        /// <summary>Every gauge sample and counter point is 1 minute apart, from 0 to 40 minutes.</summary>
        public const int Points = 40;

        /// <summary>When the queries are evaluated: late enough for a 5m rate, before the series end.</summary>
        public const string EvalTime = "30m";

        public static readonly string[] MemoryMetrics =
        {
            "container_memory_working_set_bytes",
            "container_memory_rss",
            "container_memory_usage_bytes",
            "container_memory_cache",
        };

        public static readonly PodFixture Checkout = DockershimPod(
            "payments",
            "checkout-7d9f8-x2k4q",
            "node-a",
            "10.0.1.12:10250",
            "5f3c2a1e-8d4b-4c6a-9e2f-1b7d3c9a0e44",
            new[]
            {
                ("app", "registry.example.com/payments/checkout:1.4.2", Mib(200), Mib(180), Mib(40), 0.25),
                ("istio-proxy", "docker.io/istio/proxyv2:1.20.3", Mib(50), Mib(45), Mib(8), 0.0625),
                ("POD", "registry.k8s.io/pause:3.9", Kib(420), Kib(300), Kib(200), 0.00390625),
            },
            new Dictionary<string, long> { ["app"] = Mib(512), ["istio-proxy"] = Mib(128) });

        public static readonly PodFixture Frontend = ContainerdPod(
            "web",
            "frontend-5c8d7b9f6-q7wzr",
            "node-b",
            "10.0.1.13:10250",
            "8a1b4c7d-2e5f-4a8b-9c0d-3e6f9a2b5c8d",
            ("frontend", "registry.example.com/web/frontend:2.0.1", Mib(150), Mib(120), Mib(60), 0.1),
            Mib(256));

        public static readonly PodFixture CoreDns = ContainerdPod(
            "kube-system",
            "coredns-5d78c9869d-4xk2p",
            "node-b",
            "10.0.1.13:10250",
            "0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
            // 1/128 core: promtool compares exactly, and binary fractions come out of rate() unrounded.
            ("coredns", "registry.k8s.io/coredns/coredns:v1.10.1", Mib(20), Mib(15), Mib(6), 0.0078125),
            Mib(170));

        public static readonly IReadOnlyList<PodFixture> Pods = new[] { Checkout, Frontend, CoreDns };

        /// <summary>Every series of the cluster.</summary>
        public static IReadOnlyList<InputSeries> AllSeries() => Pods.SelectMany(SeriesOf).ToList();

        /// <summary>
        /// The same data without cAdvisor's pod-level series (the <c>container_*</c> series whose <c>container</c> is
        /// empty): what a query sees once the pod-level series no longer counts.
        /// </summary>
        public static IReadOnlyList<InputSeries> WithoutPodLevelSeries() => AllSeries().Where(s => !IsPodLevel(s)).ToList();

        /// <summary>Whether a series is cAdvisor's pod cgroup (PromQL's <c>container=""</c>).</summary>
        public static bool IsPodLevel(InputSeries series) =>
            series.Metric.StartsWith("container_", StringComparison.Ordinal) && series.Label("container").Length == 0;

        /// <summary>The series of one pod.</summary>
        public static IEnumerable<InputSeries> SeriesOf(PodFixture pod)
        {
            foreach (var metric in MemoryMetrics)
            {
                yield return PodLevel(pod, metric, Constant(pod.Containers.Sum(c => MemoryOf(c, metric))));
                foreach (var container in pod.Containers)
                {
                    yield return PerContainer(pod, container, metric, Constant(MemoryOf(container, metric)));
                }
            }

            yield return PodLevel(pod, "container_cpu_usage_seconds_total", Counter(100, pod.Containers.Sum(c => c.CpuCores) * 60));
            foreach (var container in pod.Containers)
            {
                yield return PerContainer(pod, container, "container_cpu_usage_seconds_total", Counter(10, container.CpuCores * 60));
            }

            // Network counters exist once per pod, on the cgroup that owns the network namespace: the pause container
            // where the runtime exposes it (dockershim), the pod cgroup otherwise.
            var pause = pod.Containers.FirstOrDefault(c => c.IsPause);
            foreach (var (metric, bytesPerSecond) in new[] { ("container_network_receive_bytes_total", 20480.0), ("container_network_transmit_bytes_total", 10240.0) })
            {
                var series = pause is null ? PodLevel(pod, metric, Counter(0, bytesPerSecond * 60)) : PerContainer(pod, pause, metric, Counter(0, bytesPerSecond * 60));
                yield return WithLabel(series, "interface", "eth0");
            }

            foreach (var limit in pod.MemoryLimits)
            {
                yield return KubeStateMetrics(pod, "kube_pod_container_resource_limits", limit.Key, Constant(limit.Value), ("resource", "memory"), ("unit", "byte"));
                yield return KubeStateMetrics(pod, "kube_pod_container_status_restarts_total", limit.Key, Constant(0));
            }
        }

        /// <summary>A container's value for one of <see cref="MemoryMetrics"/>.</summary>
        public static long MemoryOf(ContainerFixture container, string metric) => metric switch
        {
            "container_memory_working_set_bytes" => container.WorkingSetBytes,
            "container_memory_rss" => container.RssBytes,
            "container_memory_usage_bytes" => container.UsageBytes,
            "container_memory_cache" => container.CacheBytes,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a memory metric of the fixture"),
        };

        /// <summary>The labels a container's series carries (without the name).</summary>
        public static Dictionary<string, string> ContainerLabels(PodFixture pod, ContainerFixture container)
        {
            var labels = ScrapeLabels(pod);
            labels["container"] = container.Name;
            labels["id"] = container.CgroupId;
            labels["image"] = container.Image;
            labels["name"] = container.RuntimeName;
            return labels;
        }

        private static InputSeries PodLevel(PodFixture pod, string metric, string values)
        {
            var labels = ScrapeLabels(pod);
            labels["id"] = pod.PodCgroupId;
            return new InputSeries(metric, labels, values);
        }

        private static InputSeries PerContainer(PodFixture pod, ContainerFixture container, string metric, string values) =>
            new InputSeries(metric, ContainerLabels(pod, container), values);

        private static InputSeries KubeStateMetrics(PodFixture pod, string metric, string container, string values, params (string Name, string Value)[] extra)
        {
            var labels = new Dictionary<string, string>
            {
                ["container"] = container,
                ["instance"] = "10.0.3.7:8080",
                ["job"] = "kube-state-metrics",
                ["namespace"] = pod.Namespace,
                ["node"] = pod.Node,
                ["pod"] = pod.Name,
            };
            foreach (var (name, value) in extra)
            {
                labels[name] = value;
            }

            return new InputSeries(metric, labels, values);
        }

        private static Dictionary<string, string> ScrapeLabels(PodFixture pod) => new Dictionary<string, string>
        {
            ["instance"] = pod.Instance,
            ["job"] = "kubelet",
            ["metrics_path"] = "/metrics/cadvisor",
            ["namespace"] = pod.Namespace,
            ["node"] = pod.Node,
            ["pod"] = pod.Name,
        };

        private static InputSeries WithLabel(InputSeries series, string name, string value) =>
            new InputSeries(series.Metric, new Dictionary<string, string>(series.Labels) { [name] = value }, series.Values);

        private static string Constant(long value) => value.ToString(CultureInfo.InvariantCulture) + "x" + Points.ToString(CultureInfo.InvariantCulture);

        private static string Counter(double start, double perMinute) =>
            start.ToString("R", CultureInfo.InvariantCulture) + "+" + perMinute.ToString("R", CultureInfo.InvariantCulture) + "x" + Points.ToString(CultureInfo.InvariantCulture);

        // dockershim with the cgroupfs driver: /kubepods/<qos>/pod<uid>/<docker id>, names k8s_<container>_<pod>_<ns>_<uid>_0.
        private static PodFixture DockershimPod(
            string ns, string name, string node, string instance, string uid,
            (string Name, string Image, long WorkingSet, long Rss, long Cache, double Cpu)[] containers,
            IReadOnlyDictionary<string, long> memoryLimits)
        {
            var podCgroup = "/kubepods/burstable/pod" + uid;
            var fixtures = containers
                .Select(c => new ContainerFixture(c.Name, c.Image, podCgroup + "/" + ContainerId(uid, c.Name), $"k8s_{c.Name}_{name}_{ns}_{uid}_0", c.WorkingSet, c.Rss, c.Cache, c.Cpu))
                .ToList();
            return new PodFixture(ns, name, node, instance, podCgroup, fixtures, memoryLimits);
        }

        // containerd with the systemd driver: kubepods-<qos>-pod<uid>.slice/cri-containerd-<id>.scope, named by its id.
        private static PodFixture ContainerdPod(
            string ns, string name, string node, string instance, string uid,
            (string Name, string Image, long WorkingSet, long Rss, long Cache, double Cpu) container,
            long memoryLimit)
        {
            var podCgroup = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + uid.Replace('-', '_') + ".slice";
            var id = ContainerId(uid, container.Name);
            var fixture = new ContainerFixture(container.Name, container.Image, podCgroup + "/cri-containerd-" + id + ".scope", id, container.WorkingSet, container.Rss, container.Cache, container.Cpu);
            return new PodFixture(ns, name, node, instance, podCgroup, new[] { fixture }, new Dictionary<string, long> { [container.Name] = memoryLimit });
        }

        // A stable 64-hex-digit runtime id.
        private static string ContainerId(string uid, string container) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uid + "/" + container))).ToLowerInvariant();

        private static long Mib(long mebibytes) => mebibytes * 1024 * 1024;

        private static long Kib(long kibibytes) => kibibytes * 1024;
    }
}
