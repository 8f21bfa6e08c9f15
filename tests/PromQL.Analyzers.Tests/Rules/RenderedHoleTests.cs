using System;
using System.Globalization;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// The .NET facts the hole rules (PROMQL040, PROMQL041; docs/detection.md) rest on: a value rendered as .NET renders it
    /// in an interpolation hole, under de-DE and sv-SE, put where the hole stands and parsed as Prometheus would. Each
    /// failure here is one those rules will report; each invariant rendering is what their fixes write.
    /// </summary>
    public class RenderedHoleTests
    {
        private static string Render(FormattableString query, string culture) => query.ToString(CultureInfo.GetCultureInfo(culture));

        [Theory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void DoubleInHistogramQuantile_CurrentCultureBreaksIt_InvariantParses(string culture)
        {
            var q = 0.95;
            var rendered = Render($"histogram_quantile({q}, rate(http_request_duration_seconds_bucket[5m]))", culture);
            Assert.StartsWith("histogram_quantile(0,95,", rendered, StringComparison.Ordinal);
            Assert.True(PromQlParser.Parse(rendered).HasErrors, rendered);

            // Even a format specifier takes the culture's separator: {q:F2} is no fix.
            Assert.True(PromQlParser.Parse(Render($"histogram_quantile({q:F2}, rate(x[5m]))", culture)).HasErrors);

            Assert.False(PromQlParser.Parse(FormattableString.Invariant($"histogram_quantile({q}, rate(x[5m]))")).HasErrors);
            Assert.False(PromQlParser.Parse(string.Create(CultureInfo.InvariantCulture, $"histogram_quantile({q}, rate(x[5m]))")).HasErrors);
        }

        [Fact]
        public void NegativeIntegerUnderSwedish_MinusSignIsNotAPromQlMinus()
        {
            var threshold = -1;
            var rendered = Render($"up > {threshold}", "sv-SE");
            Assert.Equal("up > \u22121", rendered);
            Assert.True(PromQlParser.Parse(rendered).HasErrors, rendered);
            Assert.False(PromQlParser.Parse(FormattableString.Invariant($"up > {threshold}")).HasErrors);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void TimeSpanInARange_NeverADuration_TotalSecondsIs(string culture)
        {
            var window = TimeSpan.FromMinutes(5);
            var rendered = Render($"rate(x[{window}])", culture);
            Assert.Equal("rate(x[00:05:00])", rendered);
            Assert.True(PromQlParser.Parse(rendered).HasErrors, rendered);
            Assert.False(PromQlParser.Parse(Render($"rate(x[{(long)window.TotalSeconds}s])", culture)).HasErrors);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void BoolAndDateTime_NotPromQl_UnixSecondsAre(string culture)
        {
            // True is a name to PromQL: the comparison parses, against a series called True, and silently matches nothing.
            var flag = true;
            var withBool = PromQlParser.Parse(Render($"up == {flag}", culture));
            Assert.False(withBool.HasErrors);
            Assert.Contains(withBool.Expression!.DescendantsAndSelf(), e => e is PromQL.Parsing.Syntax.VectorSelector { Name: "True" });

            var at = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
            Assert.True(PromQlParser.Parse(Render($"up @ {at}", culture)).HasErrors);
            Assert.False(PromQlParser.Parse(Render($"up @ {at.ToUnixTimeSeconds()}", culture)).HasErrors);
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("sv-SE")]
        public void FloatDecimalAndFormattedDouble_CurrentCultureBreaksThem_FixesParse(string culture)
        {
            // What PROMQL041 reports, rendered as .NET renders it on such a machine: not PromQL.
            var f = 0.5f;
            var d = 0.25m;
            var q = 0.95;
            Assert.True(PromQlParser.Parse(Render($"clamp(up, {f}, {d})", culture)).HasErrors);
            Assert.True(PromQlParser.Parse(Render($"histogram_quantile({q:0.00}, rate(x[5m]))", culture)).HasErrors);

            // What its fixes write, rendered under the same culture: PromQL, with the invariant values.
            var oneHole = Render($"histogram_quantile({q.ToString("F2", CultureInfo.InvariantCulture)}, rate(x[5m]))", culture);
            Assert.Equal("histogram_quantile(0.95, rate(x[5m]))", oneHole);
            Assert.False(PromQlParser.Parse(oneHole).HasErrors);
            var old = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                var wholeString = string.Create(CultureInfo.InvariantCulture, $"clamp(up, {f}, {d})");
                Assert.Equal("clamp(up, 0.5, 0.25)", wholeString);
                Assert.False(PromQlParser.Parse(wholeString).HasErrors);
                Assert.False(PromQlParser.Parse(FormattableString.Invariant($"up > {-1}")).HasErrors);

                // Concatenation calls ToString(): the current culture's 0,95.
                Assert.True(PromQlParser.Parse("up > " + q).HasErrors);
            }
            finally
            {
                CultureInfo.CurrentCulture = old;
            }
        }
    }
}
