using System;
using System.Collections.Generic;
using System.Linq;

namespace PromQL.Parsing.Syntax
{
    /// <summary>A number: <c>1</c>, <c>0x1f</c>, <c>Inf</c>, or a duration used as a number (<c>5m</c> is 300).</summary>
    public sealed class NumberLiteral : Expr
    {
        /// <summary>Creates a number literal.</summary>
        public NumberLiteral(double value, bool isDuration, int start, int end) : base(start, end)
        {
            Value = value;
            IsDuration = isDuration;
        }

        /// <summary>The value; seconds for a duration.</summary>
        public double Value { get; }

        /// <summary>Whether it was written as a duration (it then prints as one).</summary>
        public bool IsDuration { get; }

        /// <inheritdoc />
        public override ValueType Type => ValueType.Scalar;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children => Array.Empty<Expr>();
    }

    /// <summary>A string literal in double quotes, single quotes or backticks.</summary>
    public sealed class StringLiteral : Expr
    {
        /// <summary>Creates a string literal.</summary>
        public StringLiteral(string value, int start, int end, bool hasHole = false) : base(start, end)
        {
            Value = value;
            HasHole = hasHole;
        }

        /// <summary>The unescaped value.</summary>
        public string Value { get; }

        /// <summary>Whether a hole stands in the string.</summary>
        public bool HasHole { get; }

        /// <inheritdoc />
        public override ValueType Type => ValueType.String;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children => Array.Empty<Expr>();
    }

    /// <summary>
    /// An instant vector selector: <c>name{matchers}</c>. <see cref="Matchers"/> holds the matchers written in
    /// the braces; the name outside the braces is <see cref="Name"/> (Prometheus adds a matcher for it).
    /// </summary>
    public sealed class VectorSelector : Expr
    {
        /// <summary>Creates a vector selector.</summary>
        public VectorSelector(string? name, IReadOnlyList<LabelMatcher> matchers, Modifiers modifiers, int start, int end,
            int nameEnd = -1, int openBrace = -1, int closeBrace = -1, bool nameHasHole = false) : base(start, end)
        {
            Name = name;
            Matchers = matchers;
            Modifiers = modifiers;
            NameEnd = nameEnd;
            OpenBrace = openBrace;
            CloseBrace = closeBrace;
            NameHasHole = nameHasHole;
        }

        /// <summary>The metric name written before the braces, or null.</summary>
        public string? Name { get; }

        /// <summary>Whether a hole stands in the metric name.</summary>
        public bool NameHasHole { get; }

        /// <summary>Where the name before the braces ends, or -1.</summary>
        public int NameEnd { get; }

        /// <summary>Where <c>{</c> stands, or -1 when there are no braces.</summary>
        public int OpenBrace { get; }

        /// <summary>Where <c>}</c> stands, or -1 when there are no braces.</summary>
        public int CloseBrace { get; }

        /// <summary>The matchers in the braces, in written order.</summary>
        public IReadOnlyList<LabelMatcher> Matchers { get; }

        /// <summary>offset, @, anchored, smoothed.</summary>
        public Modifiers Modifiers { get; }

        /// <summary>
        /// The metric name wherever it was set: before the braces, or by an <c>__name__="…"</c> matcher
        /// (a bare quoted name counts); null when neither.
        /// </summary>
        public string? MetricName => Name ?? Matchers.FirstOrDefault(m => m.IsMetricName && m.Type == MatchType.Equal)?.Value;

        /// <summary>A copy with other modifiers, its span running to <paramref name="end"/>.</summary>
        public VectorSelector WithModifiers(Modifiers modifiers, int end) =>
            new VectorSelector(Name, Matchers, modifiers, Start, end, NameEnd, OpenBrace, CloseBrace, NameHasHole);

        /// <inheritdoc />
        public override ValueType Type => ValueType.Vector;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children => Array.Empty<Expr>();
    }

    /// <summary>A range vector selector: <c>selector[range]</c>, the modifiers after the range.</summary>
    public sealed class MatrixSelector : Expr
    {
        /// <summary>Creates a range vector selector.</summary>
        public MatrixSelector(Expr vectorSelector, TimeSpan range, Expr? rangeExpr, Modifiers modifiers, int start, int end) : base(start, end)
        {
            VectorSelector = vectorSelector;
            Range = range;
            RangeExpr = rangeExpr;
            Modifiers = modifiers;
        }

