using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveNetworkContainerFilterCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.RemoveNetworkContainerFilter
{
    /// <summary>
    /// PROMQL005's fix: the container matcher of a network selector deleted with its comma (or its braces) in every literal
    /// kind, all at once in Fix All; none for a grouping label or where a constant holds the matcher.
    /// </summary>
    public class RemoveNetworkContainerFilterTests
    {
        [Fact]
        public Task RegularString_MatcherAndCommaDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{{|PROMQL005:container!=\"\"|}, pod=\"api\"}[5m])"
                    """),
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod=\"api\"}[5m])"
                    """));

        [Fact]
        public Task RegularString_LastMatcherTakesTheCommaBefore() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod='api', {|PROMQL005:container!=''|}}[5m])"
                    """),
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod='api'}[5m])"
                    """));

        [Fact]
        public Task OnlyMatcher_BracesDeleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum(rate(container_network_transmit_bytes_total{{|PROMQL005:container=~'app.+'|}}[5m]))"
                    """),
                Sources.Marked("""
                    "sum(rate(container_network_transmit_bytes_total[5m]))"
                    """));

        [Fact]
        public Task RegularStringWithEscapes_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod='a',\u0020{|PROMQL005:container\u0021=''|}}[5m])"
                    """),
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod='a'}[5m])"
                    """));

        [Fact]
        public Task VerbatimString_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"rate(container_network_receive_bytes_total{pod=""api"", {|PROMQL005:container=""app""|}}[5m])"
                    """""),
                Sources.Marked("""""
                    @"rate(container_network_receive_bytes_total{pod=""api""}[5m])"
                    """""));

        [Fact]
        public Task RawString_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """rate(container_network_receive_bytes_total{{|PROMQL005:container!=""|}, pod="api"}[5m])"""
                    """""),
                Sources.Marked("""""
                    """rate(container_network_receive_bytes_total{pod="api"}[5m])"""
                    """""));

        [Fact]
        public Task MultiLineRawString_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """
                        rate(container_network_receive_bytes_total{
                          pod="api",
                          {|PROMQL005:container!=""|}
                        }[5m])
                        """
                    """""),
                Sources.Marked("""""
                    """
                        rate(container_network_receive_bytes_total{
                          pod="api"
                        }[5m])
                        """
                    """""));

        [Fact]
        public Task InterpolatedWithHoleInAnotherValue_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"rate(container_network_receive_bytes_total{{pod=\"{pod}\", {|PROMQL005:container!=\"\"|}}}[5m])"
                    """),
                Sources.Marked("""
                    $"rate(container_network_receive_bytes_total{{pod=\"{pod}\"}}[5m])"
                    """));

        [Fact]
        public Task InterpolatedBracesOnlyMatcher_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"rate(container_network_receive_bytes_total{{{|PROMQL005:container!=\"\"|}}}[{ns}])"
                    """),
                Sources.Marked("""
                    $"rate(container_network_receive_bytes_total[{ns}])"
                    """));

        [Fact]
        public Task Concatenation_MatcherInSecondPart_Deleted() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod=\"api\"" + ", {|PROMQL005:container!=\"\"|}}[5m])"
                    """),
                Sources.Marked("""
                    "rate(container_network_receive_bytes_total{pod=\"api\"" + "}[5m])"
                    """));

        [Fact]
        public Task EveryMatcherOfTheQuery_FixAllDeletesThemAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum(rate(container_network_receive_bytes_total{{|PROMQL005:container!=\"\"|}, pod=\"a\"}[5m])) + sum(rate(container_network_transmit_bytes_total{pod=\"a\", {|PROMQL005:container=~\"app-.+\"|}}[5m]))"
                    """),
                Sources.Marked("""
                    "sum(rate(container_network_receive_bytes_total{pod=\"a\"}[5m])) + sum(rate(container_network_transmit_bytes_total{pod=\"a\"}[5m]))"
                    """));

        [Fact]
        public Task GroupingLabel_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "sum by (pod, {|PROMQL005:container|}) (rate(container_network_receive_bytes_total[5m]))"
                """));

        [Fact]
        public Task MatcherInAConstant_NoFix() =>
            VerifyCS.VerifyNoFixAsync("""
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    const string Filter = "container!=\"\"";

                    void Run([StringSyntax("PromQL")] string query) { }

                    void M() => Run($"rate(container_network_receive_bytes_total{{pod=\"a\", {|PROMQL005:{Filter}|}}}[5m])");
                }
                """);

        [Fact]
        public async Task WithRemovedCadvisorLabel_BothFixesCompose()
        {
            var source = Sources.Marked("\"sum by (pod) (rate(container_network_receive_bytes_total{pod_name=\\\"a\\\", container!=\\\"\\\"}[5m]))\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("sum by (pod) (rate(container_network_receive_bytes_total{pod=\\\"a\\\"}[5m]))", fixedText);
        }
    }
}
