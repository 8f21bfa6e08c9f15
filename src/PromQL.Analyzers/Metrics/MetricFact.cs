namespace PromQL.Analyzers.Metrics
{
    /// <summary>What is known of one series name: its family's type, which part of the family it is, and from where.</summary>
    internal readonly struct MetricFact
    {
        public MetricFact(MetricType type, MetricPart part, string family, MetricFactOrigin origin, string provenance)
        {
            Type = type;
            Part = part;
            Family = family;
            Origin = origin;
            Provenance = provenance;
        }

        /// <summary>
        /// The family's type. For a <see cref="MetricFactOrigin.Convention"/> fact of Part Sum or Count the type is not
        /// known (a histogram's or a summary's): it is then <see cref="MetricType.Histogram"/> and
        /// <see cref="IsTypeKnown"/> is false.
        /// </summary>
        public MetricType Type { get; }

        public MetricPart Part { get; }

        /// <summary>The family's base name (<c>x</c> for <c>x_bucket</c>), or the name itself.</summary>
        public string Family { get; }

        public MetricFactOrigin Origin { get; }

        /// <summary>Ready for a message: "declared as a Gauge in Metrics.cs(12)", "a cAdvisor gauge", "listed in promql.gauges", "named like a counter".</summary>
        public string Provenance { get; }

        /// <summary>False only for a convention's <c>_sum</c>/<c>_count</c>, whose family may be a histogram or a summary.</summary>
        public bool IsTypeKnown => !(Origin == MetricFactOrigin.Convention && (Part == MetricPart.Sum || Part == MetricPart.Count));

        public override string ToString() => Family + " " + Type + "/" + Part + " (" + Origin + ": " + Provenance + ")";
    }
}
