namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// The kube-state-metrics v1 metric names that v2.0.0 removed or renamed, and their v2 form: the data of PROMQL004, in
    /// one place. Source: kubernetes/kube-state-metrics <c>CHANGELOG.md</c>, v2.0.0-alpha (2020-09-16), "[CHANGE] v2:
    /// Remove deprecated stable metrics #1004" (the replacements carry <c>resource</c> and <c>unit</c> labels), "[CHANGE] v2:
    /// Rename hpa metrics to use full horizontalpodautoscaler #1003" and "[CHANGE] Update DaemonSet
    /// updated_number_scheduled metric name to be consistent #1181"; the names as v1.9.8 exposed them
    /// (<c>docs/horizontalpodautoscaler-metrics.md</c>, label <c>hpa</c>) and the v2.0.0 label values
    /// (<c>internal/store/pod_test.go</c>, <c>node_test.go</c>: <c>unit="core"</c>, <c>"byte"</c>, <c>"integer"</c>;
    /// <c>docs/horizontalpodautoscaler-metrics.md</c>: label <c>horizontalpodautoscaler</c>).
    /// </summary>
    internal static class KubeStateMetricsRenames
    {
        /// <summary>The label v1's HPA metrics named the autoscaler by.</summary>
        public const string OldHpaLabel = "hpa";

        /// <summary>The label v2's HPA metrics name the autoscaler by.</summary>
        public const string NewHpaLabel = "horizontalpodautoscaler";

        /// <summary>
        /// Every v1 name v2 no longer exposes: the v2 metric, and for the resource metrics the <c>resource</c> and
        /// <c>unit</c> values that select the old series (null for a plain rename); <see cref="Rename.RenamesHpaLabel"/>
        /// when the series' <c>hpa</c> label became <c>horizontalpodautoscaler</c>.
        /// </summary>
        public static readonly Rename[] All =
        {
            Resource("kube_pod_container_resource_requests_cpu_cores", "kube_pod_container_resource_requests", "cpu", "core"),
            Resource("kube_pod_container_resource_requests_memory_bytes", "kube_pod_container_resource_requests", "memory", "byte"),
            Resource("kube_pod_container_resource_limits_cpu_cores", "kube_pod_container_resource_limits", "cpu", "core"),
            Resource("kube_pod_container_resource_limits_memory_bytes", "kube_pod_container_resource_limits", "memory", "byte"),
            Resource("kube_node_status_capacity_pods", "kube_node_status_capacity", "pods", "integer"),
            Resource("kube_node_status_capacity_cpu_cores", "kube_node_status_capacity", "cpu", "core"),
            Resource("kube_node_status_capacity_memory_bytes", "kube_node_status_capacity", "memory", "byte"),
            Resource("kube_node_status_allocatable_pods", "kube_node_status_allocatable", "pods", "integer"),
            Resource("kube_node_status_allocatable_cpu_cores", "kube_node_status_allocatable", "cpu", "core"),
            Resource("kube_node_status_allocatable_memory_bytes", "kube_node_status_allocatable", "memory", "byte"),
            Hpa("labels"),
            Hpa("metadata_generation"),
            Hpa("spec_max_replicas"),
            Hpa("spec_min_replicas"),
            Hpa("spec_target_metric"),
            Hpa("status_condition"),
            Hpa("status_current_replicas"),
            Hpa("status_desired_replicas"),
            new Rename("kube_daemonset_updated_number_scheduled", "kube_daemonset_status_updated_number_scheduled", null, null, false),
        };

        /// <summary>The entry for <paramref name="metric"/>, or null when v2 still exposes it (or it is not kube-state-metrics').</summary>
        public static Rename? Of(string metric)
        {
            foreach (var rename in All)
            {
                if (rename.Old == metric)
                {
                    return rename;
                }
            }

            return null;
        }

        private static Rename Resource(string old, string metric, string resource, string unit) => new Rename(old, metric, resource, unit, false);

        private static Rename Hpa(string suffix) => new Rename("kube_hpa_" + suffix, "kube_horizontalpodautoscaler_" + suffix, null, null, true);

        /// <summary>One removed name and its v2 form.</summary>
        internal sealed class Rename
        {
            public Rename(string old, string metric, string? resource, string? unit, bool renamesHpaLabel)
            {
                Old = old;
                Metric = metric;
                Resource = resource;
                Unit = unit;
                RenamesHpaLabel = renamesHpaLabel;
            }

            /// <summary>The v1 name.</summary>
            public string Old { get; }

            /// <summary>The v2 metric.</summary>
            public string Metric { get; }

            /// <summary>The <c>resource</c> value that selects the old series in the v2 metric, or null.</summary>
            public string? Resource { get; }

            /// <summary>The <c>unit</c> value that goes with <see cref="Resource"/>, or null.</summary>
            public string? Unit { get; }

            /// <summary>Whether the v2 series name the autoscaler by <c>horizontalpodautoscaler</c> instead of <c>hpa</c>.</summary>
            public bool RenamesHpaLabel { get; }

            /// <summary>The v2 form in words for the message: <c>kube_pod_container_resource_requests{resource="cpu", unit="core"}</c>.</summary>
            public string Description => Resource is null
                ? "'" + Metric + "'" + (RenamesHpaLabel ? " (its label hpa is now horizontalpodautoscaler)" : string.Empty)
                : "'" + Metric + "{resource=\"" + Resource + "\", unit=\"" + Unit + "\"}'";
        }
    }
}
