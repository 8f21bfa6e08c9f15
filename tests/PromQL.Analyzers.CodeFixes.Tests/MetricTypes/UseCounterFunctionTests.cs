using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.UseCounterFunctionCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.MetricTypes
{
    /// <summary>PROMQL011's fix in every literal kind: delta becomes increase, deriv rate, idelta irate, the range as written.</summary>
    public class UseCounterFunctionTests
    {
        [Fact]
        public Task RegularString_DeltaBecomesIncrease() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum by (mode) ({|PROMQL011:delta|}(node_cpu_seconds_total{job=\"node\"}[1h]))"
                    """),
                Sources.Marked("""
                    "sum by (mode) (increase(node_cpu_seconds_total{job=\"node\"}[1h]))"
                    """));

        [Fact]
        public Task VerbatimString_DerivBecomesRate() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"{|PROMQL011:deriv|}(myapp_requests_total{job=""api""}[5m])"
                    """),
                Sources.Marked("""
                    @"rate(myapp_requests_total{job=""api""}[5m])"
                    """));

        [Fact]
        public Task RawString_IdeltaBecomesIrate() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """{|PROMQL011:idelta|}(node_cpu_seconds_total{mode="idle"}[1m])"""
                    """"),
                Sources.Marked(""""
                    """irate(node_cpu_seconds_total{mode="idle"}[1m])"""
                    """"));

        [Fact]
        public Task InterpolatedString_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL011:delta|}(node_cpu_seconds_total{{instance=\"{pod}\"}}[5m])"
                    """),
                Sources.Marked("""
                    $"increase(node_cpu_seconds_total{{instance=\"{pod}\"}}[5m])"
                    """));

        [Fact]
        public Task PredictLinear_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL011:predict_linear|}(node_cpu_seconds_total[1h], 3600)"
                """));

        [Fact]
        public Task MetricNameIsAHole_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"delta({metric}_total[5m])"
                """));
    }
}
