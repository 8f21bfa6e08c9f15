using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PromQL.Parsing.Semantics;
using ValueType = PromQL.Parsing.Syntax.ValueType;

namespace PromQL.Parsing.Tests.Properties
{
    /// <summary>
    /// Generators of well-formed PromQL text over the whole grammar, typed so that most outputs are valid
    /// queries (Prometheus's type rules: bool between scalars, set operators and matching only between vectors,
    /// ranges only on selectors, offset/@ only on selectors and subqueries). A few invalid outputs are fine:
    /// the properties hold for every input, and the round trip is checked on what the parser accepts.
    /// Shapes whose round trip differs for a documented reason (<see cref="ParseInvariants.IsKnownRoundTripException"/>)
    /// are never made.
    /// </summary>
    internal static class PromQlGenerators
    {
        /// <summary>How deep expressions nest; deeper adds time, not grammar.</summary>
        private const int MaxDepth = 4;

        private static readonly string[] WellKnownLabels = { "job", "instance", "pod", "namespace", "container", "le", "__name__", "cpu" };

        private static readonly Gen<string> Identifier =
            Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ_"], Gen.String[Gen.Char["abcdefgxyz_0123456789"], 0, 8], (first, rest) => first + rest)
                .Where(name => !IsKeyword(name));

        private static readonly Gen<string> LabelName = Gen.Frequency(
            (3, Gen.OneOf(WellKnownLabels.Where(l => l != "__name__").ToArray())),
            (2, Identifier));

        private static readonly Gen<string> MetricName = Gen.Frequency(
            (3, Gen.OneOf("up", "http_requests_total", "container_memory_working_set_bytes", "node_cpu_seconds_total", "foo", "bar:rate5m")),
            (2, Identifier),
            (1, Gen.Select(Identifier, Identifier, (a, b) => a + ":" + b)));

        /// <summary>One character or escape inside a double- or single-quoted string (escapes only of valid UTF-8).</summary>
        private static readonly Gen<string> EscapedPiece = Gen.Frequency(
            (10, Gen.Char["abcxyz019 .-_/*+?()[]{}|^$"].Select(c => c.ToString())),
            (2, Gen.OneOf("\\n", "\\t", "\\\\", "\\a", "\\b", "\\f", "\\r", "\\v")),
            (2, Gen.OneOf("\\x41", "\\x7e", "\\x00", "\\101", "\\177", "\\u00e9", "\\u4e2d", "\\U0001F600", "\\U0000263a")),
            (1, Gen.OneOf("é", "中", "😀", "ß")));

