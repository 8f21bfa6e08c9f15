using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;

namespace PromQL.Analyzers.CodeFixes.Tests.Composition
{
    /// <summary>The selector fixes (PROMQL020-023) beside each other and beside PROMQL001's and PROMQL003's: merged on one text, no edit overlaps another.</summary>
    public class SelectorFixesTests
    {
        [Fact]
        public async Task EverySelectorFixInOneQuery_MergedWithoutOverlap()
        {
            var source = Sources.Marked("\"up{a=~'x', b=~'^y.*$', c=~'.+', d!~'.+', e=~'.*'}\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("\"up{a='x', b=~'y.*', c!='', d=''}\"", fixedText, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnchorsThenPlainRegex_SecondPassMakesTheEquality()
        {
            // ^api$ is no plain regex (PROMQL020 stays silent on metacharacters); once PROMQL021 drops the anchors it is.
            var once = await FixHarness.FixAllMergedAsync(Sources.Marked("\"up{job=~'^api$'}\""));
            Assert.Contains("\"up{job=~'api'}\"", once, System.StringComparison.Ordinal);
            var twice = await FixHarness.FixAllMergedAsync(once);
            Assert.Contains("\"up{job='api'}\"", twice, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task WithRemovedCadvisorLabelAndContainerFilter_AllCompose()
        {
            var source = Sources.Marked("\"sum by (pod) (container_memory_rss{pod_name=~'.+', namespace=~'^prod-.*'})\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("sum by (pod) (container_memory_rss{container!='', pod!='', namespace=~'prod-.*'})", fixedText, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task WithEqualityWithRegexValue_MergedWithoutOverlap()
        {
            var source = Sources.Marked("\"up{a=~'x', b=~'^y.*$', c=~'.+', d!~'.+', e=~'.*', f='5..', g!='*-api'}\"");
            var fixedText = await FixHarness.FixAllMergedAsync(source);
            Assert.Contains("\"up{a='x', b=~'y.*', c!='', d='', f=~'5..', g!~'.*-api'}\"", fixedText, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task EqualityAndRegexFixes_NeverUndoEachOther()
        {
            // PROMQL023 writes =~ only for a value with metacharacters, PROMQL020 writes = only for one without: a second pass changes nothing.
            var once = await FixHarness.FixAllMergedAsync(Sources.Marked("\"up{a='a|b', b=~'api', c=~'^api-.*$'}\""));
            Assert.Contains("\"up{a=~'a|b', b='api', c=~'api-.*'}\"", once, System.StringComparison.Ordinal);
            var twice = await FixHarness.FixAllMergedAsync(once);
            Assert.Equal(once, twice);
        }

        [Fact]
        public async Task TildeOnTheWrongSideOfMatchAll_ThenTrivialRegexRemoved()
        {
            // ="~.*" (a typo for =~".*") becomes =~".*", which PROMQL022 then removes on a second pass.
            var once = await FixHarness.FixAllMergedAsync(Sources.Marked("\"up{job='api', integration='~.*'}\""));
            Assert.Contains("\"up{job='api', integration=~'.*'}\"", once, System.StringComparison.Ordinal);
            var twice = await FixHarness.FixAllMergedAsync(once);
            Assert.Contains("\"up{job='api'}\"", twice, System.StringComparison.Ordinal);
        }
    }
}
