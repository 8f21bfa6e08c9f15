using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL040 end to end: a TimeSpan, DateTime, DateTimeOffset, bool, enum or a type printing its name in a duration,
    /// after @ or where a number stands, in every literal kind and down the interpolation, <c>string.Format</c> and
    /// <c>+</c> paths; silent in quoted strings and names, with a format specifier, for converted values and other types.
    /// </summary>
    public class ValueNotPromQlRuleTests
    {
        private static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;

            enum Speed { Fast, Slow }

            class Settings { }

            record Named(string Name);

            class C
            {
                void Run([StringSyntax("PromQL")] string query) { }

                void M(TimeSpan w, DateTime t, DateTimeOffset o, bool b, Speed e, Settings x, Named r, string s, object any, TimeSpan? maybe)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task EveryLiteralKindAndPath_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                Run($"rate(x[{|PROMQL040:{w}|}])");
                Run($@"rate(x{{job=""a""}}[{|PROMQL040:{w}|}])");
                Run($$"""rate(x{job="a"}[{|PROMQL040:{{w}}|}])""");
                Run($"""
                    rate(x[{|PROMQL040:{w}|}])
                    """);
                Run("rate(x[" + {|PROMQL040:w|} + "])");
                Run(string.Format("rate(x[{|PROMQL040:{0}|}])", w));
                Run(FormattableString.Invariant($"rate(x[{|PROMQL040:{w}|}])"));
                """"));

        [Fact]
        public Task EveryTypeAndPosition_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"x offset {|PROMQL040:{w}|}");
                Run($"rate(x[5m:{|PROMQL040:{w}|}])");
                Run($"x @ {|PROMQL040:{t}|}");
                Run($"x @ {|PROMQL040:{o}|}");
                Run($"up == {|PROMQL040:{b}|}");
                Run($"up == {|PROMQL040:{b:D}|}");
                Run($"up > {|PROMQL040:{e}|}");
                Run($"up > {|PROMQL040:{x}|}");
                Run($"rate(x[{|PROMQL040:{maybe}|}])");
                """));

        [Fact]
        public Task QuotedStringNameFormatOrOtherType_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run($"x{{at=\"{t}\", w=\"{w}\", b=\"{b}\"}}");
                Run($"x_{e}_total");
                Run($"sum by ({e}) (x)");
                Run($"rate(x[{w:%m}m])");
                Run($"x @ {t:yyyy}");
                Run($"up > {e:D}");
                Run($"up > {r}");
                Run($"up > {any}");
                Run($"rate(x[{(long)w.TotalSeconds}s])");
                Run($"x @ {o.ToUnixTimeSeconds()}");
                Run($"up == {(b ? 1 : 0)}");
                """));

        [Fact]
        public Task NotPromQl_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var text = $"rate(x[{w}])";
                Console.WriteLine($"{w} {t} {b}");
                """));

        [Fact]
        public Task Message_NamesTheTypeWhatItPrintsAndWhatIsWanted() =>
            VerifyCS.VerifyAnalyzerAsync(
                InMethod("""Run($"rate(x[{w}])");"""),
                VerifyCS.Diagnostic("PROMQL040").WithSpan(16, 14, 16, 17).WithArguments("TimeSpan", "00:05:00 (hh:mm:ss)", "a PromQL duration"));
    }
}
