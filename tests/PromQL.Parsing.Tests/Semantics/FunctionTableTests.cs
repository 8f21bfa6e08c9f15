using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;
using Xunit;
using ValueType = PromQL.Parsing.Syntax.ValueType;

namespace PromQL.Parsing.Tests.Semantics
{
    public class FunctionTableTests
    {
        [Fact]
        public void All_HoldsEveryFunctionOfPrometheus314_Once()
        {
            Assert.Equal(90, PromQlFunctions.All.Count);
            Assert.Equal(PromQlFunctions.All.Count, PromQlFunctions.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void TryGet_FindsEveryFunctionOfAll()
        {
            foreach (var function in PromQlFunctions.All)
            {
                Assert.True(PromQlFunctions.TryGet(function.Name, out var found));
                Assert.Same(function, found);
            }
        }

        [Theory]
        [InlineData("Rate")]
        [InlineData("RATE")]
        [InlineData("sum")]
        [InlineData("")]
        [InlineData("rate ")]
        [InlineData("limitk")]
        public void TryGet_IsCaseSensitiveAndKnowsOnlyFunctions(string name)
        {
            Assert.False(PromQlFunctions.TryGet(name, out var function));
            Assert.Null(function);
        }

        [Fact]
        public void TryGet_NullName_ReturnsFalse()
        {
            Assert.False(PromQlFunctions.TryGet(null!, out var function));
            Assert.Null(function);
        }

        [Theory]
        [InlineData("rate", "M", 0, ValueType.Vector, false)]
        [InlineData("time", "", 0, ValueType.Scalar, false)]
        [InlineData("pi", "", 0, ValueType.Scalar, false)]
        [InlineData("vector", "S", 0, ValueType.Vector, false)]
        [InlineData("scalar", "V", 0, ValueType.Scalar, false)]
        [InlineData("round", "VS", 1, ValueType.Vector, false)]
        [InlineData("hour", "V", 1, ValueType.Vector, false)]
        [InlineData("clamp", "VSS", 0, ValueType.Vector, false)]
        [InlineData("label_replace", "VTTTT", 0, ValueType.Vector, false)]
        [InlineData("label_join", "VTTT", -1, ValueType.Vector, false)]
        [InlineData("histogram_quantile", "SV", 0, ValueType.Vector, false)]
        [InlineData("histogram_fraction", "SSV", 0, ValueType.Vector, false)]
        [InlineData("histogram_quantiles", "VTSS", 9, ValueType.Vector, true)]
        [InlineData("quantile_over_time", "SM", 0, ValueType.Vector, false)]
        [InlineData("predict_linear", "MS", 0, ValueType.Vector, false)]
        [InlineData("double_exponential_smoothing", "MSS", 0, ValueType.Vector, true)]
        [InlineData("info", "VV", 1, ValueType.Vector, true)]
        [InlineData("sort_by_label", "VT", -1, ValueType.Vector, true)]
        [InlineData("sort_by_label_desc", "VT", -1, ValueType.Vector, true)]
        [InlineData("mad_over_time", "M", 0, ValueType.Vector, true)]
        [InlineData("ts_of_last_over_time", "M", 0, ValueType.Vector, true)]
        [InlineData("start_timestamp", "V", 0, ValueType.Vector, true)]
        [InlineData("first_over_time", "M", 0, ValueType.Vector, false)]
        [InlineData("step", "", 0, ValueType.Scalar, true)]
        [InlineData("range", "", 0, ValueType.Scalar, true)]
        [InlineData("start", "", 0, ValueType.Scalar, true)]
        [InlineData("end", "", 0, ValueType.Scalar, true)]
        [InlineData("min_of", "SS", 0, ValueType.Scalar, true)]
        [InlineData("max_of", "SS", 0, ValueType.Scalar, true)]
        [InlineData("absent_over_time", "M", 0, ValueType.Vector, false)]
        public void Function_MatchesPrometheusDefinition(string name, string argTypes, int variadic, ValueType returnType, bool experimental)
        {
            Assert.True(PromQlFunctions.TryGet(name, out var function));
            Assert.Equal(name, function!.Name);
            Assert.Equal(argTypes.Select(ToType).ToArray(), function.ArgTypes.ToArray());
            Assert.Equal(variadic, function.Variadic);
            Assert.Equal(returnType, function.ReturnType);
            Assert.Equal(experimental, function.Experimental);
        }

        [Fact]
        public void ExperimentalFunctions_AreExactlyPrometheusOnes()
        {
            var expected = new[]
            {
                "double_exponential_smoothing", "end", "histogram_quantiles", "info", "mad_over_time", "max_of", "min_of", "range",
                "sort_by_label", "sort_by_label_desc", "start", "start_timestamp", "step", "ts_of_first_over_time",
                "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time",
            };
            var actual = PromQlFunctions.All.Where(f => f.Experimental).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void EveryFunctionCalledInValidCorpusQueries_IsInTheTable()
        {
            var corpus = FindCorpus();
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(corpus))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.GetProperty("expect").GetString() != "ok")
                {
                    continue;
                }

                foreach (var name in CalledNames(root.GetProperty("input").GetString()!))
                {
                    seen.Add(name);
                    if (!PromQlFunctions.TryGet(name, out _))
                    {
                        missing.Add(name);
                    }
                }
            }

            Assert.True(seen.Count > 60, "too few function names found: " + seen.Count);
            Assert.Empty(missing);
        }

        private static readonly HashSet<string> NotFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            // Aggregations (their keywords are case-insensitive in Prometheus).
            "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "count_values", "quantile", "limitk", "limit_ratio",
            // Keywords that may stand before a parenthesis.
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "atan2", "offset",
            "fill", "fill_left", "fill_right",
        };

        private static readonly HashSet<string> DurationKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "step", "range", "min_of", "max_of",
        };

        private static readonly Regex Called = new Regex(@"(?<![A-Za-z0-9_:.])([A-Za-z_][A-Za-z0-9_]*)\s*\(", RegexOptions.CultureInvariant);

        private static IEnumerable<string> CalledNames(string input)
        {
            var code = StripStringsAndComments(input);
            foreach (Match match in Called.Matches(code))
            {
                var name = match.Groups[1].Value;
                // step(), range(), min_of() and max_of() in durations are keywords, matched in any case.
                var isDurationKeyword = DurationKeywords.Contains(name) && name != name.ToLowerInvariant();
                if (!NotFunctions.Contains(name) && !isDurationKeyword)
                {
                    yield return name;
                }
            }
        }

        // Blanks out string literals and comments so that only code is searched.
        private static string StripStringsAndComments(string input)
        {
            var code = new StringBuilder(input.Length);
            for (var i = 0; i < input.Length; i++)
            {
                var c = input[i];
                if (c is '"' or '\'' or '`')
                {
                    var quote = c;
                    i++;
                    while (i < input.Length && input[i] != quote)
                    {
                        if (input[i] == '\\' && quote != '`')
                        {
                            i++;
                        }

                        i++;
                    }

                    code.Append(' ');
                }
                else if (c == '#')
                {
                    while (i < input.Length && input[i] != '\n')
                    {
                        i++;
                    }

                    code.Append('\n');
                }
                else
                {
                    code.Append(c);
                }
            }

            return code.ToString();
        }

        internal static string FindCorpus() => RepositoryPaths.Conformance("parser-cases.jsonl");

        private static ValueType ToType(char code) => code switch
        {
            'V' => ValueType.Vector,
            'M' => ValueType.Matrix,
            'S' => ValueType.Scalar,
            'T' => ValueType.String,
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };
    }
}
