using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers
{
    /// <summary>Every descriptor, built by one factory that derives the help link from the ID.</summary>
    public static class Descriptors
    {
        /// <summary>Where the rule pages live; a rule's page is <c>{HelpLinkBase}{ID}.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/promql-analyzers/promql-analyzers/blob/main/docs/rules/";

        private const string CorrectnessCategory = "PromQL.Correctness";
        private const string SyntaxCategory = "PromQL.Syntax";
        private const string ConfigurationCategory = "PromQL.Configuration";

        /// <summary>PROMQL001.</summary>
        public static readonly DiagnosticDescriptor ContainerFilterMissing = Create(
            DiagnosticIds.ContainerFilterMissing,
            CorrectnessCategory,
            "Container metric selector keeps the pod-level series",
            "{0} also selects cAdvisor's pod-level cgroup series (container=\"\"), which already holds the total of the pod's containers, so {1} is counted twice when series are added up; add container!=\"\"",
            "cAdvisor exposes every container_* metric once per container and once more for the pod's own cgroup, with container=\"\" " +
            "(plus the pause container, container=\"POD\"). A selector without container!=\"\" returns both, so any sum over it counts the pod " +
            "twice. Add container!=\"\" (image!=\"\" also drops the pod-level series).");

        /// <summary>PROMQL002.</summary>
        public static readonly DiagnosticDescriptor RedundantSum = Create(
            DiagnosticIds.RedundantSum,
            CorrectnessCategory,
            "Redundant sum over one pod's container series",
            "{0}",
            "A sum over a selector that pins one pod either adds the pod-level cgroup series (container=\"\") to the series of its " +
            "containers, doubling the total, or, when the container is pinned as well, runs over a single series. Remove the sum to get " +
            "one series per container, or filter with container!=\"\" to get the pod total that kubectl top pod shows.");

        /// <summary>PROMQL003.</summary>
        public static readonly DiagnosticDescriptor RemovedCadvisorLabel = Create(
            DiagnosticIds.RemovedCadvisorLabel,
            CorrectnessCategory,
            "cAdvisor label removed in Kubernetes 1.16",
            "The kubelet has not exposed '{0}' on cAdvisor's {1} since Kubernetes 1.16, so {2}; use '{3}'",
            "Kubernetes 1.16 removed the pod_name and container_name labels from the kubelet's cAdvisor metrics, which since 1.14 carried " +
            "pod and container beside them. A matcher on the old label now matches nothing (or filters nothing), and a by, without or " +
            "grouping on it groups every series together. Rename the label to pod or container.");

        /// <summary>PROMQL004.</summary>
        public static readonly DiagnosticDescriptor RemovedKubeStateMetric = Create(
            DiagnosticIds.RemovedKubeStateMetric,
            CorrectnessCategory,
            "kube-state-metrics v1 metric removed or renamed in v2",
            "kube-state-metrics v2 no longer exposes '{0}', so this selector matches nothing; use {1}",
            "kube-state-metrics 2.0 removed the deprecated resource metrics (kube_pod_container_resource_requests_cpu_cores and the other " +
            "*_cpu_cores, *_memory_bytes and *_pods names of pod requests and limits and node capacity and allocatable), replaced by one " +
            "metric with resource and unit labels, and renamed kube_hpa_* to kube_horizontalpodautoscaler_* (label hpa to " +
            "horizontalpodautoscaler) and kube_daemonset_updated_number_scheduled to kube_daemonset_status_updated_number_scheduled. " +
            "A query on the old name returns nothing. Use the v2 form.");

        /// <summary>PROMQL005.</summary>
        public static readonly DiagnosticDescriptor NetworkContainerFilter = Create(
            DiagnosticIds.NetworkContainerFilter,
            CorrectnessCategory,
            "Container filter on a network metric cAdvisor reports per pod",
            "cAdvisor reports {0} only for the pod's sandbox (container=\"\" on containerd, container=\"POD\" on CRI-O and dockershim), so {1}",
            "The containers of a pod share the network namespace of its sandbox, and cAdvisor reports container_network_* for the sandbox " +
            "only. On containerd its series carry container=\"\", so a container matcher that rejects the empty string matches nothing; " +
            "on CRI-O and dockershim it is container=\"POD\". Grouping by container splits nothing per container. Remove the matcher.");

        /// <summary>PROMQL013.</summary>
        public static readonly DiagnosticDescriptor HistogramWithoutLe = Create(
            DiagnosticIds.HistogramWithoutLe,
            CorrectnessCategory,
            "histogram_quantile over buckets whose le label an aggregation removes",
            "{0} removes the le label of the classic-histogram buckets {1}, so histogram_quantile finds no bucket bounds and always returns nothing; keep le in the aggregation",
            "A classic histogram stores one series per bucket, told apart by the le label (the bucket's upper bound). histogram_quantile " +
            "needs le on every input series: Prometheus skips a series without it (the 'bucket label \"le\" is missing' annotation, which a " +
            "dashboard does not show), so after sum, sum by (pod) or sum without (le) the result is empty. Keep le: sum by (le), " +
            "sum by (pod, le), or take le out of without.");

        /// <summary>PROMQL014.</summary>
        public static readonly DiagnosticDescriptor QuantileOutOfRange = Create(
            DiagnosticIds.QuantileOutOfRange,
            CorrectnessCategory,
            "Quantile outside [0, 1]",
            "{0} is not a quantile: {1} takes φ between 0 and 1 and returns {2} for this one; write a percentage as a fraction (0.95 for the 95th percentile)",
            "histogram_quantile, quantile and quantile_over_time take the quantile φ as a number from 0 to 1. For φ > 1 Prometheus returns " +
            "+Inf, for φ < 0 -Inf, on every series, without an error. A value such as 95 or 99.9 is a percentage: divide it by 100.");

        /// <summary>PROMQL020 (a suggestion).</summary>
        public static readonly DiagnosticDescriptor RegexWithoutMetacharacters = Create(
            DiagnosticIds.RegexWithoutMetacharacters,
            CorrectnessCategory,
            DiagnosticSeverity.Info,
            "Regex matcher without regex metacharacters",
            "{0} has no regex metacharacters; Prometheus anchors matcher regexes, so it is an equality: write {1}",
            "Prometheus anchors every matcher regex (^(?:value)$), so a =~ or !~ whose value has none of the characters regexp.QuoteMeta " +
            "escapes, nor |, matches exactly that string: job=~\"api\" is job=\"api\", not \"any job containing api\". Write = or != to " +
            "say so, or write the regex that was meant (job=~\"api.*\").");

        /// <summary>PROMQL024.</summary>
        public static readonly DiagnosticDescriptor ImpossibleSelector = Create(
            DiagnosticIds.ImpossibleSelector,
            CorrectnessCategory,
            "Selector can match no series",
            "This selector matches no series: {0}",
            "Prometheus ANDs the matchers of a selector, so two that no label value can both satisfy make it select nothing, and the " +
            "query returns an empty result with no error: two different values required of one label (= \"a\" and = \"b\"), = and != " +
            "of the same value, =\"\" (the label is absent) with a matcher that rejects the empty string, or !~ with a regex that " +
            "matches every string. Remove the matcher that is wrong.");

        /// <summary>PROMQL042: a suggestion (the query works; the call does nothing).</summary>
        public static readonly DiagnosticDescriptor SortInRangeQuery = Create(
            DiagnosticIds.SortInRangeQuery,
            CorrectnessCategory,
            DiagnosticSeverity.Info,
            "sort in a range query does nothing",
            "{0} has no effect here: the query is run as a range query, whose series Prometheus always returns ordered by their labels; remove it",
            "sort, sort_desc, sort_by_label and sort_by_label_desc order the series of an instant query's result. A range query " +
            "(/api/v1/query_range, or a client API that sends the query there) returns a matrix whose series Prometheus sorts by their " +
            "labels after evaluation, so the call at the top of the query only costs a sort at every step. Remove it, and order the " +
            "series where they are shown.");

        /// <summary>PROMQL100.</summary>
        public static readonly DiagnosticDescriptor InvalidQuery = Create(
            DiagnosticIds.InvalidQuery,
            SyntaxCategory,
            "Invalid PromQL",
            "Invalid PromQL: {0}",
            "The string is PromQL (it flows into a [StringSyntax(\"PromQL\")] target, carries a lang=promql comment, or is passed to a known " +
            "Prometheus query API), and Prometheus would reject it with this error.");

        /// <summary>PROMQL101.</summary>
        public static readonly DiagnosticDescriptor NotASeriesSelector = Create(
            DiagnosticIds.NotASeriesSelector,
            SyntaxCategory,
            "match[] takes a series selector, not a query",
            "match[] takes a series selector, not a query; Prometheus rejects this one with parse error: {0}",
            "The string is sent as the match[] parameter of /api/v1/series, /api/v1/labels or /api/v1/label/<name>/values, " +
            "which Prometheus parses with ParseMetricSelector: a metric name and label matchers, nothing else. A function, an " +
            "operator, a range or an offset makes the request fail with bad_data. Send the selectors inside the query instead.");

        /// <summary>PROMQL900: reported once per compilation for each bad value, at no source location.</summary>
        public static readonly DiagnosticDescriptor InvalidOption = Create(
            DiagnosticIds.InvalidOption,
            ConfigurationCategory,
            "Invalid PromQL analyzer option",
            "The .editorconfig value '{1}' of {0} cannot be used: {2}",
            "A key the PromQL analyzer documents has a value it cannot take, so that part of the value is ignored and the rules may not " +
            "check what the project asked for. Correct the value in .editorconfig (see the option's rule page).",
            WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Create(string id, string category, string title, string messageFormat, string description, params string[] customTags) =>
            Create(id, category, DiagnosticSeverity.Warning, title, messageFormat, description, customTags);

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string messageFormat, string description, params string[] customTags) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: customTags);
    }
}
