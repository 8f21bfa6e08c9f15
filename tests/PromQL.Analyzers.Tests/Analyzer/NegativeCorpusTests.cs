using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Unmarked strings that are not PromQL, many of them holding a watched-looking name and brackets: content
    /// detection reads a string as PromQL only when it parses, and none of these do (or they hold no watched metric).
    /// A Grafana variable such as <c>container_memory_rss{pod=~"$pod"}</c> is not here: it is valid PromQL that keeps the
    /// pod-level series, so PROMQL001 is right (see <see cref="ContainerFilterRuleTests.GrafanaVariableInRegex_Diagnostic"/>).
    /// </summary>
    public class NegativeCorpusTests
    {
        [Theory]
        // SQL
        [InlineData("\"SELECT * FROM t WHERE (a = 1)\"")]
        [InlineData("\"SELECT container_memory_rss FROM metrics WHERE (pod = 'p')\"")]
        // Regular expressions
        [InlineData("\"^[a-z]+$\"")]
        [InlineData("@\"(\\d{3})\"")]
        [InlineData("@\"^container_memory_(\\w+)$\"")]
        // JSON
        [InlineData("\"{\\\"container_memory\\\": 1}\"")]
        [InlineData("\"{\\\"container_memory_rss\\\": {\\\"pod\\\": \\\"p\\\"}}\"")]
        // Log and message templates
        [InlineData("\"Pod {Pod} used {Bytes} container_memory_ bytes\"")]
        [InlineData("\"Pod {Pod} used {Bytes} of container_memory_rss\"")]
        [InlineData("\"Memory: container_memory_rss{pod=\\\"{0}\\\"} ({1:N0} bytes)\"")]
        [InlineData("\"{{ $labels.pod }} uses container_memory_rss\"")]
        [InlineData("\"{{container_memory_rss}}\"")]
        // URLs and paths
        [InlineData("\"https://prometheus.example.com/api/v1/query?query=up\"")]
        [InlineData("\"http://prom:9090/graph?g0.expr=container_memory_rss{pod%3D%22x%22}\"")]
        [InlineData("\"/var/lib/container_memory_[0-9]/stats\"")]
        // LogQL
        [InlineData("\"{app=\\\"x\\\"} |= \\\"container_memory_rss\\\"\"")]
        [InlineData("\"container_memory_rss{pod='p'}\\n| json\"")]
        // Prose, markup, code
        [InlineData("\"Check container_memory_rss (in bytes) for details\"")]
        [InlineData("\"container_memory_rss (MB)\"")]
        [InlineData("\"container_memory_usage { color: red; }\"")]
        [InlineData("\"if (container_memory_rss > 0) { }\"")]
        [InlineData("\"<div>{container_memory_rss}</div>\"")]
        [InlineData("\"[container_memory_rss]\"")]
        // Unclosed or otherwise invalid PromQL with a watched name
        [InlineData("\"sum(container_memory_rss{pod='x'}\"")]
        [InlineData("\"container_memory_rss{pod=x}\"")]
        [InlineData("\"container_memory_rss[bytes]\"")]
        [InlineData("\"rate(container_memory_rss{pod='p'})\"")]
        // Valid PromQL, but no watched metric or no bracket
        [InlineData("\"container_memory_rss\"")]
        [InlineData("\"sum(rate(http_requests_total{job='api'}[5m]))\"")]
        [InlineData("\"sum(container_network_receive_bytes_total{namespace='n', pod='p'})\"")]
        [InlineData("\"sum(container_cpu_cfs_throttled_seconds_total{namespace='n', pod='p'})\"")]
        // Interpolated and concatenated non-PromQL
        [InlineData("$\"Pod {pod} uses container_memory_rss ({ns})\"")]
        [InlineData("\"container_memory_rss for \" + pod + \" (\" + ns + \")\"")]
        public Task NotPromQl_NoDiagnostic(string expression) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked(expression));

        [Fact]
        public Task FormatStrings_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                var a = string.Format("{0} ({1})", ns, pod);
                var b = string.Format("container_memory_rss{0} ({1})", ns, pod);
                var c = string.Format("{0}: container_memory_rss [{1}]", ns, pod);
                """));

        [Fact]
        public Task NonStringLiterals_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                var chars = new[] { '{', '(', '[' };
                var bytes = "container_memory_rss{pod='p'}"u8.ToArray();
                var sum = 1 + 2;
                """));
    }
}
