using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RateBeforeAggregationCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.MetricTypes
{
    /// <summary>PROMQL015's fix in every literal kind: rate(sum(x)[5m:]) becomes sum(rate(x[5m])).</summary>
    public class RateBeforeAggregationTests
    {
        [Fact]
        public Task RegularString_RateMovesInside() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL015:rate(sum by (job) (myapp_requests_total{code=\"500\"})[5m:])|} > 1"
                    """),
                Sources.Marked("""
                    "sum by (job) (rate(myapp_requests_total{code=\"500\"}[5m])) > 1"
                    """));

        [Fact]
        public Task VerbatimString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"{|PROMQL015:increase(sum(myapp_requests_total{code=""500""})[1h:5m])|}"
                    """),
                Sources.Marked("""
                    @"sum(increase(myapp_requests_total{code=""500""}[1h]))"
                    """));

        [Fact]
        public Task RawString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """{|PROMQL015:irate(sum(myapp_requests_total{code="500"})[2m:])|}"""
                    """"),
                Sources.Marked(""""
                    """sum(irate(myapp_requests_total{code="500"}[2m]))"""
                    """"));

        [Fact]
        public Task InterpolatedStringWithAHole_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"{|PROMQL015:rate(sum(myapp_requests_total{{pod=\"{pod}\"}})[5m:])|}"
                """));

        [Fact]
        public Task InterpolatedStringWithoutHole_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL015:rate(sum(myapp_requests_total)[5m:])|}"
                    """),
                Sources.Marked("""
                    $"sum(rate(myapp_requests_total[5m]))"
                    """));

        [Fact]
        public Task MaxOfCounter_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL015:rate(max(myapp_requests_total)[5m:])|}"
                """));

        [Fact]
        public Task MetricNameIsAHole_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"rate(sum({metric})[5m:])"
                """));
    }
}
