using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using AddFilter = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;
using RemoveSum = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveRedundantSumCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.Composition
{
    /// <summary>
    /// Fix All for each rule over several diagnostics in one string, several documents and a second project. The
    /// framework runs each test one fix at a time and through Fix All in document, project and solution scope, and
    /// every way must reach the same fixed code.
    /// </summary>
    public class FixAllTests
    {
        private const string Target = """
            using System.Diagnostics.CodeAnalysis;

            static class Api
            {
                public static void Run([StringSyntax("PromQL")] string query) { }
            }
            """;

        [Fact]
        public Task AddContainerFilter_InEveryDocumentAndProject()
        {
            var test = new AddFilter.Test();
            test.TestState.Sources.Add(("/0/Api.cs", Target));
            test.TestState.Sources.Add(("/0/A.cs", """
                class A
                {
                    void M(string ns)
                    {
                        Api.Run("{|PROMQL001:container_memory_rss{namespace=\"ns\"}|} / {|PROMQL001:container_memory_cache|}");
                        Api.Run(@"{|PROMQL001:container_memory_usage_bytes{namespace=""ns""}|}");
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/B.cs", """
                class B
                {
                    void M(string ns) => Api.Run($"max({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}'}}|})");
                }
                """));
            test.TestState.AdditionalProjects["Other"].Sources.Add(("/1/C.cs", """
                // lang=promql
                class C { const string Q = "{|PROMQL001:container_memory_rss{pod=\"p\"}|}"; }
                """));
            test.FixedState.Sources.Add(("/0/Api.cs", Target));
            test.FixedState.Sources.Add(("/0/A.cs", """""
                class A
                {
                    void M(string ns)
                    {
                        Api.Run("container_memory_rss{container!=\"\", namespace=\"ns\"} / container_memory_cache{container!=\"\"}");
                        Api.Run(@"container_memory_usage_bytes{container!="""", namespace=""ns""}");
                    }
                }
                """""));
            test.FixedState.Sources.Add(("/0/B.cs", """
                class B
                {
                    void M(string ns) => Api.Run($"max(container_memory_working_set_bytes{{container!='', namespace='{ns}'}})");
                }
                """));
            test.FixedState.AdditionalProjects["Other"].Sources.Add(("/1/C.cs", """
                // lang=promql
                class C { const string Q = "container_memory_rss{container!=\"\", pod=\"p\"}"; }
                """));
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }

        [Fact]
        public Task RemoveRedundantSum_InEveryDocument()
        {
            var test = new RemoveSum.Test();
            test.TestState.Sources.Add(("/0/Api.cs", Target));
            test.TestState.Sources.Add(("/0/A.cs", """
                class A
                {
                    void M()
                    {
                        Api.Run("{|PROMQL002:sum(container_memory_rss{namespace='a', pod='b', container='c'})|} / 2^20");
                        Api.Run("{|PROMQL002:sum by (pod) (container_memory_cache{namespace='a', pod='b', container='c'})|}");
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/B.cs", """
                class B
                {
                    void M(string ns, string pod) => Api.Run($"{|PROMQL002:sum(container_memory_rss{{namespace='{ns}', pod='{pod}', container='app'}})|}");
                }
                """));
            test.FixedState.Sources.Add(("/0/Api.cs", Target));
            test.FixedState.Sources.Add(("/0/A.cs", """
                class A
                {
                    void M()
                    {
                        Api.Run("container_memory_rss{namespace='a', pod='b', container='c'} / 2^20");
                        Api.Run("container_memory_cache{namespace='a', pod='b', container='c'}");
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/B.cs", """
                class B
                {
                    void M(string ns, string pod) => Api.Run($"container_memory_rss{{namespace='{ns}', pod='{pod}', container='app'}}");
                }
                """));
            return test.RunAsync();
        }
    }
}
