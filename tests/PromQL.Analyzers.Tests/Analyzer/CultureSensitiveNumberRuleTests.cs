using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL041 end to end: a double, float, Half or decimal (or a negated signed integer) in a hole that .NET formats with
    /// the current culture, in every literal kind and down the interpolation, <c>string.Format</c> and <c>+</c> paths; silent
    /// where the string or the hole is formatted invariantly, in a quoted label value, for integers without a sign, and
    /// where the project runs with invariant globalization.
    /// </summary>
    public class CultureSensitiveNumberRuleTests
    {
        internal static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Globalization;

            class C
            {
                void Run([StringSyntax("PromQL")] string query) { }

                void M(double q, float f, decimal d, Half h, int n, long l, uint u, TimeSpan w, string s, double? maybe)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task EveryLiteralKindAndPath_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                Run($"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket[5m]))");
                Run($@"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket{{job=""a""}}[5m]))");
                Run($$"""histogram_quantile({|PROMQL041:{{q}}|}, rate(x_bucket{job="a"}[5m]))""");
                Run($"""
                    histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket[5m]))
                    """);
                Run("histogram_quantile(" + {|PROMQL041:q|} + ", rate(x_bucket[5m]))");
                Run(string.Format("histogram_quantile({|PROMQL041:{0}|}, rate(x_bucket[5m]))", q));
                Run(string.Format("up > {|PROMQL041:{0:F2}|} and up < {|PROMQL041:{1}|}", f, d));
                Run(FormattableString.CurrentCulture($"up > {|PROMQL041:{q}|}"));
                """"));

        [Fact]
        public Task EveryNumberType_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"up > {|PROMQL041:{q}|}");
                Run($"up > {|PROMQL041:{f}|}");
                Run($"up > {|PROMQL041:{d}|}");
                Run($"up > {|PROMQL041:{h}|}");
                Run($"up > {|PROMQL041:{maybe}|}");
                Run($"up > {|PROMQL041:{-n}|}");
                Run($"up > {|PROMQL041:{(-l)}|}");
                Run($"up > {|PROMQL041:{q * 100}|}");
                """));

        [Fact]
        public Task FormatSpecifierOrAlignment_StillDiagnostic() =>
            // {q:F2} and {q:0.00} take the current culture's separator too: 0,95 under de-DE.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"histogram_quantile({|PROMQL041:{q:F2}|}, rate(x_bucket[5m]))");
                Run($"histogram_quantile({|PROMQL041:{q:0.00}|}, rate(x_bucket[5m]))");
                Run($"histogram_quantile({|PROMQL041:{q,5}|}, rate(x_bucket[5m]))");
                """));

        [Fact]
        public Task DurationAndAtPositions_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"rate(x[{|PROMQL041:{q}|}s])");
                Run($"up @ {|PROMQL041:{q}|}");
                Run($"up offset {|PROMQL041:{d}|}s");
                """));

        [Fact]
        public Task InvariantString_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(FormattableString.Invariant($"histogram_quantile({q}, rate(x_bucket[5m]))"));
                Run(string.Create(CultureInfo.InvariantCulture, $"histogram_quantile({q}, rate(x_bucket[5m]))"));
                Run(string.Format(CultureInfo.InvariantCulture, "histogram_quantile({0}, rate(x_bucket[5m]))", q));
                Run(string.Format(NumberFormatInfo.InvariantInfo, "up > {0}", -n));
                """));

        [Fact]
        public Task HoleConvertedInvariantly_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"histogram_quantile({q.ToString(CultureInfo.InvariantCulture)}, rate(x_bucket[5m]))");
                Run($"histogram_quantile({q.ToString("0.##", CultureInfo.InvariantCulture)}, rate(x_bucket[5m]))");
                Run($"up > {Convert.ToString(d, CultureInfo.InvariantCulture)}");
                Run($"up > {System.Xml.XmlConvert.ToString(q)}");
                Run("up > " + q.ToString(CultureInfo.InvariantCulture));
                """));

        [Fact]
        public Task IntegersWithoutSignAndOtherTypes_NoDiagnostic() =>
            // An int prints digits, and a minus only when negative: reported only where the code writes the minus.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"topk({n}, up)");
                Run($"rate(x[{(long)w.TotalSeconds}s])");
                Run($"up > {u}");
                Run($"up{{job=\"{s}\"}}");
                Run("topk(" + n + ", up)");
                """));

        [Fact]
        public Task NumberInAQuotedLabelValue_NoDiagnostic() =>
            // A label value is any text: the culture changes which value is matched, not whether the query is PromQL.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"x_bucket{{le=\"{q}\"}}");
                Run(string.Format("x_bucket{{le='{0}'}}", q));
                """));

        [Fact]
        public Task StringNotPromQl_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var text = $"histogram_quantile({q}, rate(x_bucket[5m]))";
                Console.WriteLine($"{q}, {d}");
                """));

        [Fact]
        public Task InvariantGlobalizationOn_NoDiagnostic()
        {
            var test = new VerifyCS.Test { TestCode = InMethod("""Run($"histogram_quantile({q}, rate(x_bucket[5m]))");""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.InvariantGlobalization = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task InvariantGlobalizationOff_Diagnostic()
        {
            var test = new VerifyCS.Test { TestCode = InMethod("""Run($"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket[5m]))");""") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.InvariantGlobalization = false\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task MessageNamesTheTypeAndTheFailure() =>
            VerifyCS.VerifyAnalyzerAsync(
                InMethod("""Run($"up > {q}"); Run($"up > {-n}");"""),
                VerifyCS.Diagnostic("PROMQL041").WithSpan(11, 12, 11, 15).WithArguments("double", "0.95 prints 0,95 under de-DE"),
                VerifyCS.Diagnostic("PROMQL041").WithSpan(11, 30, 11, 34).WithArguments("int", "-1 prints \u22121 under sv-SE"));
    }
}