        /// <summary>The selector: a <see cref="Syntax.VectorSelector"/> without modifiers, or a <see cref="HoleExpr"/>.</summary>
        public Expr VectorSelector { get; }

        /// <summary>The literal range (zero when <see cref="RangeExpr"/> is set).</summary>
        public TimeSpan Range { get; }

        /// <summary>The range as a duration expression (or a hole), or null.</summary>
        public Expr? RangeExpr { get; }

        /// <summary>The modifiers after the range (Prometheus keeps them on the inner selector).</summary>
        public Modifiers Modifiers { get; }

        /// <summary>A copy with other modifiers.</summary>
        public MatrixSelector WithModifiers(Modifiers modifiers, int end) => new MatrixSelector(VectorSelector, Range, RangeExpr, modifiers, Start, end);

        /// <inheritdoc />
        public override ValueType Type => ValueType.Matrix;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children { get { yield return VectorSelector; } }
    }

    /// <summary>A subquery: <c>expr[range:step]</c> with its modifiers.</summary>
    public sealed class SubqueryExpr : Expr
    {
        /// <summary>Creates a subquery.</summary>
        public SubqueryExpr(Expr expr, TimeSpan range, Expr? rangeExpr, TimeSpan step, Expr? stepExpr, Modifiers modifiers, int start, int end)
            : base(start, end)
        {
            Expr = expr;
            Range = range;
            RangeExpr = rangeExpr;
            Step = step;
            StepExpr = stepExpr;
            Modifiers = modifiers;
        }

        /// <summary>The inner expression.</summary>
        public Expr Expr { get; }

        /// <summary>The literal range.</summary>
        public TimeSpan Range { get; }

        /// <summary>The range as a duration expression (or a hole), or null.</summary>
        public Expr? RangeExpr { get; }

        /// <summary>The literal step; zero when omitted.</summary>
        public TimeSpan Step { get; }

        /// <summary>The step as a duration expression (or a hole), or null.</summary>
        public Expr? StepExpr { get; }

        /// <summary>offset, @.</summary>
        public Modifiers Modifiers { get; }

        /// <summary>A copy with other modifiers.</summary>
        public SubqueryExpr WithModifiers(Modifiers modifiers, int end) => new SubqueryExpr(Expr, Range, RangeExpr, Step, StepExpr, modifiers, Start, end);

        /// <inheritdoc />
        public override ValueType Type => ValueType.Matrix;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children { get { yield return Expr; } }
    }

    /// <summary>An aggregation: <c>sum by (job) (expr)</c>, <c>topk(5, expr)</c>.</summary>
    public sealed class AggregateExpr : Expr
    {
        /// <summary>Creates an aggregation.</summary>
        public AggregateExpr(AggregateOperator op, Expr expr, Expr? param, IReadOnlyList<string> grouping, bool without, bool hasGroupingClause,
            int start, int end, int groupingStart = -1, int groupingEnd = -1) : base(start, end)
        {
            Op = op;
            Expr = expr;
            Param = param;
            Grouping = grouping;
            Without = without;
            HasGroupingClause = hasGroupingClause;
            GroupingStart = groupingStart;
            GroupingEnd = groupingEnd;
        }

        /// <summary>The aggregation.</summary>
        public AggregateOperator Op { get; }

        /// <summary>The operand.</summary>
        public Expr Expr { get; }

        /// <summary>The parameter of <c>topk</c>, <c>quantile</c>, <c>count_values</c>, …, or null.</summary>
        public Expr? Param { get; }

        /// <summary>The labels of <c>by</c> or <c>without</c>.</summary>
        public IReadOnlyList<string> Grouping { get; }

        /// <summary>Whether the clause is <c>without</c>.</summary>
        public bool Without { get; }

        /// <summary>Whether a <c>by</c> or <c>without</c> clause was written (<c>sum by () (x)</c> has one, empty).</summary>
        public bool HasGroupingClause { get; }

        /// <summary>Where the grouping clause (its keyword) starts, or -1.</summary>
        public int GroupingStart { get; }

        /// <summary>Where the grouping clause ends (after its <c>)</c>), or -1.</summary>
        public int GroupingEnd { get; }

