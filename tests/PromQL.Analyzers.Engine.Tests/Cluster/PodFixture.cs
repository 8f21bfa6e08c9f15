using System.Collections.Generic;

namespace PromQL.Analyzers.Engine.Tests.Cluster
{
    /// <summary>One container as cAdvisor sees it: its cgroup and what it uses.</summary>
    public sealed class ContainerFixture
    {
        public ContainerFixture(string name, string image, string cgroupId, string runtimeName, long workingSetBytes, long rssBytes, long cacheBytes, double cpuCores)
        {
            Name = name;
            Image = image;
            CgroupId = cgroupId;
            RuntimeName = runtimeName;
            WorkingSetBytes = workingSetBytes;
            RssBytes = rssBytes;
            CacheBytes = cacheBytes;
            CpuCores = cpuCores;
        }

        /// <summary>The <c>container</c> label: the container's name in the pod spec, or <c>POD</c> for the pause container.</summary>
        public string Name { get; }

        public string Image { get; }

        /// <summary>The <c>id</c> label: the container's cgroup path.</summary>
        public string CgroupId { get; }

        /// <summary>The <c>name</c> label: the runtime's name for the container.</summary>
        public string RuntimeName { get; }

        public long WorkingSetBytes { get; }

        public long RssBytes { get; }

        public long CacheBytes { get; }

        /// <summary>container_memory_usage_bytes: rss and page cache.</summary>
        public long UsageBytes => RssBytes + CacheBytes;

        /// <summary>CPU used, in cores (the rate of container_cpu_usage_seconds_total).</summary>
        public double CpuCores { get; }

        /// <summary>Whether this is the pause (sandbox) container, which older runtimes expose as container="POD".</summary>
        public bool IsPause => Name == "POD";
    }

    /// <summary>One pod: where it runs, its cgroup, its containers (the pause container among them when the runtime exposes it) and their memory limits.</summary>
    public sealed class PodFixture
    {
        public PodFixture(string ns, string name, string node, string instance, string podCgroupId, IReadOnlyList<ContainerFixture> containers, IReadOnlyDictionary<string, long> memoryLimits)
        {
            Namespace = ns;
            Name = name;
            Node = node;
            Instance = instance;
            PodCgroupId = podCgroupId;
            Containers = containers;
            MemoryLimits = memoryLimits;
        }

        public string Namespace { get; }

        public string Name { get; }

        public string Node { get; }

        /// <summary>The kubelet's address, the <c>instance</c> of the cAdvisor scrape.</summary>
        public string Instance { get; }

        /// <summary>The <c>id</c> of the pod-level series: the pod's cgroup, parent of its containers' cgroups.</summary>
        public string PodCgroupId { get; }

        public IReadOnlyList<ContainerFixture> Containers { get; }

        /// <summary>kube_pod_container_resource_limits{resource="memory"} per container (the pause container has none).</summary>
        public IReadOnlyDictionary<string, long> MemoryLimits { get; }
    }
}
