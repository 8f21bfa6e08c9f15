using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using Xunit;

namespace PromQL.Analyzers.Tests.Metrics
{
    /// <summary>
    /// Metrics the compilation defines itself (issue 15): prometheus-net's and System.Diagnostics.Metrics' calls, read
    /// with the semantic model, named as Prometheus stores them, above the catalog, and kept per declaration epoch.
    /// </summary>
    public class CompilationMetricsTests
    {
        // prometheus-net's surface as its assembly declares it (namespace Prometheus): the tests need no package.
        private const string PrometheusNet = """
            namespace Prometheus
            {
                public sealed class Counter { }
                public sealed class Gauge { }
                public sealed class Histogram { }
                public sealed class Summary { }
                public sealed class CounterConfiguration { public string[] LabelNames { get; set; } }
                public interface IMetricFactory
                {
                    Counter CreateCounter(string name, string help, CounterConfiguration configuration = null);
                    Gauge CreateGauge(string name, string help, params string[] labelNames);
                    Histogram CreateHistogram(string name, string help, params string[] labelNames);
                    Summary CreateSummary(string name, string help, params string[] labelNames);
                }
                public static class Metrics
                {
                    public static Counter CreateCounter(string name, string help, CounterConfiguration configuration = null) => null;
                    public static Gauge CreateGauge(string name, string help, params string[] labelNames) => null;
                    public static Histogram CreateHistogram(string name, string help, params string[] labelNames) => null;
                    public static Summary CreateSummary(string name, string help, params string[] labelNames) => null;
                    public static IMetricFactory WithCustomRegistry(object registry) => null;
                }
            }
            """;

        private const string AppMetrics = """
            using System.Diagnostics.Metrics;
            using Prometheus;

            static class Names
            {
                public const string Queue = "jobs_queue_depth";
            }

            class AppMetrics
            {
                static readonly Counter Requests = Metrics.CreateCounter("myapp_requests_total", "Requests.");
                static readonly Gauge Queue = Metrics.CreateGauge(Names.Queue, "Jobs waiting.");
                static readonly Gauge Connected = Metrics.CreateGauge("myapp_sources_connected_total", "A gauge named like a counter.");
                static readonly Histogram Latency = Metrics.CreateHistogram("myapp_latency_seconds", "Latency.");
                static readonly Summary Sizes = Metrics.CreateSummary(help: "Sizes.", name: "myapp_sizes_bytes");

                private readonly Counter<long> _orders;
                private readonly UpDownCounter<int> _active;
                private readonly Histogram<double> _duration;

                public AppMetrics(Meter meter, IMetricFactory factory, string dynamic)
                {
                    _orders = meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders placed.");
                    _active = meter.CreateUpDownCounter<int>(unit: "{session}", name: "shop.sessions.active");
                    _duration = meter.CreateHistogram<double>("shop.checkout.duration", "s");
                    meter.CreateObservableGauge("shop.cache.size", () => 42L, "By");
                    meter.CreateObservableCounter<long>("shop.gc.collections", () => 1L);
                    factory.CreateCounter("myapp_factory_events_total", "From a factory.");
                    Metrics.CreateCounter(dynamic, "Not a constant: no fact.");
                }
            }
            """;

