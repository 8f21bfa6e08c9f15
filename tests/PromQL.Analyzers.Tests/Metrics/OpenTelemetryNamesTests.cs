using System.Linq;
using PromQL.Analyzers.Metrics;
using Xunit;

namespace PromQL.Analyzers.Tests.Metrics
{
    /// <summary>
    /// The names the OpenTelemetry Prometheus exporter stores an instrument under (the specification's "OTLP metric
    /// points to Prometheus" and the .NET exporter's PrometheusMetric), for the cases its own tests and docs name.
    /// </summary>
    public class OpenTelemetryNamesTests
    {
        [Theory]
        // Dots to underscores, the unit spelt out and appended, _total for a counter.
        [InlineData("http.server.request.duration", "s", "Histogram", "http_server_request_duration_seconds", "http.server.request.duration_seconds")]
        [InlineData("shop.orders", "{order}", "Counter", "shop_orders", "shop_orders_total", "shop.orders_total")]
        [InlineData("queue.length", null, "Gauge", "queue_length", "queue.length")]
        // A name that already ends with its unit, or with the unit before _total, gets neither again.
        [InlineData("db_bytes_total", "By", "Counter", "db_bytes_total")]
        [InlineData("request_duration_seconds", "s", "Histogram", "request_duration_seconds")]
        // Rate units, the dimensionless 1, percent.
        [InlineData("net.io", "By/s", "Gauge", "net_io_bytes_per_second", "net.io_bytes_per_second")]
        [InlineData("cpu.utilization", "1", "Gauge", "cpu_utilization", "cpu.utilization")]
        [InlineData("disk_used", "%", "Gauge", "disk_used_percent")]
        // Runs of invalid characters (an underscore counts) become one underscore; a leading digit becomes one.
        [InlineData("cpu_sp__d_hertz", null, "Gauge", "cpu_sp_d_hertz")]
        [InlineData("2xx.responses", null, "Counter", "_xx_responses", "_xx_responses_total", "2xx.responses_total")]
        public void Names(string name, string? unit, string type, params string[] expected)
        {
            var names = OpenTelemetryNames.For(name, unit, System.Enum.Parse<MetricType>(type));

            Assert.Equal(expected.OrderBy(n => n, System.StringComparer.Ordinal), names.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("ms", "milliseconds")]
        [InlineData("{packet}/s", "per_second")]
        [InlineData("By", "bytes")]
        [InlineData("KiBy", "kibibytes")]
        [InlineData("Cel", "celsius")]
        [InlineData("requests/min", "requests_per_min")]
        [InlineData("{request}", "")]
        [InlineData("a b", "a_b")]
        public void Units(string unit, string expected) => Assert.Equal(expected, OpenTelemetryNames.Unit(unit));

        [Fact]
        public void EmptyName_NoNames() => Assert.Empty(OpenTelemetryNames.For(string.Empty, "s", MetricType.Counter));
    }
}
