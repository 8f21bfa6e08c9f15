using System.Collections.Generic;
using PromQL.Analyzers.Metrics;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class CounterFunctionOverGaugeRuleTests
    {
        private static string[] Spans(string query, string editorconfig = "") =>
            RuleRunner.Texts(query, RuleRunner.Run(CounterFunctionOverGaugeRule.Instance, query, editorconfig));

        private static string? Fixed(string query) =>
            FixPropertiesTests.ApplyReplacement(query, Assert.Single(RuleRunner.Run(CounterFunctionOverGaugeRule.Instance, query, string.Empty)));

        [Theory]
        [InlineData("rate(container_memory_usage_bytes[5m])", "rate")]
        [InlineData("irate(container_memory_usage_bytes{container!=\"\"}[1m])", "irate")]
        [InlineData("sum by (pod) (increase(container_memory_usage_bytes[1h]))", "increase")]
        [InlineData("resets(container_memory_usage_bytes[1h])", "resets")]
        [InlineData("rate(container_network_tcp_usage_total[5m])", "rate")] // a cAdvisor gauge despite its _total
        [InlineData("rate((container_memory_usage_bytes[5m]))", "rate")]
        [InlineData("rate(container_memory_usage_bytes[5m:1m])", "rate")]
        [InlineData("rate({__name__=\"container_memory_usage_bytes\"}[5m])", "rate")]
        [InlineData("rate(container_memory_usage_bytes[5m] offset 1h)", "rate")]
        public void CounterFunctionOverCatalogGauge_Diagnostic(string query, string span) => Assert.Equal(new[] { span }, Spans(query));

        [Fact]
        public void GaugeListedInOptions_Diagnostic() =>
            Assert.Equal(new[] { "rate" }, Spans("rate(myapp_queue_length[5m])", "promql.gauges = myapp_queue_*"));

        [Fact]
        public void GaugeDefinedInTheCompilation_Diagnostic_MessageSaysWhere()
        {
            var definitions = new Dictionary<string, MetricFact>
            {
                ["myapp_inflight"] = new MetricFact(MetricType.Gauge, MetricPart.Whole, "myapp_inflight", MetricFactOrigin.Compilation, "declared as a Gauge in Metrics.cs(12)"),
            };
            var knowledge = MetricKnowledge.WithDefinitions(Configuration.PromQlAnalyzerOptions.Default, definitions);
            var finding = Assert.Single(RuleRunner.Run(CounterFunctionOverGaugeRule.Instance, "rate(myapp_inflight[5m])", knowledge));
            Assert.Equal(new[] { "rate", "myapp_inflight", "declared as a Gauge in Metrics.cs(12)", "use deriv, its gauge equivalent" }, finding.MessageArgs);
        }

        [Fact]
        public void Message_SaysTheCatalogSource()
        {
            var finding = Assert.Single(RuleRunner.Run(CounterFunctionOverGaugeRule.Instance, "increase(container_memory_usage_bytes[1h])", string.Empty));
            Assert.Same(Descriptors.CounterFunctionOverGauge, finding.Descriptor);
            Assert.Equal(new[] { "increase", "container_memory_usage_bytes", "a cAdvisor gauge", "use delta, its gauge equivalent" }, finding.MessageArgs);
        }

        [Theory]
        [InlineData("rate(container_cpu_usage_seconds_total[5m])")] // a counter
        [InlineData("rate(myapp_unknown[5m])")] // nothing known
        [InlineData("rate(myapp_queue_length[5m])")] // a gauge by its name to a reader, but no fact says so
        [InlineData("rate(x_bucket[5m])")]
        [InlineData("deriv(container_memory_usage_bytes[5m])")]
        [InlineData("delta(container_memory_usage_bytes[5m])")]
        [InlineData("changes(container_memory_usage_bytes[5m])")]
        [InlineData("rate(\uE000[5m])")] // the name is a hole
        [InlineData("rate(container_memory_usage_\uE000[5m])")]
        [InlineData("rate({__name__=~\"container_memory_usage_bytes\"}[5m])")] // a regex: not one known name
        [InlineData("rate(sum(container_memory_usage_bytes)[5m:])")] // a subquery of an aggregation: not the selector itself
        [InlineData("rate(\uE000)")]
        public void NotAKnownGauge_NoDiagnostic(string query) => Assert.Empty(Spans(query));

        [Fact]
        public void NameOverriddenAsCounterInOptions_NoDiagnostic() =>
            Assert.Empty(Spans("rate(container_memory_usage_bytes[5m])", "promql.counters = container_memory_usage_bytes"));

        [Theory]
        [InlineData("rate(container_memory_usage_bytes[5m])", "deriv(container_memory_usage_bytes[5m])")]
        [InlineData("irate(container_memory_usage_bytes[1m])", "deriv(container_memory_usage_bytes[1m])")]
        [InlineData("increase(container_memory_usage_bytes[1h])", "delta(container_memory_usage_bytes[1h])")]
        [InlineData("sum(rate(container_memory_usage_bytes[5m:30s] offset 1m))", "sum(deriv(container_memory_usage_bytes[5m:30s] offset 1m))")]
        public void Fix_GaugeEquivalent_RangeAsWritten(string query, string expected) => Assert.Equal(expected, Fixed(query));

        [Fact]
        public void Resets_NoFix_NodeKeysOnly()
        {
            var finding = Assert.Single(RuleRunner.Run(CounterFunctionOverGaugeRule.Instance, "resets(container_memory_usage_bytes[1h])", string.Empty));
            Assert.Equal("NodeEnd=6|NodeStart=0|QueryLength=40", FixPropertiesTests.Describe(finding));
            Assert.Equal("a gauge has no resets to count; use changes() to count its changes", finding.MessageArgs[3]);
        }

        [Fact]
        public void QueryWithErrors_NoProperties()
        {
            var result = Parsing.PromQlParser.Parse("rate(container_memory_usage_bytes[5m])");
            var findings = new List<Finding>();
            CounterFunctionOverGaugeRule.Find(result.Expression!, null, MetricKnowledge.FromOptions(Configuration.PromQlAnalyzerOptions.Default), findings);
            Assert.Empty(Assert.Single(findings).Properties);
        }
    }
}
