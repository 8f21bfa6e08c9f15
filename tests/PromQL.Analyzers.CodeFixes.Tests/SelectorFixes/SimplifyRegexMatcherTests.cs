using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.SimplifyRegexMatcherCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.SelectorFixes
{
    /// <summary>PROMQL022's fix in every literal kind: =~".*" removed with its comma or braces, =~".+" and !~".+" as equalities; none where a hole holds part of the edit.</summary>
    public class SimplifyRegexMatcherTests
    {
        [Fact]
        public Task RegularString_MatchEverythingRemovedWithItsComma() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL022:job=~\".*\"|}, instance=\"a\"}"
                    """),
                Sources.Marked("""
                    "up{instance=\"a\"}"
                    """));

        [Fact]
        public Task RegularString_LastMatcherRemovedWithTheCommaBefore() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{instance=\"a\", {|PROMQL022:job=~\".*\"|}}"
                    """),
                Sources.Marked("""
                    "up{instance=\"a\"}"
                    """));

        [Fact]
        public Task SoleMatcher_BracesRemoved() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(up{{|PROMQL022:job=~'.*'|}}[5m])"
                    """),
                Sources.Marked("""
                    "rate(up[5m])"
                    """));

        [Fact]
        public Task VerbatimString_AnyNonEmptyAsNotEqualEmpty() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"up{{|PROMQL022:job=~"".+""|}}"
                    """""),
                Sources.Marked("""""
                    @"up{job!=""""}"
                    """""));

        [Fact]
        public Task RawString_NotAnyNonEmptyAsEqualEmpty_QuoteKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL022:job !~ '.+'|}}"""
                    """""),
                Sources.Marked("""""
                    """up{job = ''}"""
                    """""));

        [Fact]
        public Task RegularStringWithUnicodeEscape_Rewritten() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL022:job=~'\u002E+'|}}"
                    """),
                Sources.Marked("""
                    "up{job!=''}"
                    """));

        [Fact]
        public Task InterpolatedWithHoleInAnotherMatcher_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"up{{instance=\"{pod}\", {|PROMQL022:job=~\".+\"|}}}"
                    """),
                Sources.Marked("""
                    $"up{{instance=\"{pod}\", job!=\"\"}}"
                    """));

        [Fact]
        public Task Concatenation_MatcherInSecondPart_Removed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{instance=\"a\", " + "{|PROMQL022:job=~\".*\"|}}"
                    """),
                Sources.Marked("""
                    "up{instance=\"a\"" + "}"
                    """));

        [Fact]
        public Task EveryMatcher_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL022:a=~\".*\"|}, {|PROMQL022:b=~\".+\"|}, c=\"x\", {|PROMQL022:d!~\".+\"|}} / on() down{{|PROMQL022:e=~\".*\"|}}"
                    """),
                Sources.Marked("""
                    "up{b!=\"\", c=\"x\", d=\"\"} / on() down"
                    """));

        [Fact]
        public Task ConstantHoldsTheMatcher_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                const string j = "job=~'.*'";
                Run($"up{{instance=\"a\", {|PROMQL022:{j}|}}}");
                """));

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"up{job=~'.+'}\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.TrivialRegexMatcher);
            Assert.NotNull(await SimplifyRegexMatcherCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.ReplaceText),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "=~'x'"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.NodeStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.QueryLength, "1"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await SimplifyRegexMatcherCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }
        }
    }
}
