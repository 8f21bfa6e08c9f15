using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RegexAsEqualityCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.SelectorFixes
{
    /// <summary>PROMQL020's fix in every literal kind: =~ becomes =, !~ becomes !=, the value as written; all at once in Fix All.</summary>
    public class RegexAsEqualityTests
    {
        [Fact]
        public Task RegularString_RegexBecomesEquality() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL020:job=~\"api\"|}}"
                    """),
                Sources.Marked("""
                    "up{job=\"api\"}"
                    """));

        [Fact]
        public Task VerbatimString_NegatedBecomesNotEqual_QuoteInValueKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"up{{|PROMQL020:job!~""a\""b""|}}"
                    """""),
                Sources.Marked("""""
                    @"up{job!=""a\""b""}"
                    """""));

        [Fact]
        public Task RawString_SpacesAroundTheOperatorKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL020:job =~ 'api-server'|}}"""
                    """""),
                Sources.Marked("""""
                    """up{job = 'api-server'}"""
                    """""));

        [Fact]
        public Task InterpolatedWithHoleInAnotherMatcher_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"up{{pod=\"{pod}\", {|PROMQL020:job!~`api`|}}}"
                    """),
                Sources.Marked("""
                    $"up{{pod=\"{pod}\", job!=`api`}}"
                    """));

        [Fact]
        public Task OperatorAcrossConcatenation_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL020:job=" + "~'api'|}}"
                    """),
                Sources.Marked("""
                    "up{job=" + "'api'}"
                    """));

        [Fact]
        public Task EveryMatcher_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(x{{|PROMQL020:a=~'1'|}, {|PROMQL020:b!~'2'|}}[5m]) / y{{|PROMQL020:c=~'3'|}}"
                    """),
                Sources.Marked("""
                    "rate(x{a='1', b!='2'}[5m]) / y{c='3'}"
                    """));

        [Fact]
        public Task ConstantHoldsTheOperator_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                const string op = "=~";
                Run($"up{{{|PROMQL020:job{op}'api'|}}}");
                """));

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"up{job=~'api'}\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.RegexWithoutMetacharacters);
            Assert.NotNull(await RegexAsEqualityCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.ReplaceStart),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "~~"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.NodeEnd, "x"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await RegexAsEqualityCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }
        }
    }
}
