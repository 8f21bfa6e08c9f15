using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RenameRemovedCadvisorLabelCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.RenameRemovedCadvisorLabel
{
    /// <summary>PROMQL003's fix: the label renamed in every literal kind, in matchers and grouping clauses, all at once in Fix All; none where a hole or constant holds the name.</summary>
    public class RenameRemovedCadvisorLabelTests
    {
        [Fact]
        public Task RegularString_MatcherRenamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", {|PROMQL003:pod_name|}=\"api\"}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", pod=\"api\"}"
                    """));

        [Fact]
        public Task RegularStringWithUnicodeEscapes_EscapedNameReplaced() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "container_memory_rss{container!='', {|PROMQL003:pod\u005Fname|}='api'}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!='', pod='api'}"
                    """));

        [Fact]
        public Task VerbatimString_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"container_memory_rss{container!="""", {|PROMQL003:container_name|}!=""POD""}"
                    """""),
                Sources.Marked("""""
                    @"container_memory_rss{container!="""", container!=""POD""}"
                    """""));

        [Fact]
        public Task RawString_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """sum by ({|PROMQL003:pod_name|}) (container_memory_rss{container!=""})"""
                    """""),
                Sources.Marked("""""
                    """sum by (pod) (container_memory_rss{container!=""})"""
                    """""));

        [Fact]
        public Task InterpolatedWithHoleInValue_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"container_memory_rss{{container!=\"\", {|PROMQL003:pod_name|}=\"{pod}\"}}"
                    """),
                Sources.Marked("""
                    $"container_memory_rss{{container!=\"\", pod=\"{pod}\"}}"
                    """));

        [Fact]
        public Task Concatenation_NameInSecondPart_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", " + "{|PROMQL003:pod_name|}=\"api\"}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", " + "pod=\"api\"}"
                    """));

        [Fact]
        public Task EveryLabelOfTheQuery_FixAllRenamesThemAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum by ({|PROMQL003:pod_name|}, {|PROMQL003:container_name|}) (container_memory_rss{container!=\"\", {|PROMQL003:container_name|}!=\"POD\"})"
                    """),
                Sources.Marked("""
                    "sum by (pod, container) (container_memory_rss{container!=\"\", container!=\"POD\"})"
                    """));

        [Fact]
        public Task NameRunningAcrossConcatenation_SuffixDeletedInItsPart() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", {|PROMQL003:pod_" + "name|}=\"api\"}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", pod" + "=\"api\"}"
                    """));

        [Fact]
        public Task QuotedLabelName_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "container_memory_rss{container!=\"\", {|PROMQL003:\"pod_name\"|}=\"api\"}"
                """));

        [Fact]
        public async Task WithPodLevelFilterMissing_BothFixesCompose()
        {
            var source = Sources.Marked("\"sum by (pod_name) (container_memory_rss)\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("sum by (pod) (container_memory_rss{container!=\\\"\\\"})", fixedText);
        }

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"container_memory_rss{container!='', pod_name='a'}\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.RemovedCadvisorLabel);
            Assert.NotNull(await RenameRemovedCadvisorLabelCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.ReplaceText),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "x"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, null),
                diagnostic.Properties.SetItem(FixProperties.NodeStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.NodeEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.QueryLength, "1"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await RenameRemovedCadvisorLabelCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }
        }
    }
}
