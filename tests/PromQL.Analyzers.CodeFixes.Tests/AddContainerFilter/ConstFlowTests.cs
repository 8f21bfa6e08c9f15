using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.AddContainerFilter
{
    /// <summary>PROMQL001's fix on a query kept in a constant passed whole to a target: the edit is in the constant's literal.</summary>
    public class ConstFlowTests
    {
        private const string Before = """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                private const string MemoryQuery = "sum({|PROMQL001:container_memory_rss{pod=\"p\"}|})";
                private static readonly string Verbatim = @"sum({|PROMQL001:container_memory_rss{pod=""p""}|})";

                void Run([StringSyntax("PromQL")] string query) { }

                void M()
                {
                    Run(MemoryQuery);
                    Run(Verbatim);
                }
            }
            """;

        private const string After = """""
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                private const string MemoryQuery = "sum(container_memory_rss{container!=\"\", pod=\"p\"})";
                private static readonly string Verbatim = @"sum(container_memory_rss{container!="""", pod=""p""})";

                void Run([StringSyntax("PromQL")] string query) { }

                void M()
                {
                    Run(MemoryQuery);
                    Run(Verbatim);
                }
            }
            """"";

        [Fact]
        public Task ConstAndStaticReadonly_FixedInTheirLiterals() => VerifyCS.VerifyCodeFixAsync(Before, After);
    }
}
