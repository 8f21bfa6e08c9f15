using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// An empty or blank string is not a query: it is the usual default of a <c>[StringSyntax("PromQL")]</c> property
    /// or field, and never gets PROMQL100. A string with anything else in it still does.
    /// </summary>
    public class EmptyQueryTests
    {
        private const string Declarations = """
            using System.Diagnostics.CodeAnalysis;

            class Panel
            {
                public const string Blank = "  ";

                [StringSyntax("PromQL")]
                public string Query { get; set; } = "";

                [StringSyntax("PromQL")]
                public string field = string.Empty;

                [StringSyntax("PromQL")]
                public string Other { get; init; } = @"";

                public void Run([StringSyntax("PromQL")] string query = "") { }
            }

            """;

        private static string WithStatements(string statements) => Declarations + """
            class Caller
            {
                void M(Panel panel, string ns)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task PropertyFieldAndParameterDefaults_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements(string.Empty));

        [Theory]
        [InlineData("\"\"")]
        [InlineData("\"   \"")]
        [InlineData("\" \\t\\r\\n \"")]
        [InlineData("string.Empty")]
        [InlineData("@\"\"")]
        [InlineData("@\"  \"")]
        [InlineData("$\"\"")]
        [InlineData("$@\"\"")]
        [InlineData("\"\"\"\" \"\"\"\"")]
        [InlineData("\"\"\"\n  \n  \"\"\"")]
        [InlineData("$$\"\"\"\n  \n  \"\"\"")]
        [InlineData("\"\" + \"\"")]
        [InlineData("\" \" + Panel.Blank")]
        [InlineData("$\"{Panel.Blank}\"")]
        [InlineData("\"\" + string.Empty")]
        public Task EmptyOrBlankQuery_NoDiagnostic(string expression) =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements(
                "panel.Run(" + expression + ");\npanel.Query = " + expression + ";\npanel.field = " + expression + ";"));

        [Fact]
        public Task LanguageCommentOnEmptyString_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("// lang=promql\nvar q = \"\";"));

        [Fact]
        public Task HoleAlone_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("panel.Run($\"{ns}\");\npanel.Run($\"  {ns}  \");"));

        [Fact]
        public Task NonEmptyInvalidQuery_StillInvalid() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements(
                "panel.Run(\"  rate({|PROMQL100:up|})\");\npanel.Query = \" {|PROMQL100:sum()|}\";\npanel.Run(\"\" + \"rate({|PROMQL100:up|})\");"));

        [Fact]
        public Task CommentOnlyQuery_StillInvalid() =>
            // A PromQL comment is not white space: Prometheus rejects a query of comments alone, and so does PROMQL100.
            VerifyCS.VerifyAnalyzerAsync(WithStatements("panel.Run(\"{|PROMQL100:|}# nothing\");"));
    }
}
