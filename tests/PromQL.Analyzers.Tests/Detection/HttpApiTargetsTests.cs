using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>
    /// <see cref="HttpApiTargets.Find"/> by syntax alone: the endpoint each form gives, and no allocation for the strings
    /// of ordinary code, which is nearly every string it is asked about.
    /// </summary>
    public class HttpApiTargetsTests
    {
        /// <summary>Strings in the places the forms look at (Append on a local, Add, indexers, pairs, initializers, Format), none of them a query parameter.</summary>
        private const string OrdinaryCode = """
            using System.Collections.Generic;
            using System.Text;

            class C
            {
                string M(string a, Dictionary<string, string> d, StringBuilder log)
                {
                    var sb = new StringBuilder("start");
                    sb.Append("name=");
                    sb.Append("value");
                    sb.Append(a).Append("&other=").Append("x");
                    log.Append("line");
                    var built = new StringBuilder(16).Append("a").Append("b").ToString();
                    d.Add("name", "value");
                    d["key"] = "value";
                    var map = new Dictionary<string, string> { ["a"] = "b", { "c", "d" } };
                    var pairs = new[] { new KeyValuePair<string, string>("k", "v"), KeyValuePair.Create("k2", "v2") };
                    List<KeyValuePair<string, string>> list = [new("k", "v")];
                    var text = string.Format("{0} and {1}", "x", a);
                    var path = $"{a}/api/v1/items?id={"x"}&name={a}";
                    var joined = "prefix-" + a + "-suffix" + "end";
                    return sb.ToString() + text + path + joined;
                }
            }
            """;

        private static ExpressionSyntax[] Strings(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            return tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().Where(StringExpressions.IsRoot).ToArray();
        }

        [Fact]
        public void OrdinaryStrings_NotFound_AndNothingAllocated()
        {
            var strings = Strings(OrdinaryCode);
            Assert.True(strings.Length > 20);

            // The first pass builds the red nodes the look-ups visit; the second must allocate nothing more.
            foreach (var root in strings)
            {
                Assert.False(HttpApiTargets.Find(root).IsFound, root.ToString());
            }

            var allocating = new System.Collections.Generic.List<string>();
            foreach (var root in strings)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var found = HttpApiTargets.Find(root).IsFound;
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (found || allocated != 0)
                {
                    allocating.Add(root + ": " + allocated);
                }
            }

            Assert.True(allocating.Count == 0, string.Join(" | ", allocating));
        }

        [Theory]
        [InlineData("var sb = new StringBuilder(b); sb.Append(\"/api/v1/query?query=\"); sb.Append(@Q);", nameof(QueryKind.Instant))]
        [InlineData("var sb = new StringBuilder(); sb.Append(b).Append(\"/api/v1/query_range\"); sb.Append('?').Append(\"query=\"); sb.Append(@Q);", nameof(QueryKind.Range))]
        [InlineData("var sb = new StringBuilder(b + \"/api/v1/series?match[]=\"); sb.Append(@Q);", nameof(QueryKind.Selector))]
        [InlineData("var form = new Dictionary<string, string>(); form.Add(\"query\", @Q); http.PostAsync(b + \"/api/v1/query_exemplars\", new FormUrlEncodedContent(form));", nameof(QueryKind.Exemplars))]
        [InlineData("var qs = HttpUtility.ParseQueryString(\"\"); qs[\"match[]\"] = @Q; var u = $\"{b}/api/v1/label/job/values?{qs}\";", nameof(QueryKind.Selector))]
        [InlineData("var u = $\"{b}/api/v1/query_range{QueryString.Create(\"query\", @Q)}\";", nameof(QueryKind.Range))]
        // A builder from elsewhere: what it held is unknown, but the path is appended here.
        [InlineData("other.Append(b + \"/api/v1/query?\"); other.Append(\"query=\"); other.Append(@Q);", nameof(QueryKind.Instant))]
        public void Forms_EndpointKind(string statements, string kind)
        {
            var source = "class C { void M(string b, StringBuilder other) { " + statements.Replace("@Q", "\"rate(up)\"", StringComparison.Ordinal) + " } }";
            var query = Strings(source).Single(s => s.ToString() == "\"rate(up)\"");
            Assert.Equal(Enum.Parse<QueryKind>(kind), HttpApiTargets.Find(query).Kind);
        }

        [Theory]
        // Statements between the appends that use the builder otherwise, or a builder not declared in reach.
        [InlineData("var sb = new StringBuilder(b); sb.Append(\"/api/v1/query?\"); sb.Clear(); sb.Append(\"query=\"); sb.Append(@Q);")]
        [InlineData("other.Append(\"?query=\"); other.Append(@Q);")]
        // An entry of a collection that is never sent, or sent to a URL with no Prometheus path.
        [InlineData("var form = new Dictionary<string, string>(); form.Add(\"query\", @Q);")]
        [InlineData("var form = new Dictionary<string, string>(); form.Add(\"query\", @Q); http.PostAsync(b, new FormUrlEncodedContent(form));")]
        [InlineData("var other = new Dictionary<string, string>(); var form = new Dictionary<string, string>(); form.Add(\"query\", @Q); http.PostAsync(b + \"/api/v1/query\", new FormUrlEncodedContent(other));")]
        public void Forms_NotFound(string statements)
        {
            var source = "class C { void M(string b, StringBuilder other) { " + statements.Replace("@Q", "\"rate(up)\"", StringComparison.Ordinal) + " } }";
            var query = Strings(source).Single(s => s.ToString() == "\"rate(up)\"");
            Assert.False(HttpApiTargets.Find(query).IsFound);
        }
    }
}
