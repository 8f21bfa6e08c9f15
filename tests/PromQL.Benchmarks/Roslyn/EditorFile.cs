using System.Globalization;
using System.Text;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// The file open in the editor: about 500 lines, 50 methods, each with ordinary strings and one query in one of
    /// seven forms (comment, <c>[StringSyntax]</c> parameter, through a local, by content, a constant in a hole,
    /// an invalid query, a redundant sum), and, before them, one method with no query where the edits happen: in its
    /// body, in the comment above it, and in the blank line between it and the constructor.
    /// </summary>
    internal static class EditorFile
    {
        public const int QueryCount = 50;

        /// <summary>The text the edit changes (once in the file, above every query): <c>41</c> becomes <c>421</c>, which moves every query by one character.</summary>
        public const string EditMarker = "return 41;";

        /// <summary>The comment between the constructor and <c>Version()</c> (once in the file, above every query).</summary>
        public const string CommentMarker = "// The version of the layout.";

        public static string Create()
        {
            var s = new StringBuilder();
            s.Append("using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Shop.Infrastructure;\n\nnamespace Shop.Dashboards\n{\n");
            s.Append("    public sealed class MemoryDashboard\n    {\n");
            s.Append("        private const string Metric = \"container_memory_rss\";\n");
            s.Append("        private readonly IMetrics metrics;\n        private readonly ILog log;\n\n");
            s.Append("        public MemoryDashboard(IMetrics metrics, ILog log)\n        {\n            this.metrics = metrics;\n            this.log = log;\n        }\n");
            s.Append("\n        ").Append(CommentMarker).Append("\n        public int Version()\n        {\n            ").Append(EditMarker).Append("\n        }\n");
            for (var i = 0; i < QueryCount; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                s.Append("\n        public async Task<double> Panel").Append(n).Append("Async(string ns, string pod, CancellationToken ct)\n        {\n");
                s.Append("            log.Info(\"Panel ").Append(n).Append(" for {Namespace}/{Pod}\", ns, pod);\n");
                s.Append("            var title = $\"Memory of {pod} in {ns} (panel ").Append(n).Append(")\";\n");
                switch (i % 7)
                {
                    case 0:
                        s.Append("            // lang=promql\n            var query = $\"sum by (pod) (rate(container_cpu_usage_seconds_total{{namespace=\\\"{ns}\\\", container!=\\\"\\\"}}[").Append(1 + (i % 5)).Append("m]))\";\n");
                        s.Append("            var value = await metrics.QueryValueAsync(query, ct);\n");
                        break;
                    case 1:
                        s.Append("            var value = await metrics.QueryValueAsync($\"sum(container_memory_working_set_bytes{{namespace=\\\"{ns}\\\", pod=\\\"{pod}\\\", container!=\\\"\\\"}}) / ").Append(1024 + i).Append("\", ct);\n");
                        break;
                    case 2:
                        s.Append("            var query = \"max_over_time(up{job=\\\"api-").Append(n).Append("\\\"}[10m])\";\n");
                        s.Append("            var value = await metrics.QueryValueAsync(query, ct);\n");
                        break;
                    case 3:
                        s.Append("            var query = \"container_memory_working_set_bytes{namespace=\\\"shop\\\", pod=\\\"api-").Append(n).Append("\\\"}\";\n");
                        s.Append("            log.Info(\"Query {Query}\", query);\n            var value = 0.0;\n");
                        break;
                    case 4:
                        s.Append("            var value = await metrics.QueryValueAsync($\"{Metric}{{namespace=\\\"{ns}\\\", pod=\\\"{pod}\\\"}}\", ct);\n");
                        break;
                    case 5:
                        s.Append("            var value = await metrics.QueryValueAsync(\"sum(rate(http_requests_total{code=\\\"500\\\"}[5m]) by (pod)\", ct);\n");
                        break;
                    default:
                        s.Append("            var value = await metrics.QueryValueAsync($\"sum(container_memory_rss{{namespace=\\\"{ns}\\\", pod=\\\"{pod}\\\"}})\", ct);\n");
                        break;
                }

                s.Append("            log.Info(\"{Title}: {Value}\", title, value);\n            return value;\n        }\n");
            }

            s.Append("    }\n}\n");
            return s.ToString();
        }
    }
}
