using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using PromQL.Analyzers.Rules;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.MatchBothBucketFormsCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.MatchBothBucketForms
{
    /// <summary>
    /// PROMQL031's fix: the integer kept and Prometheus 3's float form added (<c>le=~"1(\\.0)?"</c>), in every literal kind,
    /// for equalities and regex alternatives, all at once in Fix All; none where a hole or a constant holds the value.
    /// </summary>
    public class MatchBothBucketFormsTests
    {
        [Fact]
        public Task RegularString_EqualityBecomesRegex() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "foo_bucket{le=\"{|PROMQL031:1|}\"}"
                    """),
                Sources.Marked("""
                    "foo_bucket{le=~\"1(\\\\.0)?\"}"
                    """));

        [Fact]
        public Task RegularString_NotEqualBecomesNotRegex() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "foo_bucket{le != \"{|PROMQL031:10|}\"}"
                    """),
                Sources.Marked("""
                    "foo_bucket{le !~ \"10(\\\\.0)?\"}"
                    """));

        [Fact]
        public Task RegularStringSingleQuotes_BackslashDoubledInPromQl() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "go_gc_duration_seconds{quantile='{|PROMQL031:1|}'}"
                    """),
                Sources.Marked("""
                    "go_gc_duration_seconds{quantile=~'1(\\\\.0)?'}"
                    """));

        [Fact]
        public Task VerbatimString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"foo_bucket{le=""{|PROMQL031:5|}""}"
                    """""),
                Sources.Marked("""""
                    @"foo_bucket{le=~""5(\\.0)?""}"
                    """""));

        [Fact]
        public Task RawString_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """sum(rate(foo_bucket{le="{|PROMQL031:1|}"}[5m]))"""
                    """""),
                Sources.Marked("""""
                    """sum(rate(foo_bucket{le=~"1(\\.0)?"}[5m]))"""
                    """""));

        [Fact]
        public Task PromQlBacktickString_BackslashSingle() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """foo_bucket{le=`{|PROMQL031:1|}`}"""
                    """""),
                Sources.Marked("""""
                    """foo_bucket{le=~`1(\.0)?`}"""
                    """""));

        [Fact]
        public Task InterpolatedWithHoleElsewhere_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"foo_bucket{{namespace=\"{ns}\", le=\"{|PROMQL031:1|}\"}}"
                    """),
                Sources.Marked("""
                    $"foo_bucket{{namespace=\"{ns}\", le=~\"1(\\\\.0)?\"}}"
                    """));

        [Fact]
        public Task Concatenation_ValueInSecondPart_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "foo_bucket{le=" + "\"{|PROMQL031:1|}\"}"
                    """),
                Sources.Marked("""
                    "foo_bucket{le=~" + "\"1(\\\\.0)?\"}"
                    """));

        [Fact]
        public Task RegexAlternatives_FixAllAddsEach() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "foo_bucket{le=~\"0.5|{|PROMQL031:1|}|{|PROMQL031:1000000|}\"}"
                    """),
                Sources.Marked("""
                    "foo_bucket{le=~\"0.5|1(\\\\.0)?|1000000|1e\\\\+06\"}"
                    """));

        [Fact]
        public Task ConstantValue_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                const string Bound = "1";
                Run($"foo_bucket{{le=\"{|PROMQL031:{Bound}|}\"}}");
                """));

        [Fact]
        public async Task WithHistogramWithoutLe_BothFixesCompose()
        {
            var source = Sources.Marked("\"histogram_quantile(0.9, sum by (pod) (rate(foo_bucket{le!=\\\"1\\\"}[5m])))\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("histogram_quantile(0.9, sum by (pod, le) (rate(foo_bucket{le!~\\\"1(\\\\\\\\.0)?\\\"}[5m])))", fixedText);
        }

        [Fact]
        public async Task PropertiesMissingOrMalformed_NoChanges()
        {
            var document = FixHarness.CreateDocument(Sources.Marked("\"foo_bucket{le='1'}\""));
            var diagnostic = (await FixHarness.GetDiagnosticsAsync(document)).Single(d => d.Id == DiagnosticIds.IntegerBucketValue);
            Assert.NotNull(await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(document, diagnostic, CancellationToken.None));
            foreach (var broken in new[]
            {
                ImmutableDictionary<string, string?>.Empty,
                diagnostic.Properties.Remove(FixProperties.ReplaceText),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, string.Empty),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, null),
                diagnostic.Properties.SetItem(FixProperties.ReplaceText, "("),
                diagnostic.Properties.SetItem(FixProperties.ReplaceStart, "0"),
                diagnostic.Properties.SetItem(FixProperties.RegexOperatorAt, "x"),
                diagnostic.Properties.SetItem(FixProperties.RegexOperatorAt, "0"),
                diagnostic.Properties.SetItem(FixProperties.RegexOperatorAt, "999999"),
                diagnostic.Properties.SetItem(FixProperties.NodeStart, "x"),
                diagnostic.Properties.SetItem(FixProperties.NodeEnd, "999999"),
                diagnostic.Properties.SetItem(FixProperties.QueryLength, "1"),
            })
            {
                var changed = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, broken);
                Assert.Null(await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(document, changed, CancellationToken.None));
            }

            // A regex matcher's diagnostic told that it is an equality, and the other way round: the operator check refuses it.
            var regex = FixHarness.CreateDocument(Sources.Marked("\"foo_bucket{le=~'1'}\""));
            var regexDiagnostic = (await FixHarness.GetDiagnosticsAsync(regex)).Single(d => d.Id == DiagnosticIds.IntegerBucketValue);
            var start = regexDiagnostic.Properties[FixProperties.NodeStart]!;
            var told = Microsoft.CodeAnalysis.Diagnostic.Create(regexDiagnostic.Descriptor, regexDiagnostic.Location,
                regexDiagnostic.Properties.SetItem(FixProperties.RegexOperatorAt, (int.Parse(start, System.Globalization.CultureInfo.InvariantCulture) - 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Null(await MatchBothBucketFormsCodeFixProvider.ComputeChangesAsync(regex, told, CancellationToken.None));
        }
    }
}
