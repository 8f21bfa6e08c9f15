using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.AddContainerFilter
{
    /// <summary>
    /// PROMQL001's fix in text read further than C# decodes it. In a <c>string.Format</c> composite format the edit is
    /// exact: an inserted brace is written <c>{{</c> or <c>}}</c>, and the format's items stay. In a URL's query string
    /// no fix is offered: the query's characters may be percent-encoded, and an edit there is not checked.
    /// </summary>
    public class FormatAndUrlQueryTests
    {
        private static string WithHttp(string statements) => """
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async Task M(HttpClient http, string b, string ns)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task FormatSelectorWithMatchers_MatcherInsertedAfterEscapedBrace() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    string.Format("max by (pod) ({|PROMQL001:container_memory_rss{{namespace=\"{0}\"}}|})", ns)
                    """),
                Sources.Marked("""
                    string.Format("max by (pod) (container_memory_rss{{container!=\"\", namespace=\"{0}\"}})", ns)
                    """));

        [Fact]
        public Task FormatBareName_BracesWrittenDoubled() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    string.Format("max by (pod) ({|PROMQL001:container_memory_rss|}) > {0}", ns)
                    """),
                Sources.Marked("""
                    string.Format("max by (pod) (container_memory_rss{{container!=\"\"}}) > {0}", ns)
                    """));

        [Fact]
        public Task VerbatimAndRawFormats_EscapedForBothLayers() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.InMethod(""""
                    Run(string.Format(@"max by (pod) ({|PROMQL001:container_memory_rss|}) > {0}", ns));
                    Run(string.Format("""max by (pod) ({|PROMQL001:container_memory_rss{{pod="{0}"}}|})""", ns));
                    """"),
                Sources.InMethod("""""
                    Run(string.Format(@"max by (pod) (container_memory_rss{{container!=""""}}) > {0}", ns));
                    Run(string.Format("""max by (pod) (container_memory_rss{{container!="", pod="{0}"}})""", ns));
                    """""));

        [Fact]
        public Task InterpolatedStringAsFormat_NoFixForABrace() =>
            // The brace would be {{{{ in the interpolated string: not written, so no fix is offered.
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                string.Format($"max by (pod) ({|PROMQL001:container_memory_rss|}) > {{0}}", ns)
                """));

        [Fact]
        public Task FormatThatIsAlsoAUrl_NoFix() =>
            VerifyCS.VerifyNoFixAsync(WithHttp("""
                await http.GetAsync(string.Format("{0}/api/v1/query?query=max by (pod) ({|PROMQL001:container_memory_rss{{namespace=\"{1}\"}}|})", b, ns));
                """));

        [Fact]
        public Task UrlQuery_NoFix() =>
            VerifyCS.VerifyNoFixAsync(WithHttp("""
                await http.GetAsync("/api/v1/query?query=sum%28{|PROMQL001:container_memory_rss%7Bnamespace%3D%22n%22%7D|}%29");
                await http.GetAsync("/api/v1/query?query=max+by+(pod)+({|PROMQL001:container_memory_rss|})");
                await http.GetAsync($"{b}/api/v1/query?query=max by (pod) ({|PROMQL001:container_memory_rss{{namespace=\"{ns}\"}}|})&time=1");
                """));
    }
}
