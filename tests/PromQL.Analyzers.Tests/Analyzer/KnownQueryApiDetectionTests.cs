using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Known Prometheus query APIs, recognised by type and member names (stubs stand for the packages): the <c>query</c>
    /// argument of <c>QueryAsync</c>/<c>QueryRangeAsync</c> on <c>PrometheusClient</c>/<c>IPrometheusClient</c>, and the
    /// <c>Query</c> property of Masa's <c>QueryRequest</c>/<c>QueryRangeRequest</c>.
    /// </summary>
    public class KnownQueryApiDetectionTests
    {
        private const string Stubs = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            namespace PrometheusQuerySdk
            {
                public interface IPrometheusClient
                {
                    Task<string> QueryAsync(string query, DateTime? time = null, CancellationToken cancellationToken = default);
                    Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, TimeSpan step, CancellationToken cancellationToken = default);
                }
            }

            namespace Neon.Kube
            {
                public class PrometheusClient
                {
                    public Task<string> QueryAsync(string query, string time = null) => Task.FromResult("");
                    public Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, string stepSize = "15s") => Task.FromResult("");
                }
            }

            namespace Masa.Utils.Data.Prometheus.Model
            {
                public class QueryRequest
                {
                    public string Query { get; set; }
                    public string Time { get; set; }
                }

                public class QueryRangeRequest
                {
                    public string Query { get; set; }
                    public string Start { get; set; }
                }
            }

            namespace MyApp.Search
            {
                public class QueryRequest
                {
                    public string Query { get; set; }
                }

                public class SqlClient
                {
                    public Task<string> QueryAsync(string query) => Task.FromResult("");
                }
            }

            """;

        [Fact]
        public Task PrometheusQuerySdkInterface_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using PrometheusQuerySdk;

                    class C
                    {
                        async Task M(IPrometheusClient client, string pod)
                        {
                            await client.QueryAsync("rate({|PROMQL100:up|})");
                            await client.QueryRangeAsync($"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='n',pod='{pod}'}}|})|}", DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                        }
                    }
                }
                """);

        [Fact]
        public Task NeonKubeClientWithNamedArgument_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Neon.Kube;

                    class C
                    {
                        async Task M(PrometheusClient client)
                        {
                            await client.QueryAsync(time: "now", query: "sum(up) by {|PROMQL100:job|}");
                            await client.QueryRangeAsync("{|PROMQL001:container_memory_cache|}", DateTime.Now, DateTime.Now);
                        }
                    }
                }
                """);

        [Fact]
        public Task MasaQueryRequestProperty_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Masa.Utils.Data.Prometheus.Model;

                    class C
                    {
                        void M()
                        {
                            var request = new QueryRequest { Query = "rate({|PROMQL100:up|})", Time = "rate(up)" };
                            request.Query = "sum(up) by {|PROMQL100:job|}";
                            var range = new QueryRangeRequest { Query = "max({|PROMQL001:container_memory_rss{pod='p'}|})" };
                        }
                    }
                }
                """);

        [Fact]
        public Task SameNamesOutsidePrometheus_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using MyApp.Search;

                    class C
                    {
                        async Task M(SqlClient client)
                        {
                            var request = new QueryRequest { Query = "title:(rate" };
                            await client.QueryAsync("SELECT rate(up FROM t");
                        }
                    }
                }
                """);

        [Fact]
        public Task OtherParameterOfKnownMethod_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Neon.Kube;

                    class C
                    {
                        async Task M(PrometheusClient client) => await client.QueryRangeAsync("up", DateTime.Now, DateTime.Now, stepSize: "rate(up)");
                    }
                }
                """);
    }
}
