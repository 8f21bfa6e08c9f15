using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Strings that flow into a <c>[StringSyntax("PromQL")]</c> parameter, field or property are PromQL: an invalid one
    /// gets PROMQL100 (which content detection never gives), so each path is shown by the error on <c>up</c>.
    /// </summary>
    public class StringSyntaxDetectionTests
    {
        private const string Declarations = """
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;

            class Client
            {
                public Client() { }
                public Client([StringSyntax("PromQL")] string query) { }
                public void Run([StringSyntax("PromQL")] string query) { }
                public void Run(int limit, [StringSyntax("PromQL")] string query) { }
                public void RunAll(params string[] labels) { }
                public void RunMany([StringSyntax("PromQL")] params string[] queries) { }
                public void RunDefault([StringSyntax("PromQL")] string query = "up") { }
                public void NotPromQl(string query) { }
                public void Regex([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) { }
            }

            class Panel
            {
                [StringSyntax("PromQL")]
                public string Expression { get; set; } = "up";

                [StringSyntax("PromQL")]
                public string field = "up";

                public string Title { get; set; } = "";
            }

            """;

        private static string WithStatements(string statements) => Declarations + """
            class Caller
            {
                void M(Client client, Panel panel)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task PositionalArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.Run("rate({|PROMQL100:up|})");"""));

        [Fact]
        public Task ParameterDefaultValue_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void Run([StringSyntax("PromQL")] string query = "rate({|PROMQL100:up|})") { }
                }
                """);

        [Fact]
        public Task PropertyInitializer_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    [StringSyntax("PromQL")]
                    public string Query { get; set; } = "rate({|PROMQL100:up|})";
                }
                """);

        [Fact]
        public Task FieldInitializer_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    [StringSyntax("PromQL")]
                    private readonly string query = "rate({|PROMQL100:up|})";

                    [StringSyntax("PromQL")]
                    private const string Constant = "{|PROMQL002:sum({|PROMQL001:container_memory_rss{namespace='n',pod='p'}|})|}";
                }
                """);

        [Fact]
        public Task EmptyStringIntoTarget_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""panel.Expression = "";"""));

        [Fact]
        public Task NamedArgumentOutOfOrder_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.Run(query: "rate({|PROMQL100:up|})", limit: 1);"""));

        [Fact]
        public Task ParamsArguments_DiagnosticOnEach() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.RunMany("up", "rate({|PROMQL100:up|})", "sum(up) by {|PROMQL100:job|}");"""));

        [Fact]
        public Task ParamsArrayCreation_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.RunMany(new[] { "rate({|PROMQL100:up|})" });"""));

        [Fact]
        public Task ParamsCollectionExpression_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.RunMany(["up", "rate({|PROMQL100:up|})"]);"""));

        [Fact]
        public Task ConstructorArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""var c = new Client("rate({|PROMQL100:up|})");"""));

        [Fact]
        public Task TargetTypedConstructorArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""Client c = new("rate({|PROMQL100:up|})");"""));

        [Fact]
        public Task PropertyAssignment_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""panel.Expression = "rate({|PROMQL100:up|})";"""));

        [Fact]
        public Task FieldAssignment_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""panel.field = "rate({|PROMQL100:up|})";"""));

        [Fact]
        public Task ObjectInitializer_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""var p = new Panel { Title = "rate(up)", Expression = "rate({|PROMQL100:up|})" };"""));

        [Fact]
        public Task ParenthesizedAndCastArgument_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""client.Run((string)("rate({|PROMQL100:up|})"));"""));

        [Fact]
        public Task ContainerRuleThroughProperty_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""panel.Expression = $"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='n',pod='{panel.Title}'}}|})|}";"""));

        [Fact]
        public Task UnmarkedParameterAndProperty_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(WithStatements("""
                client.NotPromQl("rate(up)");
                client.RunAll("rate(up)");
                client.Regex("rate(up");
                panel.Title = "rate(up)";
                var local = "rate(up)";
                """));

        [Fact]
        public Task LanguageNameAnyCase_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void Run([StringSyntax("promql")] string a, [StringSyntax("PROMQL")] string b) { }

                    void M() => Run("rate({|PROMQL100:up|})", "rate({|PROMQL100:up|})");
                }
                """);

        [Fact]
        public Task LanguageNameFromConstant_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                static class Languages
                {
                    public const string PromQl = "PromQL";
                }

                class C
                {
                    void Run([StringSyntax(Languages.PromQl)] string query) { }

                    void M() => Run("rate({|PROMQL100:up|})");
                }
                """);

        [Fact]
        public Task OtherLanguage_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void Run([StringSyntax("PromQLx")] string a, [StringSyntax("LogQL")] string b) { }

                    void M() => Run("rate(up)", "{app=\"x\"} |= \"err\"");
                }
                """);

        [Fact]
        public Task RecordPrimaryConstructorParameter_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                record Alert([StringSyntax("PromQL")] string Expr, string Name);

                class C
                {
                    Alert M() => new Alert("rate({|PROMQL100:up|})", "rate(up)");
                }
                """);

        [Fact]
        public Task IndexerParameter_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class Results
                {
                    public int this[[StringSyntax("PromQL")] string query] => 0;
                }

                class C
                {
                    int M(Results r) => r["rate({|PROMQL100:up|})"];
                }
                """);

        [Fact]
        public Task UserDeclaredAttributeCopyInSystemNamespace_Diagnostic() =>
            // Declared in source (as on frameworks without the attribute): matched by name and namespace.
            VerifyCS.VerifyAnalyzerAsync("""
                namespace System.Diagnostics.CodeAnalysis
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property | System.AttributeTargets.Field)]
                    internal sealed class StringSyntaxAttribute : System.Attribute
                    {
                        public StringSyntaxAttribute(string syntax) => Syntax = syntax;

                        public string Syntax { get; }
                    }
                }

                namespace App
                {
                    using System.Diagnostics.CodeAnalysis;

                    class C
                    {
                        void Run([StringSyntax("PromQL")] string query) { }

                        void M() => Run("rate({|PROMQL100:up|})");
                    }
                }
                """);

        [Fact]
        public Task SameNamedAttributeInOtherNamespace_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                namespace MyCompany.Annotations
                {
                    [System.AttributeUsage(System.AttributeTargets.Parameter)]
                    internal sealed class StringSyntaxAttribute : System.Attribute
                    {
                        public StringSyntaxAttribute(string syntax) { }
                    }
                }

                namespace App
                {
                    using MyCompany.Annotations;

                    class C
                    {
                        void Run([StringSyntax("PromQL")] string query) { }

                        void M() => Run("rate(up)");
                    }
                }
                """);
    }
}
