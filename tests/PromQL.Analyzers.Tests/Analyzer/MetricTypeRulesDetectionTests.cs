using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL010, 011, 012 and 015 end to end in every marking detection path (<see cref="DetectionPaths.Queries"/>) and
    /// every literal form that fits it, with exact spans; the label values hold quotes, so each form's escaping is crossed.
    /// </summary>
    public class MetricTypeRulesDetectionTests
    {
        /// <summary>rate over node_exporter's gauge node_load1: the span is the function's name.</summary>
        private const string Promql010 = """sum({|PROMQL010:rate|}(node_load1{job="node"}[5m]))""";

        /// <summary>delta over node_exporter's counter node_cpu_seconds_total: the span is the function's name.</summary>
        private const string Promql011 = """sum by (mode) ({|PROMQL011:delta|}(node_cpu_seconds_total{job="node"}[1h]))""";

        /// <summary>A catalog counter compared raw: the span is the selector.</summary>
        private const string Promql012 = """{|PROMQL012:prometheus_http_requests_total{job="api"}|} > 500""";

        /// <summary>rate over a subquery of a sum of a counter: the span is the call.</summary>
        private const string Promql015 = """{|PROMQL015:rate(sum by (job) (myapp_requests_total{code="500"})[5m:])|}""";

        public static TheoryData<string, string> Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        /// <summary>
        /// The query paths but the exemplars endpoint: exemplars are read per selector, not as the counter's value, so
        /// a raw counter there is right (<see cref="RawCounterForExemplars_Nothing"/>).
        /// </summary>
        public static TheoryData<string, string> ValueCases =>
            DetectionMatrix.Cases(DetectionPaths.Queries.Where(p => p != DetectionPaths.MasaExemplars).ToArray());

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Promql010_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql010, path, form);

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Promql011_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql011, path, form);

        [Theory]
        [MemberData(nameof(ValueCases))]
        public Task Promql012_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql012, path, form);

        [Theory]
        [MemberData(nameof(Cases))]
        public Task Promql015_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql015, path, form);

        /// <summary>The right queries in every path: nothing.</summary>
        [Fact]
        public Task RightFunctions_NothingInAnyPath() =>
            DetectionMatrix.VerifyEveryPathAsync(
                "sum(deriv(node_load1{job=\"node\"}[5m])) + sum(rate(node_cpu_seconds_total{job=\"node\"}[1h])) + sum by (job) (rate(myapp_requests_total{code=\"500\"}[5m]))",
                DetectionPaths.Queries);

        /// <summary>A raw counter sent as the match[] of the series endpoints: its values are not read.</summary>
        [Fact]
        public Task RawCounterAsSeriesSelector_Nothing() =>
            DetectionMatrix.VerifyEveryPathAsync("prometheus_http_requests_total{job=\"api\"}", DetectionPaths.Selectors);

        /// <summary>A raw counter sent to the exemplars endpoint: its values are not read, nothing.</summary>
        [Fact]
        public Task RawCounterForExemplars_Nothing() =>
            DetectionMatrix.VerifyEveryPathAsync("prometheus_http_requests_total{job=\"api\"} > 500", new[] { DetectionPaths.MasaExemplars });

        /// <summary>A raw counter where the metric name is a hole: unknown, nothing.</summary>
        [Fact]
        public Task MetricNameAHole_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"{metric} > 500 + rate({metric}[5m]) + delta({metric}_total[5m]) + rate(sum({metric})[5m:])\""));
    }
}
