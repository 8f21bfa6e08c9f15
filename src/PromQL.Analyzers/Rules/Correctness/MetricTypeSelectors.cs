using System;
using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What the metric-type rules (PROMQL010, 011, 012, 015) share: the function families, the selector a range function
    /// reads, and the fact known of a selector's metric name (none for a name that is a hole or not given by <c>=</c>).
    /// </summary>
    internal static class MetricTypeSelectors
    {
        /// <summary>Functions that assume a counter: a fall of the value is a reset.</summary>
        public static readonly ImmutableHashSet<string> CounterFunctions = ImmutableHashSet.Create(
            StringComparer.Ordinal, "rate", "irate", "increase", "resets");

        /// <summary>Functions meant for gauges, which read a counter's reset as a fall.</summary>
        public static readonly ImmutableHashSet<string> GaugeFunctions = ImmutableHashSet.Create(
            StringComparer.Ordinal, "deriv", "delta", "idelta", "predict_linear", "double_exponential_smoothing");

        /// <summary>PROMQL012's window for the <c>rate(…[W])</c> it wraps a raw counter in.</summary>
        public static readonly OptionDefinition<string> RateWindow = new OptionDefinition<string>(
            "promql.rate_window",
            "5m",
            "the range PROMQL012's fix gives the `rate(…[W])` it wraps a raw counter in: a PromQL duration such as `5m` or `1m30s`",
            "5m",
            ParseWindow,
            StringComparer.Ordinal);

        /// <summary>
        /// The selector a range function reads: <c>x[5m]</c>, or a subquery over a bare selector (<c>x[5m:1m]</c>), in
        /// parentheses too; null for anything else.
        /// </summary>
        public static VectorSelector? RangeSelectorOf(Expr argument)
        {
            var current = Unwrap(argument);
            switch (current)
            {
                case MatrixSelector matrix:
                    return Unwrap(matrix.VectorSelector) as VectorSelector;
                case SubqueryExpr subquery:
                    return Unwrap(subquery.Expr) as VectorSelector;
                default:
                    return null;
            }
        }

        public static Expr Unwrap(Expr expr)
        {
            while (expr is ParenExpr paren)
            {
                expr = paren.Expr;
            }

            return expr;
        }

        /// <summary>The fact known of the selector's metric name; false when the name is not given by <c>=</c> or holds a hole.</summary>
        public static bool TryGetFact(MetricKnowledge metrics, VectorSelector selector, out string name, out MetricFact fact)
        {
            fact = default;
            name = string.Empty;
            if (selector.NameHasHole || selector.MetricName is not { } metricName || metricName.Length == 0
                || metricName.IndexOf(PromQlParser.HoleCharacter) >= 0)
            {
                return false;
            }

            name = metricName;
            return metrics.TryGet(metricName, out fact);
        }

        /// <summary>
        /// PROMQL010/011: the fix properties of a finding on <paramref name="call"/>'s name: the node, and the name replaced
        /// by <paramref name="equivalent"/> where there is one; none when <paramref name="text"/> is null or the name is not
        /// written as is.
        /// </summary>
        public static ImmutableDictionary<string, string?> RenameProperties(Call call, string? text, string? equivalent)
        {
            if (text is null || !NameIsWrittenAt(call, text))
            {
                return FixProperties.None;
            }

            var end = call.Start + call.Name.Length;
            var builder = FixProperties.AtNode(call.Start, end, text.Length);
            if (equivalent is not null)
            {
                builder[FixProperties.ReplaceStart] = FixProperties.Offset(call.Start);
                builder[FixProperties.ReplaceEnd] = FixProperties.Offset(end);
                builder[FixProperties.ReplaceText] = equivalent;
            }

            return builder.ToImmutable();
        }

        /// <summary>Whether the call's name stands at its start in the text (no hole, nothing else written there).</summary>
        public static bool NameIsWrittenAt(Call call, string text) =>
            call.Start + call.Name.Length <= text.Length && string.CompareOrdinal(text, call.Start, call.Name, 0, call.Name.Length) == 0;

        /// <summary>Whether a selector carries no modifier (offset, @, anchored, smoothed).</summary>
        public static bool HasNoModifiers(Modifiers modifiers) =>
            !modifiers.HasOffset && !modifiers.HasAt && !modifiers.Anchored && !modifiers.Smoothed;

        /// <summary>
        /// A positive duration with its units, as Prometheus's parser reads a range (<c>5m</c>, <c>1m30s</c>); no expression,
        /// no hole, and not a bare number (which Prometheus 3 would read as seconds, but which says no unit).
        /// </summary>
        internal static (string Value, string? Problem) ParseWindow(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0 && trimmed.Length <= 32 && trimmed.IndexOf(PromQlParser.HoleCharacter) < 0
                && char.IsLetter(trimmed[trimmed.Length - 1]))
            {
                var parse = PromQlParser.Parse("x[" + trimmed + "]");
                if (!parse.HasErrors && parse.Expression is MatrixSelector { RangeExpr: null } matrix && matrix.Range > TimeSpan.Zero)
                {
                    return (trimmed, null);
                }
            }

            return ("5m", "expected a positive PromQL duration such as 5m or 1m30s");
        }
    }
}
