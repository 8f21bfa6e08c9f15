using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>PROMQL032 on trees: each flagged construct once, on its own characters, unless its flag is declared.</summary>
    public class UndeclaredFeatureRuleTests
    {
        [Theory]
        [InlineData("sort_by_label(up, \"job\")", "sort_by_label", "promql-experimental-functions")]
        [InlineData("sum(info(up))", "info", "promql-experimental-functions")]
        [InlineData("double_exponential_smoothing(foo[5m], 0.5, 0.5)", "double_exponential_smoothing", "promql-experimental-functions")]
        [InlineData("limitk(5, up)", "limitk", "promql-experimental-functions")]
        [InlineData("LIMITK(5, up)", "LIMITK", "promql-experimental-functions")]
        [InlineData("limit_ratio by (job) (0.5, up)", "limit_ratio", "promql-experimental-functions")]
        [InlineData("rate(foo[5m + 1m])", "5m + 1m", "promql-duration-expr")]
        [InlineData("rate(foo[step() * 4])", "step() * 4", "promql-duration-expr")]
        [InlineData("rate(foo[(5m)])", "(5m)", "promql-duration-expr")]
        [InlineData("max_over_time(up[1h:step()])", "step()", "promql-duration-expr")]
        [InlineData("up offset (1h + 5m)", "(1h + 5m)", "promql-duration-expr")]
        [InlineData("rate(foo[5m] offset min_of(step(), 1m))", "min_of(step(), 1m)", "promql-duration-expr")]
        [InlineData("rate(foo[5m] anchored)", "anchored", "promql-extended-range-selectors")]
        [InlineData("increase(foo[5m] SMOOTHED)", "SMOOTHED", "promql-extended-range-selectors")]
        [InlineData("foo smoothed", "smoothed", "promql-extended-range-selectors")]
        [InlineData("rate(foo[5m] anchored offset 1m)", "anchored", "promql-extended-range-selectors")]
        [InlineData("rate(foo[5m] offset 1m # why\n anchored)", "anchored", "promql-extended-range-selectors")]
        [InlineData("rate(\uE000[5m] anchored)", "anchored", "promql-extended-range-selectors")]
        [InlineData("a > bool on(job) fill_left ( 2 ) b", "fill_left ( 2 )", "promql-binop-fill-modifiers")]
        [InlineData("a / fill(0) b", "fill(0)", "promql-binop-fill-modifiers")]
        [InlineData("a / on(job) group_left(fill) fill_right(1) b", "fill_right(1)", "promql-binop-fill-modifiers")]
        public void OneConstruct_OneFindingOnIt_NamingTheFlag(string query, string construct, string flag)
        {
            var finding = Assert.Single(Find(query));
            Assert.Equal(construct, RuleRunner.Text(query, finding));
            Assert.Contains(construct, finding.MessageArgs[0]);
            Assert.Equal(flag, finding.MessageArgs[1]);
            Assert.Equal(DiagnosticIds.UndeclaredFeature, finding.Descriptor.Id);
        }

        [Fact]
        public void EveryFeatureInOneQuery_EachOnce()
        {
            const string query = "limitk(2, rate(foo[5m + step()] anchored)) / fill_left(0) fill_right(1) sort_by_label(bar, \"job\")";
            Assert.Equal(
                new[] { "limitk", "5m + step()", "anchored", "fill_left(0)", "fill_right(1)", "sort_by_label" }.OrderBy(s => s),
                RuleRunner.Texts(query, Find(query)).OrderBy(s => s));
        }

        [Theory]
        [InlineData("promql-experimental-functions, promql-duration-expr, promql-extended-range-selectors, promql-binop-fill-modifiers")]
        [InlineData(" promql-binop-fill-modifiers;promql-extended-range-selectors ,promql-duration-expr,,promql-experimental-functions ")]
        public void EveryFlagDeclared_NoFinding(string flags)
        {
            const string query = "limitk(2, rate(foo[5m + step()] anchored)) / fill_left(0) fill_right(1) sort_by_label(bar, \"job\")";
            Assert.Empty(Find(query, flags));
        }

        [Fact]
        public void OneFlagDeclared_TheOthersStillReported()
        {
            const string query = "limitk(2, rate(foo[5m + step()] anchored))";
            Assert.Equal(new[] { "5m + step()", "anchored" }.OrderBy(s => s),
                RuleRunner.Texts(query, Find(query, "promql-experimental-functions")).OrderBy(s => s));
        }

        [Theory]
        [InlineData("rate(foo[5m])")]
        [InlineData("foo offset -5m")]
        [InlineData("a / on(fill) group_left(anchored) b")]
        [InlineData("foo{fill=\"anchored\"}")]
        [InlineData("sum by (fill, smoothed) (rate(anchored[5m]))")]
        [InlineData("topk(5, up)")]
        [InlineData("label_replace(up, \"a\", \"limitk\", \"b\", \"c\")")]
        [InlineData("rate(foo[5m]) # anchored fill(0)")]
        public void StablePromQl_NoFinding(string query) => Assert.Empty(Find(query));

        [Theory]
        [InlineData("rate(foo[\uE000 + 5m])")]
        [InlineData("rate(foo[5m:\uE000 * 2])")]
        [InlineData("\uE000(up)")]
        [InlineData("sort_by_\uE000(up)")]
        public void HoleInTheConstruct_NoFinding(string query) => Assert.Empty(Find(query));

        [Fact]
        public void NestedDurationExpression_OneFindingOnTheOutermost()
        {
            const string query = "rate(foo[(5m + (1m * 2)) - min_of(1m, step())])";
            var finding = Assert.Single(Find(query));
            Assert.Equal("(5m + (1m * 2)) - min_of(1m, step())", RuleRunner.Text(query, finding));
        }

        [Fact]
        public void QueryOutsideTheFeatures_NeedsNoOption()
        {
            var result = PromQlParser.Parse("sum(rate(foo[5m]))");
            Assert.Equal(PromQlFeatures.None, result.UsedFeatures & ~PromQlFeatures.Holes);
            var findings = new List<Finding>();
            UndeclaredFeatureRule.Instance.Analyze(new QueryContext(result, true, PromQlAnalyzerOptions.Default), findings);
            Assert.Empty(findings);
        }

        [Fact]
        public void WithEveryFeatureUsed_PromQl100Silent()
        {
            // The analyzer parses with every feature on: the flagged constructs are PROMQL032's (info), never a PROMQL100 error.
            var result = PromQlParser.Parse("limitk(2, rate(foo[5m + step()] anchored)) / fill(0) bar");
            Assert.False(result.HasErrors);
            var invalid = new List<Finding>();
            InvalidQueryRule.Find(result, invalid);
            Assert.Empty(invalid);
        }

        private static List<Finding> Find(string query, string? flags = null)
        {
            var result = PromQlParser.Parse(query);
            Assert.False(result.HasErrors, "test query must parse: " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            var options = flags is null ? PromQlAnalyzerOptions.Default : PromQlAnalyzerOptions.FromPairs((UndeclaredFeatureRule.EnabledFeatures.Key, flags));
            var findings = new List<Finding>();
            UndeclaredFeatureRule.Instance.Analyze(new QueryContext(result, true, options), findings);
            return findings;
        }
    }
}
