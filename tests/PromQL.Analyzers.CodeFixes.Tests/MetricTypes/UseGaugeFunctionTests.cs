using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.UseGaugeFunctionCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.MetricTypes
{
    /// <summary>PROMQL010's fix in every literal kind: rate/irate become deriv, increase becomes delta, the range as written.</summary>
    public class UseGaugeFunctionTests
    {
        [Fact]
        public Task RegularString_RateBecomesDeriv() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum({|PROMQL010:rate|}(node_load1{job=\"node\"}[5m]))"
                    """),
                Sources.Marked("""
                    "sum(deriv(node_load1{job=\"node\"}[5m]))"
                    """));

        [Fact]
        public Task VerbatimString_IncreaseBecomesDelta() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"{|PROMQL010:increase|}(node_load1{job=""node""}[1h])"
                    """),
                Sources.Marked("""
                    @"delta(node_load1{job=""node""}[1h])"
                    """));

        [Fact]
        public Task RawString_IrateBecomesDeriv() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """{|PROMQL010:irate|}(node_load1{job="node"}[1m])"""
                    """"),
                Sources.Marked(""""
                    """deriv(node_load1{job="node"}[1m])"""
                    """"));

        [Fact]
        public Task InterpolatedString_HolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL010:rate|}(node_load1{{instance=\"{pod}\"}}[5m])"
                    """),
                Sources.Marked("""
                    $"deriv(node_load1{{instance=\"{pod}\"}}[5m])"
                    """));

        [Fact]
        public Task Concatenation_NameInOnePiece_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL010:rate|}(node_load1" + "[5m])"
                    """),
                Sources.Marked("""
                    "deriv(node_load1" + "[5m])"
                    """));

        [Fact]
        public Task EscapedFunctionName_WrittenPlainly() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL010:\u0072ate|}(node_load1[5m])"
                    """),
                Sources.Marked("""
                    "deriv(node_load1[5m])"
                    """));

        [Fact]
        public Task Resets_DiagnosticWithoutFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL010:resets|}(node_load1[1h])"
                """));

        [Fact]
        public Task MetricNameIsAHole_NoDiagnostic() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                $"rate({metric}[5m])"
                """));

        [Fact]
        public Task TwoInOneString_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL010:rate|}(node_load1[5m]) + {|PROMQL010:increase|}(node_load5[5m])"
                    """),
                Sources.Marked("""
                    "deriv(node_load1[5m]) + delta(node_load5[5m])"
                    """));
    }
}
