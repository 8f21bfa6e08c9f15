using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveRedundantAnchorsCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.SelectorFixes
{
    /// <summary>PROMQL021's fix in every literal kind: the ^ and the $ deleted where they stand as themselves; none where an escape or a hole writes them.</summary>
    public class RemoveRedundantAnchorsTests
    {
        [Fact]
        public Task RegularString_BothAnchorsDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL021:job=~\"^api-.*$\"|}}"
                    """),
                Sources.Marked("""
                    "up{job=~\"api-.*\"}"
                    """));

        [Fact]
        public Task RegularString_EscapedDotKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL021:instance=~\"^10\\\\.0\\\\..*\"|}}"
                    """),
                Sources.Marked("""
                    "up{instance=~\"10\\\\.0\\\\..*\"}"
                    """));

        [Fact]
        public Task VerbatimString_TrailingAnchorDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"up{{|PROMQL021:job!~""api-.*$""|}}"
                    """""),
                Sources.Marked("""""
                    @"up{job!~""api-.*""}"
                    """""));

        [Fact]
        public Task RawString_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL021:job=~`^(a|b)$`|}}"""
                    """""),
                Sources.Marked("""""
                    """up{job=~`(a|b)`}"""
                    """""));

        [Fact]
        public Task InterpolatedWithHoleElsewhere_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"up{{pod=\"{pod}\", {|PROMQL021:job=~'^api.*'|}}}"
                    """),
                Sources.Marked("""
                    $"up{{pod=\"{pod}\", job=~'api.*'}}"
                    """));

        [Fact]
        public Task EveryMatcher_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "x{{|PROMQL021:a=~'^a.*$'|}, {|PROMQL021:b!~'b+$'|}} / y{{|PROMQL021:c=~'^c|d'|}}"
                    """).Replace("'^c|d'", "'^(c|d)'", System.StringComparison.Ordinal),
                Sources.Marked("""
                    "x{a=~'a.*', b!~'b+'} / y{c=~'(c|d)'}"
                    """));

        [Fact]
        public Task CSharpEscapeWritesTheAnchor_EscapeDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL021:job=~'\u005Eapi.*'|}}"
                    """),
                Sources.Marked("""
                    "up{job=~'api.*'}"
                    """));

        [Fact]
        public Task PromQlEscapeWritesTheAnchor_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "up{{|PROMQL021:job=~'\\x5eapi.*'|}}"
                """));

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"up{job=~'^a.*$'}\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.RedundantAnchors);
            Assert.NotNull(await RemoveRedundantAnchorsCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.DeleteEnd),
                diagnostic.Properties.SetItem(FixProperties.DeleteStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.DeleteStart, "0"),
                diagnostic.Properties.SetItem(FixProperties.DeleteEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceStart, "-1"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await RemoveRedundantAnchorsCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }
        }
    }
}
