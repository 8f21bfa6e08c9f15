using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Strings sent to other services with a <c>query=</c>-like parameter are not PromQL: every value here is invalid
    /// PromQL, so a wrong detection would show as PROMQL100. Elasticsearch, Loki (LogQL), Graphite, SQL behind a
    /// <c>query</c> parameter, InfluxDB, Tempo, paths near but not at <c>/api/v1/query</c>, wrappers whose parameter goes
    /// to a logger, a database or another service, a wrapper that forwards another parameter than the one given the
    /// text, and a <c>query=</c> with no Prometheus path in reach. Written as people write these clients.
    /// </summary>
    public class NegativeDetectionTests
    {
        private static string InService(string members) => """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.WebUtilities;

            namespace Microsoft.AspNetCore.WebUtilities
            {
                public static class QueryHelpers
                {
                    public static string AddQueryString(string uri, string name, string value) => uri;
                    public static string AddQueryString(string uri, IDictionary<string, string?> queryString) => uri;
                }
            }

            public interface ILogger { void LogInformation(string message, params object[] args); }

            public interface IDbConnection { Task<string> QueryAsync(string sql); }

            class Client
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly ILogger _logger = null!;
                private readonly IDbConnection _db = null!;
                private readonly string _es = "http://elasticsearch:9200";
                private readonly string _loki = "http://loki:3100";
                private readonly string _graphite = "http://graphite";
                private readonly string _influx = "http://influxdb:8086";
                private readonly string _tempo = "http://tempo:3200";
                private readonly string _prometheus = "http://prometheus:9090";
                private readonly string _endpoint = "http://metrics.internal/run";

            """ + members + "\n}\n";

        [Fact]
        public Task Elasticsearch_QueryStringAndJsonBody_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Search(string index)
                {
                    await _http.GetStringAsync($"{_es}/{index}/_search?q={Uri.EscapeDataString("level:error AND rate(up)")}&size=50");
                    await _http.GetStringAsync(_es + "/logs-*/_search?query=" + WebUtility.UrlEncode("sum(rate(up)) by"));
                    var body = "{\"query\": {\"query_string\": {\"query\": \"rate(up) AND status:500\"}}}";
                    await _http.PostAsync($"{_es}/logs-*/_search", new StringContent(body, Encoding.UTF8, "application/json"));
                    await _http.PostAsync($"{_es}/_sql?format=txt", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "SELECT rate(up) FROM logs" }));
                }
                """));

        [Fact]
        public Task Loki_LogQlOnQueryAndQueryRange_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Logs(string app, long start, long end)
                {
                    await _http.GetStringAsync($"{_loki}/loki/api/v1/query?query={Uri.EscapeDataString("{app=\"x\"} |= \"err\"")}");
                    await _http.GetStringAsync($"{_loki}/loki/api/v1/query_range?start={start}&end={end}&query={Uri.EscapeDataString($"sum(rate({{app=\"{app}\"}} |= \"err\" [5m]))")}");
                    await _http.GetStringAsync(_loki + "/loki/api/v1/query_range?limit=100&query=" + Uri.EscapeDataString(@"{job=""api""} | json | line_format ""{{.msg}}"" "));
                    var url = QueryHelpers.AddQueryString(_loki + "/loki/api/v1/query_range", "query", "count_over_time({app=\"x\"} |~ \"timeout\" [1h])");
                    await _http.PostAsync(_loki + "/loki/api/v1/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "{app=\"x\"} != \"debug\"" }));
                    await _http.GetStringAsync("http://loki:3100/loki/api/v1/query?query=%7Bapp%3D%22x%22%7D%20%7C%3D%20%22err%22");
                }
                """));

        [Fact]
        public Task Graphite_Target_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                Task<string> Render() =>
                    _http.GetStringAsync($"{_graphite}/render?target={Uri.EscapeDataString("sumSeries(app.*.requests.count)")}&from=-1h&format=json");
                """));

        [Fact]
        public Task SqlInAQueryString_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Report(string b)
                {
                    await _http.GetStringAsync($"{b}/api/query?query={Uri.EscapeDataString("SELECT count(*) FROM requests WHERE (status = 500)")}");
                    await _http.GetStringAsync(QueryHelpers.AddQueryString(b + "/api/query", "query", "SELECT rate(x) FROM t"));
                    await _http.GetStringAsync(b + "/v1/sql?query=" + Uri.EscapeDataString("SELECT avg(latency) FROM spans GROUP BY (service)"));
                }
                """));

        [Fact]
        public Task InfluxDb_Q_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Influx()
                {
                    await _http.GetStringAsync($"{_influx}/query?db=telegraf&q={Uri.EscapeDataString("SELECT mean(\"usage_idle\") FROM \"cpu\" WHERE time > now() - 1h GROUP BY time(1m)")}");
                    await _http.PostAsync(_influx + "/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "SELECT max(x) FROM y", ["db"] = "telegraf" }));
                    await _http.GetStringAsync(_influx + "/api/v2/query?org=o&query=" + Uri.EscapeDataString("from(bucket: \"b\") |> range(start: -1h)"));
                }
                """));

        [Fact]
        public Task TempoAndNearMissPaths_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Traces(string b)
                {
                    await _http.GetStringAsync($"{_tempo}/api/search?q={Uri.EscapeDataString("{ span.http.status_code >= 500 && resource.service.name = \"api\" }")}&limit=20");
                    await _http.GetStringAsync($"{_tempo}/api/search?query={Uri.EscapeDataString("{ .service.name = \"api\" } | count() > 2")}");
                    await _http.GetStringAsync($"{b}/api/v1/querylog?query={Uri.EscapeDataString("rate(up)")}");
                    await _http.GetStringAsync($"{b}/api/v1/query/stats?query={Uri.EscapeDataString("rate(up)")}");
                    await _http.GetStringAsync($"{b}/api/v2/query?query={Uri.EscapeDataString("rate(up)")}");
                    await _http.GetStringAsync($"{b}/prometheus/api/v1/rules?query={Uri.EscapeDataString("rate(up)")}");
                }
                """));

        [Fact]
        public Task WrapperToLoggerSqlOrAnotherService_IsNoTarget() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                public Task<string> RunAsync(string query)
                {
                    _logger.LogInformation("Running {Query}", query);
                    return _db.QueryAsync(query);
                }

                public Task<string> SearchAsync(string query) =>
                    _http.GetStringAsync($"{_es}/_search?q={Uri.EscapeDataString(query)}");

                public Task<string> LogsAsync(string query) =>
                    _http.GetStringAsync($"{_loki}/loki/api/v1/query_range?query={Uri.EscapeDataString(query)}");

                public void Audit(string query) => _logger.LogInformation("query={Query}", query);

                async Task Callers()
                {
                    await RunAsync("SELECT rate(x) FROM t");
                    await SearchAsync("rate(up) AND level:error");
                    await LogsAsync("{app=\"x\"} |= \"err\"");
                    Audit("rate(up)");
                }
                """));

        [Fact]
        public Task WrapperForwardingAnotherParameter_OnlyThatOneIsATarget() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                public Task<string> QueryAsync(string title, string query)
                {
                    _logger.LogInformation("{Title}", title);
                    return _http.GetStringAsync($"{_prometheus}/api/v1/query?query={Uri.EscapeDataString(query)}");
                }

                public Task<string> PanelAsync(string label, string expr, string unit)
                {
                    _logger.LogInformation("{Label} in {Unit}", label, unit);
                    return QueryAsync(label, expr);
                }

                async Task Callers()
                {
                    await QueryAsync("rate(up) per pod", "up");
                    await PanelAsync("rate(up) by (pod)", "up", "sum(bytes)");
                    await PanelAsync("title", "rate({|PROMQL100:up|})", "rate(up)");
                }
                """));

        [Fact]
        public Task QueryParameterWithoutPrometheusPathInReach_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InService("""
                async Task Run(string url, Uri baseUri)
                {
                    await _http.GetStringAsync($"{url}?query={Uri.EscapeDataString("rate(up)")}");
                    await _http.GetStringAsync(_endpoint + "?query=" + Uri.EscapeDataString("rate(up)"));
                    await _http.GetStringAsync(new Uri(baseUri, "?query=" + Uri.EscapeDataString("rate(up)")));
                    await _http.GetStringAsync(QueryHelpers.AddQueryString(url, "query", "rate(up)"));
                    await _http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "rate(up)" }));
                    var search = "https://www.google.com/search?query=" + Uri.EscapeDataString("rate(up)");
                }
                """));
    }
}
