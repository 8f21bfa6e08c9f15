using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// PROMQL032 end to end: every marking path in every literal form, on the construct's characters; the declared flags of
    /// <c>promql.enabled_features</c> silence it; a malformed value is PROMQL900; never a PROMQL100 for a flagged feature.
    /// </summary>
    public class UndeclaredFeatureRuleTests
    {
        private const string Query = "{|PROMQL032:limitk|}(5, rate(http_requests_total[5m] {|PROMQL032:anchored|}))";

        private const string Key = "promql.enabled_features";

        public static TheoryData<string, string> QueryCases => DetectionMatrix.Cases(DetectionPaths.Queries);

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task ExperimentalAggregationAndAnchored_EveryPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Query, path, form);

        [Fact]
        public Task Message_NamesTheConstructAndTheFlag() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate(http_requests_total[5m] offset {|#0:(1h + 5m)|})"),
                VerifyCS.Diagnostic(DiagnosticIds.UndeclaredFeature).WithLocation(0)
                    .WithArguments("the duration expression '(1h + 5m)'", "promql-duration-expr"));

        [Fact]
        public Task FillModifier_OnTheKeywordAndItsValue() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("sum by (job) (up) / on(job) {|PROMQL032:fill_left(1)|} sum by (job) (http_requests_total)"));

        [Theory]
        [InlineData("promql-experimental-functions, promql-extended-range-selectors")]
        [InlineData(" promql-extended-range-selectors ,promql-experimental-functions,, ")]
        [InlineData("promql-experimental-functions,promql-extended-range-selectors,promql-delayed-name-removal,native-histograms")]
        public Task FlagsDeclared_NoDiagnostic(string value) =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("limitk(5, rate(http_requests_total[5m] anchored))"), Key + " = " + value + "\n");

        [Fact]
        public Task OneFlagDeclared_TheOtherReported() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("limitk(5, rate(http_requests_total[5m] {|PROMQL032:anchored|}))"),
                Key + " = promql-experimental-functions\n");

        [Fact]
        public Task UnknownFlag_Promql900AndTheOthersKept() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("limitk(5, rate(http_requests_total[5m] {|PROMQL032:anchored|}))"),
                Key + " = promql-experimental-functions, promql-anchored\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    Key,
                    "promql-experimental-functions, promql-anchored",
                    "'promql-anchored' is not an --enable-feature flag of Prometheus 3 (the parser's: promql-experimental-functions, " +
                    "promql-duration-expr, promql-extended-range-selectors, promql-binop-fill-modifiers)"));

        [Fact]
        public Task UpperCaseFlag_Promql900NamingTheLowerCase() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL032:limitk|}(5, up)"),
                Key + " = PromQL-Experimental-Functions\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    Key, "PromQL-Experimental-Functions", "'PromQL-Experimental-Functions' is not a flag name: Prometheus's are lower case ('promql-experimental-functions')"));

        [Fact]
        public Task WrittenAsTheCommandLine_Promql900() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("{|PROMQL032:limitk|}(5, up)"),
                Key + " = --enable-feature=promql-experimental-functions\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    Key, "--enable-feature=promql-experimental-functions", "'--enable-feature=promql-experimental-functions' is written with --enable-feature=; list the flag names only"));

        [Fact]
        public Task HoleInTheDurationExpression_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("$\"rate(http_requests_total[{window} + 1m])\""));

        [Fact]
        public Task ConstantInTheDurationExpression_Reported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                const string Extra = "1m";
                Run($"rate(http_requests_total[{|PROMQL032:5m + {Extra}|}])");
                """));

        [Fact]
        public Task StableQuery_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Query("topk(5, rate(http_requests_total[5m] offset 1h))"));
    }
}
