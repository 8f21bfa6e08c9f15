using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Unmarked strings holding a watched metric and a bracket, that parse without errors, get the container rules and
    /// never PROMQL100.
    /// </summary>
    public class ContentDetectionTests
    {
        [Fact]
        public Task UnmarkedWatchedSelector_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("{|PROMQL001:container_memory_rss{pod='p'}|}"));

        [Fact]
        public Task UnmarkedPinnedSum_BothDiagnosticsAndThePlainRegex() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                "{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{namespace='ns',{|PROMQL020:pod=~'name'|}}|}) by (pod,namespace)|}"
                """));

        [Fact]
        public Task UnmarkedParenthesizedName_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("({|PROMQL001:container_memory_rss|})"));

        [Fact]
        public Task UnmarkedInFieldInitializer_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync("""
                class C
                {
                    private const string Query = "{|PROMQL001:container_memory_rss{pod='p'}|}";
                }
                """);

        [Fact]
        public Task UnmarkedArgumentToUnrelatedMethod_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                System.Console.WriteLine("max({|PROMQL001:container_memory_rss{namespace='n'}|})");
                """));

        [Fact]
        public Task UnmarkedNameWithoutBracket_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("container_memory_rss"));

        [Fact]
        public Task UnmarkedUnclosedQuery_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("\"sum(container_memory_rss{pod='x'}\""));

        [Fact]
        public Task UnmarkedTypeError_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("rate(container_memory_rss{pod='p'})"));

        [Fact]
        public Task UnmarkedFilteredSelector_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("sum(container_memory_rss{namespace='n', pod='p', container!=''})"));

        [Fact]
        public Task UnmarkedInvalidWithoutWatchedMetric_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("rate(up{job='a'}"));

        [Fact]
        public Task UnmarkedUnwatchedMetric_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.UnmarkedQuery("sum(node_memory_Active_bytes{instance='a'})"));

        [Fact]
        public Task DetectByContentOff_NoDiagnosticForUnmarked() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.InMethod("""
                    var text = "sum(container_memory_rss{namespace='n',pod='p'})";
                    var hole = $"sum({Metric}{{namespace='n',pod='{pod}'}})";
                    """),
                "promql.detect_by_content = false\n");

        [Fact]
        public Task DetectByContentOff_MarkedStillReported() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.InMethod("""
                    Run("{|PROMQL001:container_memory_rss{pod='p'}|}");
                    Run("rate({|PROMQL100:up|})");
                    """),
                "promql.detect_by_content = false\n");

        [Fact]
        public Task DetectByContentExplicitlyOn_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.UnmarkedQuery("{|PROMQL001:container_memory_rss{pod='p'}|}"),
                "promql.detect_by_content = true\n");
    }
}
