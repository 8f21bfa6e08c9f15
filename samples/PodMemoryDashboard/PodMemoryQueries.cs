namespace PodMemoryDashboard
{
    /// <summary>
    /// The dashboard's query builders. Nothing marks these strings as PromQL: the analyzer finds them by
    /// their content (a watched metric name and a brace, parenthesis or bracket), so they get PROMQL001 and
    /// PROMQL002 but never PROMQL100. Each query carries a comment saying what the analyzer should report.
    /// </summary>
    internal static class PodMemoryQueries
    {
        // Only a name: no brace, parenthesis or bracket, so not a query of its own.
        private const string WorkingSetMetric = "container_memory_working_set_bytes";

        /// <summary>The pod's memory as the first version of the dashboard computed it.</summary>
        public static string PodWorkingSetNaive(string ns, string pod) =>
            // PROMQL001 + PROMQL002: sums the pod cgroup with its containers
            $"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}})";

        /// <summary>The same, for the history chart: a constant metric name and concatenation.</summary>
        public static string PodWorkingSetHistoryNaive(string ns, string pod) =>
            // PROMQL001 + PROMQL002: sums the pod cgroup with its containers
            "sum(" + WorkingSetMetric + "{namespace=\"" + ns + "\", pod=\"" + pod + "\"})";

        /// <summary>The ten heaviest pods of the cluster (a verbatim string).</summary>
        public static string TopPodsNaive() =>
            // PROMQL001: every pod's total counts its pod cgroup on top of its containers
            @"topk(10, sum by (namespace, pod) (container_memory_working_set_bytes{namespace!=""kube-system""}))";

        /// <summary>The pod's memory as a fraction of its limits (a raw, interpolated, multi-line string).</summary>
        public static string PodLimitRatioNaive(string ns, string pod) =>
            // PROMQL001 + PROMQL002 on the first sum: sums the pod cgroup with its containers
            $$"""
            sum(container_memory_working_set_bytes{namespace="{{ns}}", pod="{{pod}}"})
              /
            sum(kube_pod_container_resource_limits{namespace="{{ns}}", pod="{{pod}}", resource="memory"})
            """;

        /// <summary>CPU in cores (container_cpu_usage_seconds_total is watched by default, like memory).</summary>
        public static string PodCpuNaive(string ns, string pod) =>
            // PROMQL001: the pod cgroup's CPU adds to its containers'. No PROMQL002: that rule looks only at a
            // sum directly over a selector, and this sum is over rate(...).
            $"sum(rate(container_cpu_usage_seconds_total{{namespace=\"{ns}\", pod=\"{pod}\"}}[5m]))";

        /// <summary>The pod total, as kubectl top pod shows it: the sum of its containers.</summary>
        public static string PodWorkingSet(string ns, string pod) =>
            // No diagnostic: container!="" drops the pod-level series
            $"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}',container!=\"\"}})";

        /// <summary>One series per container, as kubectl top pod --containers shows them.</summary>
        public static string ContainerWorkingSet(string ns, string pod) =>
            // No diagnostic: the sum groups by container and container!="" drops the pod-level series
            $"sum by (container) (container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}',container!=\"\"}})";

        /// <summary>The pod total through the image label, as kubernetes-mixin's recording rules filter.</summary>
        public static string PodWorkingSetByImage(string ns, string pod) =>
            // No diagnostic: image!="" drops the pod-level series (PROMQL001 + PROMQL002 with
            // promql.require_container_filter = true)
            $"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}',image!=\"\"}})";

        /// <summary>Bytes received per second. Network counters exist per pod only, so no container filter.</summary>
        public static string PodNetworkReceive(string ns, string pod) =>
            // No diagnostic: container_network_* is never watched
            $"sum(rate(container_network_receive_bytes_total{{namespace='{ns}',pod='{pod}'}}[5m]))";
    }
}
