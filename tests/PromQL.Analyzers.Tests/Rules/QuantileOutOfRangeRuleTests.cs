using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class QuantileOutOfRangeRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(QuantileOutOfRangeRule.Find, query));

        private static string? Fixed(string query) =>
            FixPropertiesTests.ApplyReplacement(query, Assert.Single(RuleRunner.Run(QuantileOutOfRangeRule.Find, query)));

        [Theory]
        [InlineData("histogram_quantile(95, sum by (le) (rate(x_bucket[5m])))", "95")]
        [InlineData("histogram_quantile((99.9), rate(x_bucket[5m]))", "99.9")]
        [InlineData("histogram_quantile(-0.5, rate(x_bucket[5m]))", "-0.5")]
        [InlineData("histogram_quantile(+Inf, rate(x_bucket[5m]))", "+Inf")]
        [InlineData("quantile(90, rate(x_total[5m]))", "90")]
        [InlineData("quantile by (job) (1.5, x)", "1.5")]
        [InlineData("quantile_over_time(50, x[1h])", "50")]
        [InlineData("histogram_quantile(0x5f, x_bucket)", "0x5f")]
        [InlineData("histogram_quantile(1e2, x_bucket)", "1e2")]
        public void LiteralOutsideZeroToOne_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void Message_SaysTheFunctionAndWhatItReturns()
        {
            var finding = Assert.Single(RuleRunner.Run(QuantileOutOfRangeRule.Find, "quantile_over_time(-1, x[1h])"));
            Assert.Same(Descriptors.QuantileOutOfRange, finding.Descriptor);
            Assert.Equal(new[] { "-1", "quantile_over_time", "-Inf" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("histogram_quantile(0.95, x_bucket)")]
        [InlineData("histogram_quantile(0, x_bucket)")]
        [InlineData("histogram_quantile(1, x_bucket)")]
        [InlineData("histogram_quantile(NaN, x_bucket)")]
        [InlineData("histogram_quantile(\uE000, x_bucket)")]
        [InlineData("histogram_quantile(95 / 100, x_bucket)")]
        [InlineData("histogram_quantile(scalar(y), x_bucket)")]
        [InlineData("histogram_quantile(1m, x_bucket)")] // a duration: 60, written on purpose or not, not a literal quantile
        [InlineData("quantile(0.5, x)")]
        [InlineData("topk(5, x)")]
        [InlineData("histogram_fraction(0, 95, x_bucket)")]
        public void InRangeOrNotALiteral_NoDiagnostic(string query) => Assert.Empty(Spans(query));

        [Theory]
        [InlineData("histogram_quantile(95, x_bucket)", "histogram_quantile(0.95, x_bucket)")]
        [InlineData("histogram_quantile(99.9, x_bucket)", "histogram_quantile(0.999, x_bucket)")]
        [InlineData("histogram_quantile(99.90, x_bucket)", "histogram_quantile(0.999, x_bucket)")]
        [InlineData("histogram_quantile(100, x_bucket)", "histogram_quantile(1, x_bucket)")]
        [InlineData("histogram_quantile(50, x_bucket)", "histogram_quantile(0.5, x_bucket)")]
        [InlineData("histogram_quantile(1.5, x_bucket)", "histogram_quantile(0.015, x_bucket)")]
        [InlineData("quantile by (job) (99, x)", "quantile by (job) (0.99, x)")]
        [InlineData("quantile_over_time((75), x[1h])", "quantile_over_time((0.75), x[1h])")]
        public void Percentage_FixDividesBy100(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Theory]
        [InlineData("histogram_quantile(101, x_bucket)")]
        [InlineData("histogram_quantile(-5, x_bucket)")]
        [InlineData("histogram_quantile(0x5f, x_bucket)")]
        [InlineData("histogram_quantile(9.5e1, x_bucket)")]
        [InlineData("histogram_quantile(Inf, x_bucket)")]
        public void NotClearlyAPercentage_DiagnosticWithoutFix(string query) => Assert.Null(Fixed(query));

        [Fact]
        public void FixedQuery_ParsesToTheFraction()
        {
            var parse = PromQlParser.Parse(Fixed("histogram_quantile(99.99, x_bucket)")!);
            Assert.False(parse.HasErrors);
            Assert.Equal("histogram_quantile(0.9999, x_bucket)", parse.Expression!.ToString());
        }
    }
}
