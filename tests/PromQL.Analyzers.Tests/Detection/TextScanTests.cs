using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>The cheap first scan: what it sees in each string form, without decoding anything twice.</summary>
    public class TextScanTests
    {
        private static TextScan Scan(string expression, PromQlAnalyzerOptions? options = null)
        {
            var tree = CSharpSyntaxTree.ParseText("class C { object M(string a, int b) => " + expression + "; }");
            var root = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().First(StringExpressions.IsRoot);
            return TextScan.Of(root, options ?? PromQlAnalyzerOptions.Default);
        }

        [Fact]
        public void TriggersCommonPrefix_AskedFirst_AndEveryTriggerStillFound()
        {
            // The default triggers all start with container_: a string without it needs no other look.
            Assert.Equal("container_", PromQlAnalyzerOptions.Default.ContentTriggerPrefix);
            Assert.True(Scan("\"rate(container_cpu_usage_seconds_total{pod='p'}[5m])\"").HasWatchedPrefix);
            Assert.True(Scan("\"container_threads{pod='p'}\"").HasWatchedPrefix);
            Assert.False(Scan("\"container_cpu_cfs_periods_total{pod='p'}\"").HasWatchedPrefix);

            // An added prefix that shares nothing with the others: no common prefix, every trigger is asked.
            var added = PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "kube_pod_"));
            Assert.Equal(string.Empty, added.ContentTriggerPrefix);
            Assert.True(Scan("\"sum(kube_pod_info{pod='p'})\"", added).HasWatchedPrefix);
            Assert.True(Scan("\"sum(container_memory_rss{pod='p'})\"", added).HasWatchedPrefix);
        }

        [Theory]
        [InlineData("\"sum(container_memory_rss{pod='p'})\"")]
        [InlineData("@\"container_memory_rss{pod=\"\"p\"\"}\"")]
        [InlineData("\"container\\u005fmemory_rss{pod='p'}\"")]
        [InlineData("$\"sum(container_memory_rss{{pod='{a}'}})\"")]
        [InlineData("\"sum(\" + \"container_memory_rss{pod='\" + a + \"'})\"")]
        public void WatchedQuery_PrefixBracketAndShape(string expression)
        {
            var scan = Scan(expression);
            Assert.True(scan.HasWatchedPrefix);
            Assert.True(scan.HasBracket);
            Assert.True(scan.HasQueryShape);
        }

        [Theory]
        [InlineData("$\"User {a} ({b}) logged in\"")]
        [InlineData("\"SELECT * FROM t WHERE (id = 1)\"")]
        [InlineData("\"Processing [\" + b + \"] for \" + a")]
        public void ProseWithBrackets_NoQueryShape(string expression)
        {
            var scan = Scan(expression);
            Assert.True(scan.HasBracket);
            Assert.False(scan.HasQueryShape);
            Assert.False(scan.HasWatchedPrefix);
        }

        [Theory]
        [InlineData("$\"{a}{{pod='p'}}\"", true)]
        [InlineData("\"rate(\" + a + \"[5m])\"", true)]
        [InlineData("\"a\" + (\"b\" + \"c(\")", true)]
        [InlineData("\"plain text\"", false)]
        public void QueryShape(string expression, bool expected) => Assert.Equal(expected, Scan(expression).HasQueryShape);

        [Theory]
        [InlineData("\"a\"", false)]
        [InlineData("$\"a{b}\"", true)]
        [InlineData("\"a\" + b", true)]
        [InlineData("1 + 2 + \"x\"", true)]
        [InlineData("\"a\" + (\"b\" + a)", true)]
        [InlineData("\"a\" + \"b\"", false)]
        public void OtherParts(string expression, bool expected) => Assert.Equal(expected, Scan(expression).HasOtherParts);

        [Theory]
        [InlineData("\"http://x/api/v1/query?query=up\"", true)]
        [InlineData("\"api/v1/query?query=up\"", true)]
        [InlineData("$\"{a}/api/v1/query?query=up\"", true)]
        [InlineData("a + \"/api/v1/\" + \"query?query=up\"", true)]
        [InlineData("\"/api/v1\" + \"/query\"", false)]
        [InlineData("\"http://x/api/v2/query?query=up\"", false)]
        [InlineData("\"sum(rate(x[5m]))\"", false)]
        public void ApiPath(string expression, bool expected) => Assert.Equal(expected, Scan(expression).HasApiPath);

        [Theory]
        [InlineData("\"{0} of {1} users ({2:P1}) in {3}\"", false)]
        [InlineData("\"Item {0}: {1,5}\"", false)]
        [InlineData("\"rate({0}[5m])\"", true)]
        [InlineData("\"{0}{{job='x'}}\"", true)]
        [InlineData("\"up{{job='{0}'}}\"", true)]
        [InlineData("\"sum(x) by\"", true)]
        [InlineData("\"a {{ b }}[c]\"", true)]
        [InlineData("\"a {{b\"", false)]
        public void FormatQueryShape_ItemsAreHoles(string expression, bool expected)
        {
            var root = (ExpressionSyntax)SyntaxFactory.ParseExpression(expression);
            Assert.True(Scan(expression).HasQueryShape || !expected);
            Assert.Equal(expected, TextScan.FormatHasQueryShape(root));
        }
    }
}
