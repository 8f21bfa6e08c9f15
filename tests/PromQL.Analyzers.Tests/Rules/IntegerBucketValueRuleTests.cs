using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL031 on trees: which integer le/quantile values are reported, the stored form, and the edit each finding carries.</summary>
    public class IntegerBucketValueRuleTests
    {
        [Theory]
        [InlineData("1", "1.0")]
        [InlineData("0", "0.0")]
        [InlineData("-0", "0.0")]
        [InlineData("-1", "-1.0")]
        [InlineData("10", "10.0")]
        [InlineData("999999", "999999.0")]
        [InlineData("1000000", "1e+06")]
        [InlineData("2500000", "2.5e+06")]
        [InlineData("1234567", "1.234567e+06")]
        [InlineData("100000000000000", "1e+14")]
        public void StoredForm_IsFormatOpenMetricsFloat(string value, string stored) =>
            Assert.Equal(stored, IntegerBucketValueRule.StoredForm(value));

        [Theory]
        [InlineData("1.0")]
        [InlineData("0.5")]
        [InlineData("+Inf")]
        [InlineData("01")]
        [InlineData("+1")]
        [InlineData("1e3")]
        [InlineData("")]
        [InlineData("-")]
        [InlineData("1234567890123456")]
        public void StoredForm_NotAnIntegerItReads_Null(string value) =>
            Assert.Null(IntegerBucketValueRule.StoredForm(value));

        [Theory]
        [InlineData("http_request_duration_seconds_bucket{le=\"1\"}", "1", "1.0", "(\\\\.0)?", "matches nothing")]
        [InlineData("http_request_duration_seconds_bucket{le!=\"10\"}", "10", "10.0", "(\\\\.0)?", "filters nothing")]
        [InlineData("http_request_duration_seconds_bucket{le='1'}", "1", "1.0", "(\\\\.0)?", "matches nothing")]
        [InlineData("http_request_duration_seconds_bucket{le=`1`}", "1", "1.0", "(\\.0)?", "matches nothing")]
        [InlineData("{__name__=\"http_request_duration_seconds_bucket\", le=\"1000000\"}", "1000000", "1e+06", "|1e\\\\+06", "matches nothing")]
        [InlineData("go_gc_duration_seconds{quantile=\"1\"}", "1", "1.0", "(\\\\.0)?", "matches nothing")]
        [InlineData("go_gc_duration_seconds{quantile=\"0\"}", "0", "0.0", "(\\\\.0)?", "matches nothing")]
        public void EqualityOnIntegerValue_OneFindingWithOperatorEdit(string query, string value, string stored, string insert, string effect)
        {
            var finding = Assert.Single(RuleRunner.Run(IntegerBucketValueRule.Find, query));
            Assert.Equal(value, RuleRunner.Text(query, finding));
            Assert.Equal(stored, finding.MessageArgs[2]);
            Assert.Contains(effect, finding.MessageArgs[3]);
            Assert.Equal(insert, finding.Properties[FixProperties.ReplaceText]);
            Assert.Equal(finding.End.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Properties[FixProperties.ReplaceStart]);
            var op = int.Parse(finding.Properties[FixProperties.RegexOperatorAt]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(query[op] is '=' or '!');
        }

        [Theory]
        [InlineData("foo_bucket{le=~\"1|2.5|5\"}", new[] { "1", "5" })]
        [InlineData("foo_bucket{le!~\"0|1\"}", new[] { "0", "1" })]
        [InlineData("foo_bucket{le=~\"0\\\\.5|1\"}", new[] { "1" })]
        [InlineData("foo_bucket{le=~\"1|1\\\\.0|5\"}", new[] { "5" })]
        [InlineData("foo_bucket{le=~\"1|1.0\"}", new string[0])]
        [InlineData("foo_bucket{le=~\"1\"}", new[] { "1" })]
        [InlineData("foo_bucket{le=~\"1(\\\\.0)?|5\"}", new[] { "5" })]
        [InlineData("foo_bucket{le=~\"[|]|5\"}", new[] { "5" })]
        [InlineData("foo_bucket{le=~\"(?:2|3)|5\"}", new[] { "5" })]
        [InlineData("foo_bucket{le=~\"-0|-1\"}", new[] { "-0", "-1" })]
        public void RegexAlternatives_EachIntegerWithoutItsStoredForm(string query, string[] values)
        {
            var findings = RuleRunner.Run(IntegerBucketValueRule.Find, query);
            Assert.Equal(values, RuleRunner.Texts(query, findings));
            Assert.All(findings, f => Assert.False(f.Properties.ContainsKey(FixProperties.RegexOperatorAt)));
        }

        [Fact]
        public void RegexAlternativeAfterEscape_SpanIsItsCharacters()
        {
            var query = "foo_bucket{le=~\"0\\\\.5|10\"}";
            var finding = Assert.Single(RuleRunner.Run(IntegerBucketValueRule.Find, query));
            Assert.Equal("10", RuleRunner.Text(query, finding));
            Assert.Equal("(\\\\.0)?", finding.Properties[FixProperties.ReplaceText]);
        }

        [Theory]
        [InlineData("foo_bucket{le=\"1.0\"}")]
        [InlineData("foo_bucket{le=\"+Inf\"}")]
        [InlineData("foo_bucket{le=~\"1(\\\\.0)?\"}")]
        [InlineData("foo_bucket{le=~\"(1|5)\"}")]
        [InlineData("foo_bucket{le=~\"[15]\"}")]
        [InlineData("foo_bucket{le=~\"\\\\Q1|5\\\\E\"}")]
        [InlineData("foo_count{le=\"1\"}")]
        [InlineData("foo{le=\"1\"}")]
        [InlineData("job:foo_bucket:rate5m{le=\"1\"}")]
        [InlineData("{__name__=~\"foo_bucket\", le=\"1\"}")]
        [InlineData("foo_bucket{quantile=\"1\"}")]
        [InlineData("foo{quantile=\"50\"}")]
        [InlineData("foo{quantile=\"0.5\"}")]
        [InlineData("cluster_quantile:apiserver_request_sli_duration_seconds:histogram_quantile{quantile=\"1\"}")]
        [InlineData("foo_bucket{lE=\"1\"}")]
        [InlineData("sum by (le) (rate(foo_bucket[5m]))")]
        [InlineData("foo_bucket{le=\"01\"}")]
        public void NotAnIntegerBucketOrQuantile_NoFinding(string query) =>
            Assert.Empty(RuleRunner.Run(IntegerBucketValueRule.Find, query));

        [Theory]
        [InlineData("foo_bucket{le=\"\uE000\"}")]
        [InlineData("foo_bucket{le=\"1\uE000\"}")]
        [InlineData("foo_bucket{le=~\"1|\uE000\"}")]
        [InlineData("\uE000_bucket{le=\"1\"}")]
        [InlineData("foo_\uE000{le=\"1\"}")]
        [InlineData("{__name__=\"\uE000\", le=\"1\"}")]
        [InlineData("foo_bucket{\uE000=\"1\"}")]
        public void Holes_NoFinding(string query) =>
            Assert.Empty(RuleRunner.Run(IntegerBucketValueRule.Find, query));

        [Fact]
        public void QueryWithErrors_EqualityReportedOnValueWithoutFix()
        {
            // A type error keeps the tree: the rule still reads the selector, but offers no edit on a query that does not check.
            var result = PromQL.Parsing.PromQlParser.Parse("rate(foo_bucket{le=\"1\"})");
            Assert.True(result.HasErrors);
            var findings = new System.Collections.Generic.List<Finding>();
            IntegerBucketValueRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            var finding = Assert.Single(findings);
            Assert.Equal("\"1\"", result.Text.Substring(finding.Start, finding.End - finding.Start));
            Assert.Empty(finding.Properties);
        }

        [Fact]
        public void SpacesAroundOperator_OperatorFound()
        {
            var query = "foo_bucket{le != \"1\"}";
            var finding = Assert.Single(RuleRunner.Run(IntegerBucketValueRule.Find, query));
            Assert.Equal(query.IndexOf('!'), int.Parse(finding.Properties[FixProperties.RegexOperatorAt]!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
