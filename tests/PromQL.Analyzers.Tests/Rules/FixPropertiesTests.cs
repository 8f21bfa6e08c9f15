using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// What PROMQL001 and PROMQL002 tell their fixers (<see cref="FixProperties"/>): the node in query-text offsets,
    /// the text's length, and the edit where one is safe. Shown as <c>Key=value</c> pairs, sorted by key.
    /// </summary>
    public class FixPropertiesTests
    {
        [Theory]
        // The matcher goes first, quoted like the others, with ", " or the selector's own spacing after it.
        [InlineData("sum(container_memory_rss{namespace='ns',pod='p'})", "InsertAt=25|InsertText=container!='', |NodeEnd=48|NodeStart=4|QueryLength=49")]
        [InlineData("container_memory_rss{\n  namespace=\"ns\"}", "InsertAt=21|InsertText=container!=\"\",|NodeEnd=39|NodeStart=0|QueryLength=39")]
        [InlineData("container_memory_rss{ pod=`p`}", "InsertAt=21|InsertText=container!=``,|NodeEnd=30|NodeStart=0|QueryLength=30")]
        [InlineData("container_memory_rss{}", "InsertAt=21|InsertText=container!=\"\"|NodeEnd=22|NodeStart=0|QueryLength=22")]
        // After a bare name, in braces of its own; the node ends at the name, before the modifiers.
        [InlineData("container_memory_rss offset 5m", "InsertAt=20|InsertText={container!=\"\"}|NodeEnd=20|NodeStart=0|QueryLength=30")]
        // A bare quoted name does not decide the quote.
        [InlineData("{'container_memory_rss'}", "InsertAt=1|InsertText=container!=\"\", |NodeEnd=24|NodeStart=0|QueryLength=24")]
        public void ContainerFilter_CarriesTheInsertion(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query))));

        [Theory]
        // PROMQL023: a regex value keeps its text, the fix inserts the ~ after = ...
        [InlineData("up{code=\"5..\"}", "NodeEnd=13|NodeStart=3|QueryLength=14|ReplaceEnd=8|ReplaceStart=8|ReplaceText=~")]
        // ... or writes it over the = of !=; a glob's value is rewritten up to its closing quote, the dot escaped for the quote.
        [InlineData("up{job!='*.a'}", "NodeEnd=13|NodeStart=3|QueryLength=14|ReplaceEnd=12|ReplaceStart=7|ReplaceText=~'.*\\\\.a")]
        [InlineData("up{job!=`*.a`}", "NodeEnd=13|NodeStart=3|QueryLength=14|ReplaceEnd=12|ReplaceStart=7|ReplaceText=~`.*\\.a")]
        // A tilde on the wrong side is deleted with the rewrite.
        [InlineData("up{job=\"~a.*\"}", "NodeEnd=13|NodeStart=3|QueryLength=14|ReplaceEnd=12|ReplaceStart=7|ReplaceText=~\"a.*")]
        // A glob written with an escape: no edit.
        [InlineData("up{job=\"\\x2a-a\"}", "NodeEnd=15|NodeStart=3|QueryLength=16")]
        public void EqualityWithRegexValue_CarriesTheOperatorEdit(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(EqualityWithRegexValueRule.Find, query))));

        [Theory]
        // container="" selects exactly the pod-level series on purpose: the filter would select nothing.
        [InlineData("container_memory_rss{container=\"\"}", "NodeEnd=34|NodeStart=0|QueryLength=34")]
        // A hole in the name may be anything.
        [InlineData("container_memory_\uE000{pod=\"p\"}", "NodeEnd=27|NodeStart=0|QueryLength=27")]
        public void ContainerFilter_NoSafeFix_CarriesTheNodeOnly(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(ContainerFilterRule.Find, query))));

        [Theory]
        [InlineData("sum(container_memory_rss{namespace=\"a\",pod=\"b\"})", "NodeEnd=48|NodeStart=0|OperandEnd=47|OperandStart=4|QueryLength=48")]
        [InlineData("sum by (pod) ((container_memory_rss{namespace=\"a\",pod=\"b\"})) * 2", "NodeEnd=60|NodeStart=0|OperandEnd=59|OperandStart=14|QueryLength=64")]
        [InlineData("abs(sum(container_memory_rss{namespace=\"a\",pod=\"b\"}))", "NodeEnd=52|NodeStart=4|OperandEnd=51|OperandStart=8|QueryLength=53")]
        public void RedundantSum_CarriesTheOperand(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(RedundantSumRule.Find, query))));

        [Fact]
        public void RedundantSumMatchedAgainstAnotherVector_CarriesTheNodeOnly()
        {
            // sum(a) / sum(b) pairs nothing once the left sum is gone: no fix.
            const string query = "sum(container_memory_rss{namespace=\"a\",pod=\"b\"}) / sum(container_memory_rss{namespace=\"a\",pod=\"b\",container!=\"\"})";
            Assert.Equal("NodeEnd=48|NodeStart=0|QueryLength=113", Describe(Assert.Single(RuleRunner.Run(RedundantSumRule.Find, query))));
        }

        [Fact]
        public void WithoutText_NoProperties()
        {
            // The analyzer passes no text for a query with errors: a fix must know what the query means.
            var result = PromQlParser.Parse("sum(container_memory_rss{namespace=\"a\",pod=\"b\"})");
            var findings = new List<Finding>();
            ContainerFilterRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            RedundantSumRule.Find(result.Expression!, null, Configuration.PromQlAnalyzerOptions.Default, findings);
            Assert.Equal(2, findings.Count);
            Assert.All(findings, f => Assert.Empty(f.Properties));
        }

        [Fact]
        public void InvalidQuery_NoProperties()
        {
            var findings = new List<Finding>();
            InvalidQueryRule.Find(PromQlParser.Parse("rate(http_requests_total[5m]"), findings);
            Assert.Empty(Assert.Single(findings).Properties);
        }

        [Theory]
        [InlineData("", false)]
        [InlineData("x", false)]
        [InlineData("-1", false)]
        [InlineData("+1", false)]
        [InlineData(" 1", false)]
        [InlineData("1.0", false)]
        [InlineData("99999999999", false)]
        [InlineData("0", true)]
        [InlineData("42", true)]
        public void TryGetOffset_ReadsNonNegativeDecimalsOnly(string text, bool reads)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.InsertAt, text);
            Assert.Equal(reads, FixProperties.TryGetOffset(properties, FixProperties.InsertAt, out _));
        }

        [Theory]
        [InlineData("0", "5", "5", true)]
        [InlineData("5", "5", "5", true)]
        [InlineData("6", "5", "9", false)]
        [InlineData("0", "6", "5", false)]
        [InlineData("0", null, "5", false)]
        public void TryGetNode_ChecksOrder(string? start, string? end, string? length, bool reads)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.NodeStart, start)
                .Add(FixProperties.NodeEnd, end)
                .Add(FixProperties.QueryLength, length);
            Assert.Equal(reads, FixProperties.TryGetNode(properties, out _, out _, out _));
        }

        [Theory]
        [InlineData("histogram_quantile(0.9, sum by (pod) (rate(x_bucket[5m])))", "NodeEnd=36|NodeStart=24|QueryLength=58|ReplaceEnd=35|ReplaceStart=35|ReplaceText=, le")]
        [InlineData("histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))", "NodeEnd=40|NodeStart=24|QueryLength=62|ReplaceEnd=39|ReplaceStart=37|ReplaceText=")]
        [InlineData("histogram_quantile(0.9, sum(rate(x_bucket[5m])))", "NodeEnd=27|NodeStart=24|QueryLength=48|ReplaceEnd=27|ReplaceStart=27|ReplaceText= by (le) ")]
        public void HistogramWithoutLe_CarriesTheReplacement(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(HistogramWithoutLeRule.Find, query))));

        [Theory]
        [InlineData("histogram_quantile(95, x_bucket)", "NodeEnd=21|NodeStart=19|QueryLength=32|ReplaceEnd=21|ReplaceStart=19|ReplaceText=0.95")]
        [InlineData("histogram_quantile(-2, x_bucket)", "NodeEnd=21|NodeStart=19|QueryLength=32")]
        public void QuantileOutOfRange_CarriesTheReplacement(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(QuantileOutOfRangeRule.Find, query))));

        [Theory]
        [InlineData("x + rate(node_load1[5m])", "NodeEnd=8|NodeStart=4|QueryLength=24|ReplaceEnd=8|ReplaceStart=4|ReplaceText=deriv")]
        [InlineData("x + resets(node_load1[5m])", "NodeEnd=10|NodeStart=4|QueryLength=26")]
        public void CounterFunctionOverGauge_CarriesTheReplacement(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(CounterFunctionOverGaugeRule.Find, query))));

        [Theory]
        [InlineData("x + idelta(y_total[5m])", "NodeEnd=10|NodeStart=4|QueryLength=23|ReplaceEnd=10|ReplaceStart=4|ReplaceText=irate")]
        [InlineData("x + predict_linear(y_total[5m], 60)", "NodeEnd=18|NodeStart=4|QueryLength=35")]
        public void GaugeFunctionOverCounter_CarriesTheReplacement(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(GaugeFunctionOverCounterRule.Find, query))));

        [Theory]
        [InlineData("x + node_cpu_seconds_total{mode=\"idle\"}", "NodeEnd=39|NodeStart=4|QueryLength=39|RateWindow=5m")]
        [InlineData("x + node_cpu_seconds_total @ 100", "NodeEnd=26|NodeStart=4|QueryLength=32")]
        public void CounterReadRaw_CarriesTheWindow(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(CounterReadRawRule.Find, query))));

        [Theory]
        [InlineData("x + rate(sum(y_total)[5m:])", "NodeEnd=27|NodeStart=4|QueryLength=27|ReplaceEnd=27|ReplaceStart=4|ReplaceText=sum(rate(y_total[5m]))")]
        [InlineData("x + resets(sum(y_total)[5m:])", "NodeEnd=29|NodeStart=4|QueryLength=29")]
        public void CounterFunctionOverAggregation_CarriesTheReplacement(string query, string expected) =>
            Assert.Equal(expected, Describe(Assert.Single(RuleRunner.Run(CounterFunctionOverAggregationRule.Find, query))));

        [Theory]
        [InlineData("3", "5", "x", true)]
        [InlineData("3", "3", "", true)]
        [InlineData("5", "3", "x", false)]
        [InlineData("3", "5", null, false)]
        [InlineData(null, "5", "x", false)]
        public void TryGetReplacement_ChecksOrderAndText(string? start, string? end, string? text, bool reads)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.ReplaceStart, start)
                .Add(FixProperties.ReplaceEnd, end)
                .Add(FixProperties.ReplaceText, text);
            Assert.Equal(reads, FixProperties.TryGetReplacement(properties, out _, out _, out _));
        }

        /// <summary>The query with a finding's replacement applied, or null when it carries none.</summary>
        internal static string? ApplyReplacement(string query, Finding finding) =>
            FixProperties.TryGetReplacement(finding.Properties, out var start, out var end, out var text)
                ? query.Substring(0, start) + text + query.Substring(end)
                : null;

        internal static string Describe(Finding finding) =>
            string.Join("|", finding.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }
}
