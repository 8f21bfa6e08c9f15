using System.Threading.Tasks;
using PromQL.Analyzers.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>The selector rules (PROMQL02x) end to end: every marking path in every literal form, holes, escapes.</summary>
    public class SelectorRulesDetectionTests
    {
        /// <summary>Two values of one label, one with a quote (written <c>\"</c>, <c>""</c> or as it is): the span is the selector.</summary>
        private const string Promql024 = """rate({|PROMQL024:http_requests_total{job="a\"b", job='c'}|}[5m])""";

        public static TheoryData<string, string> QueryCases => DetectionMatrix.Cases(DetectionPaths.Queries);

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task Promql024_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql024, path, form);

        /// <summary>A plain regex value holding a quote: the span is the matcher.</summary>
        private const string Promql020 = """sum(rate(http_requests_total{code!="200", {|PROMQL020:job=~"a\"b"|}}[5m]))""";

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task Promql020_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql020, path, form);

        /// <summary>Redundant anchors around a value with an escaped quote and a regex-escaped dot (<c>\\.</c> in the PromQL string).</summary>
        private const string Promql021 = """sum(rate(http_requests_total{code!="200", {|PROMQL021:job=~"^a\"b\\..*$"|}}[5m]))""";

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task Promql021_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql021, path, form);

        /// <summary>A long-way matcher beside a value with a quote.</summary>
        private const string Promql022 = """sum(rate(http_requests_total{code!="a\"b", {|PROMQL022:job=~".+"|}}[5m]))""";

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task Promql022_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql022, path, form);

        /// <summary>A status-class regex written with = beside a value with a quote, and an IP:port, not reported.</summary>
        private const string Promql023 = """sum(rate(http_requests_total{job="a\"b", host="10.0.0.1:9100", {|PROMQL023:code="5.."|}}[5m]))""";

        [Theory]
        [MemberData(nameof(QueryCases))]
        public Task Promql023_EveryMarkingPathAndForm(string path, string form) => DetectionMatrix.VerifyAsync(Promql023, path, form);

        [Fact]
        public Task Promql021_HoleInTheValue_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"up{{job=~\"^{pod}.*$\"}}"
                """));

        [Fact]
        public Task Promql022_HoleInTheValue_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"up{{job=~\".{pod}\", pod=~\".*{pod}\"}}"
                """));

        [Fact]
        public Task Promql022_MatchEverythingAloneInBraces_OnlyPromql100() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL100:{job=~'.*'}|}"
                """));

        [Fact]
        public Task Promql022_UnmarkedStringWithoutTrigger_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                "up{job=~\".+\", a=~\"^b$\"}"
                """));

        [Fact]
        public Task Promql020_HoleInTheValue_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"up{{job=~\"{pod}\"}}"
                """));

        [Fact]
        public Task Promql024_HoleInAValue_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"up{{job=\"{pod}\", job=\"b\"}}"
                """));

        [Fact]
        public Task Promql024_HoleInAnotherMatcher_StillReported() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL024:up{{instance=\"{pod}\", job=\"\", {|PROMQL022:job=~\".+\"|}}}|}"
                """));

        [Fact]
        public Task Promql024_UnmarkedStringWithoutTrigger_Nothing() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                "up{job=\"a\", job=\"b\"}"
                """));
    }
}
