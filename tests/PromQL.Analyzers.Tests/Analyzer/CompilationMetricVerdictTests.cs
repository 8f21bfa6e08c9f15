using System.Threading;
using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// End to end, a metric the app defines in another file of its compilation decides the metric-type rules' verdict
    /// (issue 15: the editorconfig first, then the compilation's own definitions, then the catalog, then the name).
    /// </summary>
    public class CompilationMetricVerdictTests
    {
        // prometheus-net's surface as its assembly declares it (namespace Prometheus), so the test needs no package.
        private const string PrometheusNet = """
            namespace Prometheus
            {
                public sealed class Counter { }
                public sealed class Gauge { }
                public static class Metrics
                {
                    public static Counter CreateCounter(string name, string help, params string[] labelNames) => null;
                    public static Gauge CreateGauge(string name, string help, params string[] labelNames) => null;
                }
            }
            """;

        private const string AppMetrics = """
            using System.Diagnostics.Metrics;
            using Prometheus;

            class AppMetrics
            {
                static readonly Gauge Queue = Metrics.CreateGauge("myapp_queue_depth", "Jobs waiting.");
                static readonly Gauge Connected = Metrics.CreateGauge("myapp_sources_connected_total", "A gauge named like a counter.");
                private readonly UpDownCounter<int> _active;

                public AppMetrics(Meter meter) => _active = meter.CreateUpDownCounter<int>("shop.sessions.active", "{session}");
            }
            """;

        private static Task VerifyAsync(string query, bool withDefinitions, string? editorConfig = null)
        {
            var test = new VerifyCS.Test { TestCode = Sources.Query(query) };
            if (withDefinitions)
            {
                test.TestState.Sources.Add(("/0/PrometheusNet.cs", PrometheusNet));
                test.TestState.Sources.Add(("/0/AppMetrics.cs", AppMetrics));
            }

            test.WithEditorConfig(editorConfig);
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task PrometheusNetGauge_RateOverIt_Promql010() =>
            VerifyAsync("sum({|PROMQL010:rate|}(myapp_queue_depth[5m]))", withDefinitions: true);

        [Fact]
        public Task SameQuery_NoDefinition_UnknownMetric_Nothing() =>
            VerifyAsync("sum(rate(myapp_queue_depth[5m]))", withDefinitions: false);

        /// <summary>An UpDownCounter is a gauge, stored by the OpenTelemetry exporter as shop_sessions_active ({session} is an annotation).</summary>
        [Fact]
        public Task MeterUpDownCounter_RateOverIt_Promql010() =>
            VerifyAsync("{|PROMQL010:rate|}(shop_sessions_active[5m])", withDefinitions: true);

        [Fact]
        public Task MeterUpDownCounter_NoDefinition_Nothing() =>
            VerifyAsync("rate(shop_sessions_active[5m])", withDefinitions: false);

        /// <summary>By its name alone a counter, so delta over it is PROMQL011; the app declares it a gauge, which wins.</summary>
        [Fact]
        public Task GaugeNamedTotal_NoDefinition_Promql011ByName() =>
            VerifyAsync("{|PROMQL011:delta|}(myapp_sources_connected_total[5m])", withDefinitions: false);

        [Fact]
        public Task GaugeNamedTotal_DefinedAsGauge_Nothing() =>
            VerifyAsync("delta(myapp_sources_connected_total[5m])", withDefinitions: true);

        /// <summary>The project's .editorconfig outranks the compilation: declared a counter there, rate is right.</summary>
        [Fact]
        public Task EditorConfigOutranksTheDefinition_Nothing() =>
            VerifyAsync("sum(rate(myapp_queue_depth[5m]))", withDefinitions: true, editorConfig: "promql.counters = myapp_queue_depth\n");
    }
}
