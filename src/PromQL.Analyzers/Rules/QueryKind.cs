namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// How Prometheus runs a detected query, where the call site tells (the HTTP API endpoint it is sent to, or the
    /// member of a known client API it is given to, which sends it there); a fact of the query that rules may read
    /// through <see cref="QueryContext.Kind"/>.
    /// </summary>
    internal enum QueryKind
    {
        /// <summary>The call site does not tell (an attribute, a comment, a configured member, content).</summary>
        Unknown,

        /// <summary>An instant query: <c>/api/v1/query</c>.</summary>
        Instant,

        /// <summary>A range query: <c>/api/v1/query_range</c>.</summary>
        Range,

        /// <summary>The exemplars of the query's selectors over a range: <c>/api/v1/query_exemplars</c>.</summary>
        Exemplars,

        /// <summary>
        /// A series selector, not a query: the <c>match[]</c> of <c>/api/v1/series</c>, <c>/api/v1/labels</c> and
        /// <c>/api/v1/label/&lt;name&gt;/values</c>, which Prometheus parses with <c>ParseMetricSelector</c>.
        /// </summary>
        Selector,
    }
}
