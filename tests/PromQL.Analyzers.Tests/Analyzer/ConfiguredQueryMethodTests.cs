using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// <c>promql.query_methods</c>: entries <c>[Namespace.]Type.Member[(parameter)]</c>; without a parameter the one called
    /// <c>query</c>, else the first string parameter; a property takes its assigned value.
    /// </summary>
    public class ConfiguredQueryMethodTests
    {
        private const string Options = "promql.query_methods = MyCompany.Metrics.MetricsClient.Run, MetricsClient.RunRange(expr), Dashboards.Panel.Expression, Reporter.Report\n";

        private const string Types = """
            namespace MyCompany.Metrics
            {
                public class MetricsClient
                {
                    public void Run(string title, string query) { }
                    public void RunRange(string title, string expr, string step) { }
                    public void Other(string query) { }
                }

                public class DerivedClient : MetricsClient { }
            }

            namespace Other.Metrics
            {
                public class MetricsClient
                {
                    public void Run(string title, string query) { }
                    public void RunRange(string title, string expr) { }
                }
            }

            namespace Dashboards
            {
                public class Panel
                {
                    public string Expression { get; set; }
                    public string Title { get; set; }
                }
            }

            public class Reporter
            {
                public void Report(int count, string text, string footer) { }
            }

            """;

        [Fact]
        public Task NamespaceQualifiedMethod_QueryParameter() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(MyCompany.Metrics.MetricsClient client)
                    {
                        client.Run("rate(up)", "rate({|PROMQL100:up|})");
                        client.Other("rate(up)");
                    }
                }
                """, Options);

        [Fact]
        public Task NamespaceMismatch_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(Other.Metrics.MetricsClient client) => client.Run("rate(up)", "rate(up)");
                }
                """, Options);

        [Fact]
        public Task NamedParameterInAnyNamespace_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(MyCompany.Metrics.MetricsClient a, Other.Metrics.MetricsClient b)
                    {
                        a.RunRange("rate(up)", "rate({|PROMQL100:up|})", "rate(up)");
                        b.RunRange(expr: "{|PROMQL001:container_memory_rss{pod='p'}|}", title: "rate(up)");
                    }
                }
                """, Options);

        [Fact]
        public Task DerivedType_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(MyCompany.Metrics.DerivedClient client) => client.Run("rate(up)", "rate({|PROMQL100:up|})");
                }
                """, Options);

        [Fact]
        public Task FirstStringParameter_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(Reporter reporter) => reporter.Report(1, "rate({|PROMQL100:up|})", "rate(up)");
                }
                """, Options);

        [Fact]
        public Task PropertyAssignmentAndInitializer_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(Dashboards.Panel panel)
                    {
                        panel.Expression = "rate({|PROMQL100:up|})";
                        panel.Title = "rate(up)";
                        var p = new Dashboards.Panel { Expression = "{|PROMQL001:container_memory_rss|}" };
                    }
                }
                """, Options);

        [Fact]
        public Task WithoutOption_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Types + """
                class C
                {
                    void M(MyCompany.Metrics.MetricsClient client, Dashboards.Panel panel)
                    {
                        client.Run("rate(up)", "rate(up)");
                        panel.Expression = "rate(up)";
                    }
                }
                """);
    }
}
