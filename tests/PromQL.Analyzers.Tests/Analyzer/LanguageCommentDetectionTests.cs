using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary><c>// lang=promql</c> on the line above and <c>/*lang=promql*/</c> before the literal mark a string as PromQL.</summary>
    public class LanguageCommentDetectionTests
    {
        [Theory]
        [InlineData("// lang=promql")]
        [InlineData("//lang=promql")]
        [InlineData("// language=promql")]
        [InlineData("// lang=PromQL")]
        [InlineData("// LANG = PROMQL")]
        [InlineData("// lang=promql,strict")]
        [InlineData("/* lang=promql */")]
        public Task CommentOnLineAbove_Diagnostic(string comment) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod(comment + "\nvar text = \"rate({|PROMQL100:up|})\";"));

        [Theory]
        [InlineData("/*lang=promql*/")]
        [InlineData("/* language=promql */")]
        [InlineData("/*LANG=PromQL*/")]
        public Task CommentRightBeforeLiteral_Diagnostic(string comment) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("var text = " + comment + "\"rate({|PROMQL100:up|})\";"));

        [Theory]
        [InlineData("// lang=promqlx")]
        [InlineData("// lang=regex")]
        [InlineData("// the query below uses lang=promql")]
        [InlineData("// promql")]
        public Task OtherComment_NoDiagnostic(string comment) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod(comment + "\nvar text = \"rate(up)\";"));

        [Fact]
        public Task CommentMarksArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("System.Console.WriteLine(/*lang=promql*/\"sum(up) by {|PROMQL100:job|}\");"));

        [Fact]
        public Task CommentMarksWholeConcatenation_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                // lang=promql
                var text = "rate({|PROMQL100:up" +
                    "{job='a'}|})";
                """));

        [Fact]
        public Task CommentMarksInterpolation_DiagnosticsForAllRules() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                // lang=promql
                var text = $"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='{ns}',pod='{pod}'}}|})|}";
                """));

        [Fact]
        public Task CommentMarksRawMultiLineString_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod(""""
                var text = /*lang=promql*/ """
                    sum by (job) (
                      rate({|PROMQL100:http_requests_total|})
                    )
                    """;
                """"));

        [Fact]
        public Task CommentOnFieldDeclaration_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                class C
                {
                    // lang=promql
                    private const string Query = "rate({|PROMQL100:up|})";
                }
                """);

        [Fact]
        public Task CommentAboveOtherStatement_DoesNotMarkNextOne() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                // lang=promql
                var text = "rate(up[5m])";
                var other = "rate(up)";
                """));

        [Fact]
        public Task ManyStrings_MarkedOnesFoundOnceTheFileIsIndexed()
        {
            // Past the first few strings of a file the comments are indexed once instead of read per string: the
            // marked strings at the end are found the same way as those at the start.
            var statements = new System.Text.StringBuilder();
            for (var i = 0; i < 30; i++)
            {
                statements.Append(i % 10 == 0 ? "// lang=promql\nvar q" + i + " = \"rate({|PROMQL100:up|})\";\n" : "var s" + i + " = \"rate(up)\";\n");
            }

            return VerifyCS.VerifyAnalyzerAsync(Sources.InMethod(statements.ToString()));
        }
    }
}
