using System;
using System.Linq;
using System.Threading;
using PromQL.Parsing.Syntax;
using Xunit;

namespace PromQL.Parsing.Tests.Support
{
    /// <summary>The dump that golden and round-trip tests rely on: complete, deterministic, and safe on deep trees.</summary>
    public sealed class TreeDumpTests
    {
        [Fact]
        public void Dump_ShowsEveryNodeKindAndItsProperties()
        {
            var tree = SampleTree();
            var full = TreeDump.Dump(tree, TreeDumpOptions.Full);

            foreach (var expected in new[]
            {
                "BinaryExpr op=/", "AggregateExpr op=topk", "NumberLiteral value=5", "Call name=\"rate\"", "MatrixSelector range=300000ms",
                "VectorSelector name=\"foo\"", "matcher[0]: \"job\" =~ \"a\\\"b\"", "SubqueryExpr range=3600000ms step=60000ms",
                "ParenExpr", "UnaryExpr op=-", "StringLiteral value=\"s\"", "HoleExpr", "DurationExpr op=Step",
                "modifiers: offset=0ms at=start() anchored=true", "offsetExpr: DurationExpr", "matching: card=ManyToOne on=true labels=[\"job\"]",
                "fillLeft=0", "groupingClause=true", "quote='", "[0..3)",
            })
            {
                Assert.Contains(expected, full, StringComparison.Ordinal);
            }

            Assert.Equal(full, TreeDump.Dump(SampleTree(), TreeDumpOptions.Full));
        }

        [Fact]
        public void SemanticDump_LeavesOutPositionsAndSpellings()
        {
            var semantic = TreeDump.Dump(SampleTree(), TreeDumpOptions.Semantic);
            Assert.DoesNotContain("..", semantic, StringComparison.Ordinal);
            Assert.DoesNotContain("quote=", semantic, StringComparison.Ordinal);
            Assert.DoesNotContain("groupingClause=", semantic, StringComparison.Ordinal);
            Assert.DoesNotContain("matchingClause=", semantic, StringComparison.Ordinal);
            Assert.Contains("AggregateExpr op=topk", semantic, StringComparison.Ordinal);
        }

        [Fact]
        public void AllNodes_ReachesDurationExpressionsOutsideChildren()
        {
            var nodes = TreeDump.AllNodes(SampleTree()).ToList();
            Assert.Contains(nodes, n => n is DurationExpr { Op: DurationOperator.Step });
            Assert.Contains(nodes, n => n is HoleExpr);
            Assert.Equal(nodes.Count, nodes.Distinct().Count());
        }

        [Fact]
        public void Dump_OfAVeryDeepTree_DoesNotUseTheStack()
        {
            const int depth = 200_000;
            Expr tree = new NumberLiteral(1, false, 0, 1);
            for (var i = 0; i < depth; i++)
            {
                // Calls, because ParenExpr.Type (like UnaryExpr's and BinaryExpr's) asks its child: it would recurse itself.
                tree = new Call("abs", null, new[] { tree }, 0, 1);
            }

            string? dump = null;
            var thread = new Thread(() => dump = TreeDump.Dump(tree, TreeDumpOptions.Semantic), maxStackSize: 1024 * 1024);
            thread.Start();
            thread.Join();
            Assert.NotNull(dump);
            Assert.Equal(depth + 1, dump!.Count(c => c == '\n'));
        }

        /// <summary><c>topk by (job) (5, rate(foo{job=~'a"b'}[5m] anchored @ start() offset step())) / on (job) group_left fill_left (0) (-(x[1h:1m]) + "s" + hole)</c>, built by hand.</summary>
        private static Expr SampleTree()
        {
            var matcher = new LabelMatcher("job", MatchType.Regexp, "a\"b", 4, 15, 4, 7, 9, 15, valueQuote: '\'');
            var modifiers = Modifiers.None.WithAt(AtModifierKind.Start).WithAnchored().WithOffset(new DurationExpr(DurationOperator.Step, null, null, false, 40, 46));
            var selector = new VectorSelector("foo", new[] { matcher }, Modifiers.None, 0, 16, 3, 3, 15);
            var matrix = new MatrixSelector(selector, TimeSpan.FromMinutes(5), null, modifiers, 0, 46);
            var rate = new Call("rate", null, new Expr[] { matrix }, 0, 47);
            var topk = new AggregateExpr(AggregateOperator.Topk, rate, new NumberLiteral(5, false, 0, 1), new[] { "job" }, false, true, 0, 50, 5, 14);
            var subquery = new SubqueryExpr(new VectorSelector("x", Array.Empty<LabelMatcher>(), Modifiers.None, 0, 1), TimeSpan.FromHours(1), null,
                TimeSpan.FromMinutes(1), null, Modifiers.None, 0, 8);
            var right = new BinaryExpr(BinaryOperator.Add,
                new BinaryExpr(BinaryOperator.Add, new UnaryExpr(UnaryOperator.Minus, new ParenExpr(subquery, 0, 10), 0, 10), new StringLiteral("s", 0, 3), null, false, 0, 3),
                new HoleExpr(Modifiers.None, 0, 1), null, false, 0, 3);
            var matching = new VectorMatching(VectorMatchCardinality.ManyToOne, new[] { "job" }, true, Array.Empty<string>(), new FillValues(0, null), true);
            return new BinaryExpr(BinaryOperator.Div, topk, new ParenExpr(right, 0, 3), matching, false, 0, 3, 1, 2);
        }
    }
}
