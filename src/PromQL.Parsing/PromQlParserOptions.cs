namespace PromQL.Parsing
{
    /// <summary>
    /// Mirrors the feature flags of Prometheus's <c>parser.Options</c>. The default turns every one on,
    /// so the parser accepts what Prometheus accepts with them on; <see cref="PromQlParseResult.UsedFeatures"/>
    /// tells which of them a query needed.
    /// </summary>
    public sealed class PromQlParserOptions
    {
        /// <summary>Every feature on, holes allowed.</summary>
        public static readonly PromQlParserOptions Default = new PromQlParserOptions();

        /// <summary>Prometheus's defaults: every experimental feature off, holes allowed.</summary>
        public static readonly PromQlParserOptions Stable = new PromQlParserOptions
        {
            EnableExperimentalFunctions = false,
            ExperimentalDurationExpr = false,
            EnableExtendedRangeSelectors = false,
            EnableBinopFillModifiers = false,
        };

        /// <summary><c>--enable-feature=promql-experimental-functions</c>: experimental functions, <c>limitk</c>, <c>limit_ratio</c>.</summary>
        public bool EnableExperimentalFunctions { get; set; } = true;

        /// <summary><c>--enable-feature=promql-duration-expr</c>: arithmetic, <c>step()</c>, <c>range()</c>, <c>min_of</c>, <c>max_of</c> in durations.</summary>
        public bool ExperimentalDurationExpr { get; set; } = true;

        /// <summary><c>--enable-feature=promql-extended-range-selectors</c>: the <c>anchored</c> and <c>smoothed</c> modifiers.</summary>
        public bool EnableExtendedRangeSelectors { get; set; } = true;

        /// <summary><c>--enable-feature=promql-binop-fill-modifiers</c>: <c>fill</c>, <c>fill_left</c>, <c>fill_right</c>.</summary>
        public bool EnableBinopFillModifiers { get; set; } = true;

        /// <summary>
        /// Whether <see cref="PromQlParser.HoleCharacter"/> stands for a value not known until run time
        /// (an interpolation hole). A hole may stand for a metric or label name, all or part of a label
        /// value, a number, a duration or a whole sub-expression; its type is unknown and it never causes an error.
        /// </summary>
        public bool AllowHoles { get; set; } = true;

        /// <summary>
        /// How deeply expressions may nest (parentheses, unary operators, right-associative <c>^</c>,
        /// function arguments) before the parser stops with an error instead of risking the stack.
        /// </summary>
        public int MaxDepth { get; set; } = 500;
    }
}