        /// <inheritdoc />
        public override ValueType Type => ValueType.Vector;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children
        {
            get
            {
                yield return Expr;
                if (Param is not null)
                {
                    yield return Param;
                }
            }
        }
    }

    /// <summary><c>fill</c> values of a binary operation.</summary>
    public sealed class FillValues
    {
        /// <summary>Creates fill values.</summary>
        public FillValues(double? left, double? right)
        {
            Left = left;
            Right = right;
        }

        /// <summary>No fill.</summary>
        public static readonly FillValues None = new FillValues(null, null);

        /// <summary>The value for a missing left-hand series.</summary>
        public double? Left { get; }

        /// <summary>The value for a missing right-hand series.</summary>
        public double? Right { get; }

        /// <summary>Whether any fill is set.</summary>
        public bool Any => Left is not null || Right is not null;
    }

    /// <summary>How a binary operation matches vector elements (<c>on</c>, <c>ignoring</c>, <c>group_left</c>, …).</summary>
    public sealed class VectorMatching
    {
        /// <summary>Creates vector matching.</summary>
        public VectorMatching(VectorMatchCardinality card, IReadOnlyList<string> matchingLabels, bool on, IReadOnlyList<string> include, FillValues fill,
            bool hasMatchingClause = false)
        {
            Card = card;
            MatchingLabels = matchingLabels;
            On = on;
            Include = include;
            Fill = fill;
            HasMatchingClause = hasMatchingClause;
        }

        /// <summary>The cardinality.</summary>
        public VectorMatchCardinality Card { get; }

        /// <summary>The labels of <c>on</c> or <c>ignoring</c>.</summary>
        public IReadOnlyList<string> MatchingLabels { get; }

        /// <summary>Whether the clause is <c>on</c>.</summary>
        public bool On { get; }

        /// <summary>The labels of <c>group_left</c> or <c>group_right</c>.</summary>
        public IReadOnlyList<string> Include { get; }

        /// <summary>The fill values.</summary>
        public FillValues Fill { get; }

        /// <summary>Whether <c>on</c> or <c>ignoring</c> was written.</summary>
        public bool HasMatchingClause { get; }
    }

    /// <summary>A binary operation.</summary>
    public sealed class BinaryExpr : Expr
    {
        /// <summary>Creates a binary operation.</summary>
        public BinaryExpr(BinaryOperator op, Expr left, Expr right, VectorMatching? matching, bool returnBool, int start, int end,
            int operatorStart = -1, int operatorEnd = -1) : base(start, end)
        {
            Op = op;
            Left = left;
            Right = right;
            Matching = matching;
            ReturnBool = returnBool;
            OperatorStart = operatorStart;
            OperatorEnd = operatorEnd;
            _type = TypeOf(left.Type, right.Type);
        }

        // Computed once: the operands are immutable, and a getter that recursed would make long chains quadratic.
        private readonly ValueType _type;

        /// <summary>The operator.</summary>
        public BinaryOperator Op { get; }

        /// <summary>The left operand.</summary>
        public Expr Left { get; }

        /// <summary>The right operand.</summary>
        public Expr Right { get; }

        /// <summary>The vector matching as written; Prometheus drops it (null) unless both sides are instant vectors.</summary>
        public VectorMatching? Matching { get; }

        /// <summary>The <c>bool</c> modifier.</summary>
        public bool ReturnBool { get; }

        /// <summary>Where the operator token starts.</summary>
        public int OperatorStart { get; }

        /// <summary>Where the operator and its modifiers end.</summary>
        public int OperatorEnd { get; }

        /// <inheritdoc />
        public override ValueType Type => _type;

        private static ValueType TypeOf(ValueType l, ValueType r)
        {
            {
                if (l == ValueType.Scalar && r == ValueType.Scalar)
                {
                    return ValueType.Scalar;
                }

                if ((l == ValueType.Unknown && r is ValueType.Scalar or ValueType.Unknown) || (r == ValueType.Unknown && l == ValueType.Scalar))
                {
                    return ValueType.Unknown;
                }

                return ValueType.Vector;
            }
        }

        /// <inheritdoc />
        public override IEnumerable<Expr> Children
        {
            get
            {
                yield return Left;
                yield return Right;
            }
        }
    }

