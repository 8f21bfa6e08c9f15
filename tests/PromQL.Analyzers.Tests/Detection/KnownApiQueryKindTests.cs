using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Tests.Analyzer;
using PromQL.Analyzers.Tests.Robustness;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// Each known client API member tells how Prometheus runs what it is given, and that kind is what
    /// <see cref="StringScreening.IsMarked"/> hands the rules (the pipeline passes it to every rule as
    /// <c>QueryContext.Kind</c>; PROMQL101 reads <c>Selector</c>). The stubs are those of
    /// <see cref="KnownQueryApiDetectionTests"/>; the string under test is the one literal <c>rate(up[5m])</c>, written <c>%Q%</c>.
    /// </summary>
    public class KnownApiQueryKindTests
    {
        [Theory]
        // PrometheusQuerySdk
        [InlineData("await sdk.QueryAsync(%Q%, DateTime.Now);", "Instant")]
        [InlineData("await isdk.QueryAsync(query: %Q%, timestamp: DateTime.Now);", "Instant")]
        [InlineData("await sdk.QueryRangeAsync(%Q%, DateTime.Now, DateTime.Now, TimeSpan.Zero, null);", "Range")]
        [InlineData("await isdk.QueryPostAsync(new PrometheusQuerySdk.Models.QueryPostRequest(%Q%, DateTime.Now, null));", "Instant")]
        [InlineData("await isdk.QueryRangePostAsync(new(%Q%, DateTime.Now, DateTime.Now, TimeSpan.Zero, null));", "Range")]
        [InlineData("_ = range with { Query = %Q% };", "Range")]
        [InlineData("await sdk.LabelsAsync(new[] { %Q% }, null, null);", "Selector")]
        [InlineData("await sdk.LabelsPostAsync(new string[] { %Q% }, null, null);", "Selector")]
        [InlineData("await sdk.LabelValueAsync(\"job\", [%Q%], null, null);", "Selector")]
        [InlineData("await sdk.LabelValuePostAsync(\"job\", [%Q%], null, null);", "Selector")]
        [InlineData("await sdk.SeriesAsync([%Q%], null, null);", "Selector")]
        [InlineData("await sdk.SeriesPostAsync(seriesSelectors: [%Q%], start: null, end: null);", "Selector")]
        // Neon.Kube
        [InlineData("await neon.QueryAsync(%Q%);", "Instant")]
        [InlineData("await neon.QueryRangeAsync(%Q%, DateTime.Now, DateTime.Now);", "Range")]
        // Masa, both namespace spellings
        [InlineData("_ = new Masa.Utils.Data.Prometheus.Model.QueryRequest { Query = %Q% };", "Instant")]
        [InlineData("_ = new Masa.Utils.Data.Promethus.Model.QueryRequest { Query = %Q% };", "Instant")]
        [InlineData("_ = new Masa.Utils.Data.Prometheus.Model.QueryRangeRequest { Query = %Q% };", "Range")]
        [InlineData("_ = new Masa.Utils.Data.Prometheus.Model.QueryExemplarRequest { Query = %Q% };", "Exemplars")]
        [InlineData("_ = new Masa.Utils.Data.Prometheus.Model.MetaDataQueryRequest { Match = new[] { %Q% } };", "Selector")]
        [InlineData("_ = new Masa.Utils.Data.Prometheus.Model.LableValueQueryRequest { Match = [%Q%] };", "Selector")]
        // Google Cloud Managed Service for Prometheus
        [InlineData("_ = new Google.Apis.Monitoring.v1.Data.QueryInstantRequest { Query = %Q% };", "Instant")]
        [InlineData("_ = new Google.Apis.Monitoring.v1.Data.QueryRangeRequest { Query = %Q% };", "Range")]
        [InlineData("_ = new Google.Apis.Monitoring.v1.Data.QueryExemplarsRequest { Query = %Q% };", "Exemplars")]
        [InlineData("_ = new Google.Apis.Monitoring.v1.Data.QueryLabelsRequest { Match = %Q% };", "Selector")]
        // One hop through a local keeps the kind; a comment tells none.
        [InlineData("var q = %Q%; await neon.QueryRangeAsync(q, DateTime.Now, DateTime.Now);", "Range")]
        [InlineData("var s = %Q%; await sdk.SeriesAsync(new[] { s }, null, null);", "Selector")]
        [InlineData("_ = /*lang=promql*/ %Q%;", "Unknown")]
        public void KnownMember_KindReachesTheRules(string statement, string kind)
        {
            var (root, facts, model) = Prepare(statement);
            var screening = StringScreening.Of(root, PromQlAnalyzerOptions.Default, facts, CancellationToken.None);

            Assert.NotNull(screening);
            Assert.True(screening.Value.IsMarked(root, facts, model, PromQlAnalyzerOptions.Default, CancellationToken.None, out var found));
            Assert.Equal(kind, found.ToString());
        }

        [Theory]
        [InlineData("await new MyApp.Search.SqlClient().SeriesAsync(new[] { %Q% });")]
        [InlineData("_ = new MyApp.Search.QueryRequest { Query = %Q% };")]
        [InlineData("await sdk.LabelValueAsync(%Q%, new[] { \"up\" }, null, null);")]
        public void SameNamesElsewhere_NotMarked(string statement)
        {
            var (root, facts, model) = Prepare(statement);
            var screening = StringScreening.Of(root, PromQlAnalyzerOptions.Default, facts, CancellationToken.None);

            Assert.False(screening is { } s && s.IsMarked(root, facts, model, PromQlAnalyzerOptions.Default, CancellationToken.None, out _));
        }

        private static (ExpressionSyntax Root, DetectionFacts Facts, SemanticModel Model) Prepare(string statement)
        {
            var source = KnownQueryApiDetectionTests.Stubs + """
                namespace App
                {
                    class C
                    {
                        async Task M(PrometheusQuerySdk.PrometheusClient sdk, PrometheusQuerySdk.IPrometheusClient isdk, Neon.Kube.PrometheusClient neon, PrometheusQuerySdk.Models.QueryRangePostRequest range)
                        {
                """ + "\n" + statement.Replace("%Q%", "\"rate(up[5m])\"", System.StringComparison.Ordinal) + "\n" + """
                        }
                    }
                }
                """;
            var compilation = AnalyzerRun.Compile(source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var tree = compilation.SyntaxTrees[0];
            var root = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>()
                .Single(e => StringExpressions.IsRoot(e) && e is LiteralExpressionSyntax { Token.ValueText: "rate(up[5m])" });
            var epoch = new object();
            return (root, new DetectionFacts(compilation, new DetectionCache(), () => epoch), compilation.GetSemanticModel(tree));
        }
    }
}
