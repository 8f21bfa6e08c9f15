using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL013 and PROMQL014 end to end in every marking detection path (<see cref="DetectionPaths.Queries"/>) and every
    /// literal form that fits it, with exact spans; the label values hold quotes, so each form's escaping is crossed.
    /// </summary>
    public class QuantileRulesDetectionTests
    {
        /// <summary>A sum by (pod) over classic buckets: the span is the keyword and its clause.</summary>
        private const string Promql013 = """histogram_quantile(0.9, {|PROMQL013:sum by (pod)|} (rate(http_request_duration_seconds_bucket{job="api"}[5m])))""";

        /// <summary>A percentage as the quantile: the span is the literal.</summary>
        private const string Promql014 = """histogram_quantile({|PROMQL014:95|}, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Promql013_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql013, path, form);

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Promql014_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql014, path, form);

        /// <summary>The right query in every path: nothing.</summary>
        [Fact]
        public Task KeptLeAndFraction_NothingInAnyPath() =>
            DetectionMatrix.VerifyEveryPathAsync(
                "histogram_quantile(0.95, sum by (pod, le) (rate(http_request_duration_seconds_bucket{job=\"api\"}[5m])))",
                DetectionPaths.Queries);
    }
}
