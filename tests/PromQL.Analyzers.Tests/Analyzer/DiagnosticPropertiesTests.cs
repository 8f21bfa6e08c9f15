using System.Linq;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Tests.Robustness;
using Xunit;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>
    /// The fix properties reach the reported diagnostics: offsets in the query's logical text, never in source, whatever
    /// the literal's escapes; none for PROMQL100, and none on a query with errors.
    /// </summary>
    public class DiagnosticPropertiesTests
    {
        [Fact]
        public void VerbatimLiteralWithEscapedQuotes_OffsetsInQueryText()
        {
            var run = AnalyzerRun.Analyze(Sources.Marked("@\"sum(container_memory_rss{namespace=\"\"a\"\",pod=\"\"b\"\"})\""));
            Assert.Null(run.Failure);
            var diagnostics = run.PromQlDiagnostics;
            Assert.Equal(
                "InsertAt=25|InsertText=container!=\"\", |NodeEnd=47|NodeStart=4|QueryLength=48",
                Describe(diagnostics.Single(d => d.Id == DiagnosticIds.ContainerFilterMissing)));
            Assert.Equal(
                "NodeEnd=48|NodeStart=0|OperandEnd=47|OperandStart=4|QueryLength=48",
                Describe(diagnostics.Single(d => d.Id == DiagnosticIds.RedundantSum)));
        }

        [Fact]
        public void QueryWithSemanticError_FindingsWithoutProperties()
        {
            // rate() of an instant vector: PROMQL100, and PROMQL001 on the selector, but no fix on a query with errors.
            var run = AnalyzerRun.Analyze(Sources.Query("rate(container_memory_rss{pod='p'})"));
            Assert.Null(run.Failure);
            var diagnostics = run.PromQlDiagnostics;
            Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.InvalidQuery);
            Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.ContainerFilterMissing);
            Assert.All(diagnostics, d => Assert.Empty(d.Properties));
        }

        private static string Describe(Diagnostic diagnostic) =>
            string.Join("|", diagnostic.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }
}
