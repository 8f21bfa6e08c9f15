using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Parsing.Printing;
using PromQL.Parsing.Syntax;
using Xunit;
using static PromQL.Parsing.Tests.Printing.Trees;

namespace PromQL.Parsing.Tests.Printing
{
    /// <summary>
    /// The printer against Prometheus's own expectations (printer_test.go: TestExprString,
    /// TestBinaryExprUTF8Labels, TestVectorSelector_String) on trees built by hand the way the Go parser
    /// shapes them, plus the Go formatting rules and deep trees.
    /// </summary>
    public class PrinterTests
    {
        private const char H = PromQlParser.HoleCharacter;

        private static void AssertPrints(string expected, Expr expr) => Assert.Equal(expected, PromQlPrinter.Print(expr));

        private static VectorSelector Task => Sel("task:errors:rate10s", Eq("job", "s"));

        // ---- TestExprString: aggregations ----

        [Fact]
        public void Aggregate_EmptyBy_PrintsNoClause() => AssertPrints("sum(task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, grouping: new string[0]));

        [Fact]
        public void Aggregate_By() => AssertPrints("sum by (code) (task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, grouping: new[] { "code" }));

        [Fact]
        public void Aggregate_EmptyWithout_KeepsClause() => AssertPrints("sum without () (task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, without: true));

        [Fact]
        public void Aggregate_Without() =>
            AssertPrints("sum without (instance) (task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, grouping: new[] { "instance" }, without: true));

        [Fact]
        public void Aggregate_QuotedGroupingLabels()
        {
            AssertPrints("sum by (\"foo.bar\") (task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, grouping: new[] { "foo.bar" }));
            AssertPrints("sum without (\"foo.bar\") (task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Sum, Task, grouping: new[] { "foo.bar" }, without: true));
            AssertPrints("sum by (\"üüü\") (foo)", Agg(AggregateOperator.Sum, Sel("foo"), grouping: new[] { "üüü" }));
            AssertPrints("sum without (\"äää\") (foo)", Agg(AggregateOperator.Sum, Sel("foo"), grouping: new[] { "äää" }, without: true));
            AssertPrints("count by (\"ööö\", job) (foo)", Agg(AggregateOperator.Count, Sel("foo"), grouping: new[] { "ööö", "job" }));
        }

        [Fact]
        public void Aggregate_WithParameter()
        {
            AssertPrints("topk(5, task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.Topk, Task, Num(5)));
            AssertPrints("count_values(\"value\", task:errors:rate10s{job=\"s\"})", Agg(AggregateOperator.CountValues, Task, Str("value")));
            AssertPrints("quantile by (a) (0.9, x)", Agg(AggregateOperator.Quantile, Sel("x"), Num(0.9), new[] { "a" }));
            AssertPrints("limit_ratio(-0.5, x)", Agg(AggregateOperator.LimitRatio, Sel("x"), Num(-0.5)));
        }

        [Fact]
        public void Aggregate_GroupingLabelsAreNotSorted() =>
            AssertPrints("sum by (b, a) (x)", Agg(AggregateOperator.Sum, Sel("x"), grouping: new[] { "b", "a" }));

        // ---- TestExprString and TestBinaryExprUTF8Labels: vector matching ----

        [Fact]
        public void Binary_OnAndIgnoring()
        {
            var a = Sel("a");
            var c = Sel("c");
            AssertPrints("a - on () c", Bin(BinaryOperator.Sub, a, c, Matching(on: true)));
            AssertPrints("a - on (b) c", Bin(BinaryOperator.Sub, a, c, Matching(labels: new[] { "b" }, on: true)));
            AssertPrints("a - ignoring (b) c", Bin(BinaryOperator.Sub, a, c, Matching(labels: new[] { "b" })));
            AssertPrints("a - c", Bin(BinaryOperator.Sub, a, c, Matching(labels: new string[0])));
            AssertPrints("a - c", Bin(BinaryOperator.Sub, a, c));
        }

        [Fact]
        public void Binary_GroupModifiers()
        {
            var a = Sel("a");
            var c = Sel("c");
            AssertPrints("a - on (b) group_left (x) c", Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true, new[] { "x" })));
            AssertPrints("a - on (b) group_left (x, y) c", Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true, new[] { "x", "y" })));
            AssertPrints("a - on (b) group_left () c", Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true)));
            AssertPrints("a - on (b) group_left () (c)", Bin(BinaryOperator.Sub, a, Paren(c), Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true)));
            AssertPrints("a - ignoring () group_left (__metric__) c",
                Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.ManyToOne, new string[0], include: new[] { "__metric__" })));
            AssertPrints("a - ignoring () group_left () c", Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.ManyToOne)));
            AssertPrints("a - ignoring () group_right () c", Bin(BinaryOperator.Sub, a, c, Matching(VectorMatchCardinality.OneToMany)));
        }

        [Fact]
        public void Binary_Utf8Labels()
        {
            var foo = Sel("foo");
            var bar = Sel("bar");
            AssertPrints("foo / on (\"äää\") bar", Bin(BinaryOperator.Div, foo, bar, Matching(labels: new[] { "äää" }, on: true)));
            AssertPrints("foo / ignoring (\"üüü\") bar", Bin(BinaryOperator.Div, foo, bar, Matching(labels: new[] { "üüü" })));
            AssertPrints("foo / on (\"äää\") group_left (\"ööö\") bar",
                Bin(BinaryOperator.Div, foo, bar, Matching(VectorMatchCardinality.ManyToOne, new[] { "äää" }, true, new[] { "ööö" })));
            AssertPrints("foo / on (\"äää\") group_right (\"ööö\") bar",
                Bin(BinaryOperator.Div, foo, bar, Matching(VectorMatchCardinality.OneToMany, new[] { "äää" }, true, new[] { "ööö" })));
            AssertPrints("foo / on (legacy, \"üüü\") bar", Bin(BinaryOperator.Div, foo, bar, Matching(labels: new[] { "legacy", "üüü" }, on: true)));
            AssertPrints("foo / on (job, instance) bar", Bin(BinaryOperator.Div, foo, bar, Matching(labels: new[] { "job", "instance" }, on: true)));
        }

        [Fact]
        public void Binary_FillModifiers()
        {
            var a = Sel("a");
            var b = Sel("b");
            AssertPrints("a + fill (-23) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: -23, fillRight: -23)));
            AssertPrints("a + fill_left (-23) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: -23)));
            AssertPrints("a + fill_right (42) b", Bin(BinaryOperator.Add, a, b, Matching(fillRight: 42)));
            AssertPrints("a + fill_left (-23) fill_right (42) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: -23, fillRight: 42)));
            AssertPrints("a + fill (5) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: 5, fillRight: 5)));
            AssertPrints("a + on (b) group_left () fill (-23) c",
                Bin(BinaryOperator.Add, a, Sel("c"), Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true, fillLeft: -23, fillRight: -23)));
        }

        [Fact]
        public void Binary_FillValuesUseGoPercentV()
        {
            var a = Sel("a");
            var b = Sel("b");
            AssertPrints("a + fill (1e+06) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: 1e6, fillRight: 1e6)));
            AssertPrints("a + fill (0.5) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: 0.5, fillRight: 0.5)));
            AssertPrints("a + fill (+Inf) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: double.PositiveInfinity, fillRight: double.PositiveInfinity)));
            // NaN != NaN in Go, so the two sides print separately.
            AssertPrints("a + fill_left (NaN) fill_right (NaN) b", Bin(BinaryOperator.Add, a, b, Matching(fillLeft: double.NaN, fillRight: double.NaN)));
        }

        [Fact]
        public void Binary_BoolAndOperators()
        {
            AssertPrints("up > bool 0", Bin(BinaryOperator.Gtr, Sel("up"), Num(0), returnBool: true));
            AssertPrints("a == bool on (x) b", Bin(BinaryOperator.Eql, Sel("a"), Sel("b"), Matching(labels: new[] { "x" }, on: true), returnBool: true));
            AssertPrints("a and on (x) b", Bin(BinaryOperator.And, Sel("a"), Sel("b"), Matching(VectorMatchCardinality.ManyToMany, new[] { "x" }, true)));
            AssertPrints("a unless b", Bin(BinaryOperator.Unless, Sel("a"), Sel("b"), Matching(VectorMatchCardinality.ManyToMany)));
            AssertPrints("a atan2 b", Bin(BinaryOperator.Atan2, Sel("a"), Sel("b")));
            AssertPrints("a </ b", Bin(BinaryOperator.TrimUpper, Sel("a"), Sel("b")));
            AssertPrints("a >/ b", Bin(BinaryOperator.TrimLower, Sel("a"), Sel("b")));
            AssertPrints("1 + 2 * 3", Bin(BinaryOperator.Add, Num(1), Bin(BinaryOperator.Mul, Num(2), Num(3))));
        }

        // ---- TestExprString: offsets, @, anchored, smoothed ----

        [Fact]
        public void VectorSelector_Offsets()
        {
            AssertPrints("a offset 1m", Sel("a", Offset(Min(1))));
            AssertPrints("a offset -7m", Sel("a", Offset(Min(-7))));
            AssertPrints("a", Sel("a", Offset(TimeSpan.Zero)));
            AssertPrints("a offset -1ms", Sel("a", Offset(TimeSpan.FromTicks(-10_000))));
        }

        [Fact]
        public void MatrixSelector_Offsets()
        {
            AssertPrints("a{c=\"d\"}[5m] offset 1m", Range(Sel("a", Eq("c", "d")), Min(5), Offset(Min(1))));
            AssertPrints("a[5m] offset 1m", Range(Sel("a"), Min(5), Offset(Min(1))));
            AssertPrints("a[12m] offset -3m", Range(Sel("a"), Min(12), Offset(Min(-3))));
        }

        [Fact]
        public void Subquery_Offset() => AssertPrints("a[1h:5m] offset 1m", Sub(Sel("a"), Hours(1), Min(5), Offset(Min(1))));

        [Fact]
        public void AnchoredAndSmoothed()
        {
            AssertPrints("a anchored", Sel("a", Modifiers.None.WithAnchored()));
            AssertPrints("a[5m] anchored", Range(Sel("a"), Min(5), Modifiers.None.WithAnchored()));
            AssertPrints("a{b=\"c\"}[5m] anchored", Range(Sel("a", Eq("b", "c")), Min(5), Modifiers.None.WithAnchored()));
            AssertPrints("a{b=\"c\"}[5m] anchored offset 1m", Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithAnchored()));
            AssertPrints("a{b=\"c\"}[5m] anchored @ start() offset 1m",
                Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithAnchored().WithAt(AtModifierKind.Start)));
            AssertPrints("a smoothed", Sel("a", Modifiers.None.WithSmoothed()));
            AssertPrints("a[5m] smoothed", Range(Sel("a"), Min(5), Modifiers.None.WithSmoothed()));
            AssertPrints("a{b=\"c\"}[5m] smoothed", Range(Sel("a", Eq("b", "c")), Min(5), Modifiers.None.WithSmoothed()));
            AssertPrints("a{b=\"c\"}[5m] smoothed offset 1m", Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithSmoothed()));
            AssertPrints("a{b=\"c\"}[5m] smoothed @ start() offset 1m",
                Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithSmoothed().WithAt(AtModifierKind.Start)));
        }

        [Fact]
        public void VectorSelector_PrintsAtBeforeAnchored_MatrixAfter()
        {
            var modifiers = Offset(Min(1)).WithAnchored().WithTimestamp(10_000);
            AssertPrints("a @ 10.000 anchored offset 1m", Sel("a", modifiers));
            AssertPrints("a[5m] anchored @ 10.000 offset 1m", Range(Sel("a"), Min(5), modifiers));
        }

        [Fact]
        public void AtModifiers()
        {
            AssertPrints("a @ 10.000", Sel("a", Modifiers.None.WithTimestamp(10_000)));
            AssertPrints("a[1m] @ 10.000", Range(Sel("a"), Min(1), Modifiers.None.WithTimestamp(10_000)));
            AssertPrints("a @ start()", Sel("a", Modifiers.None.WithAt(AtModifierKind.Start)));
            AssertPrints("a @ end()", Sel("a", Modifiers.None.WithAt(AtModifierKind.End)));
            AssertPrints("a[1m] @ start()", Range(Sel("a"), Min(1), Modifiers.None.WithAt(AtModifierKind.Start)));
            AssertPrints("a[1m] @ end()", Range(Sel("a"), Min(1), Modifiers.None.WithAt(AtModifierKind.End)));
            AssertPrints("a[1h:] @ end() offset 5m", Sub(Sel("a"), Hours(1), TimeSpan.Zero, Offset(Min(5)).WithAt(AtModifierKind.End)));
            AssertPrints("a @ -0.001", Sel("a", Modifiers.None.WithTimestamp(-1)));
            AssertPrints("a @ 1603774699.123", Sel("a", Modifiers.None.WithTimestamp(1603774699123)));
            // float64(MaxInt64)/1000 is 9223372036854776 exactly in binary.
            AssertPrints("a @ 9223372036854776.000", Sel("a", Modifiers.None.WithTimestamp(long.MaxValue)));
        }

        [Fact]
        public void Subquery_OmitsZeroStep_AndIgnoresAnchored()
        {
            AssertPrints("a[5m:]", Sub(Sel("a"), Min(5), TimeSpan.Zero));
            AssertPrints("rate(a[5m])[1h:1m]", Sub(Fn("rate", Range(Sel("a"), Min(5))), Hours(1), Min(1)));
            AssertPrints("(a + b)[5m:30s]", Sub(Paren(Bin(BinaryOperator.Add, Sel("a"), Sel("b"))), Min(5), Sec(30)));
            AssertPrints("a[5m:] offset 1m", Sub(Sel("a"), Min(5), TimeSpan.Zero, Offset(Min(1)).WithAnchored()));
        }

        // ---- TestExprString and TestVectorSelector_String: selectors and matchers ----

        [Fact]
        public void VectorSelector_NameMatchers()
        {
            AssertPrints("{__name__=\"a\"}", Sel(null, Eq("__name__", "a")));
            AssertPrints("{__name__=\"\",a=\"x\"}", Sel(null, Eq("__name__", ""), Eq("a", "x")));
            AssertPrints("foobar", Sel("foobar", Eq("__name__", "foobar")));
            AssertPrints("{__name__=\"foo.bar\"}", Sel(null, new LabelMatcher("__name__", MatchType.Equal, "foo.bar", 0, 0, 0, 0, 0, 0, isBareMetricName: true)));
            AssertPrints("foo{__name__!=\"foo\"}", Sel("foo", M("__name__", MatchType.NotEqual, "foo")));
            AssertPrints(string.Empty, Sel(null));
            AssertPrints("foobar", Sel("foobar"));
        }

        [Fact]
        public void VectorSelector_SortsMatcherStrings()
        {
            AssertPrints("foobar{a=\"x\"}", Sel("foobar", Eq("a", "x")));
            AssertPrints("foobar{a=\"x\",b=\"y\"}", Sel("foobar", Eq("b", "y"), Eq("a", "x")));
            AssertPrints("{a=\"x\",b=\"y\"}", Sel(null, Eq("a", "x"), Eq("b", "y")));
            // Sorted as whole strings: quoted names ('"' is 0x22) before letters, "a!=" before "a=".
            AssertPrints("x{\"a.b\"=\"1\",a!=\"2\",a=\"1\"}", Sel("x", Eq("a", "1"), M("a", MatchType.NotEqual, "2"), Eq("a.b", "1")));
            AssertPrints("a{b!=\"c\"}[1m]", Range(Sel("a", M("b", MatchType.NotEqual, "c")), Min(1)));
            AssertPrints("a{b=~\"c\"}[1m]", Range(Sel("a", M("b", MatchType.Regexp, "c")), Min(1)));
            AssertPrints("a{b!~\"c\"}[1m]", Range(Sel("a", M("b", MatchType.NotRegexp, "c")), Min(1)));
        }

        [Fact]
        public void VectorSelector_SortsByCodePointLikeGo()
        {
            // UTF-8 byte order puts U+1F600 (a surrogate pair in UTF-16) after U+FFFD; UTF-16 ordinal order would not.
            AssertPrints("{a=\"\uFFFD\",a=\"😀\"}", Sel(null, Eq("a", "😀"), Eq("a", "\uFFFD")));
        }

        [Fact]
        public void Matcher_QuotesNamesThatAreNotLegacy()
        {
            AssertPrints("{\"a.b\"=\"c\"}", Sel(null, Eq("a.b", "c")));
            AssertPrints("{\"0\"=\"1\"}", Sel(null, Eq("0", "1")));
            AssertPrints("{_0=\"1\"}", Sel(null, Eq("_0", "1")));
            AssertPrints("{\"\"=\"0\"}", Sel(null, Eq("", "0")));
            Assert.Equal("job=~\"a|b\\\\d\"", PromQlPrinter.PrintMatcher(M("job", MatchType.Regexp, "a|b\\d")));
            Assert.Equal("\"ü\"!~\"\\n\"", PromQlPrinter.PrintMatcher(M("ü", MatchType.NotRegexp, "\n")));
            Assert.Equal("job=\"x\"", Eq("job", "x").ToString());
        }

        // ---- Numbers, strings, calls, parentheses, unary ----

        [Fact]
        public void NumberLiteral_GoFormatFloatF()
        {
            AssertPrints("1048576", Num(1048576));
            AssertPrints("100000000000000000000", Num(1e20));
            AssertPrints("0.00000015", Num(1.5e-7));
            AssertPrints("0.1", Num(0.1));
            AssertPrints("-0.5", Num(-0.5));
            AssertPrints("-0", Num(-0.0));
            AssertPrints("0", Num(0));
            AssertPrints("+Inf", Num(double.PositiveInfinity));
            AssertPrints("-Inf", Num(double.NegativeInfinity));
            AssertPrints("NaN", Num(double.NaN));
            AssertPrints("17976931348623157" + new string('0', 292), Num(double.MaxValue));
            AssertPrints("0." + new string('0', 323) + "5", Num(double.Epsilon));
            AssertPrints("123456789.123", Num(123456789.123));
            AssertPrints("9007199254740994", Num(9007199254740992.0 + 2));
            AssertPrints("0.30000000000000004", Num(0.1 + 0.2));
            AssertPrints("0.000001", Num(1e-6));
            AssertPrints("31", Num(0x1f));
        }

        [Fact]
        public void NumberLiteral_Durations()
        {
            AssertPrints("5m", Dur(300));
            AssertPrints("1h30m", Dur(5400));
            AssertPrints("1s500ms", Dur(1.5));
            AssertPrints("90d", Dur(90 * 86400));
            AssertPrints("2w", Dur(14 * 86400));
            AssertPrints("1y", Dur(365 * 86400));
            AssertPrints("366d", Dur(366 * 86400));
            AssertPrints("5y", Dur(5 * 365 * 86400));
            AssertPrints("-1m30s", Dur(-90));
            AssertPrints("0s", Dur(0));
            AssertPrints("0s", Dur(0.0001)); // below a millisecond
            AssertPrints("predict_linear(foo[1h], 3000)", Fn("predict_linear", Range(Sel("foo"), Hours(1)), Num(3000)));
        }

        [Fact]
        public void StringLiteral_GoQuote()
        {
            AssertPrints("\"a\\\"b\\\\c\"", Str("a\"b\\c"));
            AssertPrints("\"'`\"", Str("'`"));
            AssertPrints("\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"", Str("\a\b\f\n\r\t\v\0\u001f\u007f"));
            AssertPrints("\"üñ日本😀\"", Str("üñ日本😀"));
            AssertPrints("\"\\u00a0\\u200b\\u2028\\ufeff\"", Str("\u00a0\u200b\u2028\ufeff"));
            AssertPrints("\"\\U0010ffff\\U000e0001\"", Str("\U0010FFFF\U000E0001"));
            AssertPrints("\"\\ue000\"", Str("\uE000"));
            AssertPrints("\"a" + H + "b\"", Str("a" + H + "b", hasHole: true));
            AssertPrints("\"\uFFFD\"", Str("\uD800"));
        }

        [Fact]
        public void Call_ParenAndUnary()
        {
            AssertPrints("time()", Fn("time"));
            AssertPrints("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")", Fn("label_replace", Sel("up"), Str("dst"), Str("$1"), Str("src"), Str("(.*)")));
            AssertPrints("-(a + b)", Neg(Paren(Bin(BinaryOperator.Add, Sel("a"), Sel("b")))));
            AssertPrints("-a", Neg(Sel("a")));
            AssertPrints("+a", new UnaryExpr(UnaryOperator.Plus, Sel("a"), 0, 0));
            AssertPrints("((1))", Paren(Paren(Num(1))));
            AssertPrints("no_such_function(1)", Fn("no_such_function", Num(1)));
        }

        // ---- TestExprString: duration expressions ----

        [Fact]
        public void DurationExpressions_InRanges()
        {
            var foo = Sel("foo");
            AssertPrints("foo[step()]", Range(foo, Step()));
            AssertPrints("foo[-step()]", Range(foo, Minus(Step())));
            AssertPrints("foo[(step())]", Range(foo, Step(wrapped: true)));
            AssertPrints("foo[-(step())]", Range(foo, Minus(Step(wrapped: true))));
            AssertPrints("foo[(5s)]", Range(foo, Wrap(Dur(5))));
            AssertPrints("foo[(5m):(1m)]", Sub(foo, Wrap(Dur(300)), Wrap(Dur(60))));
            AssertPrints("foo[200 - min_of(-step() ^ step(), 1)]",
                Range(foo, D(DurationOperator.Sub, Num(200), D(DurationOperator.MinOf, D(DurationOperator.Pow, Minus(Step()), Step()), Num(1)))));
            AssertPrints("foo[200 - min_of(step() + 10s, -max_of(step() ^ 2, 3))]",
                Range(foo, D(DurationOperator.Sub, Num(200), D(DurationOperator.MinOf, D(DurationOperator.Add, Step(), Dur(10)),
                    Minus(D(DurationOperator.MaxOf, D(DurationOperator.Pow, Step(), Num(2)), Num(3)))))));
            AssertPrints("foo[range()]", Range(foo, RangeFn()));
            AssertPrints("foo[-range()]", Range(foo, Minus(RangeFn())));
            AssertPrints("foo[max_of(range(), 5s)]", Range(foo, D(DurationOperator.MaxOf, RangeFn(), Dur(5))));
            AssertPrints("foo[5m * 2 / 3 % 4]", Range(foo, D(DurationOperator.Mod, D(DurationOperator.Div, D(DurationOperator.Mul, Dur(300), Num(2)), Num(3)), Num(4))));
            AssertPrints("foo[1h:step() * 2]", new SubqueryExpr(foo, Hours(1), null, TimeSpan.Zero, D(DurationOperator.Mul, Step(), Num(2)), Modifiers.None, 0, 0));
        }

        [Fact]
        public void DurationExpressions_InOffsets()
        {
            static VectorSelector Foo(DurationExpr offset) => Sel("foo", Modifiers.None.WithOffset(offset));
            AssertPrints("foo offset step()", Foo(Step()));
            AssertPrints("foo offset -step()", Foo(Minus(Step())));
            AssertPrints("foo offset (step())", Foo(Step(wrapped: true)));
            AssertPrints("foo offset -(step())", Foo(Minus(Step(wrapped: true))));
            AssertPrints("foo offset (5)", Foo(Wrap(Num(5))));
            AssertPrints("foo offset -(5)", Foo(Minus(Wrap(Num(5)))));
            AssertPrints("foo offset (5m)", Foo(Wrap(Dur(300))));
            AssertPrints("foo offset min_of(10s, 20s)", Foo(D(DurationOperator.MinOf, Dur(10), Dur(20))));
            AssertPrints("foo offset -min_of(10s, 20s)", Foo(Minus(D(DurationOperator.MinOf, Dur(10), Dur(20)))));
            AssertPrints("foo offset -min_of(10s, max_of(step() ^ 2, 2))",
                Foo(Minus(D(DurationOperator.MinOf, Dur(10), D(DurationOperator.MaxOf, D(DurationOperator.Pow, Step(), Num(2)), Num(2))))));
            AssertPrints("foo offset range()", Foo(RangeFn()));
            AssertPrints("foo offset -range()", Foo(Minus(RangeFn())));
            AssertPrints("foo[5m] offset step()", Range(Sel("foo"), Min(5), Modifiers.None.WithOffset(Step())));
            AssertPrints("foo[5m:] offset (1m + step())", Sub(Sel("foo"), Min(5), TimeSpan.Zero, Modifiers.None.WithOffset(D(DurationOperator.Add, Dur(60), Step(), wrapped: true))));
        }

        [Theory]
        [InlineData(0.0, "0")]
        [InlineData(-0.0, "-0")]
        [InlineData(100000.0, "100000")]
        [InlineData(1e6, "1e+06")]
        [InlineData(123456789.0, "1.23456789e+08")]
        [InlineData(0.0001, "0.0001")]
        [InlineData(0.00001, "1e-05")]
        [InlineData(-1.5e-7, "-1.5e-07")]
        [InlineData(1e100, "1e+100")]
        [InlineData(5e-324, "5e-324")]
        [InlineData(double.NegativeInfinity, "-Inf")]
        public void GoPercentV(double value, string expected)
        {
            var sb = new System.Text.StringBuilder();
            GoFormat.AppendFloatV(sb, value);
            Assert.Equal(expected, sb.ToString());
        }

        [Theory]
        [InlineData(0L, "0s")]
        [InlineData(1L, "1ms")]
        [InlineData(61_001L, "1m1s1ms")]
        [InlineData(7L * 86_400_000, "1w")]
        [InlineData(8L * 86_400_000, "8d")]
        [InlineData(-3_600_000L, "-1h")]
        [InlineData(2L * 365 * 86_400_000, "2y")]
        [InlineData(365L * 86_400_000 + 1, "365d1ms")]
        public void ModelDurationString(long milliseconds, string expected)
        {
            var sb = new System.Text.StringBuilder();
            GoFormat.AppendDurationMilliseconds(sb, milliseconds);
            Assert.Equal(expected, sb.ToString());
        }

        [Fact]
        public void GoFloatToInt64_FollowsAmd64()
        {
            Assert.Equal(long.MinValue, GoFormat.FloatToInt64(double.NaN));
            Assert.Equal(long.MinValue, GoFormat.FloatToInt64(1e19));
            Assert.Equal(-2, GoFormat.FloatToInt64(-2.9));
            // An out-of-range duration literal prints what Go's model.Duration(min int64) prints.
            AssertPrints("-106751d23h47m16s854ms", Dur(1e12));
        }

        // ---- Holes ----

        [Fact]
        public void Holes_PrintTheHoleCharacter()
        {
            AssertPrints(H.ToString(), Hole());
            AssertPrints(H + " @ start() offset 5m", Hole(Offset(Min(5)).WithAt(AtModifierKind.Start)));
            AssertPrints(H + "[5m] offset 1m", Range(Hole(), Min(5), Offset(Min(1))));
            AssertPrints("rate(" + H + "[5m])", Fn("rate", Range(Hole(), Min(5))));
            AssertPrints("up{job=\"" + H + "\"}", Sel("up", M("job", MatchType.Equal, H.ToString(), valueHasHole: true)));
            AssertPrints("up{\"l" + H + "\"=\"x\"}", Sel("up", M("l" + H, MatchType.Equal, "x", nameHasHole: true)));
            AssertPrints("sum by (\"a" + H + "\") (x)", Agg(AggregateOperator.Sum, Sel("x"), grouping: new[] { "a" + H }));
            AssertPrints("up_" + H, new VectorSelector("up_" + H, Array.Empty<LabelMatcher>(), Modifiers.None, 0, 0, nameHasHole: true));
        }

        // ---- Robustness ----

        [Fact]
        public void Print_Null_ReturnsEmpty()
        {
            Assert.Equal(string.Empty, PromQlPrinter.Print(null!));
            Assert.Equal(string.Empty, PromQlPrinter.PrintMatcher(null!));
        }

        [Fact]
        public void ToString_UsesThePrinter() => Assert.Equal("sum by (a) (rate(x[5m]))", Agg(AggregateOperator.Sum, Fn("rate", Range(Sel("x"), Min(5))), grouping: new[] { "a" }).ToString());

        [Fact]
        public void LongBinaryChain_PrintsWithoutRecursion()
        {
            const int count = 20_000;
            Expr expr = Sel("a");
            for (var i = 0; i < count; i++)
            {
                expr = Bin(BinaryOperator.Add, expr, Sel("a"));
            }

            var printed = PromQlPrinter.Print(expr);
            Assert.Equal(string.Join(" + ", Enumerable.Repeat("a", count + 1)), printed);

            // Right-leaning chains too.
            expr = Sel("b");
            for (var i = 0; i < count; i++)
            {
                expr = Bin(BinaryOperator.Or, Sel("b"), expr);
            }

            Assert.Equal(string.Join(" or ", Enumerable.Repeat("b", count + 1)), PromQlPrinter.Print(expr));
        }

        [Fact]
        public void DeepNesting_PrintsWithoutRecursion()
        {
            const int depth = 100_000;
            Expr expr = Num(1);
            for (var i = 0; i < depth; i++)
            {
                expr = (i % 3) switch
                {
                    0 => Paren(expr),
                    1 => (Expr)Neg(expr),
                    _ => Fn("abs", expr),
                };
            }

            var printed = PromQlPrinter.Print(expr);
            Assert.StartsWith("(abs(-(abs(", printed);
            Assert.Contains("(abs(-(1)))", printed);
            const int parens = (depth + 2) / 3, negations = (depth + 1) / 3, calls = depth / 3;
            Assert.Equal(1 + (2 * parens) + negations + (5 * calls), printed.Length);
        }
    }

    /// <summary>Short builders for hand-made syntax trees (positions do not matter to the printer).</summary>
    internal static class Trees
    {
        public static VectorSelector Sel(string? name, params LabelMatcher[] matchers) =>
            new VectorSelector(name, matchers, Modifiers.None, 0, 0);

        public static VectorSelector Sel(string? name, Modifiers modifiers, params LabelMatcher[] matchers) =>
            new VectorSelector(name, matchers, modifiers, 0, 0);

        public static LabelMatcher M(string name, MatchType type, string value, bool nameHasHole = false, bool valueHasHole = false) =>
            new LabelMatcher(name, type, value, 0, 0, 0, 0, 0, 0, nameHasHole, valueHasHole);

        public static LabelMatcher Eq(string name, string value) => M(name, MatchType.Equal, value);

        public static NumberLiteral Num(double value) => new NumberLiteral(value, false, 0, 0);

        public static NumberLiteral Dur(double seconds) => new NumberLiteral(seconds, true, 0, 0);

        public static StringLiteral Str(string value, bool hasHole = false) => new StringLiteral(value, 0, 0, hasHole);

        public static TimeSpan Sec(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

        public static TimeSpan Min(double minutes) => Sec(minutes * 60);

        public static TimeSpan Hours(double hours) => Sec(hours * 3600);

        public static Modifiers Offset(TimeSpan offset) => Modifiers.None.WithOffset(offset);

        public static MatrixSelector Range(Expr selector, TimeSpan range, Modifiers? modifiers = null) =>
            new MatrixSelector(selector, range, null, modifiers ?? Modifiers.None, 0, 0);

        public static MatrixSelector Range(Expr selector, DurationExpr range, Modifiers? modifiers = null) =>
            new MatrixSelector(selector, TimeSpan.Zero, range, modifiers ?? Modifiers.None, 0, 0);

        public static SubqueryExpr Sub(Expr expr, TimeSpan range, TimeSpan step, Modifiers? modifiers = null) =>
            new SubqueryExpr(expr, range, null, step, null, modifiers ?? Modifiers.None, 0, 0);

        public static SubqueryExpr Sub(Expr expr, DurationExpr? range, DurationExpr? step, Modifiers? modifiers = null) =>
            new SubqueryExpr(expr, TimeSpan.Zero, range, TimeSpan.Zero, step, modifiers ?? Modifiers.None, 0, 0);

        public static AggregateExpr Agg(AggregateOperator op, Expr expr, Expr? param = null, string[]? grouping = null, bool without = false) =>
            new AggregateExpr(op, expr, param, grouping ?? Array.Empty<string>(), without, grouping is not null || without, 0, 0);

        public static BinaryExpr Bin(BinaryOperator op, Expr left, Expr right, VectorMatching? matching = null, bool returnBool = false) =>
            new BinaryExpr(op, left, right, matching, returnBool, 0, 0);

        public static VectorMatching Matching(VectorMatchCardinality card = VectorMatchCardinality.OneToOne, string[]? labels = null, bool on = false,
            string[]? include = null, double? fillLeft = null, double? fillRight = null) =>
            new VectorMatching(card, labels ?? Array.Empty<string>(), on, include ?? Array.Empty<string>(), new FillValues(fillLeft, fillRight), on || labels is not null);

        public static Call Fn(string name, params Expr[] args) => new Call(name, null, args, 0, 0);

        public static ParenExpr Paren(Expr expr) => new ParenExpr(expr, 0, 0);

        public static UnaryExpr Neg(Expr expr) => new UnaryExpr(UnaryOperator.Minus, expr, 0, 0);

        public static DurationExpr D(DurationOperator op, Expr? left, Expr? right, bool wrapped = false) =>
            new DurationExpr(op, left, right, wrapped, 0, 0);

        public static DurationExpr Step(bool wrapped = false) => D(DurationOperator.Step, null, null, wrapped);

        public static DurationExpr RangeFn() => D(DurationOperator.Range, null, null);

        public static DurationExpr Minus(Expr operand) => D(DurationOperator.Sub, null, operand);

        // What Go's wrapParenDurationExpr makes of "(5)": a wrapped unary plus around the literal.
        public static DurationExpr Wrap(Expr operand) =>
            operand is DurationExpr d ? d.AsWrapped(0, 0) : D(DurationOperator.Add, null, operand, wrapped: true);

        public static HoleExpr Hole(Modifiers? modifiers = null) => new HoleExpr(modifiers ?? Modifiers.None, 0, 0);
    }

    /// <summary>
    /// Every printer_test.go input of the corpus, as the tree Go's parser builds for it (written by hand
    /// until the grammar lands: 92 of 92 agree), run through <see cref="PrinterConformance.Measure(Func{string, Expr?})"/>.
    /// </summary>
    public class PrinterConformanceTests
    {
        private static VectorSelector Task => Sel("task:errors:rate10s", Eq("job", "s"));

        private static VectorSelector Foo(DurationExpr offset) => Sel("foo", Modifiers.None.WithOffset(offset));

        private static AggregateExpr By(AggregateOperator op, Expr expr, params string[] labels) => Agg(op, expr, grouping: labels);

        private static AggregateExpr Without(Expr expr, params string[] labels) => Agg(AggregateOperator.Sum, expr, grouping: labels, without: true);

        private static BinaryExpr Sub(Expr l, Expr r, VectorMatching m) => Bin(BinaryOperator.Sub, l, r, m);

        private static VectorMatching On(params string[] labels) => Matching(labels: labels, on: true);

        private static VectorMatching GroupLeft(string[] on, params string[] include) =>
            Matching(VectorMatchCardinality.ManyToOne, on, true, include);

        private static readonly VectorSelector A = Sel("a"), B = Sel("b"), C = Sel("c"), FooSel = Sel("foo"), Bar = Sel("bar");

        private static readonly Dictionary<string, Expr> TreesByInput = new Dictionary<string, Expr>
        {
            ["sum by() (task:errors:rate10s{job=\"s\"})"] = By(AggregateOperator.Sum, Task),
            ["sum by(code) (task:errors:rate10s{job=\"s\"})"] = By(AggregateOperator.Sum, Task, "code"),
            ["sum without() (task:errors:rate10s{job=\"s\"})"] = Without(Task),
            ["sum without(instance) (task:errors:rate10s{job=\"s\"})"] = Without(Task, "instance"),
            ["sum by(\"foo.bar\") (task:errors:rate10s{job=\"s\"})"] = By(AggregateOperator.Sum, Task, "foo.bar"),
            ["sum without(\"foo.bar\") (task:errors:rate10s{job=\"s\"})"] = Without(Task, "foo.bar"),
            ["topk(5, task:errors:rate10s{job=\"s\"})"] = Agg(AggregateOperator.Topk, Task, Num(5)),
            ["count_values(\"value\", task:errors:rate10s{job=\"s\"})"] = Agg(AggregateOperator.CountValues, Task, Str("value")),
            ["a - on() c"] = Sub(A, C, On()),
            ["a - on(b) c"] = Sub(A, C, On("b")),
            ["a - on(b) group_left(x) c"] = Sub(A, C, GroupLeft(new[] { "b" }, "x")),
            ["a - on(b) group_left(x, y) c"] = Sub(A, C, GroupLeft(new[] { "b" }, "x", "y")),
            ["a - on(b) group_left c"] = Sub(A, C, GroupLeft(new[] { "b" })),
            ["a - on(b) group_left() (c)"] = Sub(A, Paren(C), GroupLeft(new[] { "b" })),
            ["a - ignoring(b) c"] = Sub(A, C, Matching(labels: new[] { "b" })),
            ["a - ignoring() c"] = Sub(A, C, Matching(labels: new string[0])),
            ["a - ignoring() group_left(__metric__) c"] = Sub(A, C, Matching(VectorMatchCardinality.ManyToOne, new string[0], include: new[] { "__metric__" })),
            ["a - ignoring() group_left c"] = Sub(A, C, Matching(VectorMatchCardinality.ManyToOne, new string[0])),
            ["a + fill(-23) b"] = Bin(BinaryOperator.Add, A, B, Matching(fillLeft: -23, fillRight: -23)),
            ["a + fill_left(-23) b"] = Bin(BinaryOperator.Add, A, B, Matching(fillLeft: -23)),
            ["a + fill_right(42) b"] = Bin(BinaryOperator.Add, A, B, Matching(fillRight: 42)),
            ["a + fill_left(-23) fill_right(42) b"] = Bin(BinaryOperator.Add, A, B, Matching(fillLeft: -23, fillRight: 42)),
            ["a + fill_left(5) fill_right(5) b"] = Bin(BinaryOperator.Add, A, B, Matching(fillLeft: 5, fillRight: 5)),
            ["a + on(b) group_left fill(-23) c"] = Bin(BinaryOperator.Add, A, C, Matching(VectorMatchCardinality.ManyToOne, new[] { "b" }, true, fillLeft: -23, fillRight: -23)),
            ["up > bool 0"] = Bin(BinaryOperator.Gtr, Sel("up"), Num(0), returnBool: true),
            ["a offset 1m"] = Sel("a", Offset(Min(1))),
            ["a offset -7m"] = Sel("a", Offset(Min(-7))),
            ["a{c=\"d\"}[5m] offset 1m"] = Range(Sel("a", Eq("c", "d")), Min(5), Offset(Min(1))),
            ["a[5m] offset 1m"] = Range(A, Min(5), Offset(Min(1))),
            ["a[12m] offset -3m"] = Range(A, Min(12), Offset(Min(-3))),
            ["a[1h:5m] offset 1m"] = Trees.Sub(A, Hours(1), Min(5), Offset(Min(1))),
            ["a anchored"] = Sel("a", Modifiers.None.WithAnchored()),
            ["a[5m] anchored"] = Range(A, Min(5), Modifiers.None.WithAnchored()),
            ["a{b=\"c\"}[5m] anchored"] = Range(Sel("a", Eq("b", "c")), Min(5), Modifiers.None.WithAnchored()),
            ["a{b=\"c\"}[5m] anchored offset 1m"] = Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithAnchored()),
            ["a{b=\"c\"}[5m] anchored @ start() offset 1m"] = Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithAnchored().WithAt(AtModifierKind.Start)),
            ["a smoothed"] = Sel("a", Modifiers.None.WithSmoothed()),
            ["a[5m] smoothed"] = Range(A, Min(5), Modifiers.None.WithSmoothed()),
            ["a{b=\"c\"}[5m] smoothed"] = Range(Sel("a", Eq("b", "c")), Min(5), Modifiers.None.WithSmoothed()),
            ["a{b=\"c\"}[5m] smoothed offset 1m"] = Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithSmoothed()),
            ["a{b=\"c\"}[5m] smoothed @ start() offset 1m"] = Range(Sel("a", Eq("b", "c")), Min(5), Offset(Min(1)).WithSmoothed().WithAt(AtModifierKind.Start)),
            ["{__name__=\"a\"}"] = Sel(null, Eq("__name__", "a")),
            ["a{b!=\"c\"}[1m]"] = Range(Sel("a", M("b", MatchType.NotEqual, "c")), Min(1)),
            ["a{b=~\"c\"}[1m]"] = Range(Sel("a", M("b", MatchType.Regexp, "c")), Min(1)),
            ["a{b!~\"c\"}[1m]"] = Range(Sel("a", M("b", MatchType.NotRegexp, "c")), Min(1)),
            ["a @ 10"] = Sel("a", Modifiers.None.WithTimestamp(10_000)),
            ["a[1m] @ 10"] = Range(A, Min(1), Modifiers.None.WithTimestamp(10_000)),
            ["a @ start()"] = Sel("a", Modifiers.None.WithAt(AtModifierKind.Start)),
            ["a @ end()"] = Sel("a", Modifiers.None.WithAt(AtModifierKind.End)),
            ["a[1m] @ start()"] = Range(A, Min(1), Modifiers.None.WithAt(AtModifierKind.Start)),
            ["a[1m] @ end()"] = Range(A, Min(1), Modifiers.None.WithAt(AtModifierKind.End)),
            ["{__name__=\"\",a=\"x\"}"] = Sel(null, Eq("__name__", ""), Eq("a", "x")),
            ["{\"a.b\"=\"c\"}"] = Sel(null, Eq("a.b", "c")),
            ["{\"0\"=\"1\"}"] = Sel(null, Eq("0", "1")),
            ["{\"_0\"=\"1\"}"] = Sel(null, Eq("_0", "1")),
            ["{\"\"=\"0\"}"] = Sel(null, Eq("", "0")),
            ["{``=\"0\"}"] = Sel(null, Eq("", "0")),
            ["1048576"] = Num(1048576),
            ["foo[step()]"] = Range(FooSel, Step()),
            ["foo[-step()]"] = Range(FooSel, Minus(Step())),
            ["foo[(step())]"] = Range(FooSel, Step(wrapped: true)),
            ["foo[-(step())]"] = Range(FooSel, Minus(Step(wrapped: true))),
            ["foo offset step()"] = Foo(Step()),
            ["foo offset -step()"] = Foo(Minus(Step())),
            ["foo offset (step())"] = Foo(Step(wrapped: true)),
            ["foo offset -(step())"] = Foo(Minus(Step(wrapped: true))),
            ["foo offset +(5)"] = Foo(Wrap(Num(5))),
            ["foo offset -(5)"] = Foo(Minus(Wrap(Num(5)))),
            ["foo offset (5)"] = Foo(Wrap(Num(5))),
            ["foo offset (5m)"] = Foo(Wrap(Dur(300))),
            ["foo[(5s)]"] = Range(FooSel, Wrap(Dur(5))),
            ["foo[(5m):(1m)]"] = Trees.Sub(FooSel, Wrap(Dur(300)), Wrap(Dur(60))),
            ["foo offset +min_of(10s, 20s)"] = Foo(D(DurationOperator.MinOf, Dur(10), Dur(20))),
            ["foo offset -min_of(10s, 20s)"] = Foo(Minus(D(DurationOperator.MinOf, Dur(10), Dur(20)))),
            ["foo offset -min_of(10s, +max_of(step() ^ 2, 2))"] =
                Foo(Minus(D(DurationOperator.MinOf, Dur(10), D(DurationOperator.MaxOf, D(DurationOperator.Pow, Step(), Num(2)), Num(2))))),
            ["foo[200-min_of(-step()^+step(),1)]"] =
                Range(FooSel, D(DurationOperator.Sub, Num(200), D(DurationOperator.MinOf, D(DurationOperator.Pow, Minus(Step()), Step()), Num(1)))),
            ["foo[200 - min_of(step() + 10s, -max_of(step() ^ 2, 3))]"] =
                Range(FooSel, D(DurationOperator.Sub, Num(200), D(DurationOperator.MinOf, D(DurationOperator.Add, Step(), Dur(10)),
                    Minus(D(DurationOperator.MaxOf, D(DurationOperator.Pow, Step(), Num(2)), Num(3)))))),
            ["foo[range()]"] = Range(FooSel, RangeFn()),
            ["foo[-range()]"] = Range(FooSel, Minus(RangeFn())),
            ["foo offset range()"] = Foo(RangeFn()),
            ["foo offset -range()"] = Foo(Minus(RangeFn())),
            ["foo[max_of(range(), 5s)]"] = Range(FooSel, D(DurationOperator.MaxOf, RangeFn(), Dur(5))),
            ["predict_linear(foo[1h], 3000)"] = Fn("predict_linear", Range(FooSel, Hours(1)), Num(3000)),
            ["sum by(\"üüü\") (foo)"] = By(AggregateOperator.Sum, FooSel, "üüü"),
            ["sum without(\"äää\") (foo)"] = Without(FooSel, "äää"),
            ["count by(\"ööö\", job) (foo)"] = By(AggregateOperator.Count, FooSel, "ööö", "job"),
            ["foo / on(\"äää\") bar"] = Bin(BinaryOperator.Div, FooSel, Bar, On("äää")),
            ["foo / ignoring(\"üüü\") bar"] = Bin(BinaryOperator.Div, FooSel, Bar, Matching(labels: new[] { "üüü" })),
            ["foo / on(\"äää\") group_left(\"ööö\") bar"] = Bin(BinaryOperator.Div, FooSel, Bar, GroupLeft(new[] { "äää" }, "ööö")),
            ["foo / on(\"äää\") group_right(\"ööö\") bar"] =
                Bin(BinaryOperator.Div, FooSel, Bar, Matching(VectorMatchCardinality.OneToMany, new[] { "äää" }, true, new[] { "ööö" })),
            ["foo / on(legacy, \"üüü\") bar"] = Bin(BinaryOperator.Div, FooSel, Bar, On("legacy", "üüü")),
            ["foo / on(job, instance) bar"] = Bin(BinaryOperator.Div, FooSel, Bar, On("job", "instance")),
        };

        private static string CasesFile => PrinterConformance.FindCasesFile();

        [Fact]
        public void LoadCases_PairsInputsWithGoExpectations()
        {
            var cases = PrinterConformance.LoadCases(CasesFile);
            Assert.Equal(92, cases.Count);
            var byInput = cases.ToDictionary(c => c.Input, c => c.Expected);
            Assert.Equal("sum(task:errors:rate10s{job=\"s\"})", byInput["sum by() (task:errors:rate10s{job=\"s\"})"]);
            Assert.Equal("a - c", byInput["a - ignoring() c"]);
            Assert.Equal("foo offset (5)", byInput["foo offset +(5)"]);
            Assert.Equal("{\"\"=\"0\"}", byInput["{``=\"0\"}"]);
            Assert.Equal("a - on (b) group_left () c", byInput["a - on(b) group_left c"]);
            Assert.Equal("foo / on (legacy, \"üüü\") bar", byInput["foo / on(legacy, \"üüü\") bar"]);
            Assert.Equal("foo offset -(5)", byInput["foo offset -(5)"]);
        }

        [Fact]
        public void Measure_HandBuiltTrees_AgreeWithEveryGoExpectation()
        {
            var (matched, total, mismatches) = PrinterConformance.Measure(input => TreesByInput.TryGetValue(input, out var tree) ? tree : null);
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
            Assert.Equal(92, total);
            Assert.Equal(total, matched);
        }
    }
}
