using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Known Prometheus client APIs, recognised by namespace, type and member names. The stubs stand for the packages,
    /// with their namespaces, type, member and parameter names (see <c>KnownQueryApis</c> for where each was read):
    /// PrometheusQuerySdk, Neon.Kube, Masa (both namespace spellings) and Google's <c>Google.Apis.Monitoring.v1</c>.
    /// A selector member's strings must be series selectors (PROMQL101). An app's own types of the same names in other
    /// namespaces are not these APIs.
    /// </summary>
    public class KnownQueryApiDetectionTests
    {
        internal const string Stubs = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            namespace PrometheusQuerySdk
            {
                using PrometheusQuerySdk.Models;

                public interface IPrometheusClient
                {
                    Task<string> QueryAsync(string query, DateTime timestamp, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
                    Task<string> QueryPostAsync(QueryPostRequest request, CancellationToken cancellationToken = default);
                    Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, TimeSpan step, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
                    Task<string> QueryRangePostAsync(QueryRangePostRequest request, CancellationToken cancellationToken = default);
                }

                public class PrometheusClient : IPrometheusClient
                {
                    public Task<string> QueryAsync(string query, DateTime timestamp, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> QueryPostAsync(QueryPostRequest request, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, TimeSpan step, TimeSpan? timeout, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> QueryRangePostAsync(QueryRangePostRequest request, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> LabelsAsync(string[] labels, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> LabelsPostAsync(string[] labels, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> LabelValueAsync(string labelKey, string[] seriesSelectors, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> LabelValuePostAsync(string labelKey, string[] seriesSelectors, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> SeriesAsync(string[] seriesSelectors, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> SeriesPostAsync(string[] seriesSelectors, DateTime? start, DateTime? end, CancellationToken cancellationToken = default) => Task.FromResult("");
                }
            }

            namespace PrometheusQuerySdk.Models
            {
                public record QueryPostRequest(string Query, DateTime Timestamp, TimeSpan? Timeout);

                public record QueryRangePostRequest(string Query, DateTime Start, DateTime End, TimeSpan Step, TimeSpan? Timeout);
            }

            namespace Neon.Kube
            {
                public class PrometheusClient
                {
                    public Task<string> QueryAsync(string query, CancellationToken cancellationToken = default) => Task.FromResult("");
                    public Task<string> QueryRangeAsync(string query, DateTime start, DateTime end, string stepSize = "15s", CancellationToken cancellationToken = default) => Task.FromResult("");
                }
            }

            namespace Masa.Utils.Data.Prometheus.Model
            {
                public class QueryRequest
                {
                    public string Query { get; set; }
                    public string Time { get; set; }
                    public string TimeOut { get; set; }
                }

                public class QueryRangeRequest
                {
                    public string Query { get; set; }
                    public string Start { get; set; }
                    public string End { get; set; }
                    public string Step { get; set; }
                    public string TimeOut { get; set; }
                }

                public class QueryExemplarRequest
                {
                    public string Query { get; set; }
                    public string Start { get; set; }
                    public string End { get; set; }
                }

                public class MetaDataQueryRequest
                {
                    public IEnumerable<string> Match { get; set; }
                    public string Start { get; set; }
                    public string End { get; set; }
                }

                public class LableValueQueryRequest : MetaDataQueryRequest
                {
                    public string Lable { get; set; } = "__name__";
                }
            }

            namespace Masa.Utils.Data.Promethus.Model
            {
                public class QueryRequest
                {
                    public string Query { get; set; }
                    public string Time { get; set; }
                }
            }

            namespace Google.Apis.Monitoring.v1.Data
            {
                public class QueryInstantRequest
                {
                    public virtual string Query { get; set; }
                    public virtual string Time { get; set; }
                    public virtual string Timeout { get; set; }
                    public virtual string ETag { get; set; }
                }

                public class QueryRangeRequest
                {
                    public virtual string End { get; set; }
                    public virtual string Query { get; set; }
                    public virtual string Start { get; set; }
                    public virtual string Step { get; set; }
                    public virtual string Timeout { get; set; }
                }

                public class QueryExemplarsRequest
                {
                    public virtual string End { get; set; }
                    public virtual string Query { get; set; }
                    public virtual string Start { get; set; }
                }

                public class QueryLabelsRequest
                {
                    public virtual string End { get; set; }
                    public virtual string Match { get; set; }
                    public virtual string Start { get; set; }
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
                    public Task<string> SeriesAsync(string[] seriesSelectors) => Task.FromResult("");
                }
            }

            """;

        /// <summary>An app's own types with the known names, outside the known namespaces (one even names Prometheus).</summary>
        private const string LookAlikes = """
            namespace MyApp.Prometheus
            {
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;

                public interface IPrometheusClient
                {
                    Task<string> QueryAsync(string query);
                }

                public class PrometheusClient : IPrometheusClient
                {
                    public Task<string> QueryAsync(string query) => Task.FromResult("");
                    public Task<string> QueryRangeAsync(string query, DateTime start, DateTime end) => Task.FromResult("");
                    public Task<string> SeriesAsync(string[] seriesSelectors, DateTime? start, DateTime? end) => Task.FromResult("");
                }

                public class QueryRequest { public string Query { get; set; } }
                public class QueryInstantRequest { public string Query { get; set; } }
                public class QueryExemplarRequest { public string Query { get; set; } }
                public class MetaDataQueryRequest { public IEnumerable<string> Match { get; set; } }
                public class QueryLabelsRequest { public string Match { get; set; } }
                public record QueryPostRequest(string Query, DateTime Timestamp, TimeSpan? Timeout);
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
                            await client.QueryAsync("rate({|PROMQL100:up|})", DateTime.Now);
                            await client.QueryRangeAsync($"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='n',pod='{pod}'}}|})|}", DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                        }
                    }
                }
                """);

        [Fact]
        public Task PrometheusQuerySdkClass_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.PrometheusClient client)
                        {
                            await client.QueryAsync(timestamp: DateTime.Now, query: "rate({|PROMQL100:up|})");
                            await client.QueryRangeAsync("sum(up) by {|PROMQL100:job|}", DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1), null);
                        }
                    }
                }
                """);

        [Fact]
        public Task PrometheusQuerySdkPostRequests_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using PrometheusQuerySdk;
                    using PrometheusQuerySdk.Models;

                    class C
                    {
                        async Task M(IPrometheusClient client)
                        {
                            await client.QueryPostAsync(new QueryPostRequest("rate({|PROMQL100:up|})", DateTime.Now, null));
                            await client.QueryRangePostAsync(new QueryRangePostRequest(Start: DateTime.Now, End: DateTime.Now, Step: TimeSpan.FromMinutes(1), Timeout: null, Query: "sum(up) by {|PROMQL100:job|}"));
                            QueryPostRequest typed = new("irate({|PROMQL100:up|})", DateTime.Now, null);
                            var changed = typed with { Query = "increase({|PROMQL100:up|})" };
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
                            await client.QueryAsync(cancellationToken: default, query: "sum(up) by {|PROMQL100:job|}");
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
                            var range = new QueryRangeRequest { Query = "max({|PROMQL001:container_memory_rss{pod='p'}|})", Step = "rate(up)" };
                            var exemplars = new QueryExemplarRequest { Query = "rate({|PROMQL100:up|})", Start = "rate(up)" };
                        }
                    }
                }
                """);

        [Fact]
        public Task MasaOldNamespaceSpelling_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    class C
                    {
                        void M() => _ = new Masa.Utils.Data.Promethus.Model.QueryRequest { Query = "rate({|PROMQL100:up|})" };
                    }
                }
                """);

        [Fact]
        public Task GoogleManagedPrometheusRequests_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Google.Apis.Monitoring.v1.Data;

                    class C
                    {
                        void M()
                        {
                            var instant = new QueryInstantRequest { Query = "rate({|PROMQL100:up|})", Time = "rate(up)" };
                            var range = new QueryRangeRequest { Query = "sum(up) by {|PROMQL100:job|}", Step = "rate(up)" };
                            range.Query = "irate({|PROMQL100:up|})";
                            var exemplars = new QueryExemplarsRequest { Query = "increase({|PROMQL100:up|})" };
                        }
                    }
                }
                """);

        [Fact]
        public Task PrometheusQuerySdkSelectorParameters_PROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using PrometheusQuerySdk;

                    class C
                    {
                        async Task M(PrometheusClient client)
                        {
                            await client.LabelsAsync(new[] { "rate{|PROMQL101:(|}up[5m])" }, null, null);
                            await client.LabelsPostAsync(new string[] { "up{job=\"x\"}", "rate{|PROMQL101:(|}up[5m])" }, null, null);
                            await client.LabelValueAsync("job", ["rate{|PROMQL101:(|}up[5m])"], null, null);
                            await client.LabelValuePostAsync(seriesSelectors: ["rate{|PROMQL101:(|}up[5m])"], labelKey: "job", start: null, end: null);
                            await client.SeriesAsync(["rate{|PROMQL101:(|}up[5m])", "up{|PROMQL101:[|}5m]"], null, null);
                            await client.SeriesPostAsync(new[] { "rate{|PROMQL101:(|}up[5m])" }, DateTime.Now, DateTime.Now);
                        }
                    }
                }
                """);

        [Fact]
        public Task PrometheusQuerySdkSelectorParameters_SelectorsNoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using PrometheusQuerySdk;

                    class C
                    {
                        async Task M(PrometheusClient client, string job)
                        {
                            await client.LabelsAsync(new[] { "up{job=\"x\"}" }, null, null);
                            await client.LabelsPostAsync(new string[] { "up{job=\"x\"}", "up" }, null, null);
                            await client.LabelValueAsync("rate(up[5m])", ["up{job=\"x\"}"], null, null);
                            await client.LabelValuePostAsync("job", [$"up{{job=\"{job}\"}}"], null, null);
                            await client.SeriesAsync(["up{job=\"x\"}", "{__name__=\"up\"}"], null, null);
                            await client.SeriesPostAsync(new[] { "up{job=\"x\"}" }, null, null);
                        }
                    }
                }
                """);

        [Fact]
        public Task InvalidSelector_PROMQL100Only() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.PrometheusClient client) =>
                            await client.SeriesAsync(["{|PROMQL100:{job=~'.*'}|}", "up{job=\"x\"}"], null, null);
                    }
                }
                """);

        [Fact]
        public Task MasaMatch_PROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Masa.Utils.Data.Prometheus.Model;

                    class C
                    {
                        void M()
                        {
                            var series = new MetaDataQueryRequest { Match = new string[] { "up{job=\"x\"}", "rate{|PROMQL101:(|}up[5m])" }, Start = "rate(up[5m])" };
                            var values = new LableValueQueryRequest { Lable = "job", Match = ["rate{|PROMQL101:(|}up[5m])"] };
                            values.Match = new[] { "up{job=\"x\"}" };
                        }
                    }
                }
                """);

        [Fact]
        public Task GoogleQueryLabelsMatch_PROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    using Google.Apis.Monitoring.v1.Data;

                    class C
                    {
                        void M()
                        {
                            var bad = new QueryLabelsRequest { Match = "rate{|PROMQL101:(|}up[5m])", Start = "rate(up[5m])" };
                            var good = new QueryLabelsRequest { Match = "up{job=\"x\"}" };
                        }
                    }
                }
                """);

        [Fact]
        public Task SelectorThroughLocal_PROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.PrometheusClient client)
                        {
                            var selector = "rate{|PROMQL101:(|}up[5m])";
                            await client.SeriesAsync(new[] { selector }, null, null);
                        }
                    }
                }
                """);

        [Fact]
        public Task QueriesAreNotSelectors_NoPROMQL101() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.IPrometheusClient sdk, Neon.Kube.PrometheusClient neon)
                        {
                            await sdk.QueryAsync("rate(up[5m])", DateTime.Now);
                            await sdk.QueryRangeAsync("rate(up[5m])", DateTime.Now, DateTime.Now, TimeSpan.FromMinutes(1));
                            await neon.QueryRangeAsync("rate(up[5m])", DateTime.Now, DateTime.Now);
                            _ = new Masa.Utils.Data.Prometheus.Model.QueryExemplarRequest { Query = "rate(up[5m])" };
                            _ = new Google.Apis.Monitoring.v1.Data.QueryInstantRequest { Query = "rate(up[5m])" };
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
                            await client.SeriesAsync(new[] { "rate(up[5m])", "sum(up" });
                        }
                    }
                }
                """);

        [Fact]
        public Task AppsOwnTypesOfTheKnownNames_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Stubs + LookAlikes + """
                namespace App
                {
                    using MyApp.Prometheus;

                    class C
                    {
                        async Task M(PrometheusClient client, IPrometheusClient other)
                        {
                            await client.QueryAsync("SELECT rate(up FROM t");
                            await other.QueryAsync("SELECT rate(up FROM t");
                            await client.QueryRangeAsync("sum(up", DateTime.Now, DateTime.Now);
                            await client.SeriesAsync(new[] { "rate(up[5m])" }, null, null);
                            _ = new QueryRequest { Query = "sum(up" };
                            _ = new QueryInstantRequest { Query = "sum(up" };
                            _ = new QueryExemplarRequest { Query = "sum(up" };
                            _ = new MetaDataQueryRequest { Match = new[] { "rate(up[5m])" } };
                            _ = new QueryLabelsRequest { Match = "rate(up[5m])" };
                            _ = new QueryPostRequest("sum(up", DateTime.Now, null);
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
                        async Task M(PrometheusClient client, PrometheusQuerySdk.PrometheusClient sdk)
                        {
                            await client.QueryRangeAsync("up", DateTime.Now, DateTime.Now, stepSize: "rate(up)");
                            await sdk.LabelValueAsync("rate(up", new[] { "up" }, null, null);
                        }
                    }
                }
                """);
    }
}
