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

        // PROMQL041 on a double hole of a plain $"…", with its two fixes (the hole, the whole string).
        private static readonly string HoleSource = InvariantNumber.InvariantNumberSources.InMethod("""
            Run($"histogram_quantile({q}, rate(x_bucket[5m]))");
            """);

        [Fact]
        public async Task InvariantNumber_AsReported_TwoFixes_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(HoleSource);
            var diagnostic = Assert.Single(await FixHarness.GetDiagnosticsAsync(document));
            Assert.Equal(DiagnosticIds.CultureSensitiveNumber, diagnostic.Id);
            Assert.Equal(2, (await ActionsAsync(document, diagnostic)).Count);
            foreach (var (what, broken) in Broken(diagnostic))
            {
                // Each fix has its own key: with one broken, the other fix may stay; with anything else broken, neither.
                var holeBroken = !what.StartsWith(FixProperties.InvariantString, System.StringComparison.Ordinal);
                var stringBroken = !what.StartsWith(FixProperties.InvariantHole, System.StringComparison.Ordinal);
                var hole = await QueryFixAllProvider.MergeAsync(document, ImmutableArray.Create(broken), InvariantHoleCodeFixProvider.ComputeChangesAsync, CancellationToken.None);
                var whole = await QueryFixAllProvider.MergeAsync(document, ImmutableArray.Create(broken), InvariantStringCodeFixProvider.ComputeChangesAsync, CancellationToken.None);
                Assert.True(!holeBroken || hole.Count == 0, $"{diagnostic.Id} with {what}: the hole fix still changes the code");
                Assert.True(!stringBroken || whole.Count == 0, $"{diagnostic.Id} with {what}: the string fix still changes the code");
                Assert.Equal((holeBroken ? 0 : 1) + (stringBroken ? 0 : 1), (await ActionsAsync(document, broken)).Count);
            }

            // Another rule's fixer is given nothing to do.
            Assert.Null(await RemoveSortCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
        }

        [Fact]
        public async Task ConvertHoleValue_AsReported_OneFix_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(InvariantNumber.InvariantNumberSources.InMethod("""
                System.TimeSpan w = default;
                Run($"rate(x[{w}])");
                """));
            var diagnostic = Assert.Single(await FixHarness.GetDiagnosticsAsync(document));
            Assert.Equal(DiagnosticIds.ValueNotPromQl, diagnostic.Id);
            Assert.Single(await ActionsAsync(document, diagnostic));
            foreach (var (what, broken) in Broken(diagnostic))
            {
                Assert.True((await ActionsAsync(document, broken)).Count == 0, $"{diagnostic.Id} with {what}: a code action");
                Assert.Empty(await QueryFixAllProvider.MergeAsync(document, ImmutableArray.Create(broken), ConvertHoleValueCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            }

            Assert.Null(await InvariantHoleCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
        }

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

        // PROMQL020 on a, PROMQL021 on b, PROMQL022 on c (an equality) and d (a removal), PROMQL023 on e (a regex) and f (a glob), each with a fix.
        private static readonly string SelectorSource = Sources.Marked("\"up{a=~'x', b=~'^y.*$', c=~'.+', d=~'.*', e='5..', f!='api-*'}\"");

        [Fact]
        public async Task SelectorFixes_AsReported_OneFixEach_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(SelectorSource);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            Assert.Equal(
                new[] { DiagnosticIds.RegexWithoutMetacharacters, DiagnosticIds.RedundantAnchors, DiagnosticIds.TrivialRegexMatcher, DiagnosticIds.TrivialRegexMatcher, DiagnosticIds.EqualityWithRegexValue, DiagnosticIds.EqualityWithRegexValue },
                diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
            foreach (var diagnostic in diagnostics)
            {
                Assert.Single(await ActionsAsync(document, diagnostic));
                foreach (var (what, broken) in Broken(diagnostic))
                {
                    var actions = await ActionsAsync(document, broken);
                    Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                }
            }

            foreach (var (id, compute) in new (string, System.Func<Document, Diagnostic, CancellationToken, Task<IReadOnlyList<TextChange>?>>)[]
            {
                (DiagnosticIds.RegexWithoutMetacharacters, RegexAsEqualityCodeFixProvider.ComputeChangesAsync),
                (DiagnosticIds.RedundantAnchors, RemoveRedundantAnchorsCodeFixProvider.ComputeChangesAsync),
                (DiagnosticIds.TrivialRegexMatcher, SimplifyRegexMatcherCodeFixProvider.ComputeChangesAsync),
                (DiagnosticIds.EqualityWithRegexValue, UseRegexMatcherCodeFixProvider.ComputeChangesAsync),
            })
            {
                var broken = diagnostics.Where(d => d.Id == id).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
                Assert.Empty(await QueryFixAllProvider.MergeAsync(document, broken, compute, CancellationToken.None));

                // Each provider refuses the others' diagnostics.
                foreach (var other in diagnostics.Where(d => d.Id != id))
                {
                    Assert.Null(await compute(document, other, CancellationToken.None));
                }
            }
        }

        // PROMQL031 on an equality (with the operator's offset) and on a regex alternative (without it).
        private static readonly string IntegerBucketSource = Sources.Marked("\"foo_bucket{le='1'} + bar_bucket{le=~'0.5|10'}\"");

        [Fact]
        public async Task IntegerBucketValues_AsReported_OneFixEach_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(IntegerBucketSource);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            Assert.Equal(new[] { DiagnosticIds.IntegerBucketValue, DiagnosticIds.IntegerBucketValue }, diagnostics.Select(d => d.Id));
            Assert.Contains(diagnostics, d => d.Properties.ContainsKey(FixProperties.RegexOperatorAt));
            Assert.Contains(diagnostics, d => !d.Properties.ContainsKey(FixProperties.RegexOperatorAt));
            foreach (var diagnostic in diagnostics)
            {
                Assert.Single(await ActionsAsync(document, diagnostic));
                foreach (var (what, broken) in Broken(diagnostic))
                {
                    var actions = await ActionsAsync(document, broken);
                    Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                }
            }

            var all = diagnostics.SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, all, MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync, CancellationToken.None));

            // The equality's diagnostic told that it is a regex (no operator offset) leaves "=" with a regex's text: refused.
            var equality = diagnostics.Single(d => d.Properties.ContainsKey(FixProperties.RegexOperatorAt));
            Assert.Null(await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(
                document, With(equality, equality.Location, equality.Properties.Remove(FixProperties.RegexOperatorAt)), CancellationToken.None));
            Assert.Null(await KeepBucketLabelCodeFixProvider.ComputeChangesAsync(document, equality, CancellationToken.None));
        }

        [Fact]
        public async Task RenamedFunction_AsReported_OneFix_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"1 + holt_winters(a[5m], 0.3, 0.1)\""));
            var diagnostic = Assert.Single(await FixHarness.GetDiagnosticsAsync(document));
            Assert.Equal(DiagnosticIds.RenamedFunction, diagnostic.Id);
            Assert.Single(await ActionsAsync(document, diagnostic));
            foreach (var (what, broken) in Broken(diagnostic))
            {
                var actions = await ActionsAsync(document, broken);
                Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
            }

            var all = Broken(diagnostic).Select(b => b.Diagnostic).ToImmutableArray();
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, all, RenameFunctionCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Null(await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
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

        // PROMQL010 on rate, PROMQL011 on delta, PROMQL012 on the raw counter, PROMQL015 on the rate of a sum, each with a fix.
        private static readonly string MetricTypeSource = Sources.Marked(
            "\"x + rate(node_load1[5m]) + delta(node_cpu_seconds_total[5m]) + node_cpu_seconds_total + rate(sum(myapp_requests_total)[5m:])\"");

        [Fact]
        public async Task MetricTypeRules_AsReported_OneFixEach_AndNoneWhenBroken()
        {
            var document = FixHarness.CreateDocument(MetricTypeSource);
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            Assert.Equal(
                new[] { DiagnosticIds.CounterFunctionOverGauge, DiagnosticIds.GaugeFunctionOverCounter, DiagnosticIds.CounterReadRaw, DiagnosticIds.CounterFunctionOverAggregation },
                diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
            foreach (var diagnostic in diagnostics)
            {
                Assert.Single(await ActionsAsync(document, diagnostic));
                foreach (var (what, broken) in Broken(diagnostic))
                {
                    var actions = await ActionsAsync(document, broken);
                    Assert.True(actions.Count == 0, $"{diagnostic.Id} with {what}: {actions.Count} code action(s)");
                }
            }

            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, BrokenOf(diagnostics, DiagnosticIds.CounterFunctionOverGauge), UseGaugeFunctionCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, BrokenOf(diagnostics, DiagnosticIds.GaugeFunctionOverCounter), UseCounterFunctionCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, BrokenOf(diagnostics, DiagnosticIds.CounterReadRaw), WrapCounterInRateCodeFixProvider.ComputeChangesAsync, CancellationToken.None));
            Assert.Empty(await QueryFixAllProvider.MergeAsync(document, BrokenOf(diagnostics, DiagnosticIds.CounterFunctionOverAggregation), RateBeforeAggregationCodeFixProvider.ComputeChangesAsync, CancellationToken.None));

            // Each provider refuses the others' diagnostics.
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id != DiagnosticIds.CounterFunctionOverGauge)
                {
                    Assert.Null(await UseGaugeFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                }

                if (diagnostic.Id != DiagnosticIds.GaugeFunctionOverCounter)
                {
                    Assert.Null(await UseCounterFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                }

                if (diagnostic.Id != DiagnosticIds.CounterReadRaw)
                {
                    Assert.Null(await WrapCounterInRateCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                }

                if (diagnostic.Id != DiagnosticIds.CounterFunctionOverAggregation)
                {
                    Assert.Null(await RateBeforeAggregationCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
                }
            }
        }

        private static ImmutableArray<Diagnostic> BrokenOf(ImmutableArray<Diagnostic> diagnostics, string id) =>
            diagnostics.Where(d => d.Id == id).SelectMany(d => Broken(d).Select(b => b.Diagnostic)).ToImmutableArray();

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
                if (properties[key] is not { Length: 0 })
                {
                    // An edit that inserts nothing already has the empty text: not a broken value.
                    yield return (key + " empty", With(diagnostic, location, properties.SetItem(key, string.Empty)));
                }
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
