using System.Linq;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>The options object is the results cache's key as it is: equal values, equal options; any changed value, not.</summary>
    public class OptionsEqualityTests
    {
        [Fact]
        public void ReadTwiceFromTheSameValues_Equal()
        {
            var first = PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "container_cpu_"), ("promql.query_methods", "Api.Run(q)"));
            var second = PromQlAnalyzerOptions.FromPairs(("promql.query_methods", " Api.Run(q) "), ("promql.watched_metric_prefixes", "container_cpu_,"));

            Assert.NotSame(first, second);
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        }

        [Fact]
        public void NoKeySet_EqualsDefault()
        {
            Assert.Equal(PromQlAnalyzerOptions.Default, PromQlAnalyzerOptions.FromPairs());
            Assert.Equal(PromQlAnalyzerOptions.Default, PromQlAnalyzerOptions.FromPairs(("promql.detect_by_content", "true")));
        }

        [Theory]
        [InlineData("promql.watched_metric_prefixes", "container_cpu_")]
        [InlineData("promql.require_container_filter", "true")]
        [InlineData("promql.query_methods", "Api.Run")]
        [InlineData("promql.detect_by_content", "false")]
        public void AnyKeyChanged_NotEqual(string key, string value)
        {
            Assert.NotEqual(PromQlAnalyzerOptions.Default, PromQlAnalyzerOptions.FromPairs((key, value)));
        }

        [Fact]
        public void PrefixOrder_Matters()
        {
            // The order decides which prefix a message names first; options that read differently are different keys.
            Assert.NotEqual(
                PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "container_cpu_, container_fs_")),
                PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "container_fs_, container_cpu_")));
        }

        [Fact]
        public void TypedValues_ReadThroughTheirDefinitions()
        {
            var options = PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "container_cpu_"), ("promql.detect_by_content", "false"));

            Assert.Equal(
                CadvisorOptions.DefaultWatchedPrefixes.Concat(CadvisorOptions.DefaultWatchedNames).Append("container_cpu_").ToArray(),
                options.WatchedPrefixes.ToArray());
            Assert.Equal(new[] { "container_cpu_" }, options.Get(CadvisorOptions.WatchedMetricPrefixes).ToArray());
            Assert.False(options.Get(DetectionOptions.DetectByContent));
            Assert.Equal(options.WatchedPrefixes.ToArray(), options.ContentTriggers.ToArray());
        }

        [Fact]
        public void EveryRegisteredKey_IsPromqlPrefixedAndUnique()
        {
            var keys = new System.Collections.Generic.HashSet<string>();
            foreach (var option in RuleRegistry.Options)
            {
                Assert.StartsWith("promql.", option.Key, System.StringComparison.Ordinal);
                Assert.True(keys.Add(option.Key), option.Key + " is declared twice");
                Assert.False(string.IsNullOrWhiteSpace(option.Description));
            }
        }
    }
}
