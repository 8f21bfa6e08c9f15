using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Syntax;
using Xunit;

namespace PromQL.Parsing.Tests.Semantics
{
    /// <summary>
    /// The semantic checks on hand-built trees. Expected messages and spans are those of Prometheus's
    /// parse_test.go (byte offsets equal UTF-16 offsets for these ASCII queries).
    /// </summary>
    public class SemanticCheckerTests
    {
        private const char Hole = PromQlParser.HoleCharacter;

        // ---- binary operations -------------------------------------------------------------------------

        [Theory]
        [InlineData("1 and 1", BinaryOperator.And, "and")]
        [InlineData("1 or 1", BinaryOperator.Or, "or")]
        [InlineData("1 unless 1", BinaryOperator.Unless, "unless")]
        public void SetOperatorBetweenScalars_IsRejected(string text, BinaryOperator op, string word)
        {
            var tree = Bin(op, Num(0, 1), Num(text.Length - 1, text.Length));
            AssertDiagnostics(Check(tree, text), ($"set operator \"{word}\" not allowed in binary scalar expression", 0, text.Length));
        }

        [Fact]
        public void SetOperatorWithOneScalarSide_IsRejected()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.And, Sel("foo", 0, 3), Num(8, 9)), "foo and 1"),
                ("set operator \"and\" not allowed in binary scalar expression", 0, 9));
            AssertDiagnostics(Check(Bin(BinaryOperator.Unless, Num(0, 1), Sel("foo", 9, 12)), "1 unless foo"),
                ("set operator \"unless\" not allowed in binary scalar expression", 0, 12));
        }

        [Fact]
        public void ComparisonBetweenScalarsWithoutBool_IsReportedAtTheOperator()
        {
            // Prometheus's opRange ends at the operator's last character, taken as exclusive: "=" of "==".
            AssertDiagnostics(Check(Bin(BinaryOperator.Eql, Num(0, 1), Num(5, 6)), "1 == 1"),
                ("comparisons between scalars must use BOOL modifier", 2, 3));
        }

        [Fact]
        public void ComparisonBetweenScalarsWithBool_IsAccepted()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.Eql, Num(0, 1), Num(10, 11), returnBool: true), "1 == bool 1"));
        }

        [Fact]
        public void ComparisonBetweenVectors_IsAccepted()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.Gtr, Sel("foo", 0, 3), Num(6, 7)), "foo > 1"));
        }

        [Fact]
        public void BoolOnArithmetic_IsReportedAtTheOperator()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Sel("bar", 11, 14), returnBool: true), "foo + bool bar"),
                ("bool modifier can only be used on comparison operators", 4, 9));
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Num(11, 13), returnBool: true), "foo + bool 10"),
                ("bool modifier can only be used on comparison operators", 4, 9));
        }

        [Fact]
        public void BoolOnSetOperatorWithScalar_GivesBothErrorsInPrometheusOrder()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.And, Sel("foo", 0, 3), Num(13, 15), returnBool: true), "foo and bool 10"),
                ("bool modifier can only be used on comparison operators", 4, 11),
                ("set operator \"and\" not allowed in binary scalar expression", 0, 15));
        }

        [Fact]
        public void OperatorRange_SkipsNewlinesAndTabs()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.Eql, Num(0, 1), Num(7, 8)), "1\n\t==\r 1"),
                ("comparisons between scalars must use BOOL modifier", 3, 4));
        }

        [Fact]
        public void VectorMatchingWithScalar_IsRejected()
        {
            var on = Matching(VectorMatchCardinality.OneToOne, on: true, labels: new[] { "bar" });
            AssertDiagnostics(Check(Bin(BinaryOperator.Or, Num(0, 1), Sel("foo", 13, 16), on), "1 or on(bar) foo"),
                ("vector matching only allowed between instant vectors", 0, 16),
                ("set operator \"or\" not allowed in binary scalar expression", 0, 16));
            AssertDiagnostics(Check(Bin(BinaryOperator.Eql, Sel("foo", 0, 3), Num(15, 17), on), "foo == on(bar) 10"),
                ("vector matching only allowed between instant vectors", 0, 17));
        }

        [Fact]
        public void EmptyOnClauseWithScalar_IsAccepted()
        {
            var on = Matching(VectorMatchCardinality.OneToOne, on: true);
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Num(10, 11), on), "foo + on() 1"));
        }

        [Theory]
        [InlineData(BinaryOperator.And, "and", VectorMatchCardinality.ManyToOne)]
        [InlineData(BinaryOperator.And, "and", VectorMatchCardinality.OneToMany)]
        [InlineData(BinaryOperator.Or, "or", VectorMatchCardinality.ManyToOne)]
        [InlineData(BinaryOperator.Unless, "unless", VectorMatchCardinality.OneToMany)]
        public void GroupingOnSetOperator_IsRejected(BinaryOperator op, string word, VectorMatchCardinality card)
        {
            var text = $"foo {word} on(bar) group_x(baz) bar";
            var matching = Matching(card, on: true, labels: new[] { "bar" }, include: new[] { "baz" });
            var tree = Bin(op, Sel("foo", 0, 3), Sel("bar", text.Length - 3, text.Length), matching);
            AssertDiagnostics(Check(tree, text),
                ($"no grouping allowed for \"{word}\" operation", 0, text.Length),
                ("set operations must always be many-to-many", 0, text.Length));
        }

        [Fact]
        public void SetOperatorBetweenVectors_IsAccepted()
        {
            AssertDiagnostics(Check(Bin(BinaryOperator.And, Sel("foo", 0, 3), Sel("bar", 8, 11)), "foo and bar"));
            var on = Matching(VectorMatchCardinality.OneToOne, on: true, labels: new[] { "bar" });
            AssertDiagnostics(Check(Bin(BinaryOperator.And, Sel("foo", 0, 3), Sel("bar", 16, 19), on), "foo and on(bar) bar"));
        }

        [Fact]
        public void LabelInOnAndGroupClause_IsReportedAtTheOperator()
        {
            const string text = "http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count{type=\"smp\"}";
            var left = Sel("http_requests", 0, 33, M("group", MatchType.Equal, "production"));
            var right = Sel("cpu_count", 73, text.Length, M("type", MatchType.Equal, "smp"));
            var matching = Matching(VectorMatchCardinality.ManyToOne, on: true, labels: new[] { "instance" }, include: new[] { "job", "instance" });
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, left, right, matching), text),
                ("label \"instance\" must not occur in ON and GROUP clause at once", 34, 72));
        }

        [Fact]
        public void LabelInIgnoringAndGroupClause_IsAccepted()
        {
            const string text = "foo + ignoring(instance) group_left(instance) bar";
            var matching = Matching(VectorMatchCardinality.ManyToOne, on: false, labels: new[] { "instance" }, include: new[] { "instance" });
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Sel("bar", 46, 49), matching), text));
        }

        [Fact]
        public void FillWithScalar_IsRejected()
        {
            var fill = new VectorMatching(VectorMatchCardinality.OneToOne, Array.Empty<string>(), false, Array.Empty<string>(), new FillValues(0, 0));
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Num(14, 15), fill), "foo + fill(0) 1"),
                ("filling in missing series only allowed between instant vectors", 0, 15));
        }

        [Fact]
        public void FillOnSetOperator_IsRejected()
        {
            var fill = new VectorMatching(VectorMatchCardinality.OneToOne, Array.Empty<string>(), false, Array.Empty<string>(), new FillValues(null, 1));
            AssertDiagnostics(Check(Bin(BinaryOperator.Or, Sel("foo", 0, 3), Sel("bar", 19, 22), fill), "foo or fill_right(1) bar"),
                ("filling in missing series not allowed for set operators", 0, 22));
        }

        [Fact]
        public void FillBetweenVectors_IsAccepted()
        {
            var fill = new VectorMatching(VectorMatchCardinality.OneToOne, Array.Empty<string>(), false, Array.Empty<string>(), new FillValues(0, 0));
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Sel("foo", 0, 3), Sel("bar", 14, 17), fill), "foo + fill(0) bar"));
        }

        [Fact]
        public void StringOrRangeOperands_AreRejectedEach()
        {
            const string text = "\"a\" + foo[5m]";
            var range = Matrix(Sel("foo", 6, 9), 6, 13);
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, Str("a", 0, 3), range), text),
                ("binary expression must contain only scalar and instant vector types", 0, 3),
                ("binary expression must contain only scalar and instant vector types", 6, 13));
        }

        // ---- unary, subquery -----------------------------------------------------------------------------

        [Fact]
        public void UnaryOnString_IsRejected()
        {
            AssertDiagnostics(Check(new UnaryExpr(UnaryOperator.Minus, Str("string", 1, 9), 0, 9), "-\"string\""),
                ("unary expression only allowed on expressions of type scalar or instant vector, got \"string\"", 0, 9));
        }

        [Fact]
        public void UnaryOnRange_IsRejected()
        {
            var tree = new UnaryExpr(UnaryOperator.Minus, Matrix(Sel("test", 1, 5), 1, 9), 0, 9);
            AssertDiagnostics(Check(tree, "-test[5m]"),
                ("unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"", 0, 9));
        }

        [Fact]
        public void SubqueryOfRange_IsRejected()
        {
            const string text = "test[5d] OFFSET 10s [10m:5s]";
            var inner = new MatrixSelector(Sel("test", 0, 4), TimeSpan.FromDays(5), null, Modifiers.None.WithOffset(TimeSpan.FromSeconds(10)), 0, 19);
            var tree = new SubqueryExpr(inner, TimeSpan.FromMinutes(10), null, TimeSpan.FromSeconds(5), null, Modifiers.None, 0, text.Length);
            AssertDiagnostics(Check(tree, text), ("subquery is only allowed on instant vector, got matrix instead", 0, 28));
        }

        [Fact]
        public void SubqueryOfVector_IsAccepted()
        {
            var tree = new SubqueryExpr(Sel("foo", 0, 3), TimeSpan.FromMinutes(5), null, TimeSpan.Zero, null, Modifiers.None, 0, 8);
            AssertDiagnostics(Check(tree, "foo[5m:]"));
        }

        // ---- selectors -----------------------------------------------------------------------------------

        [Theory]
        [InlineData("{}")]
        [InlineData("{x=\"\"}", "x", MatchType.Equal, "")]
        [InlineData("{x=~\".*\"}", "x", MatchType.Regexp, ".*")]
        [InlineData("{x!~\".+\"}", "x", MatchType.NotRegexp, ".+")]
        [InlineData("{x!=\"a\"}", "x", MatchType.NotEqual, "a")]
        [InlineData("{x=~\"a|\"}", "x", MatchType.Regexp, "a|")]
        public void SelectorMatchingEverything_IsRejected(string text, string? name = null, MatchType type = MatchType.Equal, string? value = null)
        {
            var matchers = name is null ? Array.Empty<LabelMatcher>() : new[] { M(name, type, value!) };
            AssertDiagnostics(Check(Sel(null, 0, text.Length, matchers), text),
                ("vector selector must contain at least one non-empty matcher", 0, text.Length));
        }

        [Theory]
        [InlineData("x", MatchType.Equal, "a")]
        [InlineData("x", MatchType.NotEqual, "")]
        [InlineData("x", MatchType.Regexp, ".+")]
        [InlineData("x", MatchType.NotRegexp, ".*")]
        [InlineData("x", MatchType.Regexp, "a\nb")]
        [InlineData("__name__", MatchType.Equal, "foo")]
        public void SelectorWithNonEmptyMatcher_IsAccepted(string name, MatchType type, string value)
        {
            var tree = Sel(null, 0, 10, M("y", MatchType.Equal, ""), M(name, type, value));
            AssertDiagnostics(Check(tree, "{ ....... }"));
        }

        [Fact]
        public void SelectorWithInvalidRegex_IsLeftToTheGrammar()
        {
            // The grammar reports the bad regex; whether it matches "" is unknown here.
            AssertDiagnostics(Check(Sel(null, 0, 8, M("x", MatchType.Regexp, "(")), "{x=~\"(\"}"));
            Assert.Null(M("x", MatchType.NotRegexp, "(").MatchesEmpty());
            Assert.True(M("x", MatchType.NotRegexp, "a").MatchesEmpty());
            Assert.False(M("x", MatchType.Regexp, "a").MatchesEmpty());
        }

        [Fact]
        public void SelectorWithNameOnly_IsAccepted()
        {
            AssertDiagnostics(Check(Sel("foo", 0, 3), "foo"));
            AssertDiagnostics(Check(Sel("foo", 0, 9, M("x", MatchType.Equal, "")), "foo{x=\"\"}"));
        }

        [Fact]
        public void MetricNameSetTwice_IsRejected()
        {
            AssertDiagnostics(Check(Sel("foo", 0, 19, M("__name__", MatchType.Equal, "bar")), "foo{__name__=\"bar\"}"),
                ("metric name must not be set twice: \"foo\" or \"bar\"", 0, 19));
        }

        [Fact]
        public void MetricNameSetTwice_QuotesLikeGo()
        {
            var tree = Sel("foo", 0, 10, M("__name__", MatchType.Regexp, "a\"b\\c\u0001\u00e9\u200b"));
            AssertDiagnostics(Check(tree, "0123456789"),
                ("metric name must not be set twice: \"foo\" or \"a\\\"b\\\\c\\x01\u00e9\\u200b\"", 0, 10));
        }

        [Fact]
        public void RangeSelector_ChecksItsSelector()
        {
            AssertDiagnostics(Check(Matrix(Sel(null, 0, 2), 0, 6), "{}[5m]"),
                ("vector selector must contain at least one non-empty matcher", 0, 2));
        }

        // ---- aggregations --------------------------------------------------------------------------------

        [Fact]
        public void TopkWithVectorParameter_IsRejected()
        {
            const string text = "topk(some_metric, other_metric)";
            var tree = Agg(AggregateOperator.Topk, Sel("other_metric", 18, 30), Sel("some_metric", 5, 16), 0, text.Length);
            AssertDiagnostics(Check(tree, text), ("expected type scalar in aggregation parameter, got instant vector", 5, 16));
        }

        [Fact]
        public void CountValuesWithScalarParameter_IsRejected()
        {
            const string text = "count_values(5, other_metric)";
            var tree = Agg(AggregateOperator.CountValues, Sel("other_metric", 16, 28), Num(13, 14), 0, text.Length);
            AssertDiagnostics(Check(tree, text), ("expected type string in aggregation parameter, got scalar", 13, 14));
        }

        [Fact]
        public void AggregationOfScalar_IsRejectedBeforeItsParameter()
        {
            const string text = "quantile(foo, 1)";
            var tree = Agg(AggregateOperator.Quantile, Num(14, 15), Sel("foo", 9, 12), 0, text.Length);
            AssertDiagnostics(Check(tree, text),
                ("expected type instant vector in aggregation expression, got scalar", 14, 15),
                ("expected type scalar in aggregation parameter, got instant vector", 9, 12));
        }

        [Fact]
        public void AggregationOfRange_IsRejected()
        {
            const string text = "sum(foo[5m])";
            AssertDiagnostics(Check(Agg(AggregateOperator.Sum, Matrix(Sel("foo", 4, 7), 4, 11), null, 0, 12), text),
                ("expected type instant vector in aggregation expression, got range vector", 4, 11));
        }

        [Fact]
        public void ValidAggregations_AreAccepted()
        {
            AssertDiagnostics(Check(Agg(AggregateOperator.Sum, Sel("foo", 4, 7), null, 0, 8), "sum(foo)"));
            AssertDiagnostics(Check(Agg(AggregateOperator.CountValues, Sel("foo", 18, 21), Str("x", 13, 16), 0, 22), "count_values(\"x\", foo)"));
            AssertDiagnostics(Check(Agg(AggregateOperator.LimitRatio, Sel("foo", 15, 18), Num(12, 15), 0, 19), "limit_ratio(0.5, foo)"));
        }

        // ---- calls ---------------------------------------------------------------------------------------

        [Fact]
        public void WrongArgumentCount_IsRejected()
        {
            AssertDiagnostics(Check(Fn("floor", 0, 7), "floor()"),
                ("expected 1 argument(s) in call to \"floor\", got 0", 0, 7));
            AssertDiagnostics(Check(Fn("floor", 0, 32, Sel("some_metric", 6, 17), Sel("other_metric", 19, 31)), "floor(some_metric, other_metric)"),
                ("expected 1 argument(s) in call to \"floor\", got 2", 0, 32));
            AssertDiagnostics(Check(Fn("time", 0, 17, Sel("some_metric", 5, 16)), "time(some_metric)"),
                ("expected 0 argument(s) in call to \"time\", got 1", 0, 17));
        }

        [Fact]
        public void ExtraArgumentsOfFixedArityFunction_AreNotChecked()
        {
            const string text = "floor(some_metric, \"x\", {})";
            var tree = Fn("floor", 0, text.Length, Sel("some_metric", 6, 17), Str("x", 19, 22), Sel(null, 24, 26));
            AssertDiagnostics(Check(tree, text), ("expected 1 argument(s) in call to \"floor\", got 3", 0, text.Length));
        }

        [Fact]
        public void TooManyArgumentsOfVariadicFunction_IsRejected()
        {
            const string text = "hour(some_metric, some_metric, some_metric)";
            var tree = Fn("hour", 0, 43, Sel("some_metric", 5, 16), Sel("some_metric", 18, 29), Sel("some_metric", 31, 42));
            AssertDiagnostics(Check(tree, text),
                ("expected at most 1 argument(s) in call to \"hour\", got 3", 0, 43));
        }

        [Fact]
        public void TooFewArgumentsOfVariadicFunction_IsRejected()
        {
            AssertDiagnostics(Check(Fn("label_join", 0, 20, Sel("foo", 11, 14)), "label_join(foo, \"a\")"),
                ("expected at least 3 argument(s) in call to \"label_join\", got 1", 0, 20));
        }

        [Fact]
        public void UnboundedVariadicFunction_ChecksEveryExtraArgumentAgainstTheLastType()
        {
            const string text = "label_join(foo, \"a\", \"b\", \"c\", \"d\", 1)";
            var tree = Fn("label_join", 0, text.Length, Sel("foo", 11, 14), Str("a", 16, 19), Str("b", 21, 24), Str("c", 26, 29), Str("d", 31, 34), Num(36, 37));
            AssertDiagnostics(Check(tree, text), ("expected type string in call to function \"label_join\", got scalar", 36, 37));
        }

        [Fact]
        public void ArgumentOfWrongType_IsRejected()
        {
            AssertDiagnostics(Check(Fn("floor", 0, 8, Num(6, 7)), "floor(1)"),
                ("expected type instant vector in call to function \"floor\", got scalar", 6, 7));
            AssertDiagnostics(Check(Fn("rate", 0, 17, Sel("some_metric", 5, 16)), "rate(some_metric)"),
                ("expected type range vector in call to function \"rate\", got instant vector", 5, 16));
        }

        [Fact]
        public void ArgumentErrorsFollowArgumentOrderAndInnerErrorsComeFirst()
        {
            const string text = "clamp({}, foo, \"x\")";
            var tree = Fn("clamp", 0, text.Length, Sel(null, 6, 8), Sel("foo", 10, 13), Str("x", 15, 18));
            AssertDiagnostics(Check(tree, text),
                ("vector selector must contain at least one non-empty matcher", 6, 8),
                ("expected type scalar in call to function \"clamp\", got instant vector", 10, 13),
                ("expected type scalar in call to function \"clamp\", got string", 15, 18));
        }

        [Fact]
        public void InfoWithMetricNameInLabelSelector_IsRejected()
        {
            const string text = "info(rate(http_request_counter_total{}[5m]), target_info{foo=\"bar\"})";
            var rate = Fn("rate", 5, 43, Matrix(Sel("http_request_counter_total", 10, 38), 10, 42));
            var tree = Fn("info", 0, text.Length, rate, Sel("target_info", 45, 67, M("foo", MatchType.Equal, "bar")));
            AssertDiagnostics(Check(tree, text), ("expected label selectors only, got vector selector instead", 45, 67));
        }

        [Fact]
        public void InfoWithExpressionAsLabelSelector_IsRejected()
        {
            const string text = "info(http_request_counter_total{namespace=\"zzz\"}, {foo=\"bar\"} == 1)";
            var selector = Bin(BinaryOperator.Eql, Sel(null, 50, 61, M("foo", MatchType.Equal, "bar")), Num(65, 66));
            var tree = Fn("info", 0, text.Length, Sel("http_request_counter_total", 5, 48, M("namespace", MatchType.Equal, "zzz")), selector);
            AssertDiagnostics(Check(tree, text), ("expected label selectors only", 50, 66));
        }

        [Fact]
        public void InfoWithScalarLabelSelector_ReportsTypeAtTheCallFirst()
        {
            const string text = "info(foo, 1)";
            var tree = Fn("info", 0, 12, Sel("foo", 5, 8), Num(10, 11));
            AssertDiagnostics(Check(tree, text),
                ("expected type instant vector in call to function \"info\", got scalar", 0, 12),
                ("expected label selectors only", 10, 11),
                ("expected type instant vector in call to function \"info\", got scalar", 10, 11));
        }

        [Fact]
        public void InfoLabelSelector_IsSparedTheNonEmptyMatcherRule()
        {
            AssertDiagnostics(Check(Fn("info", 0, 12, Sel("foo", 5, 8), Sel(null, 10, 12)), "info(foo, {})"));
            AssertDiagnostics(Check(Fn("info", 0, 20, Sel("foo", 5, 8), Sel(null, 10, 19, M("x", MatchType.Equal, ""))), "info(foo, {x=\"\"})"));
        }

        [Fact]
        public void InfoFirstArgument_StillNeedsANonEmptyMatcher()
        {
            AssertDiagnostics(Check(Fn("info", 0, 8, Sel(null, 5, 7)), "info({})"),
                ("vector selector must contain at least one non-empty matcher", 5, 7));
        }

        [Fact]
        public void ParenthesesAreTransparent()
        {
            var tree = Fn("rate", 0, 11, new ParenExpr(Sel("foo", 6, 9), 5, 10));
            AssertDiagnostics(Check(tree, "rate((foo))"),
                ("expected type range vector in call to function \"rate\", got instant vector", 5, 10));
        }

        // ---- holes ---------------------------------------------------------------------------------------

        [Fact]
        public void HoleSatisfiesEveryTypeCheck()
        {
            var text = $"rate({Hole}) + {Hole} == {Hole}";
            var rate = Fn("rate", 0, 7, HoleAt(5));
            var tree = Bin(BinaryOperator.Eql, Bin(BinaryOperator.Add, rate, HoleAt(10)), HoleAt(15));
            AssertDiagnostics(Check(tree, text));
            AssertDiagnostics(Check(new UnaryExpr(UnaryOperator.Minus, HoleAt(1), 0, 2), $"-{Hole}"));
            AssertDiagnostics(Check(Agg(AggregateOperator.Topk, HoleAt(8), HoleAt(5), 0, 10), $"topk({Hole}, {Hole})"));
            AssertDiagnostics(Check(new SubqueryExpr(HoleAt(0), TimeSpan.FromMinutes(1), null, TimeSpan.Zero, null, Modifiers.None, 0, 6), $"{Hole}[1m:]"));
            AssertDiagnostics(Check(Matrix(HoleAt(0), 0, 5), $"{Hole}[1m]"));
        }

        [Fact]
        public void HoleDoesNotHideCertainErrors()
        {
            var text = $"{Hole} and 1";
            AssertDiagnostics(Check(Bin(BinaryOperator.And, HoleAt(0), Num(6, 7)), text),
                ("set operator \"and\" not allowed in binary scalar expression", 0, 7));
            AssertDiagnostics(Check(Fn("rate", 0, 8, Fn("abs", 5, 7, HoleAt(4))), $"rate(abs({Hole}))"),
                ("expected type range vector in call to function \"rate\", got instant vector", 5, 7));
        }

        [Fact]
        public void HoleOperandLeavesVectorMatchingOpen()
        {
            var on = Matching(VectorMatchCardinality.ManyToOne, on: true, labels: new[] { "a" }, include: new[] { "b" });
            AssertDiagnostics(Check(Bin(BinaryOperator.Add, HoleAt(0), Sel("foo", 20, 23), on), $"{Hole} + on(a) group_left(b) foo"));
            AssertDiagnostics(Check(Bin(BinaryOperator.And, HoleAt(0), Sel("foo", 20, 23), on), $"{Hole} and on(a) group_left(b) foo"));
        }

        [Fact]
        public void MatcherWithHole_MayBeNonEmpty()
        {
            AssertDiagnostics(Check(Sel(null, 0, 8, M("x", MatchType.Equal, Hole.ToString(), valueHole: true)), $"{{x=\"{Hole}\"}}"));
            AssertDiagnostics(Check(Sel(null, 0, 10, M("x", MatchType.Regexp, ".*" + Hole, valueHole: true)), $"{{x=~\".*{Hole}\"}}"));
            AssertDiagnostics(Check(Sel(null, 0, 8, M(Hole.ToString(), MatchType.Equal, "", nameHole: true)), $"{{{Hole}=\"\"}}"));
        }

        [Fact]
        public void InfoWithHoleLabelSelectorOrHoleName_IsAccepted()
        {
            AssertDiagnostics(Check(Fn("info", 0, 12, Sel("foo", 5, 8), HoleAt(10)), $"info(foo, {Hole})"));
            var named = new VectorSelector(Hole.ToString(), Array.Empty<LabelMatcher>(), Modifiers.None, 10, 11, nameHasHole: true);
            AssertDiagnostics(Check(Fn("info", 0, 12, Sel("foo", 5, 8), named), $"info(foo, {Hole})"));
        }

        [Fact]
        public void CallOfUnknownFunction_ChecksOnlyItsArguments()
        {
            var unknown = new Call(Hole.ToString(), null, new Expr[] { Num(2, 3), Sel(null, 5, 7) }, 0, 8, nameHasHole: true);
            AssertDiagnostics(Check(unknown, $"{Hole}(1, {{}})"),
                ("vector selector must contain at least one non-empty matcher", 5, 7));
        }

        // ---- deep and long trees -------------------------------------------------------------------------

        [Fact]
        public void LongLeftLeaningChain_ReportsEveryErrorInOrderWithoutRecursion()
        {
            // (-{}-1-{}-1-…): Prometheus reports each {} from left to right.
            const int operands = 20000;
            var text = new StringBuilder("-{}");
            Expr tree = new UnaryExpr(UnaryOperator.Minus, Sel(null, 1, 3), 0, 3);
            for (var i = 1; i < operands; i++)
            {
                var start = text.Length + 1;
                if (i % 2 == 1)
                {
                    text.Append("-1");
                    tree = Bin(BinaryOperator.Sub, tree, Num(start, start + 1));
                }
                else
                {
                    text.Append("-{}");
                    tree = Bin(BinaryOperator.Sub, tree, Sel(null, start, start + 2));
                }
            }

            var diagnostics = Check(tree, text.ToString());
            Assert.Equal(operands / 2, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Equal("vector selector must contain at least one non-empty matcher", d.Message));
            Assert.Equal(1, diagnostics[0].Start);
            Assert.Equal(6, diagnostics[1].Start);
            Assert.True(diagnostics.Select(d => d.Start).SequenceEqual(diagnostics.Select(d => d.Start).OrderBy(s => s)));
        }

        [Fact]
        public void DeepNesting_IsCheckedWithoutRecursion()
        {
            const int depth = 100000;
            var text = new string('(', depth) + "{}" + new string(')', depth);
            Expr tree = Sel(null, depth, depth + 2);
            for (var i = depth - 1; i >= 0; i--)
            {
                tree = i % 2 == 0
                    ? new ParenExpr(tree, i, text.Length - i)
                    : Fn("abs", i, text.Length - i, tree);
            }

            var diagnostics = Check(tree, text);
            Assert.Single(diagnostics);
            Assert.Equal(depth, diagnostics[0].Start);
        }

        [Fact]
        public void SpansOutsideTheText_DoNotThrow()
        {
            var diagnostics = Check(Bin(BinaryOperator.Eql, Num(0, 50), Num(60, 70)), "1 == 1");
            Assert.Single(diagnostics);
        }

        // ---- helpers -------------------------------------------------------------------------------------

        private static IReadOnlyList<PromQlDiagnostic> Check(Expr tree, string text) =>
            SemanticChecker.Check(tree, text, PromQlParserOptions.Default);

        private static void AssertDiagnostics(IReadOnlyList<PromQlDiagnostic> actual, params (string Message, int Start, int End)[] expected)
        {
            var shown = string.Join("\n", actual.Select(d => d.ToString()));
            Assert.True(expected.Length == actual.Count, "expected " + expected.Length + " diagnostics, got:\n" + shown);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Message, actual[i].Message);
                if (expected[i].Start >= 0)
                {
                    Assert.Equal((expected[i].Start, expected[i].End), (actual[i].Start, actual[i].End));
                }
            }
        }

        private static NumberLiteral Num(int start, int end) => new NumberLiteral(1, false, start, end);

        private static StringLiteral Str(string value, int start, int end) => new StringLiteral(value, start, end);

        private static HoleExpr HoleAt(int start) => new HoleExpr(Modifiers.None, start, start + 1);

        private static VectorSelector Sel(string? name, int start, int end, params LabelMatcher[] matchers) =>
            new VectorSelector(name, matchers, Modifiers.None, start, end);

        private static LabelMatcher M(string name, MatchType type, string value, bool valueHole = false, bool nameHole = false) =>
            new LabelMatcher(name, type, value, 0, 0, 0, 0, 0, 0, nameHole, valueHole);

        private static MatrixSelector Matrix(Expr selector, int start, int end) =>
            new MatrixSelector(selector, TimeSpan.FromMinutes(5), null, Modifiers.None, start, end);

        private static AggregateExpr Agg(AggregateOperator op, Expr expr, Expr? param, int start, int end) =>
            new AggregateExpr(op, expr, param, Array.Empty<string>(), false, false, start, end);

        private static Call Fn(string name, int start, int end, params Expr[] args)
        {
            Assert.True(PromQlFunctions.TryGet(name, out var function));
            return new Call(name, function, args, start, end);
        }

        private static BinaryExpr Bin(BinaryOperator op, Expr left, Expr right, VectorMatching? matching = null, bool returnBool = false) =>
            new BinaryExpr(op, left, right, matching, returnBool, left.Start, right.End);

        private static VectorMatching Matching(VectorMatchCardinality card, bool on, string[]? labels = null, string[]? include = null) =>
            new VectorMatching(card, labels ?? Array.Empty<string>(), on, include ?? Array.Empty<string>(), FillValues.None, hasMatchingClause: true);
    }
}
