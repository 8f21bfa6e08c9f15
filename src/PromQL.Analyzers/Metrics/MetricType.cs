namespace PromQL.Analyzers.Metrics
{
    /// <summary>The type of a metric family, as Prometheus's exposition formats declare it.</summary>
    internal enum MetricType
    {
        Counter,
        Gauge,
        Histogram,
        Summary,
    }

    /// <summary>Which series of its family a name is.</summary>
    internal enum MetricPart
    {
        /// <summary>The series is the metric itself: a counter like <c>x_total</c>, a gauge, a native histogram, a summary's quantiles.</summary>
        Whole,

        /// <summary>A classic histogram's <c>x_bucket</c>.</summary>
        Bucket,

        /// <summary>A classic histogram's or a summary's <c>x_sum</c>.</summary>
        Sum,

        /// <summary>A classic histogram's or a summary's <c>x_count</c>.</summary>
        Count,
    }

    /// <summary>Where a fact came from, in this order of trust.</summary>
    internal enum MetricFactOrigin
    {
        /// <summary><c>promql.counters</c>, <c>promql.gauges</c>, <c>promql.histograms</c>, <c>promql.summaries</c>.</summary>
        Options,

        /// <summary>A definition in the same compilation (prometheus-net, System.Diagnostics.Metrics).</summary>
        Compilation,

        /// <summary>The shipped catalog of well-known metrics.</summary>
        Catalog,

        /// <summary>Only the name's suffix (<c>_total</c>, <c>_bucket</c>, <c>_sum</c>, <c>_count</c>): most rules must not use it.</summary>
        Convention,
    }
}
