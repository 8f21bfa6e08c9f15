using PromQL.Analyzers.Metrics;
using Xunit;

namespace PromQL.Analyzers.Tests.Metrics
{
    /// <summary>The embedded catalog loads through the real loader and knows the facts the rules rely on.</summary>
    public class ShippedCatalogTests
    {
        [Theory]
        [InlineData("container_memory_failcnt", "Counter", "a cAdvisor counter")]
        [InlineData("container_network_tcp_usage_total", "Gauge", "a cAdvisor gauge")]
        [InlineData("container_memory_working_set_bytes", "Gauge", "a cAdvisor gauge")]
        [InlineData("container_cpu_usage_seconds_total", "Counter", "a cAdvisor counter")]
        public void KnownFact_FromTheShippedCatalog(string name, string typeName, string provenance)
        {
            Assert.True(MetricCatalog.Shipped.TryGet(name, out var fact), name);
            var type = (MetricType)System.Enum.Parse(typeof(MetricType), typeName);

            Assert.Equal(type, fact.Type);
            Assert.Equal(MetricFactOrigin.Catalog, fact.Origin);
            Assert.Equal(provenance, fact.Provenance);
        }

        [Fact]
        public void ShippedCatalog_LoadsWithoutProblems()
        {
            Assert.Empty(MetricCatalog.Shipped.Problems);
            Assert.True(MetricCatalog.Shipped.Count > 0);
            Assert.Same(MetricCatalog.Shipped, MetricCatalog.Shipped);
        }
    }
}
