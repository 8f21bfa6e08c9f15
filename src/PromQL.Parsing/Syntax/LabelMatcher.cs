using System.Threading;
using PromQL.Parsing.Semantics;

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

        /// <summary>Marks a regex value that does not compile (or an = or != matcher) in <see cref="_regex"/>.</summary>
        private static readonly object NoRegex = new object();

        /// <summary>The value's <see cref="PromQlRegex"/>, <see cref="NoRegex"/>, or null until first asked.</summary>
        private object? _regex;

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

        /// <summary>
        /// The value of a <c>=~</c> or <c>!~</c> matcher as a regex, parsed once for the matcher (as Prometheus's
        /// <c>labels.Matcher</c> carries its <c>FastRegexMatcher</c>): false for <c>=</c> and <c>!=</c> and for a value
        /// that does not compile. A hole in the value is one literal character to the regex (see
        /// <see cref="PromQlRegex"/>); <see cref="ValueHasHole"/> says whether there is one.
        /// </summary>
        public bool TryGetRegex(out PromQlRegex? regex)
        {
            var cached = Volatile.Read(ref _regex);
            if (cached is null)
            {
                var parsed = Type is MatchType.Regexp or MatchType.NotRegexp ? PromQlRegex.Parse(Value, out _) : null;
                cached = (object?)parsed ?? NoRegex;
                cached = Interlocked.CompareExchange(ref _regex, cached, null) ?? cached;
            }

            regex = cached as PromQlRegex;
            return regex is not null;
        }

        /// <summary>
        /// Whether the matcher matches the empty string (<c>Matcher.Matches("")</c> in Prometheus), that is whether it
        /// also selects series without the label: for <c>=</c> and <c>!=</c> a comparison with "", for <c>=~</c> and
        /// <c>!~</c> <see cref="PromQlRegex.MatchesEmpty"/> (negated for <c>!~</c>). Null when it cannot be known: a hole
        /// in the value, or a regex that does not compile.
        /// </summary>
        public bool? MatchesEmpty()
        {
            if (ValueHasHole)
            {
                return null;
            }

            switch (Type)
            {
                case MatchType.Equal:
                    return Value.Length == 0;
                case MatchType.NotEqual:
                    return Value.Length != 0;
                default:
                    if (!TryGetRegex(out var regex))
                    {
                        return null;
                    }

                    return Type == MatchType.Regexp ? regex!.MatchesEmpty : !regex!.MatchesEmpty;
            }
        }

        /// <summary>Hands the matcher the regex its value was validated with, so that it is not parsed again.</summary>
        internal void SetRegex(PromQlRegex? regex) => Volatile.Write(ref _regex, (object?)regex ?? NoRegex);

        /// <inheritdoc />
        public override string ToString() => Printing.PromQlPrinter.PrintMatcher(this);
    }
}
