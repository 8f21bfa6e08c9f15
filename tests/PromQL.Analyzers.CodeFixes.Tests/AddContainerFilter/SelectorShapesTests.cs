using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.AddContainerFilter
{
    /// <summary>Where the matcher goes and how it is quoted, for every shape of selector; and where no fix is safe.</summary>
    public class SelectorShapesTests
    {
        [Fact]
        public Task BareName_BracesAppended() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate({|PROMQL001:container_memory_failcnt|}[5m])"
                    """),
                Sources.Marked("""
                    "rate(container_memory_failcnt{container!=\"\"}[5m])"
                    """));

        [Fact]
        public Task SpaceAfterBrace_KeptAfterTheComma() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{ namespace=\"ns\" }|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", namespace=\"ns\" }"
                    """));

        [Fact]
        public Task EmptyBraces_MatcherAlone() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{}|} > 0"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\"} > 0"
                    """));

        [Fact]
        public Task NameInsideBraces_MatcherFirst() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:{__name__=\"container_memory_rss\", pod=\"p\"}|}"
                    """),
                Sources.Marked("""
                    "{container!=\"\", __name__=\"container_memory_rss\", pod=\"p\"}"
                    """));

        [Fact]
        public Task SingleQuotedMatchers_SingleQuotesNoEscapes() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{namespace='ns', pod=\"p\"}|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!='', namespace='ns', pod=\"p\"}"
                    """));

        [Fact]
        public Task BacktickQuotedMatchers_Backticks() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{namespace=`ns`}|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=``, namespace=`ns`}"
                    """));

        [Fact]
        public Task PauseContainerMatcher_KeptBesideNewOne() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{container!=\"POD\", pod=\"p\"}|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", container!=\"POD\", pod=\"p\"}"
                    """));

        [Fact]
        public Task SelectorWithModifiers_ModifiersUntouched() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max_over_time({|PROMQL001:container_memory_rss{pod=\"p\"}|}[1h] offset 5m)"
                    """),
                Sources.Marked("""
                    "max_over_time(container_memory_rss{container!=\"\", pod=\"p\"}[1h] offset 5m)"
                    """));

        [Fact]
        public Task TwoSelectorsInOneString_BothFixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{pod=\"p\"}|} / {|PROMQL001:container_memory_usage_bytes|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", pod=\"p\"} / container_memory_usage_bytes{container!=\"\"}"
                    """));

        [Fact]
        public Task ConstantName_BracesInsertedAfterTheHole() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"max({|PROMQL001:{Metric}|})"
                    """),
                Sources.Marked("""
                    $"max({Metric}{{container!=\"\"}})"
                    """));

        [Fact]
        public Task ConstantNameWithBraces_MatcherInsertedInTheLiteral() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"{|PROMQL001:{Metric}{{pod='{pod}'}}|}"
                    """),
                Sources.Marked("""
                    $"{Metric}{{container!='', pod='{pod}'}}"
                    """));

        [Fact]
        public Task ConcatenationOutsideTheSelector_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max by (pod) (" + "{|PROMQL001:container_memory_rss{namespace=\"ns\"}|})"
                    """),
                Sources.Marked("""
                    "max by (pod) (" + "container_memory_rss{container!=\"\", namespace=\"ns\"})"
                    """));

        [Fact]
        public Task SelectorAcrossConcatenation_MatcherInsertedInTheLiteralWithTheBrace() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{namespace=\"ns\", " + "pod=\"p\"}|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", namespace=\"ns\", " + "pod=\"p\"}"
                    """));

        [Fact]
        public Task VariableOperandInAValue_Fixed() =>
            // The operand's value is unknown, but it stands inside quotes: it cannot change where the matcher goes.
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "{|PROMQL001:container_memory_rss{namespace=\"" + ns + "\"}|}"
                    """),
                Sources.Marked("""
                    "container_memory_rss{container!=\"\", namespace=\"" + ns + "\"}"
                    """));

        [Fact]
        public Task ConstantNameThenConcatenatedBraces_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "max(" + {|PROMQL001:Metric + "{pod=\"" + pod + "\"}|})"
                    """),
                Sources.Marked("""
                    "max(" + Metric + "{container!=\"\", pod=\"" + pod + "\"})"
                    """));

        [Fact]
        public Task BraceInAConstant_MatcherInsertedAtTheStartOfTheNextLiteral() =>
            // The brace is written in the constant's declaration; the matcher goes into the literal right after it.
            VerifyCS.VerifyCodeFixAsync(
                Sources.InMethod("""
                        const string Selector = "container_memory_rss{";
                        Run({|PROMQL001:Selector + "pod=\"p\"}|}");
                    """),
                Sources.InMethod("""
                        const string Selector = "container_memory_rss{";
                        Run(Selector + "container!=\"\", pod=\"p\"}");
                    """));

        [Fact]
        public Task WholeSelectorInAConstant_FixedInTheConstantNotWhereItIsUsed() =>
            // The use gets no fix of its own (every character is the constant's); the constant's literal gets it, and
            // with it the use is right too.
            VerifyCS.VerifyCodeFixAsync(
                Sources.InMethod("""
                        const string Selector = "{|PROMQL001:container_memory_rss{pod=\"p\"}|}";
                        Run("max(" + {|PROMQL001:Selector|} + ")");
                    """),
                Sources.InMethod("""
                        const string Selector = "container_memory_rss{container!=\"\", pod=\"p\"}";
                        Run("max(" + Selector + ")");
                    """));

        [Fact]
        public Task PodLevelSeriesSelectedOnPurpose_NoFix() =>
            // container="" selects the pod-level series alone; container!="" beside it would select nothing.
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "{|PROMQL001:container_memory_rss{container=\"\", pod=\"p\"}|}"
                """));

        [Fact]
        public Task QueryWithTypeError_NoFix() =>
            // A fix must know what the query means; a query Prometheus rejects means nothing yet.
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "rate({|PROMQL100:{|PROMQL001:container_memory_rss{pod=\"p\"}|}|})"
                """));
    }
}
