using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;

namespace PromQL.Analyzers.CodeFixes.Tests.Composition
{
    /// <summary>PROMQL010, 011, 012 and 015 in one string: their fixes merge without overlapping, and nothing is left to report.</summary>
    public class MetricTypeRulesTests
    {
        [Fact]
        public async Task EveryMetricTypeFix_MergedInOneString_NothingLeft()
        {
            var source = Sources.Marked("""
                "rate(node_load1[5m]) + delta(node_cpu_seconds_total[5m]) + node_cpu_seconds_total + rate(sum(myapp_requests_total)[5m:])"
                """);

            var fixedSource = await FixHarness.FixAllMergedAsync(source);

            Assert.Equal(
                Sources.Marked("""
                    "deriv(node_load1[5m]) + increase(node_cpu_seconds_total[5m]) + rate(node_cpu_seconds_total[5m]) + sum(rate(myapp_requests_total[5m]))"
                    """),
                fixedSource);
            Assert.Empty(await FixHarness.GetDiagnosticsAsync(FixHarness.CreateDocument(fixedSource)));
        }

        [Fact]
        public async Task GaugeFunctionOverCounter_NotAlsoReportedRaw()
        {
            // delta over a counter is PROMQL011's; PROMQL012 leaves it, so one fix, not two that fight.
            var document = FixHarness.CreateDocument(Sources.Marked("\"delta(node_cpu_seconds_total[5m])\""));
            var diagnostic = Assert.Single(await FixHarness.GetDiagnosticsAsync(document));
            Assert.Equal(DiagnosticIds.GaugeFunctionOverCounter, diagnostic.Id);
        }
    }
}
