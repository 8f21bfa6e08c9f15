using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL042 on trees: the sort at the top of a query (under parentheses only), with the argument its fix keeps.</summary>
    public class SortInRangeQueryRuleTests
    {
        private static List<Finding> Run(string query, bool withText = true)
        {
            var result = PromQlParser.Parse(query);
            Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            var findings = new List<Finding>();
            SortInRangeQueryRule.Find(result.Expression!, withText ? query : null, findings);
            return findings;
        }

        [Theory]
        [InlineData("sort(up)", "sort(up)", "up")]
        [InlineData("sort_desc(rate(x[5m]))", "sort_desc(rate(x[5m]))", "rate(x[5m])")]
        [InlineData("((sort(up)))", "sort(up)", "up")]
        [InlineData("sort_by_label(up, \"instance\")", "sort_by_label(up, \"instance\")", "up")]
        [InlineData("sort_by_label_desc(sum by (job) (up), \"job\", \"instance\")", "sort_by_label_desc(sum by (job) (up), \"job\", \"instance\")", "sum by (job) (up)")]
        [InlineData("sort(sort_desc(up))", "sort(sort_desc(up))", "sort_desc(up)")]
        public void SortAtTheTop_FindingWithItsArgument(string query, string expected, string operand)
        {
            var finding = Assert.Single(Run(query));
            Assert.Equal(expected, RuleRunner.Text(query, finding));
            Assert.Equal(expected.Substring(0, expected.IndexOf('(')), finding.MessageArgs[0]);
            Assert.True(FixProperties.TryGetOffset(finding.Properties, FixProperties.OperandStart, out var start));
            Assert.True(FixProperties.TryGetOffset(finding.Properties, FixProperties.OperandEnd, out var end));
            Assert.Equal(operand, query.Substring(start, end - start));
        }

        [Theory]
        [InlineData("up")]
        [InlineData("sort(up) * 2")]
        [InlineData("topk(3, sort_desc(up))")]
        [InlineData("-sort(up)")]
        [InlineData("sort(up) or vector(0)")]
        [InlineData("Sort(up)")]
        public void SortNotAtTheTop_NoFinding(string query)
        {
            var result = PromQlParser.Parse(query);
            var findings = new List<Finding>();
            if (result.Expression is { } root)
            {
                SortInRangeQueryRule.Find(root, query, findings);
            }

            Assert.Empty(findings);
        }

        [Fact]
        public void NoText_FindingWithoutFix() =>
            Assert.Empty(Assert.Single(Run("sort(up)", withText: false)).Properties);

        [Theory]
        [InlineData(nameof(QueryKind.Unknown))]
        [InlineData(nameof(QueryKind.Instant))]
        [InlineData(nameof(QueryKind.Exemplars))]
        [InlineData(nameof(QueryKind.Selector))]
        public void OtherKinds_NoFinding(string kind)
        {
            var findings = new List<Finding>();
            SortInRangeQueryRule.Instance.Analyze(new QueryContext(PromQlParser.Parse("sort(up)"), isMarked: true, Configuration.PromQlAnalyzerOptions.Default, (QueryKind)System.Enum.Parse(typeof(QueryKind), kind)), findings);
            Assert.Empty(findings);
        }

        [Fact]
        public void RangeKind_Finding()
        {
            var findings = new List<Finding>();
            SortInRangeQueryRule.Instance.Analyze(new QueryContext(PromQlParser.Parse("sort(up)"), isMarked: true, Configuration.PromQlAnalyzerOptions.Default, QueryKind.Range), findings);
            Assert.Single(findings);
        }
    }
}
