using System;
using System.Text.RegularExpressions;
using PromQL.Parsing.Syntax;
using PromQL.Parsing.Tests.Support;

namespace PromQL.Parsing.Tests.Properties
{
    /// <summary>
    /// The parser's promises as one check each, returning a description of the broken promise (or null), so
    /// property tests and hostile-input tests report the same way.
    /// </summary>
    internal static class ParseInvariants
    {
        private const string InternalErrorPrefix = "internal parser error";

        /// <summary>
        /// The two round-trip exceptions of known-differences.json, as input shapes: a Go byte escape above
        /// ASCII (\x80-\xFF or octal \200-\377 make a byte a .NET string cannot hold) and <c>offset +min_of(…)</c>
        /// / <c>+max_of</c> (Prometheus's own printer drops the <c>+</c>).
        /// </summary>
        private static readonly Regex KnownRoundTripException = new Regex(
            @"\\x[89a-fA-F]|\\[23][0-7]{2}|offset\s*\+\s*\(*\s*(min_of|max_of)",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>
        /// Two more shapes whose printed form means something else, in Prometheus too, because our printer writes
        /// what Go's writes: positive infinity prints as <c>+Inf</c>, so <c>Inf ^ 2</c> prints as <c>+Inf ^ 2</c>,
        /// which parses as <c>+(Inf ^ 2)</c>; and @ prints before offset, so in <c>foo offset (5m) @ 1 / bar</c> the
        /// parenthesised offset ends up before <c>/</c> and takes <c>/ bar</c> into the duration. And a number of
        /// seconds finer than a millisecond as a range, step, offset or @ time (<c>foo[0.4018]</c>): the tree keeps
        /// it, but durations and times print in milliseconds (<c>foo[401ms]</c>). Last, a selector with two
        /// <c>__name__=</c> matchers, either perhaps spelled as a quoted name in the braces (<c>{"bar", __name__="baz"}</c>,
        /// <c>{'a', 'b'}</c>): the printer sorts matchers, which changes which one names the metric.
        /// </summary>
        private static readonly Regex GoPrinterRoundTripException = new Regex(
            @"(?<![\w.])inf(\s|#[^\n]*\n)*\^|offset\s*[-+]?\([^@]*\)\s*@|(\[|:|offset|@)\s*[-+(\s]*(\d*\.\d{4,}|[\d.]+e-)|__name__[""'`]?\s*=(?!~)[\s\S]*__name__[""'`]?\s*=(?!~)"
            + @"|" + QuotedNameInBraces + @"[\s\S]*(__name__[""'`]?\s*=(?!~)|" + QuotedNameInBraces + @")|__name__[""'`]?\s*=(?!~)[\s\S]*" + QuotedNameInBraces,
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled);

        /// <summary>A quoted string standing alone between <c>{</c> or <c>,</c> and <c>,</c> or <c>}</c>: a metric name.</summary>
        private const string QuotedNameInBraces = @"[{,]\s*(""([^""\\]|\\.)*""|'([^'\\]|\\.)*'|`[^`]*`)\s*(?=[,}])";

        /// <summary>Whether <paramref name="query"/> has a shape whose round trip differs for a documented reason.</summary>
        public static bool IsKnownRoundTripException(string query) =>
            KnownRoundTripException.IsMatch(query) || GoPrinterRoundTripException.IsMatch(query);

        /// <summary>Parses with <paramref name="options"/>; an exception that escapes is reported, not thrown.</summary>
        public static (PromQlParseResult? Result, string? Problem) ParseSafely(string query, PromQlParserOptions options)
        {
            try
            {
                var result = PromQlParser.Parse(query, options);
                return (result, FindProblem(query, result));
            }
#pragma warning disable CA1031 // The point is to report whatever the parser lets escape.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return (null, $"threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        /// <summary>An escaped exception (shown as an internal error) or a span outside the input; null when neither.</summary>
        public static string? FindProblem(string query, PromQlParseResult result)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Message.StartsWith(InternalErrorPrefix, StringComparison.Ordinal))
                {
                    return "an exception escaped the parser: " + diagnostic.Message;
                }

                if (!Within(diagnostic.Start, diagnostic.End, query.Length))
                {
                    return $"diagnostic {diagnostic} lies outside the input ({query.Length} chars)";
                }
            }

            if (result.Expression is null)
            {
                return result.HasErrors ? null : "no tree and no error";
            }

            foreach (var node in TreeDump.AllNodes(result.Expression))
            {
                if (!Within(node.Start, node.End, query.Length))
                {
                    return $"{node.GetType().Name} {node.Start}..{node.End} lies outside the input ({query.Length} chars)";
                }
            }

            foreach (var matcher in TreeDump.AllMatchers(result.Expression))
            {
                if (!Within(matcher.Start, matcher.End, query.Length)
                    || (matcher.NameStart != -1 && !Within(matcher.NameStart, matcher.NameEnd, query.Length))
                    || (matcher.ValueStart != -1 && !Within(matcher.ValueStart, matcher.ValueEnd, query.Length)))
                {
                    return $"matcher {matcher} at {matcher.Start}..{matcher.End} lies outside the input ({query.Length} chars)";
                }
            }

            return null;
        }

        /// <summary>Printing an accepted tree and parsing the print gives the same tree (meaning, not spelling or spans).</summary>
        public static string? FindRoundTripProblem(Expr expression, PromQlParserOptions options)
        {
            var printed = expression.ToString();
            var reparsed = PromQlParser.Parse(printed, options);
            if (reparsed.HasErrors || reparsed.Expression is null)
            {
                return $"printed form `{printed}` does not parse: {(reparsed.Diagnostics.Count > 0 ? reparsed.Diagnostics[0].ToString() : "(no diagnostic)")}";
            }

            var original = TreeDump.Dump(expression, TreeDumpOptions.Semantic);
            var again = TreeDump.Dump(reparsed.Expression, TreeDumpOptions.Semantic);
            return original == again ? null : $"printed form `{printed}` parses to another tree; first difference: {FirstDifference(original, again)}";
        }

        private static string FirstDifference(string expected, string actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
            {
                var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
                var a = i < actualLines.Length ? actualLines[i] : "(end)";
                if (e != a)
                {
                    return $"line {i + 1}: `{e.Trim()}` became `{a.Trim()}`";
                }
            }

            return "(none)";
        }

        private static bool Within(int start, int end, int length) => start >= 0 && start <= end && end <= length;
    }
}
