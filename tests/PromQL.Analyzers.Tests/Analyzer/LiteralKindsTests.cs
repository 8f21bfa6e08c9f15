using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>Every C# string literal kind carries PromQL, and every diagnostic lands on the exact source characters.</summary>
    public class LiteralKindsTests
    {
        [Fact]
        public Task RegularStringWithEscapedQuotes_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL001:container_memory_rss{pod=\"p\"}|}"
                """));

        [Fact]
        public Task RegularStringWithUnicodeEscapeInName_SelectorStartsAtEscape() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL001:\u0063ontainer_memory_rss{pod='p'}|}"
                """));

        [Fact]
        public Task RegularStringWithUnicodeEscapeInContainerMatcher_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "container_memory_rss{\u0063ontainer!=\"\"}"
                """));

        [Fact]
        public Task RegularStringWithTabAndNewlineEscapes_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "sum(\n\t{|PROMQL001:container_memory_rss{pod=\"a\\tb\"}|}\r\n)"
                """));

        [Fact]
        public Task RegularStringWithEscapedClosingBrace_SelectorEndsAfterEscape() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL001:container_memory_rss{pod='p'\u007d|} > 0"
                """));

        [Fact]
        public Task VerbatimStringWithDoubledQuotes_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                @"{|PROMQL001:container_memory_rss{pod=""p""}|}"
                """));

        [Fact]
        public Task VerbatimStringOverSeveralLines_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                @"sum by (pod) (
                    {|PROMQL001:container_memory_rss{namespace=""n""}|}
                )"
                """));

        [Fact]
        public Task RawSingleLineString_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                """{|PROMQL001:container_memory_rss{pod="p"}|}"""
                """""));

        [Fact]
        public Task RawMultiLineStringWithIndentation_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                    """
                    sum by (pod) (
                      {|PROMQL001:container_memory_rss{
                        namespace="n"
                      }|}
                    )
                    """
                """""));

        [Fact]
        public Task RawStringWithMoreQuotes_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                """"{|PROMQL001:container_memory_rss{pod="p"}|} > 0""""
                """""));

        [Fact]
        public Task InterpolatedStringWithEscapedBraces_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL001:container_memory_rss{{pod='p'}}|}"
                """));

        [Fact]
        public Task InterpolatedStringWithEscapesAndHole_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL001:container_memory_rss{{pod=\"{pod}\"}}|}"
                """));

        [Fact]
        public Task InterpolatedHoleWithAlignmentAndFormat_DiagnosticSpansHole() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL001:container_memory_rss{{pod='{pod,-10}',namespace='{ns:x}'}}|}"
                """));

        [Fact]
        public Task InterpolatedVerbatimString_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $@"{|PROMQL001:container_memory_rss{{pod=""{pod}""}}|}"
                """));

        [Fact]
        public Task VerbatimInterpolatedString_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                @$"max(
                  {|PROMQL001:container_memory_rss{{pod=""{pod}""}}|}
                )"
                """));

        [Fact]
        public Task RawInterpolatedSingleLine_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                $$"""{|PROMQL001:container_memory_rss{pod="{{pod}}"}|}"""
                """""));

        [Fact]
        public Task RawInterpolatedMultiLine_DiagnosticOnSelector() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                    $$"""
                    max by (pod) (
                      {|PROMQL001:container_memory_rss{namespace="{{ns}}"}|}
                    )
                    """
                """""));

        [Fact]
        public Task RawInterpolatedSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                $$"""{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{namespace="{{ns}}",pod="{{pod}}"}|})|}"""
                """""));

        [Fact]
        public Task RegularStringSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace=\"n\",pod=\"p\"}|})|}"
                """));

        [Fact]
        public Task VerbatimStringSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                @"{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace=""n"",pod=""p""}|})|}"
                """));

        [Fact]
        public Task RawMultiLineSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                    """
                    {|PROMQL002:sum(
                      {|PROMQL001:container_memory_rss{namespace="n", pod="p"}|}
                    ) by (pod)|}
                    """
                """""));

        [Fact]
        public Task InterpolatedVerbatimSum_BothDiagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $@"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace=""{ns}"",pod=""{pod}""}}|})|}"
                """));
    }
}
