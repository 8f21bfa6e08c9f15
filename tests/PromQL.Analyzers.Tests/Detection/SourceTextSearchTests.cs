using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Detection;
using Xunit;

namespace PromQL.Analyzers.Tests.Detection
{
    /// <summary>The text search wrapper facts start from: every match, across chunk boundaries, whole words when asked.</summary>
    public class SourceTextSearchTests
    {
        [Fact]
        public void FindsEveryMatch_AcrossChunks_ShortThenLongNeedles()
        {
            // A short needle first sizes the reused buffer; a longer one afterwards must still be found everywhere.
            var text = new string('x', 40_000) + " q(" + new string('y', 16_381) + " QueryValueAsync(" + new string('z', 20_000) + ".QueryValueAsync";
            var source = SourceText.From(text);

            Assert.Equal(new[] { 40_001 }, SourceTextSearch.Find(source, new[] { "q" }, wholeWord: true, CancellationToken.None)!.ToArray());
            var found = SourceTextSearch.Find(source, new[] { "QueryValueAsync" }, wholeWord: true, CancellationToken.None)!;
            Assert.Equal(new[] { text.IndexOf("QueryValueAsync", System.StringComparison.Ordinal), text.LastIndexOf("QueryValueAsync", System.StringComparison.Ordinal) }, found.ToArray());
        }

        [Fact]
        public void WholeWord_SkipsLongerIdentifiers()
        {
            var source = SourceText.From("RunAsync(q); Run(q); _Run(q); Run");
            Assert.Equal(new[] { 13, 30 }, SourceTextSearch.Find(source, new[] { "Run" }, wholeWord: true, CancellationToken.None)!.ToArray());
            Assert.Null(SourceTextSearch.Find(source, new[] { "Missing" }, wholeWord: false, CancellationToken.None));
        }
    }
}
