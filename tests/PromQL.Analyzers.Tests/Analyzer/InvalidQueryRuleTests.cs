using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>PROMQL100: the parser's error, worded as Prometheus words it, on the characters it names.</summary>
    public class InvalidQueryRuleTests
    {
        [Fact]
        public Task TypeError_DiagnosticOnArgumentWithMessage() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate({|#0:http_requests_total|})"),
                VerifyCS.Diagnostic(DiagnosticIds.InvalidQuery).WithLocation(0)
                    .WithArguments("expected type range vector in call to function \"rate\", got instant vector"));

        [Fact]
        public Task UnclosedBraces_EmptySpanAtEndWithMessage() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("up{job='a'{|#0:|}"),
                VerifyCS.Diagnostic(DiagnosticIds.InvalidQuery).WithLocation(0).WithArguments("unexpected end of input inside braces"));

        [Fact]
        public Task UnknownFunction_DiagnosticOnName() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("{|PROMQL100:no_such_function|}(up)"));

        [Fact]
        public Task UnexpectedToken_DiagnosticOnToken() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(up + {|PROMQL100:)|}"));

        [Fact]
        public Task UnterminatedString_DiagnosticFromQuote() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "up{job={|PROMQL100:\"a}|}"
                """));

        [Fact]
        public Task UnexpectedEndInRegularString_EmptySpanBeforeClosingQuote() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "up +{|PROMQL100:|}"
                """));

        [Fact]
        public Task UnexpectedEndAfterEscape_EmptySpanAfterEscape() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "up{job=\"a\"{|PROMQL100:|}"
                """));

        [Fact]
        public Task EmptyMarkedString_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                ""
                """));

        [Fact]
        public Task ErrorAfterUnicodeEscape_SpanCoversEscape() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "rate({|PROMQL100:\u0066oo|})"
                """));

        [Fact]
        public Task ErrorInVerbatimString_SpanCoversDoubledQuotes() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                @"rate({|PROMQL100:up{job=""a""}|})"
                """));

        [Fact]
        public Task ErrorInRawMultiLineString_SpanOnIndentedLine() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                    """
                    sum(
                      rate({|PROMQL100:up|})
                    )
                    """
                """""));

        [Fact]
        public Task UnexpectedEndInRawMultiLineString_EmptySpanAfterLastCharacter() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                    """
                    sum(
                      up{|PROMQL100:|}
                    """
                """""));

        [Fact]
        public Task ErrorSpanningInterpolationHole_SpanCoversHole() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"rate({|PROMQL100:up{{pod='{pod}'}}|})"
                """));

        [Fact]
        public Task ErrorInRawInterpolatedString_SpanOnCharacters() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                $$"""rate({|PROMQL100:up{pod="{{pod}}"}|})"""
                """""));

        [Fact]
        public Task ErrorSpanningPlus_SpanRunsFromFirstToLastCharacter() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "rate({|PROMQL100:up" + "{job='a'}|})"
                """));

        [Fact]
        public Task ErrorInSecondOperand_SpanInSecondLiteral() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "sum(rate(up[5m]))" + " by {|PROMQL100:job|}"
                """));

        [Fact]
        public Task HoleNeverCausesError_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"histogram_quantile({pod}, sum by (le) (rate(http_requests_total{{job='{ns}'}}[{window}])))"
                """));

        [Fact]
        public Task ValidQuery_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum by (job) (rate(http_requests_total{code=~'5..'}[5m])) / ignoring (code) group_left sum by (job) (rate(http_requests_total[5m]))"));

        [Fact]
        public Task InvalidWatchedQuery_OnlyInvalidQuery() =>
            // No tree, so no container rule: one diagnostic for one mistake.
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum(container_memory_rss{namespace='n', pod='p'}{|PROMQL100:|}"));

        [Fact]
        public Task InvalidQueryNotMarked_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("rate(up{job='a'}"));

        [Theory]
        [InlineData("$\"rate(http_requests_total[5m]) {matcher} 0\"")]
        [InlineData("$\"sum(up) {matcher}\"")]
        [InlineData("$\"up{{job {matcher} 'a'}}\"")]
        [InlineData("$\"{metric} by (job) (up)\"")]
        [InlineData("$\"sum((up) {matcher}\"")]
        public Task StructuralHoleMayHoldAnOperatorOrBracket_NoDiagnostic(string argument) =>
            // A hole outside quotes may stand for an operator, a keyword or a bracket: an error at or after it is
            // not the query's fault.
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked(argument));

        [Fact]
        public Task HoleInsideQuotes_ErrorStillReported() =>
            // A hole in a label value cannot change the structure, so the missing parenthesis is reported.
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"sum(rate(http_requests_total{{job='{ns}'}}[5m]){|PROMQL100:|}"
                """));

        [Fact]
        public Task ErrorBeforeStructuralHole_Reported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL100:no_such_function|}(up) + {metric}"
                """));
    }
}
