using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.CodeFixes.Tests.Robustness
{
    /// <summary>
    /// A fixer takes its edit from the diagnostic's properties (<see cref="FixProperties"/>). A diagnostic whose
    /// properties are missing (an older analyzer's cache, a host that drops them) or do not fit the string gets no
    /// code action and no Fix All change, and never an exception.
    /// </summary>
    public sealed class MalformedPropertiesTests
    {
        // Every rule with a fix: PROMQL001 on the selector, PROMQL002 on the sum, PROMQL042 on the sort of a range query.
        private static readonly string Source = RemoveSort.RemoveSortTests.InRangeClient("""
            await client.QueryRangeAsync("sum(container_memory_rss{namespace='a', pod='b'})", s, e, step);
            await client.QueryRangeAsync("sort(up)", s, e, step);
            """);

        // PROMQL013 on the sum, PROMQL014 on the quantile, both with a fix (one replacement each).
        private static readonly string ReplacementSource = Sources.Marked("\"histogram_quantile(95, sum by (pod) (rate(x_bucket[5m])))\"");

        [Fact]
        public async Task Replacements_AsReported_OneFixEach_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(ReplacementSource);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            Assert.Equal(new[] { DiagnosticIds.QuantileOutOfRange, DiagnosticIds.HistogramWithoutLe }, diagnostics.Select(d => d.Id).OrderByDescending(id => id, System.StringComparer.Ordinal));
            foreach (var diagnostic in diagnostics)
            {
                Assert.Single(await ActionsAsync(document, diagnostic));
                foreach (var (what, broken) in Broken(diagnostic))
                {
                    var actions = await ActionsAsync(document, broken);
                    Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                }
            }

            var keepLe = diagnostics.Where(d => d.Id == DiagnosticIds.HistogramWithoutLe).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
            var asFraction = diagnostics.Where(d => d.Id == DiagnosticIds.QuantileOutOfRange).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, keepLe, KeepBucketLabelCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, asFraction, QuantileAsFractionCodeFixProvider.ComputeChangesAsync, CancellationToken.None));

            // Each provider refuses the other's diagnostic.
            Assert.Null(await KeepBucketLabelCodeFixProvider.ComputeChangesAsync(document, diagnostics.Single(d => d.Id == DiagnosticIds.QuantileOutOfRange), CancellationToken.None));
            Assert.Null(await QuantileAsFractionCodeFixProvider.ComputeChangesAsync(document, diagnostics.Single(d => d.Id == DiagnosticIds.HistogramWithoutLe), CancellationToken.None));
        }

        [Fact]
        public async Task NetworkContainerMatcher_AsReported_OneFix_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"rate(container_network_receive_bytes_total{pod='a', container!=''}[5m])\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.NetworkContainerFilter);
            Assert.Equal("50", diagnostic.Properties[FixProperties.ReplaceStart]);
            Assert.Single(await ActionsAsync(document, diagnostic));
            var broken = new List<Diagnostic>();
            // Its ReplaceText is empty as reported, so "ReplaceText empty" is the diagnostic itself.
            foreach (var (what, changed) in Broken(diagnostic).Where(b => b.What != FixProperties.ReplaceText + " empty").Concat(new[]
            {
                ("a replacement text", With(diagnostic, diagnostic.Location, diagnostic.Properties.SetItem(FixProperties.ReplaceText, "x"))),
                ("a deletion that takes pod='a' too", With(diagnostic, diagnostic.Location, diagnostic.Properties.SetItem(FixProperties.ReplaceStart, "43"))),
                ("a deletion inside the matcher", With(diagnostic, diagnostic.Location, diagnostic.Properties.SetItem(FixProperties.ReplaceEnd, diagnostic.Properties[FixProperties.NodeStart]))),
            }))
            {
                var actions = await ActionsAsync(document, changed);
                Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                broken.Add(changed);
            }

            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, broken.ToImmutableArray(), RemoveNetworkContainerFilterCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Null(await RemoveNetworkContainerFilterCodeFixProvider.ComputeChangesAsync(document, (await ReportedAsync()).Diagnostics.First(), CancellationToken.None));
        }

        [Theory]
        [InlineData("\"sum(kube_pod_container_resource_requests_cpu_cores{namespace='a'})\"")]
        [InlineData("\"max(kube_hpa_spec_max_replicas{namespace='a', hpa='b'})\"")]
        public async Task KubeStateMetricsV2_AsReported_OneFix_AndNoneWhenBroken(string argument)
        {
            var document = FixHarness.CreateDocument(Sources.Marked(argument));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.RemovedKubeStateMetric);
            Assert.Single(await ActionsAsync(document, diagnostic));
            var p = diagnostic.Properties;
            var broken = new List<Diagnostic>();
            foreach (var (what, changed) in Broken(diagnostic).Concat(new[]
            {
                ("another v1 name's replacement", With(diagnostic, diagnostic.Location, p.SetItem(FixProperties.ReplaceText, "kube_node_status_capacity"))),
                ("an insertion inside the name", With(diagnostic, diagnostic.Location, p.SetItem(FixProperties.InsertAt, "10").SetItem(FixProperties.InsertText, "x"))),
                ("a label rename elsewhere", With(diagnostic, diagnostic.Location, p.SetItem(FixProperties.RenameLabelsAt, "12"))),
                ("a label rename list that does not read", With(diagnostic, diagnostic.Location, p.SetItem(FixProperties.RenameLabelsAt, "1,,x"))),
            }))
            {
                var actions = await ActionsAsync(document, changed);
                Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                broken.Add(changed);
            }

            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, broken.ToImmutableArray(), UseKubeStateMetricsV2CodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Null(await UseKubeStateMetricsV2CodeFixProvider.ComputeChangesAsync(document, (await ReportedAsync()).Diagnostics.First(), CancellationToken.None));
        }

        [Fact]
        public async Task AsReported_OneFixEach()
        {
            var (document, diagnostics) = await ReportedAsync();
            Assert.Equal(new[] { DiagnosticIds.RedundantSum, DiagnosticIds.ContainerFilterMissing, DiagnosticIds.SortInRangeQuery }, diagnostics.Select(d => d.Id));
            foreach (var diagnostic in diagnostics)
            {
                Assert.Single(await ActionsAsync(document, diagnostic));
            }
        }

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoCodeAction()
        {
            var (document, diagnostics) = await ReportedAsync();
            foreach (var diagnostic in diagnostics)
            {
                foreach (var (what, broken) in Broken(diagnostic))
                {
                    var actions = await ActionsAsync(document, broken);
                    Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                }
            }
        }

        [Fact]
        public async Task PropertiesMissingOrMalformed_FixAllChangesNothing()
        {
            var (document, diagnostics) = await ReportedAsync();
            var addFilter = diagnostics.Where(d => d.Id == DiagnosticIds.ContainerFilterMissing).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
            var removeSum = diagnostics.Where(d => d.Id == DiagnosticIds.RedundantSum).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();

            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, addFilter, AddContainerFilterCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, removeSum, RemoveRedundantSumCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            var removeSort = diagnostics.Where(d => d.Id == DiagnosticIds.SortInRangeQuery).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, removeSort, RemoveSortCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
        }

        [Fact]
        public async Task AnotherRulesDiagnostic_NoChanges()
        {
            var (document, diagnostics) = await ReportedAsync();
            var filter = diagnostics.Single(d => d.Id == DiagnosticIds.ContainerFilterMissing);
            var sum = diagnostics.Single(d => d.Id == DiagnosticIds.RedundantSum);

            Assert.Null(await RemoveRedundantSumCodeFixProvider.ComputeChangesAsync(document, filter, CancellationToken.None));
            Assert.Null(await AddContainerFilterCodeFixProvider.ComputeChangesAsync(document, sum, CancellationToken.None));
            Assert.Null(await RemoveSortCodeFixProvider.ComputeChangesAsync(document, sum, CancellationToken.None));
            Assert.Null(await RemoveRedundantSumCodeFixProvider.ComputeChangesAsync(document, diagnostics.Single(d => d.Id == DiagnosticIds.SortInRangeQuery), CancellationToken.None));
        }

        /// <summary>The diagnostic with each of its properties missing, unreadable or out of place, and at another location.</summary>
        private static IEnumerable<(string What, Diagnostic Diagnostic)> Broken(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            var location = diagnostic.Location;
            yield return ("no properties", With(diagnostic, location, ImmutableDictionary<string, string?>.Empty));
            yield return ("no location", With(diagnostic, Location.None, properties));
            var span = location.SourceSpan;
            yield return ("a shifted location", With(diagnostic, Location.Create(location.SourceTree!, new TextSpan(span.Start + 1, span.Length)), properties));

            foreach (var key in properties.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
            {
                yield return (key + " missing", With(diagnostic, location, properties.Remove(key)));
                yield return (key + " null", With(diagnostic, location, properties.SetItem(key, null)));
                yield return (key + " empty", With(diagnostic, location, properties.SetItem(key, string.Empty)));
                if (key == FixProperties.InsertText)
                {
                    continue;
                }

                foreach (var value in new[] { "x", "-1", "1.5", "2147483648", "999999" })
                {
                    yield return ($"{key}={value}", With(diagnostic, location, properties.SetItem(key, value)));
                }
            }

            // Offsets that read but do not fit: the node elsewhere, the text another length, the operand outside the sum.
            yield return ("NodeStart shifted", Shifted(diagnostic, FixProperties.NodeStart, 1));
            yield return ("NodeEnd shifted", Shifted(diagnostic, FixProperties.NodeEnd, -1));
            yield return ("QueryLength shifted", Shifted(diagnostic, FixProperties.QueryLength, 1));
            if (properties.ContainsKey(FixProperties.OperandStart))
            {
                var nodeEnd = int.Parse(properties[FixProperties.NodeEnd]!, System.Globalization.CultureInfo.InvariantCulture);
                yield return ("operand reversed", With(diagnostic, location, properties
                    .SetItem(FixProperties.OperandStart, properties[FixProperties.OperandEnd])
                    .SetItem(FixProperties.OperandEnd, properties[FixProperties.OperandStart])));
                yield return ("operand past the node", With(diagnostic, location, properties.SetItem(FixProperties.OperandEnd, FixProperties.Offset(nodeEnd + 1))));
            }

            if (properties.ContainsKey(FixProperties.ReplaceStart))
            {
                yield return ("replacement reversed", With(diagnostic, location, properties
                    .SetItem(FixProperties.ReplaceStart, FixProperties.Offset(int.Parse(properties[FixProperties.ReplaceEnd]!, System.Globalization.CultureInfo.InvariantCulture) + 1))));
                yield return ("replacement before the node", With(diagnostic, location, properties.SetItem(FixProperties.ReplaceStart, "0")));
            }
        }

        private static Diagnostic Shifted(Diagnostic diagnostic, string key, int by)
        {
            var value = int.Parse(diagnostic.Properties[key]!, System.Globalization.CultureInfo.InvariantCulture) + by;
            return With(diagnostic, diagnostic.Location, diagnostic.Properties.SetItem(key, FixProperties.Offset(value)));
        }

        private static Diagnostic With(Diagnostic diagnostic, Location location, ImmutableDictionary<string, string?> properties) =>
            Diagnostic.Create(diagnostic.Descriptor, location, properties);

        private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> ReportedAsync()
        {
            var document = FixHarness.CreateDocument(Source);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            return (document, diagnostics);
        }

        private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            foreach (var provider in FixHarness.Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            return actions;
        }
    }
}
