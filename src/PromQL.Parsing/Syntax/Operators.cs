namespace PromQL.Parsing.Syntax
{
    /// <summary>Binary operators, arithmetic, comparison, set and histogram trim.</summary>
    public enum BinaryOperator
    {
        /// <summary><c>+</c></summary>
        Add,
        /// <summary><c>-</c></summary>
        Sub,
        /// <summary><c>*</c></summary>
        Mul,
        /// <summary><c>/</c></summary>
        Div,
        /// <summary><c>%</c></summary>
        Mod,
        /// <summary><c>^</c></summary>
        Pow,
        /// <summary><c>atan2</c></summary>
        Atan2,
        /// <summary><c>==</c></summary>
        Eql,
        /// <summary><c>!=</c></summary>
        Neq,
        /// <summary><c>&lt;</c></summary>
        Lss,
        /// <summary><c>&lt;=</c></summary>
        Lte,
        /// <summary><c>&gt;</c></summary>
        Gtr,
        /// <summary><c>&gt;=</c></summary>
        Gte,
        /// <summary><c>&lt;/</c> (trim upper)</summary>
        TrimUpper,
        /// <summary><c>&gt;/</c> (trim lower)</summary>
        TrimLower,
        /// <summary><c>and</c></summary>
        And,
        /// <summary><c>or</c></summary>
        Or,
        /// <summary><c>unless</c></summary>
        Unless,
    }

    /// <summary>Aggregation operators.</summary>
    public enum AggregateOperator
    {
        /// <summary><c>sum</c></summary>
        Sum,
        /// <summary><c>avg</c></summary>
        Avg,
        /// <summary><c>count</c></summary>
        Count,
        /// <summary><c>min</c></summary>
        Min,
        /// <summary><c>max</c></summary>
        Max,
        /// <summary><c>group</c></summary>
        Group,
        /// <summary><c>stddev</c></summary>
        Stddev,
        /// <summary><c>stdvar</c></summary>
        Stdvar,
        /// <summary><c>topk</c></summary>
        Topk,
        /// <summary><c>bottomk</c></summary>
        Bottomk,
        /// <summary><c>count_values</c></summary>
        CountValues,
        /// <summary><c>quantile</c></summary>
        Quantile,
        /// <summary><c>limitk</c> (experimental)</summary>
        Limitk,
        /// <summary><c>limit_ratio</c> (experimental)</summary>
        LimitRatio,
    }

    /// <summary>Unary operators, also used for unary duration expressions.</summary>
    public enum UnaryOperator
    {
        /// <summary><c>+</c></summary>
        Plus,
        /// <summary><c>-</c></summary>
        Minus,
    }

    /// <summary>The operators of a <see cref="DurationExpr"/>.</summary>
    public enum DurationOperator
    {
        /// <summary><c>+</c>, binary, or unary when <see cref="DurationExpr.Left"/> is null.</summary>
        Add,
        /// <summary><c>-</c>, binary, or unary when <see cref="DurationExpr.Left"/> is null.</summary>
        Sub,
        /// <summary><c>*</c></summary>
        Mul,
        /// <summary><c>/</c></summary>
        Div,
        /// <summary><c>%</c></summary>
        Mod,
        /// <summary><c>^</c></summary>
        Pow,
        /// <summary><c>step()</c></summary>
        Step,
        /// <summary><c>range()</c></summary>
        Range,
        /// <summary><c>min_of(a, b)</c></summary>
        MinOf,
        /// <summary><c>max_of(a, b)</c></summary>
        MaxOf,
    }

    /// <summary>Label matching operators.</summary>
    public enum MatchType
    {
        /// <summary><c>=</c></summary>
        Equal,
        /// <summary><c>!=</c></summary>
        NotEqual,
        /// <summary><c>=~</c></summary>
        Regexp,
        /// <summary><c>!~</c></summary>
        NotRegexp,
    }

    /// <summary>Vector matching cardinality.</summary>
    public enum VectorMatchCardinality
    {
        /// <summary>one-to-one</summary>
        OneToOne,
        /// <summary>many-to-one (<c>group_left</c>)</summary>
        ManyToOne,
        /// <summary>one-to-many (<c>group_right</c>)</summary>
        OneToMany,
        /// <summary>many-to-many (set operators)</summary>
        ManyToMany,
    }

    /// <summary>Which preprocessor an <c>@</c> modifier names.</summary>
    public enum AtModifierKind
    {
        /// <summary>No <c>@ start()</c> or <c>@ end()</c>.</summary>
        None,
        /// <summary><c>@ start()</c></summary>
        Start,
        /// <summary><c>@ end()</c></summary>
        End,
    }

    /// <summary>Operator spellings as Prometheus prints them.</summary>
    public static class OperatorText
    {
        /// <summary>The operator as written.</summary>
        public static string Text(this BinaryOperator op) => op switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Sub => "-",
            BinaryOperator.Mul => "*",
            BinaryOperator.Div => "/",
            BinaryOperator.Mod => "%",
            BinaryOperator.Pow => "^",
            BinaryOperator.Atan2 => "atan2",
            BinaryOperator.Eql => "==",
            BinaryOperator.Neq => "!=",
            BinaryOperator.Lss => "<",
            BinaryOperator.Lte => "<=",
            BinaryOperator.Gtr => ">",
            BinaryOperator.Gte => ">=",
            BinaryOperator.TrimUpper => "</",
            BinaryOperator.TrimLower => ">/",
            BinaryOperator.And => "and",
            BinaryOperator.Or => "or",
            _ => "unless",
        };

        /// <summary>The aggregation as written.</summary>
        public static string Text(this AggregateOperator op) => op switch
        {
            AggregateOperator.Sum => "sum",
            AggregateOperator.Avg => "avg",
            AggregateOperator.Count => "count",
            AggregateOperator.Min => "min",
            AggregateOperator.Max => "max",
            AggregateOperator.Group => "group",
            AggregateOperator.Stddev => "stddev",
            AggregateOperator.Stdvar => "stdvar",
            AggregateOperator.Topk => "topk",
            AggregateOperator.Bottomk => "bottomk",
            AggregateOperator.CountValues => "count_values",
            AggregateOperator.Quantile => "quantile",
            AggregateOperator.Limitk => "limitk",
            _ => "limit_ratio",
        };

        /// <summary>The matcher operator as written.</summary>
        public static string Text(this MatchType type) => type switch
        {
            MatchType.Equal => "=",
            MatchType.NotEqual => "!=",
            MatchType.Regexp => "=~",
            _ => "!~",
        };

        /// <summary>Whether the operator is a comparison (<c>==</c>, <c>!=</c>, <c>&lt;</c>, …).</summary>
        public static bool IsComparison(this BinaryOperator op) =>
            op is BinaryOperator.Eql or BinaryOperator.Neq or BinaryOperator.Lss or BinaryOperator.Lte or BinaryOperator.Gtr or BinaryOperator.Gte;

        /// <summary>Whether the operator is a set operator (<c>and</c>, <c>or</c>, <c>unless</c>).</summary>
        public static bool IsSetOperator(this BinaryOperator op) =>
            op is BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Unless;

        /// <summary>Whether the aggregation takes a parameter before its operand.</summary>
        public static bool HasParameter(this AggregateOperator op) =>
            op is AggregateOperator.Topk or AggregateOperator.Bottomk or AggregateOperator.CountValues
                or AggregateOperator.Quantile or AggregateOperator.Limitk or AggregateOperator.LimitRatio;

        /// <summary>Whether the aggregation is experimental (needs experimental functions on).</summary>
        public static bool IsExperimental(this AggregateOperator op) =>
            op is AggregateOperator.Limitk or AggregateOperator.LimitRatio;
    }
}