        [Theory]
        [InlineData("myapp_requests_total", "Counter", "Whole", "declared as a prometheus-net Counter in AppMetrics.cs")]
        [InlineData("jobs_queue_depth", "Gauge", "Whole", "declared as a prometheus-net Gauge in AppMetrics.cs")]
        [InlineData("myapp_sources_connected_total", "Gauge", "Whole", "declared as a prometheus-net Gauge in AppMetrics.cs")]
        [InlineData("myapp_latency_seconds_bucket", "Histogram", "Bucket", "the _bucket series of a metric declared as a prometheus-net Histogram in AppMetrics.cs")]
        [InlineData("myapp_sizes_bytes", "Summary", "Whole", "declared as a prometheus-net Summary in AppMetrics.cs")]
        [InlineData("myapp_sizes_bytes_count", "Summary", "Count", "the _count series of a metric declared as a prometheus-net Summary in AppMetrics.cs")]
        [InlineData("myapp_factory_events_total", "Counter", "Whole", "declared as a prometheus-net Counter in AppMetrics.cs")]
        [InlineData("shop_orders_placed_total", "Counter", "Whole", "declared as a System.Diagnostics.Metrics Counter (a counter in Prometheus) in AppMetrics.cs")]
        [InlineData("shop_sessions_active", "Gauge", "Whole", "declared as a System.Diagnostics.Metrics UpDownCounter (a gauge in Prometheus) in AppMetrics.cs")]
        [InlineData("shop_checkout_duration_seconds_bucket", "Histogram", "Bucket", "the _bucket series of a metric declared as a System.Diagnostics.Metrics Histogram in AppMetrics.cs")]
        [InlineData("shop.checkout.duration_seconds_sum", "Histogram", "Sum", "the _sum series of a metric declared as a System.Diagnostics.Metrics Histogram in AppMetrics.cs")]
        [InlineData("shop_cache_size_bytes", "Gauge", "Whole", "declared as a System.Diagnostics.Metrics ObservableGauge (a gauge in Prometheus) in AppMetrics.cs")]
        [InlineData("shop_gc_collections_total", "Counter", "Whole", "declared as a System.Diagnostics.Metrics ObservableCounter (a counter in Prometheus) in AppMetrics.cs")]
        public void DefinitionsInTheCompilation_AreFacts(string series, string type, string part, string provenance)
        {
            var knowledge = KnowledgeOf(Compile(PrometheusNet, AppMetrics));

            Assert.True(knowledge.TryGet(series, out var fact), series);
            Assert.Equal(MetricFactOrigin.Compilation, fact.Origin);
            Assert.Equal(type, fact.Type.ToString());
            Assert.Equal(part, fact.Part.ToString());
            Assert.Equal(provenance, fact.Provenance);
        }

        [Fact]
        public void GaugeNamedLikeACounter_DefinitionBeatsTheConvention()
        {
            var knowledge = KnowledgeOf(Compile(PrometheusNet, AppMetrics));

            Assert.True(knowledge.TryGet("myapp_sources_connected_total", out var fact));
            Assert.Equal(MetricType.Gauge, fact.Type);
            Assert.True(MetricKnowledge.FromOptions(PromQlAnalyzerOptions.Default).TryGet("myapp_sources_connected_total", out var convention));
            Assert.Equal(MetricFactOrigin.Convention, convention.Origin);
        }

        [Theory]
        [InlineData("shop.orders.placed")]
        [InlineData("shop_orders_placed_order_total")]
        [InlineData("myapp_latency_seconds_total")]
        public void NamesNoExporterWrites_AreNotDefinitions(string series)
        {
            var knowledge = KnowledgeOf(Compile(PrometheusNet, AppMetrics));

            Assert.False(knowledge.TryGet(series, out var fact) && fact.Origin == MetricFactOrigin.Compilation, series);
        }

        [Fact]
        public void OptionsBeatDefinitions()
        {
            var options = PromQlAnalyzerOptions.FromPairs((MetricOptions.Counters.Key, "jobs_queue_depth"));
            var knowledge = KnowledgeOf(Compile(PrometheusNet, AppMetrics), options);

            Assert.True(knowledge.TryGet("jobs_queue_depth", out var fact));
            Assert.Equal(MetricFactOrigin.Options, fact.Origin);
            Assert.Equal(MetricType.Counter, fact.Type);
        }

        [Fact]
        public void SameNameWithTwoTypes_IsNoFact()
        {
            var source = """
                using Prometheus;

                class Twice
                {
                    static readonly Counter A = Metrics.CreateCounter("work_items", "As a counter.");
                    static readonly Gauge B = Metrics.CreateGauge("work_items", "As a gauge.");
                }
                """;
            var knowledge = KnowledgeOf(Compile(PrometheusNet, source));

            Assert.False(knowledge.TryGet("work_items", out _));
        }

