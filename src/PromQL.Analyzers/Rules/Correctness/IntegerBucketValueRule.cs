using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL031: an <c>le</c> matcher on a classic histogram's <c>_bucket</c> series, or a <c>quantile</c> matcher on a
    /// summary, whose value (or one of whose regex alternatives) is an integer: <c>le="1"</c>, <c>quantile=~"0|1"</c>.
    /// Prometheus 3 normalizes both labels on ingestion with <c>labels.FormatOpenMetricsFloat</c>, whose output always holds
    /// a <c>.</c> or an <c>e</c> (<c>1</c> is stored as <c>1.0</c>, <c>1000000</c> as <c>1e+06</c>), so an integer value
    /// names no series Prometheus 3 writes. The fix keeps the old form and adds the stored one as a regex alternative
    /// (<c>le=~"1(\\.0)?"</c>, the form kubernetes-mixin adopted), so the query reads the data of both sides of the upgrade.
    /// </summary>
    /// <remarks>
    /// Silent where the fact is not sure: a hole in the metric's or the label's name or in the value, a metric name not
    /// written out (a regex on <c>__name__</c>), a recording rule's output (a <c>:</c> in the name: its labels are the
    /// rule's), <c>le</c> on a metric whose name does not end in <c>_bucket</c>, and a <c>quantile</c> other than 0 or 1
    /// (a summary's quantile is in [0, 1], so <c>quantile="50"</c> is some other metric's label, which Prometheus does not
    /// normalize). In a regex only a valid one's top-level alternatives are read, and an integer alternative beside its
    /// stored form (<c>1|1\.0</c>) is left alone.
    /// </remarks>
    internal sealed class IntegerBucketValueRule : QueryRule
    {
        public static readonly IntegerBucketValueRule Instance = new IntegerBucketValueRule();

        private const string BucketLabel = "le";
        private const string QuantileLabel = "quantile";
        private const string BucketSuffix = "_bucket";

        /// <summary>Integers of up to 15 digits are exact doubles whose shortest form is their own digits.</summary>
        private const int MaxDigits = 15;

        private IntegerBucketValueRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.IntegerBucketValue);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>
        /// The rule over a tree. <paramref name="text"/> is the text it was parsed from, for the span of a regex
        /// alternative and for the fix; null (a query with errors) reports equality matchers on their value, without a fix.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not VectorSelector selector)
                {
                    continue;
                }

                string? metric = null;
                var metricRead = false;
                foreach (var m in selector.Matchers)
                {
                    if (m.NameHasHole || m.ValueHasHole || m.Name is not (BucketLabel or QuantileLabel))
                    {
                        continue;
                    }

                    if (!metricRead)
                    {
                        metric = MetricName(selector);
                        metricRead = true;
                    }

                    if (metric is null || (m.Name == BucketLabel) != metric.EndsWith(BucketSuffix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    FindInMatcher(m, text, findings);
                }
            }
        }

        /// <summary>
        /// The form <c>labels.FormatOpenMetricsFloat</c> writes for an integer label value, or null when the value is not an
        /// integer this rule reads: an optional <c>-</c>, then <c>0</c> or digits without a leading zero, at most 15.
        /// </summary>
        internal static string? StoredForm(string value)
        {
            var negative = value.Length > 0 && value[0] == '-';
            var digits = negative ? value.Substring(1) : value;
            if (digits.Length is 0 or > MaxDigits || (digits.Length > 1 && digits[0] == '0'))
            {
                return null;
            }

            foreach (var c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return null;
                }
            }

            if (digits == "0")
            {
                // -0 parses to negative zero, which FormatOpenMetricsFloat writes as 0.0 (f == 0 holds for it).
                return "0.0";
            }

            // strconv's shortest 'g' form uses an exponent when the decimal exponent is 6 or more (eprec = 6); otherwise the
            // digits alone, to which FormatOpenMetricsFloat appends ".0".
            var sign = negative ? "-" : string.Empty;
            var exponent = digits.Length - 1;
            if (exponent < 6)
            {
                return sign + digits + ".0";
            }

            var mantissa = digits.TrimEnd('0');
            var builder = new StringBuilder(sign).Append(mantissa[0]);
            if (mantissa.Length > 1)
            {
                builder.Append('.').Append(mantissa, 1, mantissa.Length - 1);
            }

            return builder.Append("e+").Append(exponent.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToString();
        }

        /// <summary>
        /// The regex text that, inserted after the integer, makes the alternative match its stored form as well: <c>(\.0)?</c>
        /// where the stored form is the integer and <c>.0</c> (kubernetes-mixin's form, <c>le=~"1(\\.0)?"</c>), else <c>|</c>
        /// and the stored form as an RE2 literal (<c>1000000|1e\+06</c>).
        /// </summary>
        internal static string Addition(string value, string stored) =>
            stored.Length == value.Length + 2 && stored.StartsWith(value, StringComparison.Ordinal) && stored.EndsWith(".0", StringComparison.Ordinal)
                ? "(\\.0)?"
                : "|" + QuoteMeta(stored);

        /// <summary>The value as an RE2 literal: every byte Go's <c>regexp.QuoteMeta</c> escapes gets a backslash.</summary>
        internal static string QuoteMeta(string value)
        {
            var builder = new StringBuilder(value.Length + 4);
            foreach (var c in value)
            {
                if (c is '\\' or '.' or '+' or '*' or '?' or '(' or ')' or '|' or '[' or ']' or '{' or '}' or '^' or '$')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary>The metric the selector surely names, or null: a literal name (or <c>__name__="…"</c>) without a hole or a <c>:</c>.</summary>
        private static string? MetricName(VectorSelector selector)
        {
            // A hole in a __name__ value leaves the name unknown, as one in the name before the braces does.
            var name = SelectorMatchers.WrittenMetricName(selector);
            return name is null || name.Length == 0 || name.IndexOf(':') >= 0 || name.IndexOf(PromQlParser.HoleCharacter) >= 0 ? null : name;
        }

        private static void FindInMatcher(LabelMatcher m, string? text, List<Finding> findings)
        {
            switch (m.Type)
            {
                case MatchType.Equal or MatchType.NotEqual:
                    if (StoredForm(m.Value) is not { } stored || !Applies(m.Name, m.Value))
                    {
                        return;
                    }

                    var effect = m.Type == MatchType.Equal ? "this matcher matches nothing" : "this matcher filters nothing";
                    if (ValueOffsets(m, text) is { } offsets)
                    {
                        findings.Add(Create(m, offsets[0], offsets[m.Value.Length], text!, stored, effect, regexOperator: true));
                    }
                    else if (m.ValueStart >= 0 && m.ValueEnd > m.ValueStart)
                    {
                        findings.Add(new Finding(PromQL.Analyzers.Descriptors.IntegerBucketValue, m.ValueStart, m.ValueEnd, m.Name, m.Value, stored, effect));
                    }

                    return;
                case MatchType.Regexp or MatchType.NotRegexp:
                    FindInRegex(m, text, findings);
                    return;
            }
        }

        private static void FindInRegex(LabelMatcher m, string? text, List<Finding> findings)
        {
            if (text is null || !m.TryGetRegex(out _) || ValueOffsets(m, text) is not { } offsets || SplitAlternatives(m.Value) is not { } alternatives)
            {
                return;
            }

            var effect = m.Type == MatchType.Regexp ? "this alternative matches nothing" : "this alternative excludes nothing";
            foreach (var (start, end) in alternatives)
            {
                var alternative = m.Value.Substring(start, end - start);
                if (StoredForm(alternative) is not { } stored || !Applies(m.Name, alternative) || Covers(m.Value, alternatives, stored))
                {
                    continue;
                }

                findings.Add(Create(m, offsets[start], offsets[end], text, stored, effect, regexOperator: false));
            }
        }

        /// <summary>Whether the label's integer value is one Prometheus 3 rewrites on that label: any for <c>le</c>, 0 or 1 for <c>quantile</c>.</summary>
        private static bool Applies(string label, string value) => label == BucketLabel || value is "0" or "1";

        /// <summary>Whether one of the alternatives already matches the stored form (written plain or quoted).</summary>
        private static bool Covers(string pattern, List<(int Start, int End)> alternatives, string stored)
        {
            var quoted = QuoteMeta(stored);
            foreach (var (start, end) in alternatives)
            {
                if (string.CompareOrdinal(pattern, start, stored, 0, Math.Max(stored.Length, end - start)) == 0
                    || string.CompareOrdinal(pattern, start, quoted, 0, Math.Max(quoted.Length, end - start)) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The top-level alternatives of a regex, as [start, end) in it: split at each <c>|</c> outside a group and a class,
        /// an escaped character skipped. Null when the regex quotes with <c>\Q…\E</c> or its brackets do not balance.
        /// </summary>
        private static List<(int Start, int End)>? SplitAlternatives(string pattern)
        {
            var alternatives = new List<(int, int)>();
            var start = 0;
            var depth = 0;
            for (var i = 0; i < pattern.Length; i++)
            {
                switch (pattern[i])
                {
                    case '\\':
                        if (i + 1 < pattern.Length && pattern[i + 1] == 'Q')
                        {
                            return null;
                        }

                        i++;
                        break;
                    case '[':
                        // A class runs to the first ']' that is not its first character (after an optional '^'), escapes skipped.
                        i++;
                        if (i < pattern.Length && pattern[i] == '^')
                        {
                            i++;
                        }

                        var first = i;
                        while (i < pattern.Length && (pattern[i] != ']' || i == first))
                        {
                            i += pattern[i] == '\\' ? 2 : 1;
                        }

                        if (i >= pattern.Length)
                        {
                            return null;
                        }

                        break;
                    case '(':
                        depth++;
                        break;
                    case ')':
                        if (--depth < 0)
                        {
                            return null;
                        }

                        break;
                    case '|' when depth == 0:
                        alternatives.Add((start, i));
                        start = i + 1;
                        break;
                }
            }

            if (depth != 0)
            {
                return null;
            }

            alternatives.Add((start, pattern.Length));
            return alternatives;
        }

        /// <summary>
        /// Where each character of the matcher's value stands in <paramref name="text"/> (one more entry: the closing quote),
        /// or null when the text is unknown or the value holds an escape other than <c>\\</c>.
        /// </summary>
        private static int[]? ValueOffsets(LabelMatcher m, string? text)
        {
            if (text is null || m.ValueStart < 0 || m.ValueEnd > text.Length || m.ValueEnd - m.ValueStart < 2 || text[m.ValueStart] != m.ValueQuote)
            {
                return null;
            }

            var offsets = new int[m.Value.Length + 1];
            var at = m.ValueStart + 1;
            var close = m.ValueEnd - 1;
            for (var k = 0; k < m.Value.Length; k++)
            {
                if (at >= close)
                {
                    return null;
                }

                offsets[k] = at;
                if (m.ValueQuote != '`' && text[at] == '\\')
                {
                    if (at + 1 >= close || text[at + 1] != '\\' || m.Value[k] != '\\')
                    {
                        return null;
                    }

                    at += 2;
                }
                else
                {
                    if (text[at] != m.Value[k])
                    {
                        return null;
                    }

                    at++;
                }
            }

            if (at != close)
            {
                return null;
            }

            offsets[m.Value.Length] = close;
            return offsets;
        }

        private static Finding Create(LabelMatcher m, int start, int end, string text, string stored, string effect, bool regexOperator)
        {
            var value = text.Substring(start, end - start);
            var builder = FixProperties.AtNode(start, end, text.Length);
            var operatorAt = regexOperator ? OperatorStart(m, text) : -1;
            if (!regexOperator || operatorAt >= 0)
            {
                // Written for the PromQL string it goes into: a backslash is doubled inside "…" and '…', and kept single
                // inside a raw `…` string.
                var alternative = Addition(value, stored);
                if (m.ValueQuote != '`')
                {
                    alternative = alternative.Replace("\\", "\\\\");
                }

                builder[FixProperties.ReplaceStart] = FixProperties.Offset(end);
                builder[FixProperties.ReplaceEnd] = FixProperties.Offset(end);
                builder[FixProperties.ReplaceText] = alternative;
                if (regexOperator)
                {
                    builder[FixProperties.RegexOperatorAt] = FixProperties.Offset(operatorAt);
                }
            }

            return new Finding(PromQL.Analyzers.Descriptors.IntegerBucketValue, start, end, builder.ToImmutable(), m.Name, value, stored, effect);
        }

        /// <summary>Where the matcher's <c>=</c> or <c>!=</c> starts, between its name and its value; -1 when it is not found there alone.</summary>
        private static int OperatorStart(LabelMatcher m, string text)
        {
            var i = m.NameEnd;
            while (i < m.ValueStart && i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var length = m.Type == MatchType.Equal ? 1 : 2;
            var op = m.Type == MatchType.Equal ? "=" : "!=";
            if (i + length > m.ValueStart || string.CompareOrdinal(text, i, op, 0, length) != 0)
            {
                return -1;
            }

            for (var k = i + length; k < m.ValueStart; k++)
            {
                if (!char.IsWhiteSpace(text[k]))
                {
                    return -1;
                }
            }

            return i;
        }
    }
}
