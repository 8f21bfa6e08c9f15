using System.Collections.Generic;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// PROMQL040 and PROMQL041 as pure functions over a parse and its hole facts: what each reports, what each fix is told,
    /// and where each stays silent (formatting unknown or invariant, invariant globalization, a hole without a site).
    /// </summary>
    public class HoleRulesTests
    {
        private const char H = PromQlParser.HoleCharacter;

        private static HoleFact Fact(string query, HoleType type, string? format = null, bool hasSign = false, bool interpolation = true, bool converted = false) =>
            new HoleFact(query.IndexOf(H), type, format, null, converted, hasSign, interpolation, type.ToString());

        private static List<Finding> Culture(string query, HoleFact fact, StringFormatting formatting, PromQlAnalyzerOptions? options = null)
        {
            var findings = new List<Finding>();
            CultureSensitiveNumberRule.Find(PromQlParser.Parse(query), new QueryHoles(new[] { fact }, formatting), options ?? PromQlAnalyzerOptions.Default, findings);
            return findings;
        }

        private static List<Finding> Value(string query, HoleFact fact, StringFormatting formatting = StringFormatting.CurrentCultureInterpolation)
        {
            var findings = new List<Finding>();
            ValueNotPromQlRule.Find(PromQlParser.Parse(query), new QueryHoles(new[] { fact }, formatting), findings);
            return findings;
        }

        [Fact]
        public void DoubleInAPlainInterpolation_ReportedWithBothFixes()
        {
            const string query = "histogram_quantile(\uE000, rate(x[5m]))";
            var finding = Assert.Single(Culture(query, Fact(query, HoleType.Floating), StringFormatting.CurrentCultureInterpolation));
            Assert.Equal((19, 20), (finding.Start, finding.End));
            Assert.Equal("true", finding.Properties[FixProperties.InvariantHole]);
            Assert.Equal("true", finding.Properties[FixProperties.InvariantString]);
            Assert.Equal("19", finding.Properties[FixProperties.NodeStart]);
            Assert.Equal(query.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Properties[FixProperties.QueryLength]);
        }

        [Fact]
        public void ConcatenationOperand_ReportedWithoutFixes()
        {
            const string query = "up > \uE000";
            var finding = Assert.Single(Culture(query, Fact(query, HoleType.Decimal, interpolation: false), StringFormatting.CurrentCulture));
            Assert.False(finding.Properties.ContainsKey(FixProperties.InvariantHole));
            Assert.False(finding.Properties.ContainsKey(FixProperties.InvariantString));
        }

        [Theory]
        [InlineData((int)StringFormatting.Invariant)]
        [InlineData((int)StringFormatting.Unknown)]
        public void InvariantOrUnknownFormatting_Silent(int formatting) // the enum is internal: xunit's public method takes its value
        {
            const string query = "up > \uE000";
            Assert.Empty(Culture(query, Fact(query, HoleType.Floating), (StringFormatting)formatting));
        }

        [Fact]
        public void InvariantGlobalization_Silent()
        {
            const string query = "up > \uE000";
            var options = PromQlAnalyzerOptions.FromPairs((PromQlAnalyzerOptions.InvariantGlobalizationKey, "true"));
            Assert.True(options.InvariantGlobalization);
            Assert.NotEqual(PromQlAnalyzerOptions.Default, options);
            Assert.Empty(Culture(query, Fact(query, HoleType.Floating), StringFormatting.CurrentCulture, options));
        }

        [Fact]
        public void SignedIntegerOnlyWithASign_ConvertedNever()
        {
            const string query = "up > \uE000";
            Assert.Empty(Culture(query, Fact(query, HoleType.SignedInteger), StringFormatting.CurrentCulture));
            Assert.Single(Culture(query, Fact(query, HoleType.SignedInteger, hasSign: true), StringFormatting.CurrentCulture));
            Assert.Empty(Culture(query, Fact(query, HoleType.String, converted: true), StringFormatting.CurrentCulture));
        }

        [Fact]
        public void QuotedStringOrNoSite_Silent()
        {
            const string quoted = "x{le=\"\uE000\"}";
            Assert.Empty(Culture(quoted, Fact(quoted, HoleType.Floating), StringFormatting.CurrentCulture));
            const string afterError = "x ` \uE000";
            Assert.Empty(Culture(afterError, Fact(afterError, HoleType.Floating), StringFormatting.CurrentCulture));
        }

        [Fact]
        public void TimeSpanAloneInARange_ReportedWithTheSecondsFix_WithAUnitWithout()
        {
            const string alone = "rate(x[\uE000])";
            var finding = Assert.Single(Value(alone, Fact(alone, HoleType.TimeSpan)));
            Assert.Equal(ValueNotPromQlRule.Seconds, finding.Properties[FixProperties.Conversion]);
            Assert.Equal(new[] { "TimeSpan", "00:05:00 (hh:mm:ss)", "a PromQL duration" }, finding.MessageArgs);

            const string withUnit = "rate(x[\uE000m])";
            Assert.False(Assert.Single(Value(withUnit, Fact(withUnit, HoleType.TimeSpan))).Properties.ContainsKey(FixProperties.Conversion));
        }

        [Fact]
        public void DateTimeAfterAt_ReportedWithTheUnixSecondsFix()
        {
            const string query = "up @ \uE000";
            Assert.Equal(ValueNotPromQlRule.UnixSeconds, Assert.Single(Value(query, Fact(query, HoleType.DateTimeOffset))).Properties[FixProperties.Conversion]);
            Assert.Equal(ValueNotPromQlRule.UnixSeconds, Assert.Single(Value(query, Fact(query, HoleType.DateTime))).Properties[FixProperties.Conversion]);
        }

        [Fact]
        public void BoolEnumAndNamePrinting_ReportedWithoutAFix_InANameSilent()
        {
            const string number = "up == \uE000";
            Assert.False(Assert.Single(Value(number, Fact(number, HoleType.Boolean))).Properties.ContainsKey(FixProperties.Conversion));
            Assert.Single(Value(number, Fact(number, HoleType.Boolean, format: "D")));
            Assert.Single(Value(number, Fact(number, HoleType.Enum)));
            Assert.Empty(Value(number, Fact(number, HoleType.Enum, format: "D")));
            Assert.Single(Value(number, Fact(number, HoleType.ObjectWithoutToString)));
            Assert.Empty(Value(number, Fact(number, HoleType.Other)));
            Assert.Empty(Value(number, Fact(number, HoleType.Unknown)));
            Assert.Empty(Value(number, Fact(number, HoleType.Boolean), StringFormatting.Unknown));

            const string name = "x_\uE000_total";
            Assert.Empty(Value(name, Fact(name, HoleType.Enum)));
        }
    }
}
