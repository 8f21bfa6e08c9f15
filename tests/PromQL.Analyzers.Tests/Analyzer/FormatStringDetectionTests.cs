using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// A <c>string.Format</c> composite format whose result reaches a PromQL target is the query, read as .NET reads it:
    /// <c>{{</c> and <c>}}</c> are braces (a diagnostic covers both characters), and an item (<c>{0}</c>, <c>{1,5}</c>,
    /// <c>{0:N2}</c>) is a hole that maps to the whole item, as an interpolation does. A format .NET would throw for is
    /// not read at all. The same holds for <c>CompositeFormat.Parse</c>, and for an interpolated string given to
    /// <c>FormattableString.Invariant</c> or <c>string.Create</c>, whose result is what flows.
    /// </summary>
    public class FormatStringDetectionTests
    {
        private static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.Globalization;

            class C
            {
                const string Up = "up";

                void Run([StringSyntax("PromQL")] string query) { }

                void M(string ns, string pod, string job, int n, double ratio, object[] values)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        [Fact]
        public Task FormatIntoTarget_ItemsAreHolesAndBracesDecoded() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format("sum({|PROMQL001:container_memory_working_set_bytes{{namespace=\"{0}\"}}|})", ns));
                """));

        [Fact]
        public Task FormatEveryLiteralKind_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod(""""
                Run(string.Format(@"{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace=""{0}"",pod=""{1}""}}|})|}", ns, pod));
                Run(string.Format("""{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace="{0}",pod="{1}"}}|})|}""", ns, pod));
                Run(string.Format("{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='{0}'," + "pod='{1}'}}|})|}", ns, pod));
                Run(string.Format("rate(" + {|PROMQL100:Up + "{{pod='{0}'}}|})", pod));
                """"));

        [Fact]
        public Task FormatItemsWithAlignmentAndFormat_AreHoles() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format("sum(rate(http_requests_total{{job=\"{0,5}\"}}[{1}])) > {|PROMQL041:{2:N2}|}", job, n, ratio));
                Run(string.Format("{|PROMQL100:no_such_function|}({0:N2})", ratio));
                """));

        [Fact]
        public Task InvalidQueryInFormat_MapsToSourceCharacters() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format("sum(rate(http_requests_total{{job=\"{0}\"}}[5m]){|PROMQL100:|}", job));
                Run(string.Format("rate({|PROMQL100:up{{job='{0}'}}|})", job));
                """));

        [Fact]
        public Task ProviderFirst_AndStringType_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format(CultureInfo.InvariantCulture, "rate({|PROMQL100:up{{job='{0}'}}|})", job));
                Run(String.Format(null, "rate({|PROMQL100:up{{job='{0}'}}|})", job));
                Run(System.String.Format(format: "rate({|PROMQL100:up{{job='{0}'}}|})", arg0: job));
                Run(string.Format("rate({|PROMQL100:up{{job='{0}'}}|})", new object[] { job }));
                Run(string.Format("rate({|PROMQL100:up{{job='{0}',a='{1}',b='{2}',c='{3}'}}|})", job, job, job, job));
                """));

        [Fact]
        public Task FormatThroughLocal_AndLanguageComment_Diagnostics() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var q = string.Format("rate({|PROMQL100:up{{job='{0}'}}|})", job);
                Run(q);
                // lang=promql
                var marked = string.Format("rate({|PROMQL100:up{{job='{0}'}}|})", job);
                """));

        [Fact]
        public Task FormatByContent_LikeAnInterpolatedString() =>
            // Unmarked and going nowhere: found by its watched metric, it gets the content rules once it parses.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                var text = string.Format("{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{0}',pod='{1}'}}|})|}", ns, pod);
                var invalid = string.Format("sum(rate(container_memory_rss{{pod='{0}'}}[5m])", pod);
                """));

        [Theory]
        // .NET throws a FormatException for each of these: there is no query to analyse.
        [InlineData("\"sum(container_memory_rss{pod='{0}'})\"")]
        [InlineData("\"sum(container_memory_rss{{pod='{0}'})\"")]
        [InlineData("\"rate(up{{job='{ 0}'}}\"")]
        [InlineData("\"rate(up{{job='{0:{{}'}}\"")]
        [InlineData("\"rate(up{{job='{0,-x}'}}\"")]
        [InlineData("\"rate(up{{job='{0'}}\"")]
        [InlineData("\"rate(up{{job='{1}'}}\"")]
        [InlineData("\"rate(up{{job='{a}'}}\"")]
        public Task MalformedFormat_NoDiagnostic(string format) =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("Run(string.Format(" + format + ", job));"));

        [Fact]
        public Task FormatArrayOfUnknownLength_ItemsStillHoles() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format("rate({|PROMQL100:up{{job='{7}'}}|})", values));
                """));

        [Fact]
        public Task FormatResultNowherePromQl_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Console.WriteLine(string.Format("rate(up{{job='{0}'}}", job));
                var log = string.Format("Query {0} failed: sum(", job);
                var plain = string.Format("{0}", "rate(up");
                """));

        [Fact]
        public Task FormatArgumentIntoTarget_IsNoFormat() =>
            // Only the format is read as one: a string given as an argument is a string of its own.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(string.Format("{0}", "rate(up{{job}}"));
                Run(string.Format("{0} + {1}", "{{", "}}"));
                """));

        [Fact]
        public Task OtherFormatMethods_ReadAsTheyStand() =>
            // Not string's: the literal is read as it is, and goes into Format, which is no PromQL target.
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(Fmt.Format("rate(up{{job='{0}'}})", job));
                """) + """

                static class Fmt { public static string Format(string f, params object[] a) => f; }
                """);

        [Fact]
        public Task CompositeFormatParse_ReadAsFormat() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                // lang=promql
                var parsed = System.Text.CompositeFormat.Parse("rate({|PROMQL100:up{{job='{0}'}}|})");
                var byContent = System.Text.CompositeFormat.Parse("{|PROMQL002:sum({|PROMQL001:container_memory_rss{{namespace='{0}',pod='{1}'}}|})|}");
                """));

        [Fact]
        public Task FormattableStringInvariantAndStringCreate_ResultFlows() =>
            VerifyCS.VerifyAnalyzerAsync(InMethod("""
                Run(FormattableString.Invariant($"rate({|PROMQL100:up{{job='{job}'}}|})"));
                Run(FormattableString.CurrentCulture($"rate({|PROMQL100:up{{job='{job}'}}|})"));
                Run(string.Create(CultureInfo.InvariantCulture, $"rate({|PROMQL100:up{{job='{job}'}}|})"));
                """));
    }
}