        [Fact]
        public void UserMethodsOfTheSameName_AreNotDefinitions()
        {
            var source = """
                class Telemetry
                {
                    public static int CreateCounter(string name, string help) => 0;
                    public int CreateGauge<T>(string name, string unit = null) => 0;

                    void M()
                    {
                        CreateCounter("users_gauge_value", "Not prometheus-net.");
                        CreateGauge<long>("users.other");
                    }
                }
                """;
            var knowledge = KnowledgeOf(Compile(source));

            Assert.False(knowledge.TryGet("users_gauge_value", out _));
            Assert.False(knowledge.TryGet("users_other", out _));
        }

        [Fact]
        public void BrokenCode_NoFactsAndNoException()
        {
            var source = """
                using Prometheus;
                using System.Diagnostics.Metrics;

                class Broken
                {
                    void M(Meter meter)
                    {
                        Metrics.CreateCounter(
                        meter.CreateCounter<>("x.y");
                        meter.CreateHistogram<double>(name: );
                        Unknown.CreateGauge("z", "help");
                    }
                }
                """;
            var knowledge = KnowledgeOf(Compile(PrometheusNet, source));

            // A half-typed call the compiler still binds to Meter.CreateCounter (x.y) may define its metric; what does not bind does not.
            Assert.False(knowledge.TryGet("z", out _));
            Assert.True(knowledge.TryGet("z_total", out var convention));
            Assert.Equal(MetricFactOrigin.Convention, convention.Origin);
        }

        [Fact]
        public void BodyEditThatChangesADefinition_NewFactsInTheNextCompilation()
        {
            var cache = new AnalysisCache();
            var trees = Parse(PrometheusNet, AppMetrics);
            var first = cache.Start(Compile(trees)).Detection.MetricsFor(PromQlAnalyzerOptions.Default);
            Assert.True(first.TryGet("shop_sessions_active", out var before));
            Assert.Equal(MetricType.Gauge, before.Type);

            var edited = Edit(trees[1], "meter.CreateUpDownCounter<int>(", "meter.CreateCounter<int>(");
            var second = cache.Start(Compile(trees[0], edited)).Detection.MetricsFor(PromQlAnalyzerOptions.Default);

            Assert.True(second.TryGet("shop_sessions_active_total", out var after));
            Assert.Equal(MetricType.Counter, after.Type);

            // The name without _total is the exporter's with its _total suffix turned off: a counter now too.
            Assert.True(second.TryGet("shop_sessions_active", out var renamed));
            Assert.Equal(MetricType.Counter, renamed.Type);
        }

        [Theory]
        [InlineData("_orders = meter", "this._orders = meter")]
        [InlineData("() => 42L", "() => 43L")]
        public void BodyEditThatKeepsTheDefinitions_SameKnowledge(string before, string after)
        {
            var cache = new AnalysisCache();
            var trees = Parse(PrometheusNet, AppMetrics);
            var first = cache.Start(Compile(trees)).Detection.MetricsFor(PromQlAnalyzerOptions.Default);

            var second = cache.Start(Compile(trees[0], Edit(trees[1], before, after))).Detection.MetricsFor(PromQlAnalyzerOptions.Default);

            Assert.Same(first, second);
        }

        [Fact]
        public void NoDefinitions_KnowledgeIsTheOptionsOwn()
        {
            var knowledge = KnowledgeOf(Compile("class C { }"));

            Assert.Same(MetricKnowledge.FromOptions(PromQlAnalyzerOptions.Default), knowledge);
        }

        private static MetricKnowledge KnowledgeOf(Compilation compilation, PromQlAnalyzerOptions? options = null) =>
            new AnalysisCache().Start(compilation).Detection.MetricsFor(options ?? PromQlAnalyzerOptions.Default);

        private static SyntaxTree[] Parse(params string[] sources) =>
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: i == 0 ? "PrometheusNet.cs" : i == 1 ? "AppMetrics.cs" : "File" + i + ".cs")).ToArray();

        private static Compilation Compile(params string[] sources) => Compile(Parse(sources));

        private static Compilation Compile(params SyntaxTree[] trees) =>
            CSharpCompilation.Create("metrics", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static SyntaxTree Edit(SyntaxTree tree, string before, string after)
        {
            var text = tree.GetText();
            var at = text.ToString().IndexOf(before, System.StringComparison.Ordinal);
            Assert.True(at >= 0, before);
            return tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, before.Length), after)));
        }
    }
}
