using System.Collections.Generic;
using System.IO;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Tests.Rules;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Metrics
{
    /// <summary>The order of trust: options, then the compilation's definitions, then the catalog, then the naming convention.</summary>
    public class MetricKnowledgeTests
    {
        private static readonly MetricCatalog TestCatalog = MetricCatalog.Parse(new StringReader(
            "# test\n" +
            "app_queue_length\tgauge\tTestApp\tv1\tqueue\n" +
            "app_requests_total\tcounter\tTestApp\tv1\tcode,method\n" +
            "app_request_duration_seconds\thistogram\tTestApp\tv1\tmethod\n" +
            "app_gc_pause_seconds\tsummary\tTestApp\tv1\t\n" +
            "app_sessions_total\tgauge\tTestApp\tv1\t\n"));

        private static MetricKnowledge Knowledge(string editorconfig = "", Dictionary<string, MetricFact>? definitions = null) =>
            MetricKnowledge.ForTests(RuleRunner.OptionsFrom(editorconfig), definitions, TestCatalog);

        private static T Parse<T>(string name) => (T)System.Enum.Parse(typeof(T), name);

        private static MetricFact Get(MetricKnowledge knowledge, string name)
        {
            Assert.True(knowledge.TryGet(name, out var fact), name + " should be known");
            return fact;
        }

        [Theory]
        [InlineData("app_queue_length", "Gauge", "Whole", "app_queue_length", "a TestApp gauge")]
        [InlineData("app_sessions_total", "Gauge", "Whole", "app_sessions_total", "a TestApp gauge")]
        [InlineData("app_requests_total", "Counter", "Whole", "app_requests_total", "a TestApp counter")]
        [InlineData("app_request_duration_seconds_bucket", "Histogram", "Bucket", "app_request_duration_seconds", "the _bucket series of a TestApp histogram")]
        [InlineData("app_request_duration_seconds_sum", "Histogram", "Sum", "app_request_duration_seconds", "the _sum series of a TestApp histogram")]
        [InlineData("app_request_duration_seconds_count", "Histogram", "Count", "app_request_duration_seconds", "the _count series of a TestApp histogram")]
        [InlineData("app_request_duration_seconds", "Histogram", "Whole", "app_request_duration_seconds", "a TestApp histogram")]
        [InlineData("app_gc_pause_seconds", "Summary", "Whole", "app_gc_pause_seconds", "a TestApp summary")]
        [InlineData("app_gc_pause_seconds_count", "Summary", "Count", "app_gc_pause_seconds", "the _count series of a TestApp summary")]
        public void CatalogName_KnownWithItsFamilyAndSource(string name, string typeName, string partName, string family, string provenance)
        {
            var fact = Get(Knowledge(), name);
            var (type, part) = (Parse<MetricType>(typeName), Parse<MetricPart>(partName));

            Assert.Equal(type, fact.Type);
            Assert.Equal(part, fact.Part);
            Assert.Equal(family, fact.Family);
            Assert.Equal(MetricFactOrigin.Catalog, fact.Origin);
            Assert.Equal(provenance, fact.Provenance);
            Assert.True(fact.IsTypeKnown);
        }

        [Fact]
        public void SummaryBucket_NotASeriesOfTheSummary()
        {
            // A summary has no _bucket series: the name falls through to the convention.
            var fact = Get(Knowledge(), "app_gc_pause_seconds_bucket");

            Assert.Equal(MetricFactOrigin.Convention, fact.Origin);
        }

        [Theory]
        [InlineData("other_requests_total", "Counter", "Whole", "other_requests_total", "named like a counter", true)]
        [InlineData("other_latency_bucket", "Histogram", "Bucket", "other_latency", "named like a histogram's _bucket series", true)]
        [InlineData("other_latency_sum", "Histogram", "Sum", "other_latency", "named like the _sum of a histogram or a summary", false)]
        [InlineData("other_latency_count", "Histogram", "Count", "other_latency", "named like the _count of a histogram or a summary", false)]
        public void UnknownName_ConventionOnly(string name, string typeName, string partName, string family, string provenance, bool typeKnown)
        {
            var fact = Get(Knowledge(), name);
            var (type, part) = (Parse<MetricType>(typeName), Parse<MetricPart>(partName));

            Assert.Equal(MetricFactOrigin.Convention, fact.Origin);
            Assert.Equal(type, fact.Type);
            Assert.Equal(part, fact.Part);
            Assert.Equal(family, fact.Family);
            Assert.Equal(provenance, fact.Provenance);
            Assert.Equal(typeKnown, fact.IsTypeKnown);
        }

        [Theory]
        [InlineData("other_queue_length")]
        [InlineData("_total")]
        [InlineData("_bucket")]
        [InlineData("")]
        public void NameWithNothingKnown_NotKnown(string name)
        {
            Assert.False(Knowledge().TryGet(name, out _));
        }

        [Fact]
        public void OptionsList_OverridesTheCatalog()
        {
            var knowledge = Knowledge("promql.counters = app_queue_length\npromql.gauges = app_requests_total, other_*");

            var queue = Get(knowledge, "app_queue_length");
            var requests = Get(knowledge, "app_requests_total");
            var other = Get(knowledge, "other_sessions_total");

            Assert.Equal((MetricType.Counter, MetricFactOrigin.Options, "listed in promql.counters"), (queue.Type, queue.Origin, queue.Provenance));
            Assert.Equal((MetricType.Gauge, MetricFactOrigin.Options, "listed in promql.gauges"), (requests.Type, requests.Origin, requests.Provenance));
            Assert.Equal((MetricType.Gauge, MetricFactOrigin.Options), (other.Type, other.Origin));
        }

        [Fact]
        public void HistogramListed_CoversItsSeries()
        {
            var knowledge = Knowledge("promql.histograms = myapp_*\npromql.summaries = rpc_latency");

            var bucket = Get(knowledge, "myapp_latency_bucket");
            var native = Get(knowledge, "myapp_latency");
            var count = Get(knowledge, "rpc_latency_count");
            Assert.False(knowledge.TryGet("rpc_latency_bucket", out var rpcBucket) && rpcBucket.Origin == MetricFactOrigin.Options);

            Assert.Equal((MetricType.Histogram, MetricPart.Bucket, "myapp_latency", "the _bucket series of myapp_latency, listed in promql.histograms"), (bucket.Type, bucket.Part, bucket.Family, bucket.Provenance));
            Assert.Equal((MetricType.Histogram, MetricPart.Whole, "myapp_latency"), (native.Type, native.Part, native.Family));
            Assert.Equal((MetricType.Summary, MetricPart.Count, "rpc_latency"), (count.Type, count.Part, count.Family));
        }

        [Fact]
        public void ExactName_BeatsAPrefix_LongerPrefixBeatsShorter()
        {
            var knowledge = Knowledge("promql.gauges = app_*, app_special_total\npromql.counters = app_req*");

            Assert.Equal(MetricType.Counter, Get(knowledge, "app_requests_in_flight").Type);
            Assert.Equal(MetricType.Gauge, Get(knowledge, "app_other").Type);
            Assert.Equal(MetricType.Gauge, Get(knowledge, "app_special_total").Type);
        }

        [Fact]
        public void CompilationDefinition_BetweenOptionsAndCatalog()
        {
            var definitions = new Dictionary<string, MetricFact>
            {
                ["app_queue_length"] = new MetricFact(MetricType.Counter, MetricPart.Whole, "app_queue_length", MetricFactOrigin.Compilation, "declared as a Counter in Metrics.cs(12)"),
            };

            var fromCode = Get(Knowledge(definitions: definitions), "app_queue_length");
            var fromOptions = Get(Knowledge("promql.gauges = app_queue_length", definitions), "app_queue_length");

            Assert.Equal((MetricType.Counter, MetricFactOrigin.Compilation, "declared as a Counter in Metrics.cs(12)"), (fromCode.Type, fromCode.Origin, fromCode.Provenance));
            Assert.Equal((MetricType.Gauge, MetricFactOrigin.Options), (fromOptions.Type, fromOptions.Origin));
        }

        [Theory]
        [InlineData("app_*bad")]
        [InlineData("9lives")]
        [InlineData("*")]
        [InlineData("app-requests")]
        public void BadPattern_AProblemAndTheRestKept(string item)
        {
            var options = PromQlAnalyzerOptions.FromPairs(("promql.gauges", item + ", app_good"));

            var problem = Assert.Single(options.Problems);
            Assert.Equal("promql.gauges", problem.Key);
            Assert.Equal(MetricFactOrigin.Options, Get(MetricKnowledge.FromOptions(options), "app_good").Origin);
        }

        [Fact]
        public void FromOptions_OnePerOptionsInstance()
        {
            var options = PromQlAnalyzerOptions.FromPairs(("promql.gauges", "x"));

            Assert.Same(MetricKnowledge.FromOptions(options), MetricKnowledge.FromOptions(options));
            Assert.Same(MetricKnowledge.FromOptions(options), new QueryContext(PromQlParser.Parse("x"), true, options).Metrics);
        }

        [Fact]
        public void MetricKeys_AreRegisteredOptions()
        {
            foreach (var option in MetricOptions.All)
            {
                Assert.Contains(option, RuleRegistry.Options);
            }
        }

        [Fact]
        public void MalformedCatalogLines_ProblemsNotExceptions()
        {
            var catalog = MetricCatalog.Parse(new StringReader("a\tcounter\tS\tv1\nb\tnotatype\tS\tv1\nc\n\na\tgauge\tS\tv1\n"));

            Assert.Equal(1, catalog.Count);
            Assert.Equal(3, catalog.Problems.Count);
        }
    }
}
