using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.AddContainerFilter
{
    /// <summary>PROMQL001's fix in every literal kind: the matcher goes first, escaped the way the literal needs.</summary>
    public class LiteralKindsTests
    {
        [Fact]
        public Task RegularString_QuotesEscapedWithBackslash() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max by (pod) ({|PROMQL001:container_memory_rss{namespace=\"ns\"}|})"
                    """),
                Sources.Marked("""
                    "max by (pod) (container_memory_rss{container!=\"\", namespace=\"ns\"})"
                    """));

        [Fact]
        public Task RegularStringWithUnicodeEscapes_InsertedAfterEscapedBrace() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss\u007Bnamespace=\u0022ns\u0022}|} > 0"
                    """),
                Sources.Marked("""
                    "container_memory_rss\u007Bcontainer!=\"\", namespace=\u0022ns\u0022} > 0"
                    """));

        [Fact]
        public Task VerbatimString_QuotesDoubled() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"{|PROMQL001:container_memory_rss{namespace=""ns""}|}"
                    """),
                Sources.Marked("""""
                    @"container_memory_rss{container!="""", namespace=""ns""}"
                    """""));

        [Fact]
        public Task VerbatimStringOverSeveralLines_LinesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    @"max by (pod) (
                        {|PROMQL001:container_memory_rss{
                          namespace=""ns""
                        }|}
                    )"
                    """),
                Sources.Marked("""""
                    @"max by (pod) (
                        container_memory_rss{container!="""",
                          namespace=""ns""
                        }
                    )"
                    """""));

        [Fact]
        public Task RawString_QuotesPlain() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked(""""
                    """{|PROMQL001:container_memory_rss{namespace="ns"}|}"""
                    """"),
                Sources.Marked(""""
                    """container_memory_rss{container!="", namespace="ns"}"""
                    """"));

        [Fact]
        public Task MultiLineRawString_IndentationKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("\"\"\"\n            max by (pod) (\n              {|PROMQL001:container_memory_rss{namespace=\"ns\"}|}\n            )\n            \"\"\""),
                Sources.Marked("\"\"\"\n            max by (pod) (\n              container_memory_rss{container!=\"\", namespace=\"ns\"}\n            )\n            \"\"\""));

        [Fact]
        public Task InterpolatedString_QuotesEscapedHolesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL001:container_memory_rss{{namespace=\"{ns}\", pod=\"{pod}\"}}|}"
                    """),
                Sources.Marked("""
                    $"container_memory_rss{{container!=\"\", namespace=\"{ns}\", pod=\"{pod}\"}}"
                    """));

        [Fact]
        public Task InterpolatedVerbatimString_QuotesDoubled() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $@"{|PROMQL001:container_memory_rss{{namespace=""{ns}""}}|}"
                    """),
                Sources.Marked("""""
                    $@"container_memory_rss{{container!="""", namespace=""{ns}""}}"
                    """""));

        [Fact]
        public Task RawInterpolatedString_BracesAndQuotesPlain()
        {
            // $$ is the framework's caret marker: this test states its diagnostic without markup.
            var source = Sources.Marked("$$\"\"\"container_memory_rss{namespace=\"{{ns}}\"}\"\"\"");
            var test = new VerifyCS.Test
            {
                TestCode = source,
                FixedCode = Sources.Marked("$$\"\"\"container_memory_rss{container!=\"\", namespace=\"{{ns}}\"}\"\"\""),
            };
            test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            var start = source.LastIndexOf("container_memory_rss", System.StringComparison.Ordinal);
            var end = source.IndexOf("}\"\"\"", System.StringComparison.Ordinal) + 1;
            test.ExpectedDiagnostics.Add(Lines.Expect(DiagnosticIds.ContainerFilterMissing, source, start, end));
            return test.RunAsync();
        }

        [Fact]
        public Task RawInterpolatedStringWithTwoDollars_BareNameGetsPlainBraces()
        {
            var source = Sources.Marked("$$\"\"\"max_over_time(container_memory_rss[{{ns}}])\"\"\"");
            var test = new VerifyCS.Test
            {
                TestCode = source,
                FixedCode = Sources.Marked("$$\"\"\"max_over_time(container_memory_rss{container!=\"\"}[{{ns}}])\"\"\""),
            };
            test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            var start = source.LastIndexOf("container_memory_rss", System.StringComparison.Ordinal);
            test.ExpectedDiagnostics.Add(Lines.Expect(DiagnosticIds.ContainerFilterMissing, source, start, start + "container_memory_rss".Length));
            return test.RunAsync();
        }

        [Fact]
        public Task RawInterpolatedStringWithOneDollar_BareName_NoFix() =>
            // With one $ every brace opens or closes a hole: the literal cannot hold {container!=""}.
            VerifyCS.VerifyNoFixAsync(Sources.Marked(""""
                $"""max_over_time({|PROMQL001:container_memory_rss|}[{ns}])"""
                """"));
    }
}
