using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Every detection path (<see cref="DetectionPaths"/>) in every literal form that fits it (<see cref="LiteralForms"/>),
    /// end to end with exact spans: PROMQL001 on a cAdvisor selector holding a quote (written <c>\"</c>, <c>""</c> or as
    /// it is), PROMQL100 on the parser's error, PROMQL101 on the series-selector paths.
    /// </summary>
    public class DetectionMatrixTests
    {
        /// <summary>A selector missing <c>container!=""</c>, its label value quoted: the span runs from the name to the brace.</summary>
        private const string Promql001 = """sum by (pod) ({|PROMQL001:container_memory_working_set_bytes{namespace="monitoring"}|})""";

        /// <summary>A range function given an instant vector: the parser's error is on <c>up</c>.</summary>
        private const string Promql100 = """rate({|PROMQL100:up|}) > 0""";

        /// <summary>A range vector where a series selector is needed: the error is on the <c>(</c> after the function's name.</summary>
        private const string Promql101 = """rate{|PROMQL101:(|}http_requests_total{job="api"}[5m])""";

        public static TheoryData<string, string> Promql001Cases =>
            DetectionMatrix.Cases(DetectionPaths.Queries.Append(DetectionPaths.Content));

        public static TheoryData<string, string> Promql100Cases => DetectionMatrix.Cases(DetectionPaths.Queries);

        public static TheoryData<string, string> Promql101Cases => DetectionMatrix.Cases(DetectionPaths.Selectors);

        [Theory]
        [MemberData(nameof(Promql001Cases))]
        public Task Promql001_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql001, path, form);

        [Theory]
        [MemberData(nameof(Promql100Cases))]
        public Task Promql100_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql100, path, form);

        [Theory]
        [MemberData(nameof(Promql101Cases))]
        public Task Promql101_EverySelectorPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql101, path, form);

        /// <summary>Content detection never reports PROMQL100: the invalid query, unmarked, gets nothing in any form.</summary>
        [Fact]
        public Task Promql100_ByContent_Nothing() =>
            DetectionMatrix.VerifyEveryPathAsync("rate(container_memory_rss{pod=\"p\"}) > 0", new[] { DetectionPaths.Content });

        /// <summary>
        /// The const case the matrix found: a const passed whole to a target makes its own literal PromQL (followed
        /// back, see <c>ConstFlowTests</c>); used in a hole or a <c>+</c> it is substituted there and not followed
        /// back; a marked declaration is read where it is.
        /// </summary>
        [Fact]
        public Task ConstPassedWhole_Followed_InAHoleSubstituted_MarkedDeclarationRead() =>
            VerifyCS.VerifyAnalyzerAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    const string Whole = "rate({|PROMQL100:up|})";
                    const string Part = "rate(up)";

                    // lang=promql
                    const string Commented = "rate({|PROMQL100:up|})";

                    [StringSyntax("PromQL")]
                    const string Attributed = "rate({|PROMQL100:up|})";

                    void Run([StringSyntax("PromQL")] string query) { }

                    void M()
                    {
                        Run(Whole);
                        Run($"{|PROMQL100:{Part}|} > 0");
                        Run(Commented);
                    }
                }
                """);

        [Fact]
        public void Matrix_CoversEveryPathAndForm()
        {
            var combinations = DetectionMatrix.Combinations(DetectionPaths.All).ToList();
            Assert.All(DetectionPaths.All, p => Assert.Contains(combinations, c => c.Path == p));
            Assert.All(LiteralForms.All, f => Assert.Contains(combinations, c => c.Form == f));
        }
    }
}
