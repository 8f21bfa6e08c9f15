namespace PromQL.Parsing.Syntax
{
    /// <summary>
    /// One matcher inside braces: <c>name op "value"</c>, or a quoted metric name alone
    /// (<c>{"my.metric"}</c>, which Prometheus reads as <c>__name__="my.metric"</c>).
    /// </summary>
    public sealed class LabelMatcher
    {
        /// <summary>The label name every metric name is stored under.</summary>
        public const string MetricNameLabel = "__name__";

        /// <summary>Creates a matcher.</summary>
        public LabelMatcher(string name, MatchType type, string value, int start, int end, int nameStart, int nameEnd, int valueStart, int valueEnd,
            bool nameHasHole = false, bool valueHasHole = false, bool isBareMetricName = false, char valueQuote = '"')
        {
            Name = name;
            Type = type;
            Value = value;
            Start = start;
            End = end;
            NameStart = nameStart;
            NameEnd = nameEnd;
            ValueStart = valueStart;
            ValueEnd = valueEnd;
            NameHasHole = nameHasHole;
            ValueHasHole = valueHasHole;
            IsBareMetricName = isBareMetricName;
            ValueQuote = valueQuote;
        }

        /// <summary>The label name, unquoted.</summary>
        public string Name { get; }

        /// <summary>The operator.</summary>
        public MatchType Type { get; }

        /// <summary>The value, unquoted and unescaped. A hole stands in it as <see cref="PromQlParser.HoleCharacter"/>.</summary>
        public string Value { get; }

        /// <summary>Where the matcher starts (its name).</summary>
        public int Start { get; }

        /// <summary>Where the matcher ends (after its value), exclusive.</summary>
        public int End { get; }

        /// <summary>Where the name starts (a quoted name: its opening quote).</summary>
        public int NameStart { get; }

        /// <summary>Where the name ends, exclusive.</summary>
        public int NameEnd { get; }

        /// <summary>Where the value's string literal starts (its opening quote).</summary>
        public int ValueStart { get; }

        /// <summary>Where the value's string literal ends (after its closing quote).</summary>
        public int ValueEnd { get; }

        /// <summary>Whether a hole stands in the name.</summary>
        public bool NameHasHole { get; }

        /// <summary>Whether a hole stands in the value: then what it matches is unknown.</summary>
        public bool ValueHasHole { get; }

        /// <summary>Whether this is a quoted metric name standing alone in the braces.</summary>
        public bool IsBareMetricName { get; }

        /// <summary>The quote the value was written with (<c>"</c>, <c>'</c> or a backtick).</summary>
        public char ValueQuote { get; }

        /// <summary>Whether this matcher is on the metric name.</summary>
        public bool IsMetricName => Name == MetricNameLabel;

        /// <inheritdoc />
        public override string ToString() => Printing.PromQlPrinter.PrintMatcher(this);
    }
}
