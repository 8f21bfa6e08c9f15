namespace PromQL.Analyzers
{
    /// <summary>
    /// Every rule ID, in one place. Each has a page at <c>docs/rules/&lt;ID&gt;.md</c>. Ranges are categories: 0xx the
    /// correctness of the data a query reads, 1xx validity, 9xx the analyzer's own configuration.
    /// </summary>
    public static class DiagnosticIds
    {
        /// <summary>A cAdvisor container metric selector keeps the pod-level series (<c>container=""</c>).</summary>
        public const string ContainerFilterMissing = "PROMQL001";

        /// <summary>A <c>sum</c> over one pod that adds the pod cgroup to its containers, or runs over one series.</summary>
        public const string RedundantSum = "PROMQL002";

        /// <summary>A cAdvisor metric selected or grouped by <c>pod_name</c> or <c>container_name</c>, labels removed in Kubernetes 1.16.</summary>
        public const string RemovedCadvisorLabel = "PROMQL003";

        /// <summary>A counter function (<c>rate</c>, <c>irate</c>, <c>increase</c>, <c>resets</c>) over a metric known to be a gauge.</summary>
        public const string CounterFunctionOverGauge = "PROMQL010";

        /// <summary>A gauge function (<c>deriv</c>, <c>delta</c>, <c>idelta</c>, <c>predict_linear</c>, <c>double_exponential_smoothing</c>) over a counter.</summary>
        public const string GaugeFunctionOverCounter = "PROMQL011";

        /// <summary>A counter whose value is used raw, without <c>rate</c>, <c>increase</c> or another counter-safe function.</summary>
        public const string CounterReadRaw = "PROMQL012";

        /// <summary><c>histogram_quantile</c> over classic-histogram buckets whose <c>le</c> label an aggregation removes.</summary>
        public const string HistogramWithoutLe = "PROMQL013";

        /// <summary>A literal quantile outside [0, 1] given to <c>histogram_quantile</c>, <c>quantile</c> or <c>quantile_over_time</c>.</summary>
        public const string QuantileOutOfRange = "PROMQL014";

        /// <summary>A counter function over a subquery of an aggregation of counters (<c>rate(sum(x_total)[5m:])</c>).</summary>
        public const string CounterFunctionOverAggregation = "PROMQL015";

        /// <summary>A regex matcher whose value has no regex metacharacters, so it is an equality.</summary>
        public const string RegexWithoutMetacharacters = "PROMQL020";

        /// <summary>A selector whose matchers contradict each other, so it matches no series.</summary>
        public const string ImpossibleSelector = "PROMQL024";

        /// <summary>A <c>sort</c>, <c>sort_desc</c>, <c>sort_by_label</c> or <c>sort_by_label_desc</c> at the top of a query the call site runs as a range query, where Prometheus ignores it.</summary>
        public const string SortInRangeQuery = "PROMQL042";

        /// <summary>The PromQL does not parse, or fails a type check.</summary>
        public const string InvalidQuery = "PROMQL100";

        /// <summary>A string sent as the <c>match[]</c> of a series endpoint that is not a bare vector selector.</summary>
        public const string NotASeriesSelector = "PROMQL101";

        /// <summary>A value of one of the analyzer's <c>.editorconfig</c> keys that it cannot take.</summary>
        public const string InvalidOption = "PROMQL900";
    }
}
