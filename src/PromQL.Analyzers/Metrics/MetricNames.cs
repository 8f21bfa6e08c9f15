using System;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>The series suffixes of classic histograms and summaries.</summary>
    internal static class MetricNames
    {
        /// <summary>
        /// Which part a name's suffix says it is, and the family's name without it (<c>x</c> for <c>x_bucket</c>);
        /// <see cref="MetricPart.Whole"/> and the name itself for any other name.
        /// </summary>
        public static MetricPart PartOf(string name, out string family)
        {
            if (TryStrip(name, "_bucket", out family))
            {
                return MetricPart.Bucket;
            }

            if (TryStrip(name, "_sum", out family))
            {
                return MetricPart.Sum;
            }

            if (TryStrip(name, "_count", out family))
            {
                return MetricPart.Count;
            }

            family = name;
            return MetricPart.Whole;
        }

        /// <summary>The suffix of a part (empty for <see cref="MetricPart.Whole"/>).</summary>
        public static string Suffix(MetricPart part) => part switch
        {
            MetricPart.Bucket => "_bucket",
            MetricPart.Sum => "_sum",
            MetricPart.Count => "_count",
            _ => string.Empty,
        };

        private static bool TryStrip(string name, string suffix, out string family)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                family = name.Substring(0, name.Length - suffix.Length);
                return true;
            }

            family = name;
            return false;
        }
    }
}
