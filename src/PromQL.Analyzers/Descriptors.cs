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

        /// <summary>PROMQL010.</summary>
        public static readonly DiagnosticDescriptor CounterFunctionOverGauge = Create(
            DiagnosticIds.CounterFunctionOverGauge,
            CorrectnessCategory,
            "Counter function over a gauge",
            "{0} is for counters and reads every fall of its input as a reset, but {1} is {2}; {3}",
            "rate, irate, increase and resets assume a counter, a value that only goes up until its process restarts: each fall is taken " +
            "for a reset and the value after it is added as if counted from zero. Over a gauge (memory in use, queue length, temperature) " +
            "every dip becomes a jump, so the result is wrong whenever the gauge falls. Use deriv for the per-second change of a gauge and " +
            "delta for its change over the range.");

        /// <summary>PROMQL011.</summary>
        public static readonly DiagnosticDescriptor GaugeFunctionOverCounter = Create(
            DiagnosticIds.GaugeFunctionOverCounter,
            CorrectnessCategory,
            "Gauge function over a counter",
            "{0} is for gauges and reads a counter reset as a fall to zero, but {1} is {2}; {3}",
            "deriv, delta, idelta, predict_linear and double_exponential_smoothing take their input as a gauge. A counter falls to zero " +
            "when its process restarts, and these functions read that reset as a real fall: the result turns negative or drops. Use rate " +
            "for a counter's per-second rate, increase for its increase over the range and irate for the last two samples.");

        /// <summary>PROMQL012.</summary>
        public static readonly DiagnosticDescriptor CounterReadRaw = Create(
            DiagnosticIds.CounterReadRaw,
            CorrectnessCategory,
            "Counter used raw",
            "{0} is {1}, and its value is used raw: a counter's value is the count since its process started, so it jumps back at every restart; take rate({0}[...]) or increase first",
            "A counter's absolute value depends on when its process last started, so comparing, dividing, summing or charting it shows " +
            "restarts, not traffic. Take rate, irate or increase of it first. Uses that do not read the value are fine: absent, " +
            "absent_over_time, present_over_time, count_over_time, changes, resets, timestamp, count and group, and the right side of " +
            "unless and of and.");

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

        /// <summary>PROMQL015.</summary>
        public static readonly DiagnosticDescriptor CounterFunctionOverAggregation = Create(
            DiagnosticIds.CounterFunctionOverAggregation,
            CorrectnessCategory,
            "Counter function over a subquery of an aggregation",
            "{0} runs over a subquery of {1} of the counter {2}: when one series resets or leaves, the {1} falls and {0} reads it as a reset of the whole; apply {0} to each series first, then aggregate",
            "An aggregation of counters is no counter: when one of its series restarts from zero, or stops being scraped, the sum drops, " +
            "and rate, irate, increase or resets over a subquery of it read the drop as a reset and add the whole remaining value again, " +
            "which shows as a spike. Take the rate of each series, then aggregate: sum(rate(x_total[5m])), not rate(sum(x_total)[5m:]).");

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

        /// <summary>PROMQL021 (a suggestion).</summary>
        public static readonly DiagnosticDescriptor RedundantAnchors = Create(
            DiagnosticIds.RedundantAnchors,
            CorrectnessCategory,
            DiagnosticSeverity.Info,
            "Redundant anchor in a matcher regex",
            "{0}: Prometheus anchors matcher regexes at both ends, so {1} adds nothing: write {2}",
            "Prometheus matches a =~ or !~ value as ^(?s:value)$, anchored at both ends, so a ^ that begins the regex or a $ that " +
            "ends it says nothing more: job=~\"^api-.*$\" is job=~\"api-.*\". Reported only where the RE2 parse shows the anchor " +
            "binds to the whole regex (not for ^a|b$, whose anchors sit inside the alternatives, nor for an escaped \\$ or a $ in a class).");

        /// <summary>PROMQL022 (a suggestion).</summary>
        public static readonly DiagnosticDescriptor TrivialRegexMatcher = Create(
            DiagnosticIds.TrivialRegexMatcher,
            CorrectnessCategory,
            DiagnosticSeverity.Info,
            "Matcher that does nothing or says it the long way",
            "{0} {1}",
            "A series without a label has the value \"\" for it, so job=~\".*\" (every value, the empty one too) selects every series and " +
            "filters nothing; job=~\".+\" (every non-empty value) is job!=\"\", and job!~\".+\" is job=\"\". Remove the first, write the " +
            "others as equalities, which say what they mean and which Prometheus matches without a regex.");

        /// <summary>PROMQL023.</summary>
        public static readonly DiagnosticDescriptor EqualityWithRegexValue = Create(
            DiagnosticIds.EqualityWithRegexValue,
            CorrectnessCategory,
            "Equality matcher with a regex or glob value",
            "{0} compares with the {1} as a plain string, so it matches only a label value written exactly so: write {2}",
            "= and != compare the label value with the string as written: code=\"5..\" matches only the three characters 5, . and ., " +
            "not every 5xx code, and job=\"*-api\" only a job named *-api. Reported only where the value is clearly a regex (.*, .+, " +
            "a class with a range, \\d+, a | between plain alternatives, a status class such as 5..) or a glob (a * at a word's edge), " +
            "compiles as RE2 and means something else than the string: never for IPs, host:port, versions, paths or +Inf.");

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

        /// <summary>PROMQL030.</summary>
        public static readonly DiagnosticDescriptor RenamedFunction = Create(
            DiagnosticIds.RenamedFunction,
            CorrectnessCategory,
            "Function renamed in Prometheus 3",
            "Prometheus {0} renamed '{1}' to '{2}' and rejects the old name; use '{2}'{3}",
            "Prometheus 3.0 renamed holt_winters to double_exponential_smoothing (the old name was a misnomer: the function does " +
            "double exponential smoothing, not Holt-Winters' triple) and put it behind the promql-experimental-functions feature flag. " +
            "A query with the old name fails with 'unknown function with name \"holt_winters\"', and a dashboard panel stays empty. " +
            "Rename the call; the arguments are the same.");

        /// <summary>PROMQL031.</summary>
        public static readonly DiagnosticDescriptor IntegerBucketValue = Create(
            DiagnosticIds.IntegerBucketValue,
            CorrectnessCategory,
            "Integer le or quantile value that Prometheus 3 no longer stores",
            "Prometheus 3 stores {0}=\"{1}\" as {0}=\"{2}\", so {3}; match both forms",
            "Since Prometheus 3.0 the le label of classic-histogram buckets and the quantile label of summaries are normalized on " +
            "ingestion to a float form: a bucket exposed as le=\"1\" is stored as le=\"1.0\", whatever the scrape protocol. A matcher " +
            "that names the integer form matches nothing once the server runs 3.0 (or filters nothing, for != and !~). Match both " +
            "forms, so the query also reads the data written before the upgrade.");

        /// <summary>PROMQL032: information (the query is right if the server runs with the flag).</summary>
        public static readonly DiagnosticDescriptor UndeclaredFeature = Create(
            DiagnosticIds.UndeclaredFeature,
            CorrectnessCategory,
            DiagnosticSeverity.Info,
            "Experimental PromQL feature not declared in promql.enabled_features",
            "{0} needs --enable-feature={1} on the Prometheus server; if the server runs with it, add {1} to promql.enabled_features",
            "Prometheus 3 keeps some PromQL behind --enable-feature flags: experimental functions and aggregations " +
            "(promql-experimental-functions), duration expressions such as foo[5m + step()] (promql-duration-expr), the anchored " +
            "and smoothed modifiers (promql-extended-range-selectors) and fill, fill_left and fill_right (promql-binop-fill-modifiers). " +
            "A server without the flag rejects the query. Declare the flags the server runs with in promql.enabled_features, or " +
            "write the query without the feature.");

        /// <summary>PROMQL040: a warning (the query breaks, or silently selects a series named True).</summary>
        public static readonly DiagnosticDescriptor ValueNotPromQl = Create(
            DiagnosticIds.ValueNotPromQl,
            CorrectnessCategory,
            DiagnosticSeverity.Warning,
            "Hole value does not print as PromQL",
            "This {0} prints {1} here, which is not {2}",
            "An interpolation hole, a string.Format item or a + operand prints what .NET's ToString gives: a TimeSpan prints 00:05:00, " +
            "never a PromQL duration (rate(x[00:05:00]) does not parse); a DateTime or DateTimeOffset prints a date in the current " +
            "culture's pattern, never the Unix seconds @ takes; a bool prints True, which PromQL reads as a metric name (up == True " +
            "compares with a series called True and returns nothing); an enum prints its member's name; a class that does not override " +
            "ToString prints its type's name. Convert the value: (long)window.TotalSeconds followed by s, " +
            "new DateTimeOffset(time).ToUnixTimeSeconds(), a number for a bool.");

        /// <summary>PROMQL041: a warning (the query breaks on machines whose culture writes numbers otherwise).</summary>
        public static readonly DiagnosticDescriptor CultureSensitiveNumber = Create(
            DiagnosticIds.CultureSensitiveNumber,
            CorrectnessCategory,
            DiagnosticSeverity.Warning,
            "Number formatted with the current culture in a query",
            "This {0} is formatted with the current culture, so the query breaks where the culture writes numbers otherwise ({1}); format it with CultureInfo.InvariantCulture",
            "An interpolation hole, a string.Format item or a + operand is formatted by .NET with the current culture unless the string " +
            "says otherwise. Under de-DE, fr-FR or ru-RU a double 0.95 prints 0,95, so histogram_quantile(0,95, ...) is a call with three " +
            "arguments; under sv-SE or nb-NO a negative number prints with the minus sign U+2212, which PromQL does not read. The query " +
            "works on the developer's machine and fails on those servers only. Format the hole with CultureInfo.InvariantCulture, or the " +
            "whole string (string.Create(CultureInfo.InvariantCulture, $\"...\"), FormattableString.Invariant). A format specifier such " +
            "as :F2 does not help: it still takes the culture's separator.");

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
