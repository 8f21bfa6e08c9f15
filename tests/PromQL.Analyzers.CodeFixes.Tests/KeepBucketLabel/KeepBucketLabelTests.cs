using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.KeepBucketLabelCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.KeepBucketLabel
{
    /// <summary>PROMQL013's fix in every literal kind: le added to by, taken out of without, or by (le) after the keyword.</summary>
    public class KeepBucketLabelTests
    {
        [Fact]
        public Task RegularString_LeAddedToBy() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "histogram_quantile(0.9, {|PROMQL013:sum by (pod)|} (rate(http_request_duration_seconds_bucket{job=\"api\"}[5m])))"
                    """),
                Sources.Marked("""
                    "histogram_quantile(0.9, sum by (pod, le) (rate(http_request_duration_seconds_bucket{job=\"api\"}[5m])))"
                    """));

        [Fact]
        public Task VerbatimString_ByLeAfterThePlainSum() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"histogram_quantile(0.9, {|PROMQL013:sum|}(rate(x_bucket{job=""api""}[5m])))"
                    """),
                Sources.Marked("""
                    @"histogram_quantile(0.9, sum by (le) (rate(x_bucket{job=""api""}[5m])))"
                    """));

        [Fact]
        public Task MultiLineRawString_LeTakenOutOfWithout() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("\"\"\"\n            histogram_quantile(0.99,\n              {|PROMQL013:sum without (le, instance)|} (rate(x_bucket[5m]))\n            )\n            \"\"\""),
                Sources.Marked("\"\"\"\n            histogram_quantile(0.99,\n              sum without (instance) (rate(x_bucket[5m]))\n            )\n            \"\"\""));

        [Fact]
        public Task InterpolatedString_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"histogram_quantile(0.9, {|PROMQL013:sum(rate(x_bucket{{namespace=\"{ns}\"}}[5m])) by (pod)|})"
                    """),
                Sources.Marked("""
                    $"histogram_quantile(0.9, sum(rate(x_bucket{{namespace=\"{ns}\"}}[5m])) by (pod, le))"
                    """));

        [Fact]
        public Task InterpolatedVerbatimString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $@"histogram_quantile(0.5, {|PROMQL013:max by (job)|} (rate(x_bucket{{pod=""{pod}""}}[5m])))"
                    """),
                Sources.Marked("""
                    $@"histogram_quantile(0.5, max by (job, le) (rate(x_bucket{{pod=""{pod}""}}[5m])))"
                    """));

        [Fact]
        public Task Concatenation_FixedInTheLiteralThatHoldsTheClause() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "histogram_quantile(0.9, {|PROMQL013:sum by (job)|} (rate(" + "x_bucket{pod=\"" + pod + "\"}[5m])))"
                    """),
                Sources.Marked("""
                    "histogram_quantile(0.9, sum by (job, le) (rate(" + "x_bucket{pod=\"" + pod + "\"}[5m])))"
                    """));

        [Fact]
        public Task TwoQuantilesInOneString_BothFixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "histogram_quantile(0.9, {|PROMQL013:sum|}(rate(a_bucket[5m]))) / histogram_quantile(0.5, {|PROMQL013:sum by (job)|} (rate(a_bucket[5m])))"
                    """),
                Sources.Marked("""
                    "histogram_quantile(0.9, sum by (le) (rate(a_bucket[5m]))) / histogram_quantile(0.5, sum by (job, le) (rate(a_bucket[5m])))"
                    """));

        [Fact]
        public Task QuotedLabelInTheClause_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "histogram_quantile(0.9, {|PROMQL013:sum by (\"pod\")|} (rate(x_bucket[5m])))"
                """));

        [Fact]
        public Task HoleInTheClause_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"histogram_quantile(0.9, sum by ({container}) (rate(x_bucket[5m])))"
                """));

        [Fact]
        public Task NativeHistogram_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "histogram_quantile(0.9, sum(rate(http_request_duration_seconds[5m])))"
                """));

        [Fact]
        public Task QueryWithTypeError_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "histogram_quantile(0.9, {|PROMQL013:sum by (pod)|} (rate(x_bucket[5m]))) + {|PROMQL100:\"a\"|}"
                """));
    }
}