        private static readonly Gen<string> StringLiteral = Gen.Frequency(
            (5, EscapedPiece.Array[0, 8].Select(p => "\"" + string.Concat(p).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")),
            (2, Gen.Select(EscapedPiece.Array[0, 6], Gen.Bool, (p, quote) => "'" + string.Concat(p) + (quote ? "\\'" : string.Empty) + "'")),
            (2, Gen.String[Gen.Char["abc xyz\\\"'é{}\n"], 0, 10].Select(s => "`" + s + "`")));

        /// <summary>Valid RE2 patterns, written as PromQL double-quoted text (backslashes doubled) or backtick text.</summary>
        private static readonly Gen<string> RegexLiteral = Gen.Select(
            Gen.OneOf(".*", ".+", "foo|bar", "(a|b)c*", "[a-z]+", "x{2,3}", "\\d+", "[^/]*", "(?i)Foo", "\\p{Greek}", "[[:alpha:]]", "^$", "a(?:b)?", ""),
            Gen.Bool,
            (pattern, backtick) => backtick ? "`" + pattern + "`" : "\"" + pattern.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"");

        private static readonly Gen<string> QuotedName = Gen.OneOf("\"a.b\"", "\"http.status\"", "\"ünï\"", "'k8s.pod'");

        private static readonly Gen<string> Matcher = Gen.Frequency(
            (6, Gen.Select(Gen.Frequency((5, LabelName), (1, QuotedName)), Gen.OneOf("=", "!="), StringLiteral, (n, op, v) => n + op + v)),
            (3, Gen.Select(Gen.Frequency((5, LabelName), (1, QuotedName)), Gen.OneOf("=~", "!~"), RegexLiteral, (n, op, v) => n + op + v)));

        /// <summary>A matcher that never matches the empty value, which a selector without a metric name needs.</summary>
        private static readonly Gen<string> NonEmptyMatcher = Gen.Select(LabelName, Gen.OneOf("\"x\"", "'api'", "`node`"), (n, v) => n + "=" + v);

        private static readonly Gen<string> Spacing = Gen.Frequency((8, Gen.Const(" ")), (1, Gen.Const("")), (1, Gen.OneOf("\n  ", "\t", " # note\n ")));

        private static readonly Gen<string> VectorSelector = Gen.Frequency(
            (4, MetricName),
            (4, Gen.Select(MetricName, Matcher.Array[1, 3], Gen.Bool, (m, ms, comma) => m + "{" + string.Join(", ", ms) + (comma ? "," : "") + "}")),
            (2, Gen.Select(NonEmptyMatcher, Matcher.Array[0, 2], (first, ms) => "{" + string.Join(",", ms.Prepend(first)) + "}")),
            (1, Gen.Select(QuotedName, Matcher.Array[0, 2], (name, ms) => "{" + string.Join(", ", ms.Prepend(name)) + "}")),
            (1, Gen.Select(MetricName, Matcher.Array[0, 1], (m, ms) => "{__name__=\"" + m + "\"" + string.Concat(ms.Select(x => "," + x)) + "}")),
            (1, Gen.Select(MetricName, m => m + "{}")));

        private static readonly Gen<string> PositiveDuration = Gen.Frequency(
            (6, Gen.OneOf("5m", "1h", "30s", "1h30m", "250ms", "1d", "2w", "1y", "90s", "10m")),
            (1, Gen.OneOf("60", "1.5")),
            (1, Gen.OneOf("5m+1m", "2*5m", "(1h)", "step()", "step()*2", "range()", "min_of(5m, 1h)", "max_of(step(), 1m)", "1h-(30m)", "2^2", "1h % 7m", "(5m)/2")));

        private static readonly Gen<string> OffsetDuration = Gen.OneOf("5m", "-5m", "1h", "+30s", "-1d", "0s", "90", "(5m)", "(1h+5m)", "-(5m)", "step()", "-step()", "min_of(5m, 1h)", "max_of(1m, 2m)");

        private static readonly Gen<string> AtModifier = Gen.OneOf("@ 1609746000", "@ start()", "@ end()", "@ -100", "@ 1.5e9", "@ 0x10");

        private static readonly Gen<string> Number = Gen.Frequency(
            (6, Gen.Int[0, 1000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (2, Gen.OneOf("0.5", ".5", "5.", "1e3", "1E-3", "2.5e+2", "0x1F", "0XfF", "007", "1_000")),
            (2, Gen.OneOf("Inf", "+Inf", "-Inf", "NaN", "inf", "nan", "-NaN")),
            (1, Gen.OneOf("5m", "1h30m", "2d")));

        private static readonly Gen<string>[] Vectors = new Gen<string>[MaxDepth + 1];
        private static readonly Gen<string>[] Scalars = new Gen<string>[MaxDepth + 1];
        private static readonly Gen<string>[] Matrices = new Gen<string>[MaxDepth + 1];

        static PromQlGenerators()
        {
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                Scalars[depth] = BuildScalar(depth);
                Vectors[depth] = BuildVector(depth);
                Matrices[depth] = BuildMatrix(depth);
            }

            // Built here, after the tables above: field initializers would run before them.
            Query = Gen.Select(
                Gen.Frequency((6, Vectors[MaxDepth]), (2, Scalars[MaxDepth]), (1, Matrices[MaxDepth]), (1, StringLiteral)),
                Gen.OneOf("", " ", "# leading comment\n", "\n"),
                Gen.OneOf("", " ", "\n# trailing comment"),
                (q, before, after) => before + q + after)
                .Where(q => !ParseInvariants.IsKnownRoundTripException(q));
        }

        /// <summary>A query of any type, optionally surrounded by spaces and comments.</summary>
        public static Gen<string> Query { get; }

        private static Gen<string> BuildScalar(int depth)
        {
            var leaf = Number;
            if (depth == 0)
            {
                return leaf;
            }

            var lower = Scalars[depth - 1];
            return Gen.Frequency(
                (4, leaf),
                (2, Gen.Select(lower, ArithmeticOperator, lower, Spacing, (l, op, r, s) => l + s + op + s + r)),
                (1, Gen.Select(lower, ComparisonOperator, lower, (l, op, r) => l + " " + op + " bool " + r)),
                (2, lower.Select(x => "(" + x + ")")),
                (1, lower.Select(x => "-" + x)),
                (1, Vectors[depth - 1].Select(v => "scalar(" + v + ")")),
                (1, Gen.OneOf("time()", "pi()")));
        }

        private static Gen<string> BuildVector(int depth)
        {
            var leaf = Gen.Frequency((5, VectorSelector), (2, Gen.Select(VectorSelector, Modifier, (v, m) => v + " " + m)));
            if (depth == 0)
            {
                return leaf;
            }

            var lower = Vectors[depth - 1];
            var scalar = Scalars[depth - 1];
            var matrix = Matrices[depth - 1];
            return Gen.Frequency(
                (4, leaf),
                (3, Call(ValueType.Vector, depth - 1)),
                (3, Aggregation(lower, scalar)),
                (3, VectorBinary(lower)),
                (2, Gen.Select(lower, ArithmeticOperator, scalar, Gen.Bool, (v, op, s, flip) => flip ? s + " " + op + " " + v : v + " " + op + " " + s)),
                (1, Gen.Select(lower, ComparisonOperator, scalar, Gen.Bool, (v, op, s, useBool) => v + " " + op + (useBool ? " bool " : " ") + s)),
                (1, lower.Select(x => "(" + x + ")")),
                (1, lower.Select(x => "-" + x)),
                (1, lower.Select(x => "+" + x)),
                (1, matrix.Select(m => "rate(" + m + ")")));
        }

        private static Gen<string> BuildMatrix(int depth)
        {
            var range = Gen.Select(VectorSelector, PositiveDuration, Gen.Frequency((4, Gen.Const("")), (1, Modifier), (1, Gen.OneOf(" anchored", " smoothed"))),
                (v, d, m) => v + "[" + d + "]" + (m.Length == 0 || m.StartsWith(' ') ? m : " " + m));
            if (depth == 0)
            {
                return range;
            }

            var subquery = Gen.Select(Vectors[depth - 1], PositiveDuration, Gen.Frequency((2, Gen.Const("")), (3, PositiveDuration)), Gen.Frequency((3, Gen.Const("")), (1, Modifier)),
                (v, r, step, m) => "(" + v + ")[" + r + ":" + step + "]" + (m.Length == 0 ? "" : " " + m));
            return Gen.Frequency((3, range), (2, subquery));
        }

        private static Gen<string> Modifier => Gen.Frequency(
            (3, OffsetDuration.Select(d => "offset " + d)),
            (2, AtModifier),
            // The printer writes @ before offset (as Go's does). A parenthesised offset duration then ends the
            // selector, and a binary operator after it would continue the duration instead, so `offset (5m) @ x / y`
            // prints as text that means something else, in Prometheus too: that order uses plain durations only.
            (1, Gen.Select(AtModifier, OffsetDuration, Gen.Bool, (at, d, atFirst) => atFirst || d.Contains('(', StringComparison.Ordinal)
                ? at + " offset " + d
                : "offset " + d + " " + at)));

        private static Gen<string> ArithmeticOperator => Gen.OneOf("+", "-", "*", "/", "%", "^", "atan2");

        private static Gen<string> ComparisonOperator => Gen.OneOf("==", "!=", ">", "<", ">=", "<=");

        private static Gen<string> Grouping => Gen.Select(LabelName.Array[0, 3], Gen.Bool, (labels, comma) =>
            "(" + string.Join(", ", labels.Distinct()) + (comma && labels.Length > 0 ? "," : "") + ")");

        private static Gen<string> Aggregation(Gen<string> vector, Gen<string> scalar)
        {
            var plain = Gen.OneOf("sum", "avg", "min", "max", "count", "group", "stddev", "stdvar");
            var clause = Gen.Select(Gen.OneOf("by", "without"), Grouping, (k, g) => k + " " + g);
            return Gen.Frequency(
                (4, Gen.Select(plain, vector, Gen.Frequency((2, Gen.Const("")), (2, clause)), Gen.Bool, (op, v, c, before) =>
                    c.Length == 0 ? op + "(" + v + ")" : before ? op + " " + c + " (" + v + ")" : op + "(" + v + ") " + c)),
                (2, Gen.Select(Gen.OneOf("topk", "bottomk", "limitk"), Gen.Int[1, 10], vector, Gen.Frequency((1, Gen.Const("")), (1, clause)),
                    (op, k, v, c) => op + (c.Length == 0 ? "" : " " + c + " ") + "(" + k + ", " + v + ")")),
                (1, Gen.Select(Gen.OneOf("quantile", "limit_ratio"), Gen.OneOf("0.5", "0.99", "-0.1"), vector, (op, q, v) => op + "(" + q + ", " + v + ")")),
                (1, Gen.Select(scalar, vector, (s, v) => "quantile(" + s + ", " + v + ")")),
                (1, Gen.Select(Gen.OneOf("\"value\"", "'le'", "`bucket`"), vector, clause, (l, v, c) => "count_values " + c + " (" + l + ", " + v + ")")));
        }

        private static Gen<string> VectorBinary(Gen<string> vector)
        {
            // on(...) and group_left(...) take different labels: Prometheus refuses one in both.
            var matching = Gen.Frequency(
                (3, Gen.Const("")),
                (2, Gen.Select(Gen.OneOf("on", "ignoring"), Gen.OneOf("(job)", "(instance, job)", "()", "(pod,)"), (k, g) => " " + k + g)),
                (2, Gen.Select(Gen.OneOf("on", "ignoring"), Gen.OneOf("(job)", "(instance)"), Gen.OneOf("group_left", "group_right"), Gen.OneOf("", "()", "(node)", "(a, b)"),
                    (k, g, side, include) => " " + k + g + " " + side + include)));
            var fill = Gen.Frequency((6, Gen.Const("")), (1, Gen.OneOf(" fill(0)", " fill_left(1)", " fill_right(-1)", " fill_left(0) fill_right(NaN)")));
            return Gen.Frequency(
                (4, Gen.Select(vector, ArithmeticOperator, matching, fill, vector, (l, op, m, f, r) => l + " " + op + m + f + " " + r)),
                (2, Gen.Select(vector, ComparisonOperator, Gen.Bool, matching, vector, (l, op, b, m, r) => l + " " + op + (b ? " bool" : "") + m + " " + r)),
                (2, Gen.Select(vector, Gen.OneOf("and", "or", "unless"), Gen.OneOf("", " on(job)", " ignoring(instance)", " on()"), vector, (l, op, m, r) => l + " " + op + m + " " + r)));
        }

        /// <summary>A call of a function from Prometheus's table returning <paramref name="returns"/>, with arguments of the declared types.</summary>
        private static Gen<string> Call(ValueType returns, int argumentDepth)
        {
            var functions = PromQlFunctions.All.Where(f => f.ReturnType == returns && f.Name != "info").ToArray();
            return Gen.Int[0, functions.Length - 1].SelectMany(i =>
            {
                var function = functions[i];
                var args = new List<Gen<string>>();
                for (var a = 0; a < function.ArgTypes.Count; a++)
                {
                    args.Add(Argument(function, function.ArgTypes[a], argumentDepth));
                }

                Gen<string[]> all = args.Count == 0 ? Gen.Const(Array.Empty<string>()) : Sequence(args);
                if (function.Variadic != 0 && args.Count > 0)
                {
                    // Leave the optional last argument out, or repeat it (label_join takes any number of sources).
                    var last = args[^1];
                    var extra = function.Variadic < 0 ? 2 : Math.Max(function.Variadic - 1, 0);
                    all = Gen.Select(all, Gen.Int[-1, extra], last.Array[extra], (fixedArgs, count, repeats) =>
                        count < 0 ? fixedArgs[..^1] : fixedArgs.Concat(repeats.Take(count)).ToArray());
                }

                return all.Select(a => function.Name + "(" + string.Join(", ", a) + ")");
            });
        }

        private static Gen<string> Argument(PromQlFunction function, ValueType type, int depth) => type switch
        {
            ValueType.Scalar => Scalars[depth],
            ValueType.Matrix => Matrices[depth],
            ValueType.String when function.Name is "label_replace" or "label_join" => Gen.OneOf("\"dst\"", "\"src\"", "\"(.*)\"", "\"$1\"", "\",\""),
            ValueType.String => StringLiteral,
            _ => Vectors[depth],
        };

        private static Gen<string[]> Sequence(List<Gen<string>> gens) =>
            gens.Aggregate(Gen.Const(Array.Empty<string>()), (acc, g) => Gen.Select(acc, g, (xs, x) => xs.Append(x).ToArray()));

        private static bool IsKeyword(string name) => IsLowerKeyword(name.ToLowerInvariant());

        private static bool IsLowerKeyword(string name) => name is "by" or "without" or "bool" or "on" or "ignoring" or "group_left" or "group_right" or "offset"
            or "and" or "or" or "unless" or "atan2" or "inf" or "nan" or "Inf" or "NaN" or "start" or "end" or "step" or "range" or "anchored" or "smoothed"
            or "fill" or "fill_left" or "fill_right" or "min_of" or "max_of"
            || PromQlFunctions.TryGet(name, out _)
            || name is "sum" or "avg" or "min" or "max" or "count" or "group" or "stddev" or "stdvar" or "topk" or "bottomk" or "quantile" or "count_values"
                or "limitk" or "limit_ratio";
    }
}
