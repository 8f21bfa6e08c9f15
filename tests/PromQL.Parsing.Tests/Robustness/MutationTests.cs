using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using PromQL.Parsing.Syntax;
using PromQL.Parsing.Tests.Conformance;
using PromQL.Parsing.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Parsing.Tests.Robustness
{
    /// <summary>
    /// The parser's promises under damaged and hostile input: it never throws (an exception it catches shows
    /// as an "internal parser error" diagnostic, which counts as a failure here), every span it reports lies
    /// within the input, and attacker-sized input neither overflows an analyzer's 1 MB stack nor takes more
    /// than linear time.
    /// </summary>
    public sealed class MutationTests
    {
        private const int CorpusQueryCount = 200;
        private const int MaxListedFailures = 30;
        private const int DefaultStackSize = 1024 * 1024;
        private const string InternalErrorPrefix = "internal parser error";

        /// <summary>Far above what a linear parser needs for a megabyte, far below what a quadratic one needs.</summary>
        private static readonly TimeSpan HostileTimeLimit = TimeSpan.FromSeconds(30);

        private readonly ITestOutputHelper _output;

        public MutationTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void CorpusQueries_EveryPrefixSuffixAndDeletion_ParsesSafely()
        {
            var queries = ChooseCorpusQueries();
            Assert.Equal(CorpusQueryCount, queries.Count);

            var failures = new List<string>();
            var parses = 0;
            var stopwatch = Stopwatch.StartNew();
            foreach (var (id, query) in queries)
            {
                for (var i = 0; i <= query.Length; i++)
                {
                    Check($"{id} prefix {i}", query.Substring(0, i), failures);
                    Check($"{id} suffix {i}", query.Substring(i), failures);
                    parses += 2;
                    if (i < query.Length)
                    {
                        Check($"{id} without char {i}", query.Remove(i, 1), failures);
                        parses++;
                    }
                }
            }

            _output.WriteLine($"{parses} mutated inputs of {queries.Count} corpus queries parsed in {stopwatch.Elapsed.TotalSeconds:0.0} s; {failures.Count} failures");
            AssertNoFailures(failures);
        }

        [Fact]
        public void RandomBytes_Seeded_ParseSafely()
        {
            var random = new Random(20260821);
            var failures = new List<string>();
            for (var i = 0; i < 1000; i++)
            {
                var bytes = new byte[random.Next(0, 256)];
                random.NextBytes(bytes);
                Check($"random UTF-8 #{i}", Encoding.UTF8.GetString(bytes), failures);
                Check($"random Latin-1 #{i}", Encoding.Latin1.GetString(bytes), failures);
            }

            AssertNoFailures(failures);
        }

        [Fact]
        public void RandomTokenSoup_Seeded_ParsesSafely()
        {
            // Random sequences of real PromQL fragments reach much deeper into the grammar than random bytes.
            string[] fragments =
            {
                "sum", "by", "without", "(", ")", "{", "}", "[", "]", ",", ":", "5m", "1h30m", "0x1F", "1e3", "-", "+", "*", "/", "%", "^",
                "==", "!=", ">", "<", ">=", "<=", "</", ">/", "=", "=~", "!~", "and", "or", "unless", "atan2", "bool", "on", "ignoring",
                "group_left", "group_right", "fill", "fill_left", "fill_right", "offset", "@", "start()", "end()", "step()", "range()",
                "min_of", "max_of", "anchored", "smoothed", "rate", "topk", "count_values", "quantile", "limitk", "label_replace",
                "histogram_quantile", "foo", "job", "\"v\"", "'x'", "`y`", "\"a.b\"", "__name__", "Inf", "NaN", "# c\n", "\n", " ",
                "\"unterminated", "\\", "\uE000", "é", "\uD83D\uDE00", "\uD800",
            };
            var random = new Random(3140);
            var failures = new List<string>();
            var builder = new StringBuilder();
            for (var i = 0; i < 3000; i++)
            {
                builder.Clear();
                var count = random.Next(1, 40);
                for (var j = 0; j < count; j++)
                {
                    builder.Append(fragments[random.Next(fragments.Length)]);
                    if (random.Next(3) == 0)
                    {
                        builder.Append(' ');
                    }
                }

                Check($"token soup #{i}", builder.ToString(), failures);
            }

            AssertNoFailures(failures);
        }

        [Fact]
        public void Hostile_OneMegabyteBinaryChain_IsAcceptedOnADefaultStack()
        {
            var query = Repeat("foo + ", 1024 * 1024 / 6) + "foo";
            var result = ParseHostile("1 MB binary chain", query);
            Assert.False(result.HasErrors, "a long chain of additions is valid PromQL: " + First(result));
            Assert.IsType<BinaryExpr>(result.Expression);
        }

        [Fact]
        public void Hostile_OneMegabyteLabelValue_IsAccepted()
        {
            var value = new string('x', 1024 * 1024);
            var result = ParseHostile("1 MB label value", "foo{a=\"" + value + "\"}");
            Assert.False(result.HasErrors, First(result));
            var selector = Assert.IsType<VectorSelector>(result.Expression);
            Assert.Equal(value, Assert.Single(selector.Matchers).Value);
        }

        [Fact]
        public void Hostile_OneMegabyteComment_IsAccepted()
        {
            var result = ParseHostile("1 MB comment", "# " + new string('c', 1024 * 1024) + "\nup");
            Assert.False(result.HasErrors, First(result));
            Assert.IsType<VectorSelector>(result.Expression);
        }

        [Fact]
        public void Hostile_HundredThousandNestedParentheses_GiveADepthError()
        {
            var query = new string('(', 100_000) + "1" + new string(')', 100_000);
            var result = ParseHostile("100,000 nested parentheses", query);
            Assert.True(result.HasErrors, "nesting this deep must be refused, not parsed");
            var message = result.Diagnostics[0].Message;
            Assert.True(
                message.IndexOf("nest", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("deep", StringComparison.OrdinalIgnoreCase) >= 0
                    || message.IndexOf("depth", StringComparison.OrdinalIgnoreCase) >= 0,
                "the error should say that the query nests too deeply, got: " + message);
        }

        [Fact]
        public void Hostile_HundredThousandUnclosedParentheses_ReturnAResult() =>
            ParseHostile("100,000 unclosed parentheses", new string('(', 100_000));

        [Fact]
        public void Hostile_HundredThousandNestedCalls_ReturnAResult() =>
            ParseHostile("100,000 nested calls", Repeat("abs(", 100_000) + "1" + new string(')', 100_000));

        [Fact]
        public void Hostile_HundredThousandLeadingMinusSigns_ReturnAResult()
        {
            ParseHostile("100,000 minus signs before a number", new string('-', 100_000) + "1");
            ParseHostile("100,000 minus signs before a selector", new string('-', 100_000) + "foo");
            ParseHostile("100,000 alternating signs", Repeat("-+", 50_000) + "1");
        }

        [Fact]
        public void Hostile_HundredThousandPowers_ReturnAResult() =>
            ParseHostile("100,000 right-associative powers", Repeat("2 ^ ", 100_000) + "2");

        [Fact]
        public void Hostile_TenThousandMatchers_AreAccepted()
        {
            var query = "foo{" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"label_{i}=\"value_{i}\"")) + "}";
            var result = ParseHostile("10,000 matchers", query);
            Assert.False(result.HasErrors, First(result));
            var selector = Assert.IsType<VectorSelector>(result.Expression);
            Assert.Equal(10_000, selector.Matchers.Count);
        }

        [Fact]
        public void Hostile_EighteenParentheses_AreAccepted()
        {
            var result = ParseHostile("18 parentheses", "((((((((((((((((((1))))))))))))))))))");
            Assert.False(result.HasErrors, First(result));
            Assert.IsType<ParenExpr>(result.Expression);
        }

        [Fact]
        public void Hostile_LargeTrees_PrintAndDumpOnADefaultStack()
        {
            // An analyzer prints and walks what it parsed, on the same small stack.
            var chain = Repeat("foo + ", 1024 * 1024 / 6) + "foo";
            var labels = Enumerable.Range(0, 10_000).Select(i => $"l{i}=\"v\"").ToList();
            var matchers = "foo{" + string.Join(", ", labels) + "}";

            // Prometheus prints matchers sorted and joined by a bare comma.
            var matchersPrinted = "foo{" + string.Join(",", labels.OrderBy(l => l, StringComparer.Ordinal)) + "}";
            foreach (var (name, query, expected) in new[] { ("1 MB binary chain", chain, chain), ("10,000 matchers", matchers, matchersPrinted) })
            {
                var printed = RunOnDefaultStack(name + " (print)", () =>
                {
                    var result = PromQlParser.Parse(query);
                    Assert.False(result.HasErrors, First(result));
                    var text = result.Expression!.ToString();
                    _ = TreeDump.Dump(result.Expression, TreeDumpOptions.Full);
                    return text;
                });
                Assert.True(expected == printed, $"{name}: printed form differs from Prometheus's");
            }
        }

        /// <summary>200 corpus queries picked evenly through the id order (no randomness), leaving out the two pathological 55 KB inputs.</summary>
        internal static List<(string Id, string Query)> ChooseCorpusQueries()
        {
            var candidates = ConformanceCorpus.Cases
                .Where(c => c.Input.Length <= 2000)
                .GroupBy(c => c.Input, StringComparer.Ordinal)
                .Select(g => g.OrderBy(c => c.Id, StringComparer.Ordinal).First())
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            var chosen = new List<(string, string)>(CorpusQueryCount);
            for (var i = 0; i < CorpusQueryCount && candidates.Count > 0; i++)
            {
                var c = candidates[(int)((long)i * candidates.Count / CorpusQueryCount)];
                chosen.Add((c.Id, c.Input));
            }

            return chosen;
        }

        /// <summary>Parses and records every broken promise: an internal error, or a span outside the input.</summary>
        private static void Check(string label, string input, List<string> failures)
        {
            PromQlParseResult result;
            try
            {
                result = PromQlParser.Parse(input);
            }
#pragma warning disable CA1031 // The point is to catch and report anything the parser lets escape.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"{label}: threw {ex.GetType().Name}: {ex.Message} on `{ConformanceCorpus.Describe(input, 200)}`");
                return;
            }

            var problem = FindProblem(input, result);
            if (problem is not null)
            {
                failures.Add($"{label}: {problem} on `{ConformanceCorpus.Describe(input, 200)}`");
            }
        }

        private static string? FindProblem(string input, PromQlParseResult result)
        {
            if (!ReferenceEquals(result.Text, input) && result.Text != input)
            {
                return "the result's Text is not the input";
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Message.StartsWith(InternalErrorPrefix, StringComparison.Ordinal))
                {
                    return "an exception escaped the parser: " + diagnostic.Message;
                }

                if (string.IsNullOrWhiteSpace(diagnostic.Message))
                {
                    return "a diagnostic without a message";
                }

                if (!Within(diagnostic.Start, diagnostic.End, input.Length))
                {
                    return $"diagnostic span {diagnostic.Start}..{diagnostic.End} lies outside the input ({input.Length} chars): {diagnostic.Message}";
                }
            }

            if (result.Expression is null)
            {
                return result.HasErrors ? null : "no tree and no error";
            }

            foreach (var node in TreeDump.AllNodes(result.Expression))
            {
                if (!Within(node.Start, node.End, input.Length))
                {
                    return $"{node.GetType().Name} span {node.Start}..{node.End} lies outside the input ({input.Length} chars)";
                }

                var extra = node switch
                {
                    VectorSelector v => OptionalWithin(v.NameEnd, input.Length) && OptionalWithin(v.OpenBrace, input.Length) && OptionalWithin(v.CloseBrace, input.Length),
                    BinaryExpr b => OptionalWithin(b.OperatorStart, input.Length) && OptionalWithin(b.OperatorEnd, input.Length),
                    AggregateExpr a => OptionalWithin(a.GroupingStart, input.Length) && OptionalWithin(a.GroupingEnd, input.Length),
                    _ => true,
                };
                if (!extra)
                {
                    return $"a position inside {node.GetType().Name} at {node.Start}..{node.End} lies outside the input ({input.Length} chars)";
                }

                if (node is VectorSelector selector)
                {
                    foreach (var matcher in selector.Matchers)
                    {
                        if (!Within(matcher.Start, matcher.End, input.Length) || !OptionalSpanWithin(matcher.NameStart, matcher.NameEnd, input.Length)
                            || !OptionalSpanWithin(matcher.ValueStart, matcher.ValueEnd, input.Length))
                        {
                            return $"matcher {matcher.Name} span {matcher.Start}..{matcher.End} (name {matcher.NameStart}..{matcher.NameEnd}, " +
                                $"value {matcher.ValueStart}..{matcher.ValueEnd}) lies outside the input ({input.Length} chars)";
                        }
                    }
                }
            }

            return null;
        }

        private static bool Within(int start, int end, int length) => start >= 0 && start <= end && end <= length;

        /// <summary>-1 means "not written"; anything else must be a position in the input.</summary>
        private static bool OptionalWithin(int position, int length) => position == -1 || (position >= 0 && position <= length);

        private static bool OptionalSpanWithin(int start, int end, int length) => (start == -1 && end == -1) || Within(start, end, length);

        private PromQlParseResult ParseHostile(string name, string query)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = RunOnDefaultStack(name, () => PromQlParser.Parse(query));
            _output.WriteLine($"{name}: {query.Length:N0} chars in {stopwatch.Elapsed.TotalMilliseconds:0} ms; " +
                (result.HasErrors ? "error: " + First(result) : "ok"));
            Assert.Same(query, result.Text);
            var problem = FindProblem(query, result);
            Assert.True(problem is null, $"{name}: {problem}");
            return result;
        }

        /// <summary>
        /// Runs <paramref name="work"/> on a thread with the 1 MB stack analyzers get, so a stack overflow shows
        /// here (as a crashed test run) rather than in a user's IDE; also bounds its time.
        /// </summary>
        private static T RunOnDefaultStack<T>(string name, Func<T> work)
        {
            T value = default!;
            Exception? error = null;
            var thread = new Thread(() =>
            {
                try
                {
                    value = work();
                }
#pragma warning disable CA1031 // Carried over to the test thread and rethrown there.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = ex;
                }
            }, maxStackSize: DefaultStackSize)
            {
                IsBackground = true,
                Name = "hostile input: " + name,
            };
            thread.Start();
            if (!thread.Join(HostileTimeLimit))
            {
                Assert.Fail($"{name}: no result within {HostileTimeLimit.TotalSeconds} s; parsing must be linear in the input");
            }

            if (error is not null)
            {
                Assert.Fail($"{name}: threw {error.GetType().Name}: {error.Message}");
            }

            return value;
        }

        private static string First(PromQlParseResult result) => result.Diagnostics.Count == 0 ? "(no diagnostic)" : result.Diagnostics[0].ToString();

        private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

        private static void AssertNoFailures(List<string> failures)
        {
            if (failures.Count == 0)
            {
                return;
            }

            var message = new StringBuilder();
            message.AppendLine($"{failures.Count} inputs broke the parser's promises (never throw, spans within the input):");
            foreach (var failure in failures.Take(MaxListedFailures))
            {
                message.AppendLine("- " + failure);
            }

            if (failures.Count > MaxListedFailures)
            {
                message.AppendLine($"… and {failures.Count - MaxListedFailures} more.");
            }

            Assert.Fail(message.ToString());
        }
    }
}
