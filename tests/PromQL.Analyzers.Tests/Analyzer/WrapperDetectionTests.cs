using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A method whose string parameter flows, inside it, into a PromQL target (the HTTP API, a known client, a
    /// <c>[StringSyntax("PromQL")]</c> parameter, another such method) makes that parameter a PromQL target for its
    /// callers in the same compilation: the private <c>QueryAsync(string query)</c> helper almost every service writes.
    /// </summary>
    public class WrapperDetectionTests
    {
        /// <summary>The helper as people write it: GET /api/v1/query with the query escaped into the URL.</summary>
        private const string Service = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class PrometheusService
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly string _baseUrl = "http://prometheus:9090";

                public Task<string> QueryAsync(string query) =>
                    _http.GetStringAsync($"{_baseUrl}/api/v1/query?query={Uri.EscapeDataString(query)}");
            """;

        private static string WithService(string members) => Service + "\n" + members + "\n}\n";

        [Fact]
        public Task HttpHelper_CallersStringIsPromQl() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                async Task Panel(string ns)
                {
                    await QueryAsync("rate({|PROMQL100:up|})");
                    await QueryAsync($"sum({|PROMQL001:container_memory_working_set_bytes{{namespace=\"{ns}\"}}|})");
                    await QueryAsync(@"up{job=""api""}");
                }
                """));

        [Fact]
        public Task HttpHelper_EveryLiteralKind_ExactSpans() =>
            VerifyCS.VerifyAnalyzerAsync(WithService(""""
                async Task Panel(string ns)
                {
                    await QueryAsync(@"rate({|PROMQL100:up|})");
                    await QueryAsync("""rate({|PROMQL100:up|})""");
                    await QueryAsync($@"rate({|PROMQL100:up{{namespace=""{ns}""}}|})");
                    await QueryAsync($$"""rate({|PROMQL100:up{namespace="{{ns}}"}|})""");
                    await QueryAsync("rate(" + "{|PROMQL100:up|}" + ")");
                    await QueryAsync(query: "rate({|PROMQL100:up|})");
                }
                """"));

        [Fact]
        public Task QueryHeldInALocal_ThenPassedToTheHelper() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                async Task Panel()
                {
                    var q = "rate({|PROMQL100:up|})";
                    await QueryAsync(q);
                }
                """));

        [Fact]
        public Task HelperInAnotherFile_AndAWrapperOfTheWrapper() =>
            new VerifyCS.Test
            {
                TestState =
                {
                    Sources =
                    {
                        WithService("""
                            public Task<string> QueryScalarAsync(string promQl, TimeSpan timeout) => QueryAsync(promQl);
                            """),
                        """
                        using System.Threading.Tasks;

                        class Dashboard
                        {
                            private readonly PrometheusService _prometheus = new PrometheusService();

                            private Task<string> Q(string expression) => _prometheus.QueryScalarAsync(expression, System.TimeSpan.FromSeconds(5));

                            async Task Render()
                            {
                                await _prometheus.QueryAsync("rate({|PROMQL100:up|})");
                                await Q("sum(rate({|PROMQL100:http_requests_total|}))");
                            }
                        }
                        """,
                    },
                },
            }.RunAsync();

        [Fact]
        public Task EncodedIntoALocalFirst_AndConcatenated() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                async Task<string> RunAsync(string expr)
                {
                    var encoded = Uri.EscapeDataString(expr);
                    var url = _baseUrl + "/api/v1/query?query=" + encoded;
                    return await _http.GetStringAsync(url);
                }

                async Task<string> RangeAsync(string expr, DateTime start)
                {
                    var q = expr;
                    var url = $"{_baseUrl}/api/v1/query_range?start={start:O}&step=30s&query={Uri.EscapeDataString(q)}";
                    return await _http.GetStringAsync(url);
                }

                async Task Panel()
                {
                    await RunAsync("rate({|PROMQL100:up|})");
                    await RangeAsync("rate({|PROMQL100:up|})", DateTime.UtcNow);
                }
                """));

        [Fact]
        public Task InsideALambda_RetriedOrLogged() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                Task<T> Retry<T>(Func<Task<T>> work) => work();

                Task<string> SafeQueryAsync(string query) =>
                    Retry(() => _http.GetStringAsync(_baseUrl + "/api/v1/query?query=" + Uri.EscapeDataString(query)));

                async Task Panel()
                {
                    await SafeQueryAsync("rate({|PROMQL100:up|})");
                }
                """));

        [Fact]
        public Task ForwardsToAStringSyntaxParameter() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class Client
                {
                    public void Send([StringSyntax("PromQL")] string promql) { }
                }

                class Panels
                {
                    private readonly Client _client = new Client();

                    void Show(string expression) => _client.Send(expression);

                    void Render() => Show("rate({|PROMQL100:up|})");
                }
                """);

        [Fact]
        public Task ExtensionMethodOnHttpClient() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                static class PrometheusHttpExtensions
                {
                    public static Task<string> QueryPrometheusAsync(this HttpClient http, string query) =>
                        http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
                }

                class Panels
                {
                    async Task Render(HttpClient http)
                    {
                        await http.QueryPrometheusAsync("rate({|PROMQL100:up|})");
                        await PrometheusHttpExtensions.QueryPrometheusAsync(http, "rate({|PROMQL100:up|})");
                    }
                }
                """);

        [Fact]
        public Task InterfaceWhoseEveryImplementationForwards_CallersThroughItArePromQl() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                interface IMetrics
                {
                    Task<string> QueryAsync(string query);
                }

                sealed class PrometheusMetrics : IMetrics
                {
                    private readonly HttpClient _http = new HttpClient();

                    public Task<string> QueryAsync(string query) => _http.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
                }

                sealed class ProxiedMetrics : IMetrics
                {
                    private readonly HttpClient _http = new HttpClient();

                    Task<string> IMetrics.QueryAsync(string query) =>
                        _http.GetStringAsync("/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy/api/v1/query?query=" + Uri.EscapeDataString(query));
                }

                class Panels
                {
                    async Task Render(IMetrics metrics)
                    {
                        await metrics.QueryAsync("rate({|PROMQL100:up|})");
                    }
                }
                """);

        [Fact]
        public Task InterfaceWithAnImplementationThatDoesNotForward_NotATarget() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                interface IStore
                {
                    Task<string> QueryAsync(string query);
                }

                sealed class PrometheusStore : IStore
                {
                    private readonly HttpClient _http = new HttpClient();

                    public Task<string> QueryAsync(string query) => _http.GetStringAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}");
                }

                sealed class SqlStore : IStore
                {
                    public Task<string> QueryAsync(string query) => Task.FromResult(query.ToUpperInvariant());
                }

                class Panels
                {
                    async Task Render(IStore store, PrometheusStore prometheus)
                    {
                        await store.QueryAsync("select * from t where a in (b)");
                        await prometheus.QueryAsync("rate({|PROMQL100:up|})");
                    }
                }
                """);

        [Fact]
        public Task AbstractMethodOverriddenByAForwarder() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                abstract class MetricsSource
                {
                    public abstract Task<string> Run(string query);
                }

                sealed class Prometheus : MetricsSource
                {
                    private readonly HttpClient _http = new HttpClient();

                    public override Task<string> Run(string query) => _http.GetStringAsync("/prometheus/api/v1/query?query=" + Uri.EscapeDataString(query));
                }

                class Panels
                {
                    Task Render(MetricsSource source) => source.Run("rate({|PROMQL100:up|})");
                }
                """);

        [Fact]
        public Task SelectorWrapper_SelectorOnly() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                Task<string> SeriesAsync(string selector) =>
                    _http.GetStringAsync($"{_baseUrl}/api/v1/series?match[]={Uri.EscapeDataString(selector)}");

                async Task Panel()
                {
                    await SeriesAsync("up{job=\"api\"}");
                    await SeriesAsync("rate{|PROMQL101:(|}up[5m])");
                }
                """));

        [Fact]
        public Task ParameterIsAHoleOfTheQuery_NotAQuery() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                Task<string> PodMemoryAsync(string pod) =>
                    QueryAsync($"sum(container_memory_working_set_bytes{{container!=\"\", pod=\"{pod}\"}})");

                Task<string> ByLabel(string label) => QueryAsync("count by (" + label + ") (up)");

                async Task Panel()
                {
                    await PodMemoryAsync("web-0 (canary)");
                    await ByLabel("not a query (at all");
                }
                """));

        [Fact]
        public Task ParameterGoesToAnotherService_NotATarget() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                class Elsewhere
                {
                    private readonly HttpClient _http = new HttpClient();

                    Task<string> SearchAsync(string query) => _http.GetStringAsync("/_search?q=" + Uri.EscapeDataString(query));

                    Task<string> LokiAsync(string query) => _http.GetStringAsync("/loki/api/v1/query?query=" + Uri.EscapeDataString(query));

                    Task<string> GraphiteAsync(string target) => _http.GetStringAsync("/render?target=" + Uri.EscapeDataString(target));

                    void Log(string query) => Console.WriteLine("running {0}", query);

                    Task<string> QueryAsync(string query) => Task.FromResult(query);

                    async Task Run()
                    {
                        await SearchAsync("status:(500 OR 503)");
                        await LokiAsync("sum(rate({app=\"api\"} |= \"error\" [5m]))");
                        await GraphiteAsync("sumSeries(app.*.requests)");
                        Log("rate(up)");
                        await QueryAsync("select count(*) from t where (a");
                    }
                }
                """);

        [Fact]
        public Task SameNameInAnotherType_NotATarget() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                async Task Panel(Database db)
                {
                    await db.QueryAsync("select * from pods where (name");
                    await QueryAsync("rate({|PROMQL100:up|})");
                }
                }

                class Database
                {
                    public Task<int> QueryAsync(string query) => Task.FromResult(query.Length);
                """));

        [Fact]
        public Task WrapperChainsAreFollowedToAFixedDepth() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                Task<string> A(string q) => QueryAsync(q);
                Task<string> B(string q) => A(q);
                Task<string> C(string q) => B(q);
                Task<string> D(string q) => C(q);
                Task<string> E(string q) => D(q);

                async Task Panel()
                {
                    await A("rate({|PROMQL100:up|})");
                    await C("rate({|PROMQL100:up|})");
                    // E is five wrappers away from the HTTP call: beyond the depth followed.
                    await E("rate(up)");
                }
                """));

        [Fact]
        public Task RecursiveWrappers_NoHang() =>
            VerifyCS.VerifyAnalyzerAsync(WithService("""
                Task<string> Ping(string q, int n) => n == 0 ? QueryAsync(q) : Pong(q, n - 1);
                Task<string> Pong(string q, int n) => Ping(q, n);
                Task<string> Loop(string q) => Loop(q);

                async Task Panel()
                {
                    await Ping("rate({|PROMQL100:up|})", 3);
                    await Pong("rate({|PROMQL100:up|})", 3);
                    await Loop("rate(up)");
                }
                """));

        [Fact]
        public Task WrapsAKnownClient_SelectorsStaySelectorOnly() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;

                namespace PrometheusQuerySdk
                {
                    public interface IPrometheusClient
                    {
                        Task<string> QueryAsync(string query, System.DateTime? timestamp = null);
                    }

                    public class PrometheusClient : IPrometheusClient
                    {
                        public Task<string> QueryAsync(string query, System.DateTime? timestamp = null) => Task.FromResult(query);

                        public Task<string> SeriesAsync(string[] seriesSelectors) => Task.FromResult(seriesSelectors[0]);
                    }
                }

                namespace App
                {
                    using PrometheusQuerySdk;

                    class Metrics
                    {
                        private readonly IPrometheusClient _client = new PrometheusClient();

                        public Task<string> Scalar(string promql) => _client.QueryAsync(promql);

                        void Render() => Scalar("rate({|PROMQL100:up|})");
                    }
                }
                """);
    }
}
