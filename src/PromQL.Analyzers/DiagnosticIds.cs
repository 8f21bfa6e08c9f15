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

        /// <summary>A kube-state-metrics v1 metric name that v2 removed or renamed, so the selector matches nothing.</summary>
        public const string RemovedKubeStateMetric = "PROMQL004";

        /// <summary>A <c>container_network_*</c> selector filtered or grouped by <c>container</c>: cAdvisor reports network statistics for the pod's sandbox only.</summary>
        public const string NetworkContainerFilter = "PROMQL005";

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

        /// <summary>A <c>^</c> or <c>$</c> that begins or ends a matcher regex, which Prometheus anchors anyway.</summary>
        public const string RedundantAnchors = "PROMQL021";

        /// <summary>A matcher that does nothing (<c>=~".*"</c>) or says it the long way (<c>=~".+"</c>, <c>!~".+"</c>).</summary>
        public const string TrivialRegexMatcher = "PROMQL022";

        /// <summary>An equality matcher whose value is clearly a regex or a glob (<c>code="5.."</c>, <c>job="*-api"</c>).</summary>
        public const string EqualityWithRegexValue = "PROMQL023";

        /// <summary>A selector whose matchers contradict each other, so it matches no series.</summary>
        public const string ImpossibleSelector = "PROMQL024";

        /// <summary>A function Prometheus renamed or removed (<c>holt_winters</c>, renamed <c>double_exponential_smoothing</c> in 3.0).</summary>
        public const string RenamedFunction = "PROMQL030";

        /// <summary>An <c>le</c> or <c>quantile</c> matcher with an integer value, a form Prometheus 3 no longer stores.</summary>
        public const string IntegerBucketValue = "PROMQL031";

        /// <summary>A construct behind a Prometheus --enable-feature flag the project has not declared in promql.enabled_features.</summary>
        public const string UndeclaredFeature = "PROMQL032";

        /// <summary>A hole whose .NET value does not print as PromQL where it stands (a TimeSpan in a range, a DateTime after @, a bool).</summary>
        public const string ValueNotPromQl = "PROMQL040";

        /// <summary>A number in a hole formatted with the current culture (<c>0,95</c> under de-DE, U+2212 under sv-SE): not PromQL there.</summary>
        public const string CultureSensitiveNumber = "PROMQL041";

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
