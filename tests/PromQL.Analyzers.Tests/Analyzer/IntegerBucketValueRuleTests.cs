using System.Linq;
using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL031 end to end: every marking path (queries and <c>match[]</c> selectors) in every literal form it fits, with
    /// exact spans on the integer; holes and non-constant values are never reported.
    /// </summary>
    public class IntegerBucketValueRuleTests
    {
        private const string Query = """sum(rate(http_request_duration_seconds_bucket{job="api", le="{|PROMQL031:1|}"}[5m])) / sum(rate(http_request_duration_seconds_count{job="api"}[5m]))""";

        private const string Selector = """http_request_duration_seconds_bucket{le=~"0.5|{|PROMQL031:1|}|2.5"}""";

        public static TheoryData<string, string> QueryCases => DetectionMatrix.Cases(DetectionPaths.Queries);

        public static TheoryData<string, string> SelectorCases => DetectionMatrix.Cases(DetectionPaths.Selectors);

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task EqualityOnIntegerLe_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Theory]
        [MemberData(nameof(SelectorCases))]
        public Task RegexAlternative_EverySelectorPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Selector, path, form);

        [Fact]
        public Task BothFormsAlreadyMatched_NothingInAnyPath() =>
            DetectionMatrix.VerifyEveryPathAsync("""http_request_duration_seconds_bucket{le=~"1(\\.0)?"}""", DetectionPaths.Marked);

        [Fact]
        public Task HoleInValue_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"foo_bucket{{le=\\\"{pod}\\\"}}\""));

        [Fact]
        public Task ConstantInValue_Reported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                const string Bound = "1";
                Run($"foo_bucket{{le=\"{|PROMQL031:{Bound}|}\"}}");
                """));

        [Fact]
        public Task QuantileOfSummary_Reported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("""go_gc_duration_seconds{quantile="{|PROMQL031:1|}"}"""));

        [Fact]
        public Task UnmarkedString_NotRead() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("""foo_bucket{le="1"}"""));
    }
}
