using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL032: a construct behind a Prometheus <c>--enable-feature</c> flag (an experimental function or aggregation, a
    /// duration expression, the <c>anchored</c> or <c>smoothed</c> modifier, a <c>fill</c> modifier) in a query of a project
    /// that has not declared the flag in <c>promql.enabled_features</c>. The analyzer parses with every feature on
    /// (<see cref="PromQlParserOptions.Default"/>), so such a query parses and PROMQL100 says nothing; this rule tells, as
    /// information, which flag the server needs. One finding per construct, on the construct; none where a hole stands in it.
    /// </summary>
    internal sealed class UndeclaredFeatureRule : QueryRule
    {
        private const PromQlFeatures Flagged = PromQlFeatures.ExperimentalFunctions | PromQlFeatures.DurationExpressions
            | PromQlFeatures.ExtendedRangeSelectors | PromQlFeatures.BinopFillModifiers;

        /// <summary>The flags that gate the parser, and the feature each turns on (cmd/prometheus/main.go, v3.14.0).</summary>
        private static readonly (string Flag, PromQlFeatures Feature)[] ParserFlags =
        {
            ("promql-experimental-functions", PromQlFeatures.ExperimentalFunctions),
            ("promql-duration-expr", PromQlFeatures.DurationExpressions),
            ("promql-extended-range-selectors", PromQlFeatures.ExtendedRangeSelectors),
            ("promql-binop-fill-modifiers", PromQlFeatures.BinopFillModifiers),
        };

        /// <summary>The other names Prometheus's --enable-feature takes (v3.14.0): accepted, they gate nothing a query writes.</summary>
        private static readonly string[] OtherFlags =
        {
            "auto-reload-config", "concurrent-rule-eval", "created-timestamp-zero-ingestion", "delayed-compaction", "exemplar-storage",
            "extra-scrape-metrics", "memory-snapshot-on-shutdown", "metadata-wal-records", "native-histograms", "old-ui",
            "ooo-native-histograms", "otlp-deltatocumulative", "otlp-native-delta-ingestion", "promql-delayed-name-removal",
            "promql-per-step-stats", "type-and-unit-labels", "use-uncached-io",
        };

        /// <summary>The <c>--enable-feature</c> flags the Prometheus server runs with.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> EnabledFeatures = OptionDefinition.List<string>(
            "promql.enabled_features",
            "(none)",
            "the Prometheus `--enable-feature` flags the server runs with, comma-separated (`promql-experimental-functions, " +
            "promql-duration-expr`); PROMQL032 reports a construct whose flag is not listed",
            ParseFlag);

        // Last of the static fields: the instance reads EnabledFeatures.
        public static readonly UndeclaredFeatureRule Instance = new UndeclaredFeatureRule();

        private UndeclaredFeatureRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.UndeclaredFeature);

        public override ImmutableArray<OptionDefinition> Options { get; } = ImmutableArray.Create<OptionDefinition>(EnabledFeatures);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression && (query.Parse.UsedFeatures & Flagged) != 0)
            {
                Find(expression, query.Parse.Text, Declared(query.Options.Get(EnabledFeatures)), findings);
            }
        }

        /// <summary>The features the declared flags turn on.</summary>
        internal static PromQlFeatures Declared(ImmutableArray<string> flags)
        {
            var declared = PromQlFeatures.None;
            foreach (var flag in flags)
            {
                foreach (var (name, feature) in ParserFlags)
                {
                    if (name == flag)
                    {
                        declared |= feature;
                    }
                }
            }

            return declared;
        }

        /// <summary>The rule over a tree and its text: each construct whose feature <paramref name="declared"/> leaves out.</summary>
        public static void Find(Expr root, string text, PromQlFeatures declared, List<Finding> findings)
        {
            var durations = new List<(int Start, int End)>();
            foreach (var node in root.DescendantsAndSelf())
            {
                switch (node)
                {
                    case Call { Function.Experimental: true, NameHasHole: false } call when (declared & PromQlFeatures.ExperimentalFunctions) == 0:
                        Add(findings, call.Start, call.Start + call.Name.Length, "the experimental function '" + call.Name + "'", PromQlFeatures.ExperimentalFunctions);
                        break;
                    case AggregateExpr aggregate when aggregate.Op.IsExperimental() && (declared & PromQlFeatures.ExperimentalFunctions) == 0:
                        var length = aggregate.Op.Text().Length;
                        if (aggregate.Start >= 0 && aggregate.Start + length <= text.Length)
                        {
                            Add(findings, aggregate.Start, aggregate.Start + length, "the experimental aggregation '" + text.Substring(aggregate.Start, length) + "'",
                                PromQlFeatures.ExperimentalFunctions);
                        }

                        break;
                    case BinaryExpr binary when (declared & PromQlFeatures.BinopFillModifiers) == 0 && binary.OperatorStart >= 0:
                        // The modifiers stand between the operator and the right operand: bool, on(…), group_left(…), fill(…).
                        foreach (var (start, end) in Keywords(text, binary.OperatorStart, binary.Right.Start, IsFill))
                        {
                            var through = WithArgument(text, end, binary.Right.Start);
                            Add(findings, start, through, "the '" + text.Substring(start, through - start) + "' modifier", PromQlFeatures.BinopFillModifiers);
                        }

                        break;
                }

                if ((declared & PromQlFeatures.ExtendedRangeSelectors) == 0 && ModifiersOf(node, out var from) is { } modifiers && (modifiers.Anchored || modifiers.Smoothed))
                {
                    // The node's span ends before a trailing anchored or smoothed (as Prometheus's does), but takes in a modifier
                    // written after it (foo[5m] anchored offset 1m): the keyword is in the span's modifiers or the next word after it.
                    var keywords = Keywords(text, from, node.End, IsExtended);
                    if (keywords.Count == 0 && NextWord(text, node.End) is { } next && IsExtended(text, next.Start, next.End - next.Start))
                    {
                        keywords.Add(next);
                    }

                    if (keywords.Count > 0)
                    {
                        var (start, end) = keywords[0];
                        Add(findings, start, end, "the '" + text.Substring(start, end - start) + "' modifier", PromQlFeatures.ExtendedRangeSelectors);
                    }
                }

                if ((declared & PromQlFeatures.DurationExpressions) == 0)
                {
                    switch (node)
                    {
                        case MatrixSelector matrix:
                            Duration(findings, text, durations, matrix.RangeExpr);
                            Duration(findings, text, durations, matrix.Modifiers.OffsetExpr);
                            break;
                        case SubqueryExpr subquery:
                            Duration(findings, text, durations, subquery.RangeExpr);
                            Duration(findings, text, durations, subquery.StepExpr);
                            Duration(findings, text, durations, subquery.Modifiers.OffsetExpr);
                            break;
                        case VectorSelector selector:
                            Duration(findings, text, durations, selector.Modifiers.OffsetExpr);
                            break;
                        case HoleExpr hole:
                            Duration(findings, text, durations, hole.Modifiers.OffsetExpr);
                            break;
                        case DurationExpr:
                            Duration(findings, text, durations, node);
                            break;
                    }
                }
            }
        }

        private static void Add(List<Finding> findings, int start, int end, string what, PromQlFeatures feature) =>
            findings.Add(new Finding(PromQL.Analyzers.Descriptors.UndeclaredFeature, start, end, what, FlagOf(feature)));

        private static string FlagOf(PromQlFeatures feature)
        {
            foreach (var (flag, f) in ParserFlags)
            {
                if (f == feature)
                {
                    return flag;
                }
            }

            return string.Empty;
        }

        /// <summary>A duration expression in a range, step or offset slot, once (the outermost), unless a hole stands in it.</summary>
        private static void Duration(List<Finding> findings, string text, List<(int Start, int End)> reported, Expr? slot)
        {
            if (slot is not DurationExpr duration || duration.Start < 0 || duration.End > text.Length || duration.End <= duration.Start)
            {
                return;
            }

            foreach (var (start, end) in reported)
            {
                if (duration.Start >= start && duration.End <= end)
                {
                    return;
                }
            }

            reported.Add((duration.Start, duration.End));
            if (text.IndexOf(PromQlParser.HoleCharacter, duration.Start, duration.End - duration.Start) >= 0)
            {
                return;
            }

            Add(findings, duration.Start, duration.End, "the duration expression '" + text.Substring(duration.Start, duration.End - duration.Start) + "'",
                PromQlFeatures.DurationExpressions);
        }

        /// <summary>The modifiers of a node that carries them, and where its modifier text may start.</summary>
        private static Modifiers? ModifiersOf(Expr node, out int from)
        {
            switch (node)
            {
                case VectorSelector selector:
                    from = selector.CloseBrace >= 0 ? selector.CloseBrace + 1 : selector.NameEnd >= 0 ? selector.NameEnd : selector.Start;
                    return selector.Modifiers;
                case MatrixSelector matrix:
                    from = matrix.VectorSelector.End;
                    return matrix.Modifiers;
                case SubqueryExpr subquery:
                    from = subquery.Expr.End;
                    return subquery.Modifiers;
                case HoleExpr hole:
                    from = hole.Start;
                    return hole.Modifiers;
                default:
                    from = -1;
                    return null;
            }
        }

        private static bool IsFill(string text, int start, int length) =>
            Is(text, start, length, "fill") || Is(text, start, length, "fill_left") || Is(text, start, length, "fill_right");

        private static bool IsExtended(string text, int start, int length) =>
            Is(text, start, length, "anchored") || Is(text, start, length, "smoothed");

        private static bool Is(string text, int start, int length, string keyword) =>
            length == keyword.Length && string.Compare(text, start, keyword, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>
        /// The words of <paramref name="text"/> in [<paramref name="from"/>, <paramref name="to"/>) that <paramref name="match"/>
        /// takes, outside parentheses, quotes and comments (a label named <c>fill</c> in <c>on(fill)</c> is no keyword).
        /// </summary>
        private static List<(int Start, int End)> Keywords(string text, int from, int to, Func<string, int, int, bool> match)
        {
            var found = new List<(int, int)>();
            if (from < 0 || to > text.Length || from >= to)
            {
                return found;
            }

            var depth = 0;
            for (var i = from; i < to; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '(':
                        depth++;
                        continue;
                    case ')':
                        depth = Math.Max(0, depth - 1);
                        continue;
                    case '#':
                        while (i + 1 < to && text[i + 1] != '\n')
                        {
                            i++;
                        }

                        continue;
                    case '"' or '\'' or '`':
                        for (i++; i < to && text[i] != c; i++)
                        {
                            if (text[i] == '\\' && c != '`')
                            {
                                i++;
                            }
                        }

                        continue;
                }

                if (!IsWordChar(c))
                {
                    continue;
                }

                var start = i;
                while (i + 1 < to && IsWordChar(text[i + 1]))
                {
                    i++;
                }

                if (depth == 0 && match(text, start, i + 1 - start))
                {
                    found.Add((start, i + 1));
                }
            }

            return found;
        }

        /// <summary>The first word at or after <paramref name="from"/>, past white space and comments; null when something else comes first.</summary>
        private static (int Start, int End)? NextWord(string text, int from)
        {
            var i = Math.Max(0, from);
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                else if (text[i] == '#')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else
                {
                    break;
                }
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            return i > start ? (start, i) : null;
        }

        private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' || c == PromQlParser.HoleCharacter;

        /// <summary>Where a fill keyword's <c>(value)</c> ends, when it follows; else the keyword's end.</summary>
        private static int WithArgument(string text, int keywordEnd, int limit)
        {
            var i = keywordEnd;
            while (i < limit && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= limit || text[i] != '(')
            {
                return keywordEnd;
            }

            var close = text.IndexOf(')', i, limit - i);
            return close < 0 ? keywordEnd : close + 1;
        }

        private static (string? Item, string? Problem) ParseFlag(string item)
        {
            foreach (var (flag, _) in ParserFlags)
            {
                if (flag == item)
                {
                    return (flag, null);
                }
            }

            foreach (var flag in OtherFlags)
            {
                if (flag == item)
                {
                    return (flag, null);
                }
            }

            var lower = item.ToLowerInvariant();
            if (lower.StartsWith("--enable-feature=", StringComparison.Ordinal))
            {
                return (null, "is written with --enable-feature=; list the flag names only");
            }

            foreach (var (flag, _) in ParserFlags)
            {
                if (flag == lower)
                {
                    return (null, "is not a flag name: Prometheus's are lower case ('" + flag + "')");
                }
            }

            return (null, "is not an --enable-feature flag of Prometheus 3 (the parser's: promql-experimental-functions, promql-duration-expr, " +
                "promql-extended-range-selectors, promql-binop-fill-modifiers)");
        }
    }
}
