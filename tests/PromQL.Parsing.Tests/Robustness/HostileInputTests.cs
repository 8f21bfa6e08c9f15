using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using PromQL.Parsing.Syntax;
using PromQL.Parsing.Tests.Properties;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Parsing.Tests.Robustness
{
    /// <summary>
    /// Attacker-sized and pathological input beyond <see cref="MutationTests"/>'s: each gives a tree or a
    /// diagnostic, on the 1 MB stack an analyzer gets, within a generous hang guard (never a speed assertion),
    /// and keeps every span inside the input. The regex cases check our RE2 port against Go's regexp/syntax verdicts.
    /// </summary>
    public sealed class HostileInputTests
    {
        private const int AnalyzerStackSize = 1024 * 1024;
        private const int Megabyte = 1024 * 1024;

        /// <summary>Only catches a hang: a linear parser needs well under a second for any case here.</summary>
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private static readonly Dictionary<string, Func<string>> MegabyteQueries = new Dictionary<string, Func<string>>
        {
            ["metric name"] = () => "a" + new string('b', Megabyte),
            ["number"] = () => new string('9', Megabyte),
            ["decimal fraction"] = () => "0." + new string('1', Megabyte),
            ["label value of escapes"] = () => "foo{a=\"" + Repeat("\\u00e9\\n\\x41\\U0001F600", Megabyte / 20) + "\"}",
            ["unterminated string"] = () => "foo{a=\"" + new string('x', Megabyte),
            ["regex alternation"] = () => "foo{a=~\"" + string.Join("|", Enumerable.Range(0, Megabyte / 8).Select(i => "v" + i.ToString("x6", System.Globalization.CultureInfo.InvariantCulture))) + "\"}",
            ["open braces"] = () => new string('{', Megabyte),
            ["open brackets"] = () => "foo" + new string('[', Megabyte),
            ["closing parentheses"] = () => new string(')', Megabyte),
            ["whitespace then a selector"] = () => new string(' ', Megabyte / 2) + Repeat("\n\t", Megabyte / 4) + "up",
            ["comment lines"] = () => Repeat("# c\n", Megabyte / 4) + "up",
            ["label list"] = () => "sum by (" + string.Join(",", Enumerable.Range(0, Megabyte / 7).Select(i => "l" + i)) + ") (foo)",
            ["unclosed call chain"] = () => Repeat("rate(", Megabyte / 5),
            ["holes"] = () => new string(PromQlParser.HoleCharacter, Megabyte),
            ["and chain with matching"] = () => Repeat("foo and on(a) ", Megabyte / 14) + "foo",
            ["lone surrogates"] = () => new string('\uD800', Megabyte),
        };

        private readonly ITestOutputHelper _output;

        public HostileInputTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> MegabyteQueryNames => new TheoryData<string>(MegabyteQueries.Keys);

        [Theory]
        [MemberData(nameof(MegabyteQueryNames))]
        public void OneMegabyteQuery_GivesAResult(string name)
        {
            var query = MegabyteQueries[name]();
            Assert.True(query.Length >= Megabyte - 16, $"{name}: only {query.Length} chars");
            ParseHostile("1 MB " + name, query);
        }

        [Fact]
        public void OneMegabyteQuery_OfGeneratedPromQl_GivesAResult()
        {
            // Real grammar, not one repeated token: a megabyte of generated queries joined by `or`.
            var parts = new List<string>();
            var length = 0;
            while (length < Megabyte)
            {
                foreach (var query in Check.Single(PromQlGenerators.Query.Array[500]))
                {
                    var parsed = PromQlParser.Parse(query);
                    if (!parsed.HasErrors && parsed.Expression!.Type == Syntax.ValueType.Vector)
                    {
                        // On its own line: a generated query may end in a comment.
                        parts.Add("(" + query + "\n)");
                        length += query.Length + 7;
                    }
                }
            }

            var result = ParseHostile("1 MB of generated queries", string.Join(" or ", parts));
            Assert.False(result.HasErrors, "vector queries joined by `or` are valid: " + (result.HasErrors ? result.Diagnostics[0].ToString() : ""));
        }

        [Fact]
        public void HundredThousandNested_OfEveryNestingConstruct_GiveAResult()
        {
            const int n = 100_000;
            var cases = new (string Name, string Query)[]
            {
                ("aggregations", Repeat("sum(", n) + "foo" + new string(')', n)),
                ("unary minus on parentheses", Repeat("-(", n) + "1" + new string(')', n)),
                ("subquery chain", "foo" + Repeat("[5m:]", n)),
                ("offset chain", "foo" + Repeat(" offset 5m", n)),
                ("duration parentheses in a range", "foo[" + new string('(', n) + "5m" + new string(')', n) + "]"),
                ("duration parentheses in an offset", "foo offset " + new string('(', n) + "5m" + new string(')', n)),
                ("duration unary signs", "foo[" + new string('-', n) + "5m]"),
                ("duration powers", "foo[" + Repeat("2^", n) + "2]"),
                ("nested min_of", "foo[" + Repeat("min_of(5m,", n) + "5m" + new string(')', n) + "]"),
                ("braces", new string('{', n) + new string('}', n)),
                ("binary operators with parentheses", Repeat("1 + (", n) + "1" + new string(')', n)),
                ("function arguments", Repeat("clamp(", n) + "foo" + Repeat(", 0, 1)", n)),
                ("subqueries in parentheses", Repeat("(", n) + "foo" + Repeat(")[5m:]", n)),
            };

            foreach (var (name, query) in cases)
            {
                ParseHostile($"{n:N0} nested {name}", query);
            }
        }

        [Fact]
        public void TenThousand_OfEveryListConstruct_GiveAResult()
        {
            const int n = 10_000;
            var labels = Enumerable.Range(0, n).Select(i => "l" + i).ToList();
            var cases = new (string Name, string Query, bool Valid)[]
            {
                ("regex matchers", "foo{" + string.Join(",", labels.Select(l => l + "=~\"v.*|w[0-9]+\"")) + "}", true),
                ("matchers without a metric name", "{" + string.Join(",", labels.Select(l => l + "!=\"\"")) + "}", true),
                ("quoted label names", "{\"foo\", " + string.Join(",", labels.Select(l => "\"" + l + ".x\"=\"v\"")) + "}", true),
                ("grouping labels", "sum by (" + string.Join(",", labels) + ") (foo)", true),
                ("on labels with group_left", "foo * on(" + string.Join(",", labels) + ") group_left(" + string.Join(",", labels.Select(l => "g" + l)) + ") bar", true),
                ("variadic arguments", "label_join(foo, \"dst\", \",\", " + string.Join(", ", labels.Select(l => "\"" + l + "\"")) + ")", true),
                ("arguments to a fixed-arity function", "abs(" + string.Join(", ", labels.Select(_ => "foo")) + ")", false),
                ("duplicate matchers", "foo{" + string.Join(",", labels.Select(_ => "a=\"b\"")) + "}", true),
            };

            foreach (var (name, query, valid) in cases)
            {
                var result = ParseHostile($"{n:N0} {name}", query);
                Assert.True(valid != result.HasErrors, $"{n:N0} {name}: expected {(valid ? "acceptance" : "an error")}, got {(result.HasErrors ? result.Diagnostics[0].ToString() : "a tree")}");
            }
        }

        /// <summary>
        /// Patterns that make backtracking engines explode are plain RE2 (linear-time matching), so they are
        /// accepted; repeat counts and sizes past Go's limits give Go's own errors (checked against promtool,
        /// whose Go 1.19 reports the size limit as an internal error; newer Go says "expression too large").
        /// </summary>
        [Theory]
        [InlineData("(a*)*b", null)]
        [InlineData("(a|aa)+", null)]
        [InlineData("(a|a?)+$", null)]
        [InlineData("(x+x+)+y", null)]
        [InlineData("a{1000}", null)]
        [InlineData("(a{10}){100}", null)]
        [InlineData(".{1000}.{1000}.{1000}", null)]
        [InlineData("[^\\\\x00-\\\\x{10FFFF}]", null)]
        [InlineData("((a{1000}){1000}){1000}", "invalid repeat count: `{1000}`")]
        [InlineData("(a{2}){501}", "invalid repeat count: `{501}`")]
        [InlineData("(?:(?:a{0,1000}){0,1000})", "invalid repeat count: `{0,1000}`")]
        public void CatastrophicRegex_GetsGosVerdict(string pattern, string? expectedError)
        {
            var result = ParseHostile("regex " + pattern, "foo{a=~\"" + pattern + "\"}");
            AssertRegexVerdict(pattern, result, expectedError);
        }

        [Fact]
        public void HugeRegexes_AreBoundedAndGetGosVerdict()
        {
            var cases = new (string Name, string Pattern, string? Error)[]
            {
                ("100,000 nested groups", new string('(', 100_000) + "a" + new string(')', 100_000), "expression nests too deeply"),
                // Go drops non-capturing groups while parsing, so they add no height: accepted, as promtool does.
                ("100,000 nested non-capturing groups", Repeat("(?:", 100_000) + "a" + new string(')', 100_000), null),
                ("100,000 unclosed groups", new string('(', 100_000), null),
                ("100,000 nested repetitions", new string('(', 100_000) + "a" + Repeat(")*", 100_000), "expression nests too deeply"),
                ("a character class of 20,000 runes", "[" + new string(Enumerable.Range(0x4E00, 20_000).Select(c => (char)c).ToArray()) + "]", null),
                ("5,000 repeated counted dots", Repeat(".{1000}", 5_000), "expression too large"),
                ("4,000 repeated counted literals", Repeat("a{1000}", 4_000), "expression too large"),
                ("300 counted letter classes", Repeat("\\\\pL{1000}", 300), null),
                ("100,000 alternatives", string.Join("|", Enumerable.Range(0, 100_000).Select(i => "x" + i)), null),
                ("100,000 empty alternatives", new string('|', 100_000), null),
            };

            foreach (var (name, pattern, error) in cases)
            {
                var result = ParseHostile("regex of " + name, "foo{a=~\"" + pattern + "\"}");
                if (error == "expression nests too deeply" || error == "expression too large")
                {
                    var message = Assert.Single(result.Diagnostics).Message;
                    Assert.StartsWith("error parsing regexp: " + error, message, StringComparison.Ordinal);
                }
                else if (name.Contains("unclosed", StringComparison.Ordinal))
                {
                    Assert.True(result.HasErrors, name + ": an unclosed group is an error");
                }
                else
                {
                    AssertRegexVerdict(name, result, error);
                }
            }
        }

        private static void AssertRegexVerdict(string name, PromQlParseResult result, string? expectedError)
        {
            if (expectedError is null)
            {
                Assert.False(result.HasErrors, $"{name}: RE2 accepts it, got {(result.Diagnostics.Count > 0 ? result.Diagnostics[0].ToString() : "")}");
                Assert.IsType<VectorSelector>(result.Expression);
            }
            else
            {
                var diagnostic = Assert.Single(result.Diagnostics);
                Assert.Equal("error parsing regexp: " + expectedError, diagnostic.Message);
            }
        }

        private PromQlParseResult ParseHostile(string name, string query)
        {
            var stopwatch = Stopwatch.StartNew();
            PromQlParseResult? result = null;
            string? problem = null;
            var thread = new Thread(() => (result, problem) = ParseInvariants.ParseSafely(query, PromQlParserOptions.Default), AnalyzerStackSize)
            {
                IsBackground = true,
                Name = "hostile input: " + name,
            };
            thread.Start();
            Assert.True(thread.Join(HangGuard), $"{name}: no result within {HangGuard.TotalSeconds} s");
            _output.WriteLine($"{name}: {query.Length:N0} chars in {stopwatch.Elapsed.TotalMilliseconds:0} ms; " +
                (result is null ? "no result" : result.HasErrors ? "error: " + Shorten(result.Diagnostics[0].ToString()) : "ok"));
            Assert.True(problem is null, $"{name}: {problem}");
            return result!;
        }

        private static string Shorten(string text) => text.Length <= 160 ? text : text.Substring(0, 160) + "…";

        private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
    }
}
