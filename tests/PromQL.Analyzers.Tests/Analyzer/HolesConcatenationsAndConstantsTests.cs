using System.Threading.Tasks;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// Interpolation holes of unknown value, <c>+</c> concatenations and constants: a diagnostic that spans a hole
    /// or a <c>+</c> runs from its first source character to its last.
    /// </summary>
    public class HolesConcatenationsAndConstantsTests
    {
        [Fact]
        public Task InterpolatedHoleInPod_Diagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL001:container_memory_rss{{pod='{pod}'}}|}"
                """));

        [Fact]
        public Task InterpolatedHolesInNamespaceAndPod_BothDiagnosticsSpanHoles() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|})|}"
                """));

        [Fact]
        public Task InterpolatedHolesUnmarked_BothDiagnosticsByContent() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                $"{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|})|}"
                """));

        [Fact]
        public Task InterpolatedHoleInContainerValue_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"container_memory_rss{{pod='p',container='{container}'}}"
                """));

        [Fact]
        public Task InterpolatedHoleInContainerRegex_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"container_memory_rss{{container=~'{container}'}}"
                """));

        [Fact]
        public Task InterpolatedHoleInContainerValueOfPinnedSum_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"sum(container_memory_rss{{namespace='n',pod='p',container!='{container}'}})"
                """));

        [Fact]
        public Task InterpolatedWholeMatcherHole_NoDiagnostic() =>
            // The hole may well be container!="": unknown, so nothing is reported.
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"container_memory_rss{{pod='p',{matcher}}}"
                """));

        [Fact]
        public Task InterpolatedHoleAsMetricName_NoDiagnostic() =>
            // Unknown name: not watched, and a hole never makes the query invalid.
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"sum({metric}{{namespace='n',pod='p'}})"
                """));

        [Fact]
        public Task InterpolatedHolesEverywhere_NoInvalidQuery() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"sum by ({matcher}) (rate(http_requests_total{{namespace='{ns}'}}[{window}] offset {window})) > {pod}"
                """));

        [Fact]
        public Task InterpolatedHoleAsWholeSubExpression_NoInvalidQuery() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"sum({metric}) / count({matcher})"
                """));

        [Fact]
        public Task ConcatenationSpanningPlus_SelectorRunsFromFirstToLastCharacter() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "max({|PROMQL001:container_memory_rss{" + "pod='p'}|})"
                """));

        [Fact]
        public Task ConcatenationOverSeveralLines_BothDiagnosticsSpanPluses() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL002:sum(" +
                    "{|PROMQL001:container_memory_rss" +
                    "{namespace='n',pod='p'}|}" +
                    ")|}"
                """));

        [Fact]
        public Task ConcatenationOfLiteralKinds_DiagnosticSpansAll() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""""
                "max({|PROMQL001:container_memory_rss{" + @"pod=""p""," + $"namespace='{ns}'" + """}|})"""
                """""));

        [Fact]
        public Task ConcatenationWithNonConstantOperand_OperandIsHole() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL001:container_memory_rss{pod='" + pod + "'}|}"
                """));

        [Fact]
        public Task ConcatenationWithNonConstantContainerValue_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "container_memory_rss{container='" + container + "'}"
                """));

        [Fact]
        public Task ParenthesizedConcatenation_DiagnosticSpansPluses() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                ("{|PROMQL001:container_memory_rss" + ("{pod='p'}|}"))
                """));

        [Fact]
        public Task ConstantInInterpolationHole_SelectorStartsAtHole() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                $"{|PROMQL002:sum({|PROMQL001:{Metric}{{pod='p',namespace='n'}}|})|}"
                """));

        [Fact]
        public Task ConstantInInterpolationHoleUnmarked_FoundByContent() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                $"{|PROMQL002:sum({|PROMQL001:{Metric}{{pod='p',namespace='n'}}|})|}"
                """));

        [Fact]
        public Task ConstantInConcatenation_SelectorStartsAtIdentifier() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Marked("""
                "{|PROMQL002:sum(" + {|PROMQL001:Metric + "{pod='p',namespace='n'}|})|}"
                """));

        [Fact]
        public Task ConstantInConcatenationUnmarked_FoundByContent() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.Unmarked("""
                "{|PROMQL002:sum(" + {|PROMQL001:Metric + "{pod='p',namespace='n'}|})|}"
                """));

        [Fact]
        public Task LocalConstantInInterpolation_FoundByContent() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                const string name = "container_memory_cache";
                var text = $"max({|PROMQL001:{name}{{pod='p'}}|})";
                """));

        [Fact]
        public Task QualifiedConstantInConcatenation_SelectorStartsAtQualifiedName() =>
            VerifyCS.VerifyAnalyzerAsync("""
                static class Metrics
                {
                    public const string Rss = "container_memory_rss";
                }

                class D
                {
                    string text = "max(" + {|PROMQL001:Metrics.Rss + "{pod='p'}|})";
                }
                """);

        [Fact]
        public Task ConstantHoldingContainerFilter_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                const string notPodLevel = "container!=''";
                Run($"sum(container_memory_rss{{namespace='n',pod='p',{notPodLevel}}})");
                """));

        [Fact]
        public Task ConstantWithUnwatchedMetric_NoDiagnostic() =>
            VerifyCS.VerifyAnalyzerAsync(Sources.InMethod("""
                const string name = "container_network_receive_bytes_total";
                var text = $"sum({name}{{pod='p',namespace='n'}})";
                """));
    }
}
