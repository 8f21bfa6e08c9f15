using System;

namespace PromQL.Parsing
{
    /// <summary>The flagged Prometheus parser features a query used.</summary>
    [Flags]
    public enum PromQlFeatures
    {
        /// <summary>Nothing beyond stable PromQL.</summary>
        None = 0,
        /// <summary>An experimental function or aggregation (<c>limitk</c>, <c>limit_ratio</c>, …).</summary>
        ExperimentalFunctions = 1,
        /// <summary>A duration expression (<c>foo[5m+1m]</c>, <c>step()</c>, …).</summary>
        DurationExpressions = 2,
        /// <summary>The <c>anchored</c> or <c>smoothed</c> modifier.</summary>
        ExtendedRangeSelectors = 4,
        /// <summary><c>fill</c>, <c>fill_left</c> or <c>fill_right</c>.</summary>
        BinopFillModifiers = 8,
        /// <summary>An interpolation hole.</summary>
        Holes = 16,
    }
}
