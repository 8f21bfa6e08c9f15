using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static PromQL.Analyzers.CodeFixes.Tests.InvariantNumber.InvariantNumberSources;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.InvariantHoleCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.InvariantNumber
{
    /// <summary>
    /// PROMQL041's first fix: the one hole formatted with CultureInfo.InvariantCulture, its format the first argument and
    /// its alignment kept, in every interpolated literal kind; none for a <c>string.Format</c> item or a <c>+</c> operand,
    /// which are not interpolations.
    /// </summary>
    public class InvariantHoleTests
    {
        [Fact]
        public Task EveryInterpolatedKind_HoleMadeInvariant() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod(""""
                    Run($"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket[5m]))");
                    Run($@"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket{{job=""a""}}[5m]))");
                    Run($"""histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket[5m]))""");
                    Run($"""
                        up > {|PROMQL041:{d}|}
                        """);
                    """"),
                InMethod(""""
                    Run($"histogram_quantile({q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, rate(x_bucket[5m]))");
                    Run($@"histogram_quantile({q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, rate(x_bucket{{job=""a""}}[5m]))");
                    Run($"""histogram_quantile({q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, rate(x_bucket[5m]))""");
                    Run($"""
                        up > {d.ToString(System.Globalization.CultureInfo.InvariantCulture)}
                        """);
                    """"));

        [Fact]
        public Task FormatAlignmentSignAndNullable_Kept() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod("""
                    Run($"up > {|PROMQL041:{q:F2}|}");
                    Run($"up > {|PROMQL041:{q,6:0.00}|}");
                    Run($"up > {|PROMQL041:{-n}|}");
                    Run($"up > {|PROMQL041:{q * 100}|}");
                    Run($"up > {|PROMQL041:{maybe}|}");
                    """),
                InMethod("""
                    Run($"up > {q.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}");
                    Run($"up > {q.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),6}");
                    Run($"up > {(-n).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    Run($"up > {(q * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    Run($"up > {maybe?.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                    """));

        [Fact]
        public Task TwoHolesOneString_FixAllFixesBoth() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod("""
                    Run($"clamp(up, {|PROMQL041:{q}|}, {|PROMQL041:{d}|})");
                    """),
                InMethod("""
                    Run($"clamp(up, {q.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {d.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                    """));

        [Fact]
        public Task FormatItemOrConcatenationOperand_NoFix() =>
            VerifyCS.VerifyNoFixAsync(InMethod("""
                Run(string.Format("up > {|PROMQL041:{0}|}", q));
                Run("up > " + {|PROMQL041:q|});
                """));
    }
}
