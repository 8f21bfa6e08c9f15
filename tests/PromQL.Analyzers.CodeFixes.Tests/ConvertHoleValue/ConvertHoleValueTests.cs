using System;
using System.Globalization;
using System.Threading.Tasks;
using PromQL.Parsing;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.ConvertHoleValueCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.ConvertHoleValue
{
    /// <summary>
    /// PROMQL040's fix: a TimeSpan alone in a duration becomes whole seconds, a DateTime or DateTimeOffset after @ Unix
    /// seconds, in every interpolated literal kind; none for a bool, an enum, a TimeSpan with a unit after it, a format
    /// item or a concatenation operand.
    /// </summary>
    public class ConvertHoleValueTests
    {
        private static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                void Run([StringSyntax("PromQL")] string query) { }

                void M(TimeSpan w, DateTime t, DateTimeOffset o, bool b)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task TimeSpanInDuration_WholeSeconds() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod(""""
                    Run($"rate(x[{|PROMQL040:{w}|}])");
                    Run($@"rate(x{{job=""a""}}[{|PROMQL040:{w}|}])");
                    Run($"""rate(x[5m:{|PROMQL040:{TimeSpan.FromSeconds(30)}|}])""");
                    Run($"x offset {|PROMQL040:{w}|}");
                    """"),
                InMethod(""""
                    Run($"rate(x[{(long)w.TotalSeconds}s])");
                    Run($@"rate(x{{job=""a""}}[{(long)w.TotalSeconds}s])");
                    Run($"""rate(x[5m:{(long)TimeSpan.FromSeconds(30).TotalSeconds}s])""");
                    Run($"x offset {(long)w.TotalSeconds}s");
                    """"));

        [Fact]
        public Task DateTimeAfterAt_UnixSeconds() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod("""
                    Run($"x @ {|PROMQL040:{t}|}");
                    Run($"x @ {|PROMQL040:{o}|}");
                    """),
                InMethod("""
                    Run($"x @ {new System.DateTimeOffset(t).ToUnixTimeSeconds()}");
                    Run($"x @ {o.ToUnixTimeSeconds()}");
                    """));

        [Fact]
        public Task BoolOrNoSafeEdit_NoFix() =>
            VerifyCS.VerifyNoFixAsync(InMethod("""
                Run($"up == {|PROMQL040:{b}|}");
                Run(string.Format("rate(x[{|PROMQL040:{0}|}])", w));
                Run("rate(x[" + {|PROMQL040:w|} + "])");
                Run($"rate(x[{|PROMQL040:{w}|}m])");
                """));

        [Theory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void Renderings_AsWrittenFail_AsFixedParse(string culture)
        {
            var provider = CultureInfo.GetCultureInfo(culture);
            var w = TimeSpan.FromMinutes(5);
            var t = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
            Assert.True(PromQlParser.Parse(((FormattableString)$"rate(x[{w}])").ToString(provider)).HasErrors);
            Assert.True(PromQlParser.Parse(((FormattableString)$"x @ {t}").ToString(provider)).HasErrors);
            var fixedRange = ((FormattableString)$"rate(x[{(long)w.TotalSeconds}s])").ToString(provider);
            Assert.Equal("rate(x[300s])", fixedRange);
            Assert.False(PromQlParser.Parse(fixedRange).HasErrors);
            var fixedAt = ((FormattableString)$"x @ {new DateTimeOffset(t).ToUnixTimeSeconds()}").ToString(provider);
            Assert.Equal("x @ 1796644800", fixedAt);
            Assert.False(PromQlParser.Parse(fixedAt).HasErrors);
        }
    }
}
