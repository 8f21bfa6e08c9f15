using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.WrapCounterInRateCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.MetricTypes
{
    /// <summary>PROMQL012's fix in every literal kind: the raw counter wrapped in rate(…[W]), W from promql.rate_window.</summary>
    public class WrapCounterInRateTests
    {
        [Fact]
        public Task RegularString_Wrapped() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL012:prometheus_http_requests_total{job=\"api\"}|} > 500"
                    """),
                Sources.Marked("""
                    "rate(prometheus_http_requests_total{job=\"api\"}[5m]) > 500"
                    """));

        [Fact]
        public Task VerbatimString_Wrapped() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"sum by (code) ({|PROMQL012:prometheus_http_requests_total{job=""api""}|})"
                    """),
                Sources.Marked("""
                    @"sum by (code) (rate(prometheus_http_requests_total{job=""api""}[5m]))"
                    """));

        [Fact]
        public Task RawString_Wrapped() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """{|PROMQL012:node_cpu_seconds_total{mode="idle"}|}"""
                    """"),
                Sources.Marked(""""
                    """rate(node_cpu_seconds_total{mode="idle"}[5m])"""
                    """"));

        [Fact]
        public Task InterpolatedString_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL012:node_cpu_seconds_total{{instance=\"{pod}\"}}|} / 2"
                    """),
                Sources.Marked("""
                    $"rate(node_cpu_seconds_total{{instance=\"{pod}\"}}[5m]) / 2"
                    """));

        [Fact]
        public Task BareName_Wrapped() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL012:node_cpu_seconds_total|}"
                    """),
                Sources.Marked("""
                    "rate(node_cpu_seconds_total[5m])"
                    """));

        [Fact]
        public Task RateWindowOption_UsedForTheRange()
        {
            var test = new VerifyCS.Test
            {
                TestCode = Sources.Marked("""
                    "{|PROMQL012:node_cpu_seconds_total|}"
                    """),
                FixedCode = Sources.Marked("""
                    "rate(node_cpu_seconds_total[1m30s])"
                    """),
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\npromql.rate_window = 1m30s\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task InARange_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "max_over_time({|PROMQL012:node_cpu_seconds_total|}[1h])"
                """));

        [Fact]
        public Task WithOffset_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL012:node_cpu_seconds_total|} offset 1h"
                """));

        [Fact]
        public Task MetricNameIsAHole_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"{metric} > 5"
                """));

        [Fact]
        public Task TwoInOneString_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL012:node_cpu_seconds_total{mode=\"idle\"}|} / ignoring(mode) group_left {|PROMQL012:node_cpu_seconds_total{mode=\"user\"}|}"
                    """),
                Sources.Marked("""
                    "rate(node_cpu_seconds_total{mode=\"idle\"}[5m]) / ignoring(mode) group_left rate(node_cpu_seconds_total{mode=\"user\"}[5m])"
                    """));
    }
}
