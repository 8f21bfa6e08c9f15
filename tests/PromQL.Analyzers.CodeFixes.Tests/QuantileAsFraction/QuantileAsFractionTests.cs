using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.QuantileAsFractionCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.QuantileAsFraction
{
    /// <summary>PROMQL014's fix in every literal kind: a percentage φ becomes φ/100 in decimal.</summary>
    public class QuantileAsFractionTests
    {
        [Fact]
        public Task RegularString_PercentageDivided() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "histogram_quantile({|PROMQL014:95|}, sum by (le) (rate(x_bucket{job=\"api\"}[5m])))"
                    """),
                Sources.Marked("""
                    "histogram_quantile(0.95, sum by (le) (rate(x_bucket{job=\"api\"}[5m])))"
                    """));

        [Fact]
        public Task VerbatimString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"quantile({|PROMQL014:99.9|}, rate(x_total{job=""api""}[5m]))"
                    """),
                Sources.Marked("""
                    @"quantile(0.999, rate(x_total{job=""api""}[5m]))"
                    """));

        [Fact]
        public Task RawString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """quantile_over_time({|PROMQL014:50|}, x{job="api"}[1h])"""
                    """"),
                Sources.Marked(""""
                    """quantile_over_time(0.5, x{job="api"}[1h])"""
                    """"));

        [Fact]
        public Task InterpolatedString_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"histogram_quantile({|PROMQL014:99|}, sum by (le) (rate(x_bucket{{pod=\"{pod}\"}}[5m])))"
                    """),
                Sources.Marked("""
                    $"histogram_quantile(0.99, sum by (le) (rate(x_bucket{{pod=\"{pod}\"}}[5m])))"
                    """));

        [Fact]
        public Task UnicodeEscapedDigits_ReplacedByPlainDigits() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "histogram_quantile({|PROMQL014:\u0039\u0035|}, x_bucket)"
                    """),
                Sources.Marked("""
                    "histogram_quantile(0.95, x_bucket)"
                    """));

        [Fact]
        public Task HoleAsQuantile_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"histogram_quantile({pod}, x_bucket)"
                """));

        [Fact]
        public Task NegativeQuantile_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "histogram_quantile({|PROMQL014:-0.5|}, x_bucket)"
                """));

        [Fact]
        public Task AboveAHundred_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "histogram_quantile({|PROMQL014:950|}, x_bucket)"
                """));
    }
}
