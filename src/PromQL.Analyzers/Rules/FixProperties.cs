using System.Collections.Immutable;
using System.Globalization;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// The keys of a diagnostic's <c>Properties</c> through which a rule tells its fixer what it found, so that the
    /// fixer never works out again which node the rule meant (as Roslyn's JSON and ASP.NET's route analyzers do).
    /// Every offset is a UTF-16 offset in the query's logical text (end exclusive), never a source position: a kept
    /// diagnostic moves with its member across compilations, and the fixer maps offsets to source through the string
    /// it reads again. The node keys are there whenever the rule could offer a fix; the edit keys only where the fix
    /// is safe. A diagnostic without them, or with a value that does not read, gets no fix.
    /// </summary>
    internal static class FixProperties
    {
        /// <summary>Where the node the diagnostic covers starts: the first character of the diagnostic's span.</summary>
        public const string NodeStart = "NodeStart";

        /// <summary>Where the node the diagnostic covers ends: its span's end (PROMQL001: the selector's closing brace or name, never its modifiers).</summary>
        public const string NodeEnd = "NodeEnd";

        /// <summary>
        /// The length of the query's logical text. The fixer takes the string, innermost first, whose text has this
        /// length and maps [<see cref="NodeStart"/>, <see cref="NodeEnd"/>) to the diagnostic's span.
        /// </summary>
        public const string QueryLength = "QueryLength";

        /// <summary>PROMQL001: where the matcher goes (after <c>{</c>, or after a bare name); PROMQL004: where the <c>resource</c> and <c>unit</c> matchers go (after <c>{</c>).</summary>
        public const string InsertAt = "InsertAt";

        /// <summary>
        /// PROMQL001: the query text to insert at <see cref="InsertAt"/>, quoted like the selector's other matchers:
        /// <c>container!=""</c> with a comma and the selector's spacing, or <c>{container!=""}</c> after a bare name.
        /// </summary>
        public const string InsertText = "InsertText";

        /// <summary>
        /// PROMQL002: where the sum's operand starts; PROMQL042: where the sort's first argument starts. The fix deletes
        /// [<see cref="NodeStart"/>, OperandStart) and [<see cref="OperandEnd"/>, <see cref="NodeEnd"/>); absent where the
        /// operand cannot stand in for the node.
        /// </summary>
        public const string OperandStart = "OperandStart";

        /// <summary>PROMQL002: where the sum's operand ends; PROMQL042: where the sort's first argument ends.</summary>
        public const string OperandEnd = "OperandEnd";

        /// <summary>
        /// PROMQL010, PROMQL011, PROMQL013, PROMQL014, PROMQL015, PROMQL031, PROMQL005 (a deletion: the matcher with its comma): where the fix's one replacement starts. The fix replaces [ReplaceStart,
        /// <see cref="ReplaceEnd"/>) with <see cref="ReplaceText"/> (an insertion when both are equal); absent where no
        /// fix is safe.
        /// </summary>
        public const string ReplaceStart = "ReplaceStart";

        /// <summary>PROMQL010, PROMQL011, PROMQL013, PROMQL014, PROMQL015: where the replaced text ends.</summary>
        public const string ReplaceEnd = "ReplaceEnd";

        /// <summary>
        /// PROMQL013, PROMQL014: the query text that takes [<see cref="ReplaceStart"/>, <see cref="ReplaceEnd"/>): <c>, le</c>
        /// in a <c>by</c> clause, nothing for <c>le</c> in a <c>without</c> clause, <c> by (le)</c> after a keyword; φ/100 for
        /// a quantile; PROMQL010/011: the equivalent function's name; PROMQL015: the aggregation of the function of each series.
        /// PROMQL031: <c>|</c> and the stored form as a regex literal, inserted after the integer. PROMQL003: the text that replaces [<see cref="NodeStart"/>, <see cref="NodeEnd"/>), a label's new
        /// name. PROMQL020: <c>=</c> for the <c>~</c> of <c>!~</c>, nothing for that of <c>=~</c>. PROMQL021: nothing, in
        /// place of an anchor. PROMQL022: nothing in place of a <c>=~".*"</c> matcher and a comma beside it (or the braces
        /// around it), and <c>!=""</c> or <c>=""</c> from the operator of a <c>=~".+"</c> or <c>!~".+"</c> to the end of its
        /// value. PROMQL023: <c>~</c> inserted after an <c>=</c> or in place of the <c>=</c> of <c>!=</c>; for a glob or a
        /// misplaced tilde, from there to the end of the value, with the value written as its RE2 regex. Absent where no fix is safe.
        /// </summary>
        public const string ReplaceText = "ReplaceText";

        /// <summary>
        /// PROMQL031: where the <c>=</c> or <c>!=</c> of an equality matcher starts, which the fix turns into <c>=~</c> or
        /// <c>!~</c> besides its replacement (the added alternative); absent for a regex matcher, and where no fix is safe.
        /// </summary>
        public const string RegexOperatorAt = "RegexOperatorAt";

        /// <summary>
        /// PROMQL041: <c>true</c> where the one hole can be made invariant (an interpolation <c>{q}</c> becomes
        /// <c>{q.ToString(CultureInfo.InvariantCulture)}</c>, its format the first argument); absent elsewhere.
        /// </summary>
        public const string InvariantHole = "InvariantHole";

        /// <summary>
        /// PROMQL041: <c>true</c> where the whole string can be made invariant (a plain <c>$"…"</c> to a string becomes
        /// <c>string.Create(CultureInfo.InvariantCulture, $"…")</c>); absent elsewhere.
        /// </summary>
        public const string InvariantString = "InvariantString";

        /// <summary>
        /// PROMQL040: how the hole's value becomes PromQL, where a fix is safe: <c>Seconds</c> (a TimeSpan alone in a
        /// duration: <c>{(long)w.TotalSeconds}s</c>) or <c>UnixSeconds</c> (a DateTime or DateTimeOffset after <c>@</c>);
        /// absent elsewhere.
        /// </summary>
        public const string Conversion = "Conversion";

        /// <summary>
        /// PROMQL021: where a second edit of the fix, a deletion after <see cref="ReplaceEnd"/>, starts (the <c>$</c> of a
        /// regex whose <c>^</c> the replacement deletes). Absent when the fix is the one replacement.
        /// </summary>
        public const string DeleteStart = "DeleteStart";

        /// <summary>PROMQL021: where the second edit's deletion ends.</summary>
        public const string DeleteEnd = "DeleteEnd";

        /// <summary>
        /// PROMQL012: the range (a PromQL duration, from <c>promql.rate_window</c>) of the <c>rate(…[W])</c> the fix wraps the
        /// selector [<see cref="NodeStart"/>, <see cref="NodeEnd"/>) in; absent where the selector cannot take a range (it is
        /// in one already, or has a modifier).
        /// </summary>
        public const string RateWindow = "RateWindow";

        /// <summary>
        /// PROMQL004: where the names of <c>hpa</c> matchers start, comma-separated offsets; the fix renames each to
        /// <c>horizontalpodautoscaler</c> beside its replacement of the metric name.
        /// </summary>
        public const string RenameLabelsAt = "RenameLabelsAt";

        /// <summary>The replacement keys, read: false when one is missing, out of order, or outside [NodeStart, NodeEnd] given.</summary>
        public static bool TryGetReplacement(ImmutableDictionary<string, string?> properties, out int start, out int end, out string text)
        {
            end = 0;
            text = string.Empty;
            if (!TryGetOffset(properties, ReplaceStart, out start) || !TryGetOffset(properties, ReplaceEnd, out end) || end < start
                || !properties.TryGetValue(ReplaceText, out var value) || value is null)
            {
                return false;
            }

            text = value;
            return true;
        }

        /// <summary>No properties: a finding without a fix.</summary>
        public static readonly ImmutableDictionary<string, string?> None = ImmutableDictionary<string, string?>.Empty;

        /// <summary>The node keys of a finding on [<paramref name="start"/>, <paramref name="end"/>) of a text of <paramref name="queryLength"/> characters; the rule adds its edit.</summary>
        public static ImmutableDictionary<string, string?>.Builder AtNode(int start, int end, int queryLength)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[NodeStart] = Offset(start);
            properties[NodeEnd] = Offset(end);
            properties[QueryLength] = Offset(queryLength);
            return properties;
        }

        /// <summary>How an offset is written in the properties.</summary>
        public static string Offset(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>The node keys, read: false when one is missing or out of order (start &lt;= end &lt;= length).</summary>
        public static bool TryGetNode(ImmutableDictionary<string, string?> properties, out int start, out int end, out int queryLength)
        {
            end = 0;
            queryLength = 0;
            return TryGetOffset(properties, NodeStart, out start)
                && TryGetOffset(properties, NodeEnd, out end)
                && TryGetOffset(properties, QueryLength, out queryLength)
                && start <= end && end <= queryLength;
        }

        /// <summary>An offset: false when the key is missing or its value is not a non-negative decimal integer.</summary>
        public static bool TryGetOffset(ImmutableDictionary<string, string?> properties, string key, out int value)
        {
            value = 0;
            return properties.TryGetValue(key, out var text)
                && text is not null
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }
}