    /// <summary>A function call.</summary>
    public sealed class Call : Expr
    {
        /// <summary>Creates a call.</summary>
        public Call(string name, Semantics.PromQlFunction? function, IReadOnlyList<Expr> args, int start, int end, bool nameHasHole = false) : base(start, end)
        {
            Name = name;
            Function = function;
            Args = args;
            NameHasHole = nameHasHole;
        }

        /// <summary>The function name as written.</summary>
        public string Name { get; }

        /// <summary>The function, or null when the name is unknown (or has a hole).</summary>
        public Semantics.PromQlFunction? Function { get; }

        /// <summary>Whether a hole stands in the name.</summary>
        public bool NameHasHole { get; }

        /// <summary>The arguments.</summary>
        public IReadOnlyList<Expr> Args { get; }

        /// <inheritdoc />
        public override ValueType Type => Function?.ReturnType ?? ValueType.Unknown;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children => Args;
    }

    /// <summary>An expression in parentheses.</summary>
    public sealed class ParenExpr : Expr
    {
        /// <summary>Creates a parenthesised expression.</summary>
        public ParenExpr(Expr expr, int start, int end) : base(start, end)
        {
            Expr = expr;
            _type = expr.Type;
        }

        private readonly ValueType _type;

        /// <summary>The inner expression.</summary>
        public Expr Expr { get; }

        /// <inheritdoc />
        public override ValueType Type => _type;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children { get { yield return Expr; } }
    }

    /// <summary>A unary <c>-</c> or <c>+</c> on something other than a number literal (those fold into the literal).</summary>
    public sealed class UnaryExpr : Expr
    {
        /// <summary>Creates a unary operation.</summary>
        public UnaryExpr(UnaryOperator op, Expr expr, int start, int end) : base(start, end)
        {
            Op = op;
            Expr = expr;
            _type = expr.Type;
        }

        private readonly ValueType _type;

        /// <summary>The operator.</summary>
        public UnaryOperator Op { get; }

        /// <summary>The operand.</summary>
        public Expr Expr { get; }

        /// <inheritdoc />
        public override ValueType Type => _type;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children { get { yield return Expr; } }
    }

    /// <summary>
    /// A duration expression (<c>5m + 1m</c>, <c>step()</c>, <c>min_of(a, b)</c>, <c>-(…)</c>), experimental in
    /// Prometheus. Unary forms have a null <see cref="Left"/>; <c>step()</c> and <c>range()</c> have neither operand.
    /// </summary>
    public sealed class DurationExpr : Expr
    {
        /// <summary>Creates a duration expression.</summary>
        public DurationExpr(DurationOperator op, Expr? left, Expr? right, bool wrapped, int start, int end) : base(start, end)
        {
            Op = op;
            Left = left;
            Right = right;
            Wrapped = wrapped;
        }

        /// <summary>The operator.</summary>
        public DurationOperator Op { get; }

        /// <summary>The left operand, or null.</summary>
        public Expr? Left { get; }

        /// <summary>The right operand, or null.</summary>
        public Expr? Right { get; }

        /// <summary>Whether it was written in parentheses (it prints with them).</summary>
        public bool Wrapped { get; }

        /// <summary>A copy marked as parenthesised, with the parentheses' span.</summary>
        public DurationExpr AsWrapped(int start, int end) => new DurationExpr(Op, Left, Right, true, start, end);

        /// <inheritdoc />
        public override ValueType Type => ValueType.Scalar;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children
        {
            get
            {
                if (Left is not null)
                {
                    yield return Left;
                }

                if (Right is not null)
                {
                    yield return Right;
                }
            }
        }
    }

    /// <summary>
    /// An interpolation hole standing for a whole sub-expression, number or duration whose value is not
    /// known until run time. Its type is <see cref="ValueType.Unknown"/>.
    /// </summary>
    public sealed class HoleExpr : Expr
    {
        /// <summary>Creates a hole.</summary>
        public HoleExpr(Modifiers modifiers, int start, int end) : base(start, end) => Modifiers = modifiers;

        /// <summary>Modifiers written after the hole.</summary>
        public Modifiers Modifiers { get; }

        /// <summary>A copy with other modifiers.</summary>
        public HoleExpr WithModifiers(Modifiers modifiers, int end) => new HoleExpr(modifiers, Start, end);

        /// <inheritdoc />
        public override ValueType Type => ValueType.Unknown;

        /// <inheritdoc />
        public override IEnumerable<Expr> Children => Array.Empty<Expr>();
    }
}
