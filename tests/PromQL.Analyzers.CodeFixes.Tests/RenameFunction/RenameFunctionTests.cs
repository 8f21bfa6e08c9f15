using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RenameFunctionCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.RenameFunction
{
    /// <summary>PROMQL030's fix: holt_winters renamed double_exponential_smoothing in every literal kind and all at once in Fix All; none where the rest of the query is broken or the name is not written in a literal.</summary>
    public class RenameFunctionTests
    {
        [Fact]
        public Task RegularString_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL030:holt_winters|}(node_load1{job=\"node\"}[10m], 0.3, 0.1)"
                    """),
                Sources.Marked("""
                    "double_exponential_smoothing(node_load1{job=\"node\"}[10m], 0.3, 0.1)"
                    """));

        [Fact]
        public Task RegularStringWithUnicodeEscape_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL030:holt\u005Fwinters|}(node_load1[10m], 0.3, 0.1)"
                    """),
                Sources.Marked("""
                    "double_exponential_smoothing(node_load1[10m], 0.3, 0.1)"
                    """));

        [Fact]
        public Task VerbatimString_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"sum({|PROMQL030:holt_winters|}(node_load1{job=""node""}[10m], 0.3, 0.1))"
                    """""),
                Sources.Marked("""""
                    @"sum(double_exponential_smoothing(node_load1{job=""node""}[10m], 0.3, 0.1))"
                    """""));

        [Fact]
        public Task RawMultiLineString_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """
                    {|PROMQL030:holt_winters|}(
                      node_load1[10m], 0.3, 0.1)
                    """
                    """""),
                Sources.Marked("""""
                    """
                    double_exponential_smoothing(
                      node_load1[10m], 0.3, 0.1)
                    """
                    """""));

        [Fact]
        public Task InterpolatedWithHoleInArguments_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL030:holt_winters|}(node_load1{{instance=\"{pod}\"}}[10m], 0.3, 0.1)"
                    """),
                Sources.Marked("""
                    $"double_exponential_smoothing(node_load1{{instance=\"{pod}\"}}[10m], 0.3, 0.1)"
                    """));

        [Fact]
        public Task Concatenation_NameInSecondPart_Renamed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum(" + "{|PROMQL030:holt_winters|}(node_load1[10m], 0.3, 0.1))"
                    """),
                // The smallest edit the literal editor finds: the new name written at the end of the first part.
                Sources.Marked("""
                    "sum(double_exponential_smoothing" + "(node_load1[10m], 0.3, 0.1))"
                    """));

        [Fact]
        public Task NameAcrossConcatenationParts_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL030:holt_" + "winters|}(node_load1[10m], 0.3, 0.1)"
                """));

        [Fact]
        public Task NameFromConstant_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                const string Fn = "holt_winters";
                Run($"{|PROMQL030:{Fn}|}(node_load1[10m], 0.3, 0.1)");
                """));

        [Fact]
        public Task WrongArguments_FixedQueryWouldNotParse_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL030:holt_winters|}(node_load1, 0.3, 0.1)"
                """));

        [Fact]
        public Task TwoCalls_SecondReportedOnceTheFirstIsRenamed_BothFixed() =>
            // The parser stops at the first error, so the second call is reported (and fixed) in the next pass.
            new CSharpCodeFixVerifier<RenameFunctionCodeFixProvider>.Test
            {
                TestCode = Sources.Marked("""
                    "{|PROMQL030:holt_winters|}(a[5m], 0.3, 0.1) - holt_winters(b[5m], 0.3, 0.1)"
                    """),
                FixedCode = Sources.Marked("""
                    "double_exponential_smoothing(a[5m], 0.3, 0.1) - double_exponential_smoothing(b[5m], 0.3, 0.1)"
                    """),
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 2,
            }.RunAsync(CancellationToken.None);

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"holt_winters(a[5m], 0.3, 0.1)\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.RenamedFunction);
            Assert.NotNull(await RenameFunctionCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.ReplaceText),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "holt_winters"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "rate"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "x"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, null),
                diagnostic.Properties.SetItem(FixProperties.ReplaceStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.ReplaceEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.NodeStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.NodeEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.QueryLength, "1"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await RenameFunctionCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }
        }
    }
}
