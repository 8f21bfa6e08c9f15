using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>How much PromQL a generated project holds.</summary>
    public enum PromQlContent
    {
        /// <summary>Ordinary strings only.</summary>
        None,

        /// <summary>One query in one file of ten, in turn by comment, by <c>[StringSyntax]</c> parameter, through a local, and by content.</summary>
        OneFileInTen,
    }

    /// <summary>
    /// Deterministic C# sources that look like an ordinary service: repositories with SQL, controllers with URLs
    /// and log templates, validators with exceptions and format strings, serializers with JSON. Compiles without
    /// errors against the .NET 8 reference assemblies; the same seed gives the same text on every run.
    /// </summary>
    internal static class GeneratedProject
    {
        public const int Seed = 20_240_611;

        private static readonly string[] Entities = { "Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account", "Review", "Coupon", "Warehouse" };
        private static readonly string[] Columns = { "id", "name", "status", "created_at", "updated_at", "total", "currency", "email", "region", "owner_id" };
        private static readonly string[] Statuses = { "open", "pending", "shipped", "cancelled", "refunded" };

        /// <summary>The shared declarations every generated file uses (file 0 of the project).</summary>
        public const string Infrastructure = """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Shop.Infrastructure
            {
                public interface ILog
                {
                    void Info(string template, params object?[] args);
                    void Warn(string template, params object?[] args);
                    void Error(Exception? exception, string template, params object?[] args);
                }

                public interface IDb
                {
                    Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default);
                    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);
                }

                public interface IHttp
                {
                    Task<string> GetStringAsync(string url, CancellationToken cancellationToken = default);
                    Task PostAsync(string url, string body, CancellationToken cancellationToken = default);
                }

                public interface IMetrics
                {
                    Task<double> QueryValueAsync([StringSyntax("PromQL")] string query, CancellationToken cancellationToken = default);
                }

                public sealed class Row
                {
                    public long Id { get; set; }
                    public string Name { get; set; } = "";
                    public string Status { get; set; } = "";
                    public decimal Total { get; set; }
                }
            }
            """;

        /// <summary>The project's files: <see cref="Infrastructure"/> then <paramref name="count"/> - 1 generated classes.</summary>
        public static List<string> Create(int count, PromQlContent content)
        {
            var random = new Random(Seed);
            var files = new List<string>(count) { Infrastructure };
            for (var i = 1; i < count; i++)
            {
                var queryForm = content == PromQlContent.OneFileInTen && i % 10 == 0 ? (i / 10) % 4 : -1;
                files.Add(CreateClass(random, i, queryForm));
            }

            return files;
        }

        private static string CreateClass(Random random, int index, int queryForm)
        {
            var entity = Pick(random, Entities);
            var table = entity.ToLowerInvariant() + "s";
            var kind = index % 4;
            var typeName = kind switch
            {
                0 => entity + "Repository",
                1 => entity + "Controller",
                2 => entity + "Validator",
                _ => entity + "Exporter",
            } + index.ToString(CultureInfo.InvariantCulture);

            var s = new StringBuilder();
            s.Append("using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Shop.Infrastructure;\n\n");
            s.Append("namespace Shop.Module").Append(index / 50).Append("\n{\n");
            s.Append("    /// <summary>Handles ").Append(entity.ToLowerInvariant()).Append(" records for region ").Append(index % 7).Append(".</summary>\n");
            s.Append("    public sealed class ").Append(typeName).Append("\n    {\n");
            s.Append("        private const string Table = \"").Append(table).Append("\";\n");
            s.Append("        private const string BaseUrl = \"https://api.example.com/v").Append(1 + (index % 3)).Append("/\";\n");
            s.Append("        private readonly ILog log;\n        private readonly IDb db;\n        private readonly IHttp http;\n        private readonly IMetrics metrics;\n");
            s.Append("        private readonly Dictionary<string, int> counts = new Dictionary<string, int>();\n\n");
            s.Append("        public ").Append(typeName).Append("(ILog log, IDb db, IHttp http, IMetrics metrics)\n        {\n");
            s.Append("            this.log = log ?? throw new ArgumentNullException(nameof(log));\n");
            s.Append("            this.db = db;\n            this.http = http;\n            this.metrics = metrics;\n        }\n");

            var methods = 4 + random.Next(3);
            var queryMethod = queryForm >= 0 ? random.Next(methods) : -1;
            for (var m = 0; m < methods; m++)
            {
                s.Append('\n');
                AppendMethod(s, random, entity, m, m == queryMethod ? queryForm : -1);
            }

            s.Append("    }\n}\n");
            return s.ToString();
        }

        private static void AppendMethod(StringBuilder s, Random random, string entity, int m, int queryForm)
        {
            var column = Pick(random, Columns);
            var status = Pick(random, Statuses);
            s.Append("        public async Task<string> Handle").Append(entity).Append(m).Append("Async(long id, string name, int page, CancellationToken ct)\n        {\n");
            s.Append("            log.Info(\"Handling ").Append(entity).Append(" {Id} for {Name} (page {Page})\", id, name, page);\n");

            var statements = 4 + random.Next(5);
            for (var k = 0; k < statements; k++)
            {
                switch (random.Next(9))
                {
                    case 0:
                        s.Append("            var rows").Append(k).Append(" = await db.QueryAsync<Row>(\"SELECT id, name, status, total FROM \" + Table + \" WHERE ").Append(column)
                            .Append(" = @value AND (status = '").Append(status).Append("' OR status = 'pending') ORDER BY created_at DESC LIMIT 50\", new { value = name }, ct);\n");
                        s.Append("            if (rows").Append(k).Append(".Count == 0)\n            {\n                log.Warn(\"No ").Append(entity.ToLowerInvariant()).Append(" rows for {Id}\", id);\n            }\n");
                        break;
                    case 1:
                        s.Append("            var url").Append(k).Append(" = $\"{BaseUrl}").Append(entity.ToLowerInvariant()).Append("s/{id}/items?page={page}&size=").Append(10 * (1 + random.Next(5))).Append("\";\n");
                        s.Append("            var body").Append(k).Append(" = await http.GetStringAsync(url").Append(k).Append(", ct);\n");
                        break;
                    case 2:
                        s.Append("            if (string.IsNullOrWhiteSpace(name))\n            {\n                throw new ArgumentException($\"").Append(entity)
                            .Append(" {id} needs a name (got '{name}')\", nameof(name));\n            }\n");
                        break;
                    case 3:
                        s.Append("            var summary").Append(k).Append(" = string.Format(CultureInfo.InvariantCulture, \"{0} of {1} ").Append(entity.ToLowerInvariant())
                            .Append("s ({2:P1}) in {3}\", page, page + ").Append(random.Next(100)).Append(", page / 100.0, name);\n");
                        s.Append("            counts[summary").Append(k).Append("] = counts.TryGetValue(summary").Append(k).Append(", out var c").Append(k).Append(") ? c").Append(k).Append(" + 1 : 1;\n");
                        break;
                    case 4:
                        s.Append("            var json").Append(k).Append(" = \"{\\\"id\\\":\" + id + \",\\\"name\\\":\\\"\" + name + \"\\\",\\\"status\\\":\\\"").Append(status).Append("\\\"}\";\n");
                        s.Append("            await http.PostAsync(BaseUrl + \"events\", json").Append(k).Append(", ct);\n");
                        break;
                    case 5:
                        s.Append("            var affected").Append(k).Append(" = await db.ExecuteAsync(\"UPDATE \" + Table + \" SET status = @status, updated_at = now() WHERE id = @id\", new { id, status = \"")
                            .Append(status).Append("\" }, ct);\n");
                        s.Append("            log.Info(\"Updated {Count} rows in {Table}\", affected").Append(k).Append(", Table);\n");
                        break;
                    case 6:
                        s.Append("            var builder").Append(k).Append(" = new StringBuilder();\n");
                        s.Append("            builder").Append(k).Append(".Append(\"").Append(entity).Append(" [\").Append(id).Append(\"] \").Append(name).AppendLine(\":\");\n");
                        s.Append("            for (var i = 0; i < page; i++)\n            {\n                builder").Append(k).Append(".AppendFormat(CultureInfo.InvariantCulture, \"  - line {0}: {1}\", i, name);\n            }\n");
                        break;
                    case 7:
                        s.Append("            try\n            {\n                await db.ExecuteAsync(\"DELETE FROM audit WHERE entity = '").Append(entity.ToLowerInvariant()).Append("' AND id = @id\", new { id }, ct);\n");
                        s.Append("            }\n            catch (InvalidOperationException e)\n            {\n                log.Error(e, \"Could not clean audit for {Entity} {Id}\", \"")
                            .Append(entity).Append("\", id);\n                throw;\n            }\n");
                        break;
                    default:
                        s.Append("            var label").Append(k).Append(" = name.Length > ").Append(8 + random.Next(24)).Append(" ? name.Substring(0, 8) + \"...\" : name;\n");
                        s.Append("            log.Info(\"Label is {Label}\", label").Append(k).Append(");\n");
                        break;
                }
            }

            if (queryForm >= 0)
            {
                AppendQuery(s, entity, queryForm);
            }

            s.Append("            return $\"").Append(entity).Append(" {id}: done\";\n        }\n");
        }

        /// <summary>One PromQL query in one of four forms; the by-content one lacks a container filter (PROMQL001).</summary>
        private static void AppendQuery(StringBuilder s, string entity, int form)
        {
            var service = entity.ToLowerInvariant() + "-api";
            switch (form)
            {
                case 0:
                    s.Append("            // lang=promql\n");
                    s.Append("            var latency = $\"histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{service=\\\"").Append(service).Append("\\\", route=\\\"{name}\\\"}}[5m])))\";\n");
                    s.Append("            log.Info(\"Latency query {Query}\", latency);\n");
                    break;
                case 1:
                    s.Append("            var memory = await metrics.QueryValueAsync($\"sum by (pod) (container_memory_working_set_bytes{{namespace=\\\"{name}\\\", container!=\\\"\\\"}})\", ct);\n");
                    s.Append("            log.Info(\"Memory {Bytes}\", memory);\n");
                    break;
                case 2:
                    s.Append("            var errors = \"sum(rate(http_requests_total{service=\\\"").Append(service).Append("\\\", code=~\\\"5..\\\"}[5m])) / sum(rate(http_requests_total{service=\\\"").Append(service).Append("\\\"}[5m]))\";\n");
                    s.Append("            var ratio = await metrics.QueryValueAsync(errors, ct);\n");
                    s.Append("            log.Info(\"Error ratio {Ratio}\", ratio);\n");
                    break;
                default:
                    s.Append("            var rss = \"sum(container_memory_rss{namespace=\\\"shop\\\", pod=~\\\"").Append(service).Append("-.*\\\"})\";\n");
                    s.Append("            log.Info(\"Dashboard query {Query}\", rss);\n");
                    break;
            }
        }

        private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
    }
}
