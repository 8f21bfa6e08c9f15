using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Semantics.Re2;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;
using Xunit;
using MatchType = PromQL.Parsing.Syntax.MatchType;

namespace PromQL.Parsing.Tests.Semantics
{
    /// <summary>The public regex facts, read from the RE2 port's tree as Prometheus's FastRegexMatcher reads it.</summary>
    public class PromQlRegexTests
    {
        private const char Hole = PromQlParser.HoleCharacter;

        // ---- parsing -----------------------------------------------------------------------------------

        [Theory]
        [InlineData("(")]
        [InlineData("a)")]
        [InlineData("a**")]
        [InlineData("(?=x)")]
        [InlineData("[z-a]")]
        [InlineData(@"\8")]
        [InlineData(@"\pX")]
        [InlineData("x{1001}")]
        public void InvalidRegex_DoesNotParse(string pattern)
        {
            Assert.False(PromQlRegex.TryParse(pattern, out var regex));
            Assert.Null(regex);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a|b|")]
        [InlineData("a\ud800|b")]
        [InlineData(".*")]
        [InlineData("(?i)[[:alpha:]]+")]
        [InlineData("container_memory_\uE000")]
        [InlineData("\uE000.*")]
        public void ValidRegex_Parses(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.Equal(pattern, regex!.Pattern);
            Assert.Equal(pattern, regex.ToString());
        }

        // ---- MatchesEmpty ------------------------------------------------------------------------------

        [Theory]
        [InlineData("", true)]
        [InlineData("a", false)]
        [InlineData("a|", true)]
        [InlineData("|a", true)]
        [InlineData("a||b", true)]
        [InlineData("a|b", false)]
        [InlineData(".*", true)]
        [InlineData(".+", false)]
        [InlineData("^$", true)]
        [InlineData(@"\b", false)]
        [InlineData(@"\B", true)]
        [InlineData("(?i)a?", true)]
        [InlineData("[a-z]{0,3}", true)]
        [InlineData("((a|)b?)", true)]
        [InlineData("((a|)b)", false)]
        [InlineData(@"\Q\E", true)]
        [InlineData(@"[^\x00-\x{10FFFF}]*", true)]
        public void MatchesEmpty_AgreesWithRe2(string pattern, bool expected)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.Equal(expected, regex!.MatchesEmpty);
            Assert.Equal(Re2Regex.MatchesEmpty(pattern), regex.MatchesEmpty);
        }

        // ---- IsLiteral ---------------------------------------------------------------------------------

        [Theory]
        [InlineData("api", "api")]
        [InlineData("", "")]
        [InlineData(@"a\.b", "a.b")]
        [InlineData(@"\Qa.b|c\E", "a.b|c")]
        [InlineData("(ab)", "ab")]
        [InlineData("(?:a)(b)((c))", "abc")]
        [InlineData("[a]", "a")]
        [InlineData("[a-a]", "a")]
        [InlineData("a|a", "a")]
        [InlineData("^ab$", "ab")]
        [InlineData(@"\Aab\z", "ab")]
        [InlineData("(?m)^ab$", "ab")]
        [InlineData("^", "")]
        [InlineData("(?i)1_2", "1_2")]
        [InlineData(@"\x{1F600}", "\U0001F600")]
        [InlineData("\uE000", "\uE000")]
        [InlineData("p-\uE000", "p-\uE000")]
        public void IsLiteral_OneString(string pattern, string expected)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.True(regex!.IsLiteral(out var literal));
            Assert.Equal(expected, literal);
            Assert.Equal(new[] { expected }, regex.LiteralPrefixes);
        }

        [Theory]
        [InlineData("a|b")]
        [InlineData("a|")]
        [InlineData("[ab]")]
        [InlineData("(?i)a")]
        [InlineData("(?i)k")]
        [InlineData("(?i:1a)")]
        [InlineData("a{1}")]
        [InlineData("a*")]
        [InlineData("a?")]
        [InlineData(".")]
        [InlineData(@"\d")]
        [InlineData("a$b")]
        [InlineData(@"\b")]
        [InlineData(@"[^\x00-\x{10FFFF}]")]
        [InlineData("\uE000.*")]
        public void IsLiteral_NotOneString(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.False(regex!.IsLiteral(out var literal));
            Assert.Equal(string.Empty, literal);
        }

        // ---- LiteralPrefixes ---------------------------------------------------------------------------

        [Theory]
        [InlineData("container_memory_.*", "container_memory_")]
        [InlineData("container_memory_.+", "container_memory_")]
        [InlineData("container_memory_s*", "container_memory_")]
        [InlineData("container_memory?_rss", "container_memor")]
        [InlineData("node_load1|container_memory_rss", "node_load1", "container_memory_rss")]
        [InlineData("container_memory_(rss|cache)", "container_memory_rss", "container_memory_cache")]
        [InlineData("container_memory_rss|container_memory_cache", "container_memory_rss", "container_memory_cache")]
        [InlineData("(?:x|(container_memory_rss))", "x", "container_memory_rss")]
        [InlineData("((a)(b|c))d", "abd", "acd")]
        [InlineData("a[bc]d", "abd", "acd")]
        [InlineData("x[ab]|y", "xa", "xb", "y")]
        [InlineData("a|", "a", "")]
        [InlineData("a||b", "a", "", "b")]
        [InlineData("(?:)", "")]
        [InlineData("(a|b)+", "")]
        [InlineData("(container_memory_rss|x)+", "")]
        [InlineData("ab+", "a")]
        [InlineData("a{2}b", "")]
        [InlineData(@"a\.b.*", "a.b")]
        [InlineData(@"a\D", "a")]
        [InlineData(@"a\d", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9")]
        [InlineData("a[^b]", "a")]
        [InlineData(@"a\pL", "a")]
        [InlineData("(?i)abc", "")]
        [InlineData("(?i:_a)b", "_")]
        [InlineData("x(?i)ab", "x")]
        [InlineData("(?i)[k]", "K", "k", "\u212A")]
        [InlineData("^abc$", "abc")]
        [InlineData("a^b", "a")]
        [InlineData("a$|b", "a", "b")]
        [InlineData(@"ab\b", "ab")]
        [InlineData("x|a[^\\x00-\\x{10FFFF}]", "x")]
        [InlineData("a[^\\x00-\\x{10FFFF}]*", "a")]
        [InlineData("container_memory_\uE000", "container_memory_\uE000")]
        [InlineData("container_memory_\uE000*", "container_memory_")]
        public void LiteralPrefixes_OnePerAlternative(string pattern, params string[] expected)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.Equal(expected, regex!.LiteralPrefixes);
        }

        [Theory]
        [InlineData("a[^\\x00-\\x{10FFFF}]")]
        [InlineData("(?:a|b)[^\\x00-\\x{10FFFF}]+c")]
        [InlineData("[^\\x00-\\x{10FFFF}]|[^\\x00-\\x{10FFFF}]{2}")]
        public void LiteralPrefixes_NoneWhenNothingMatches(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.Empty(regex!.LiteralPrefixes);
            Assert.False(regex.IsLiteral(out _));
        }

        [Fact]
        public void LiteralPrefixes_StopShortPast256Alternatives()
        {
            // 16 × 16 two-letter strings are spelled out; the third class would make 4096, so the prefixes stop there.
            Assert.True(PromQlRegex.TryParse("[a-p][a-p][a-p]x", out var regex));
            Assert.Equal(256, regex!.LiteralPrefixes.Count);
            Assert.All(regex.LiteralPrefixes, p => Assert.Equal(2, p.Length));

            // A class bigger than 256 characters is not spelled out at all.
            Assert.True(PromQlRegex.TryParse(@"a[\x00-\x{FFFF}]b", out regex));
            Assert.Equal(new[] { "a" }, regex!.LiteralPrefixes);

            var many = string.Join("|", Enumerable.Range(0, 300).Select(i => "v" + i + "x")) + "|.";
            Assert.True(PromQlRegex.TryParse(many, out regex));
            Assert.All(regex!.LiteralPrefixes, p => Assert.True(p.Length == 0 || p[0] == 'v', p));
            Assert.True(regex.LiteralPrefixes.Count <= 256);
        }

        // ---- MatchesEverything and MatchesAnyNonEmpty --------------------------------------------------

        [Theory]
        [InlineData(".*")]
        [InlineData("(.*)")]
        [InlineData("^.*$")]
        [InlineData("(^.*$)")]
        [InlineData(".*.*")]
        [InlineData(".*?")]
        [InlineData(".*|x")]
        [InlineData("x|.*")]
        [InlineData(".+|")]
        [InlineData(".*|")]
        [InlineData(@"[\s\S]*")]
        [InlineData("(?s).*")]
        [InlineData("(?s:.)*")]
        [InlineData("(?:.*)+")]
        [InlineData("(.+)?")]
        [InlineData(".*a?")]
        [InlineData("(?:a*).*(?:b|)")]
        [InlineData(".{0,}")]
        public void MatchesEverything_True(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.True(regex!.MatchesEverything);
            Assert.False(regex.MatchesAnyNonEmpty);
            Assert.True(regex.MatchesEmpty);
        }

        [Theory]
        [InlineData("")]
        [InlineData(".")]
        [InlineData(".+")]
        [InlineData("(?-s).*")]
        [InlineData("(?-s:.)*")]
        [InlineData("a.*")]
        [InlineData(".*a")]
        [InlineData(".*^")]
        [InlineData(@".*\b")]
        [InlineData("[^a]*")]
        [InlineData(".{0,5}")]
        [InlineData(".{0}")]
        [InlineData("\uE000")]
        public void MatchesEverything_False(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.False(regex!.MatchesEverything);
        }

        [Theory]
        [InlineData(".+")]
        [InlineData("(.+)")]
        [InlineData("^.+$")]
        [InlineData("..*")]
        [InlineData(".*.")]
        [InlineData(".+.*")]
        [InlineData(".+|.+")]
        [InlineData("(?s:.)+")]
        [InlineData(".{1,}")]
        [InlineData(".+a?")]
        [InlineData("(?:.+)+")]
        public void MatchesAnyNonEmpty_True(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.True(regex!.MatchesAnyNonEmpty);
            Assert.False(regex.MatchesEverything);
            Assert.False(regex.MatchesEmpty);
        }

        [Theory]
        [InlineData(".*")]
        [InlineData(".")]
        [InlineData("..+")]
        [InlineData(".{2,}")]
        [InlineData("(?-s).+")]
        [InlineData("a.+")]
        [InlineData(".+a")]
        [InlineData(".?")]
        [InlineData(".+|")]
        [InlineData("[^a]+")]
        [InlineData("a|b")]
        public void MatchesAnyNonEmpty_False(string pattern)
        {
            Assert.True(PromQlRegex.TryParse(pattern, out var regex));
            Assert.False(regex!.MatchesAnyNonEmpty);
        }

        // ---- label matchers ----------------------------------------------------------------------------

        [Theory]
        [InlineData("x=\"\"", true)]
        [InlineData("x=\"a\"", false)]
        [InlineData("x!=\"\"", false)]
        [InlineData("x!=\"a\"", true)]
        [InlineData("x=~\"a|\"", true)]
        [InlineData("x=~\".+\"", false)]
        [InlineData("x!~\".+\"", true)]
        [InlineData("x!~\"a|\"", false)]
        [InlineData("x=~\"(?i)a*\"", true)]
        public void LabelMatcher_MatchesEmpty(string matcher, bool expected)
        {
            Assert.Equal(expected, OnlyMatcher(matcher).MatchesEmpty());
        }

        [Theory]
        [InlineData("x=\"\uE000\"")]
        [InlineData("x!=\"a\uE000\"")]
        [InlineData("x=~\"a\uE000\"")]
        [InlineData("x!~\"\uE000\"")]
        public void LabelMatcher_HoleInValue_MatchesEmptyUnknown(string matcher)
        {
            Assert.Null(OnlyMatcher(matcher).MatchesEmpty());
        }

        [Fact]
        public void LabelMatcher_HoleInRegex_IsOneLiteralCharacter()
        {
            var matcher = OnlyMatcher("x=~\"p-\uE000\"");
            Assert.True(matcher.ValueHasHole);
            Assert.True(matcher.TryGetRegex(out var regex));
            Assert.True(regex!.IsLiteral(out var literal));
            Assert.Equal("p-" + Hole, literal);
        }

        [Fact]
        public void LabelMatcher_RegexParsedOnceAndKept()
        {
            var matcher = OnlyMatcher("x=~\"a.*\"");
            Assert.True(matcher.TryGetRegex(out var first));
            Assert.True(matcher.TryGetRegex(out var second));
            Assert.Same(first, second);
            Assert.Same(first!.LiteralPrefixes, second!.LiteralPrefixes);

            var byHand = new LabelMatcher("x", MatchType.NotRegexp, "b.+", 0, 9, 0, 1, 3, 8);
            Assert.True(byHand.TryGetRegex(out first));
            Assert.True(byHand.TryGetRegex(out second));
            Assert.Same(first, second);
            Assert.Equal(new[] { "b" }, first!.LiteralPrefixes);
        }

        [Theory]
        [InlineData(MatchType.Equal, "a.*")]
        [InlineData(MatchType.NotEqual, "a.*")]
        [InlineData(MatchType.Regexp, "(")]
        [InlineData(MatchType.NotRegexp, "a**")]
        public void LabelMatcher_NoRegex(MatchType type, string value)
        {
            // Only a tree built by hand carries an invalid regex: the parser rejects it.
            var matcher = new LabelMatcher("x", type, value, 0, 10, 0, 1, 3, 10);
            Assert.False(matcher.TryGetRegex(out var regex));
            Assert.Null(regex);
            Assert.Equal(type is MatchType.Equal or MatchType.NotEqual ? type == MatchType.NotEqual : (bool?)null, matcher.MatchesEmpty());
        }

        // ---- robustness --------------------------------------------------------------------------------

        [Fact]
        public void DeepAndLargeRegexes_Answer()
        {
            var patterns = new[]
            {
                new string('(', 990) + "a" + new string(')', 990),
                new string('(', 990) + ".*" + new string(')', 990),
                string.Concat(Enumerable.Repeat("(?:", 5000)) + "a" + new string(')', 5000),
                string.Concat(Enumerable.Repeat("(a|", 300)) + "b" + new string(')', 300),
                string.Concat(Enumerable.Repeat("[ab]", 2000)),
                string.Concat(Enumerable.Repeat("a*", 1000)),
                new string('a', 1 << 20) + ".",
                new string('a', 1 << 20),
            };

            foreach (var pattern in patterns)
            {
                Assert.True(PromQlRegex.TryParse(pattern, out var regex), Re2Regex.Validate(pattern));
                AssertConsistent(regex!);
            }

            // Too deep to tell: the facts stay sure by claiming less.
            Assert.True(PromQlRegex.TryParse(patterns[0], out var deep));
            Assert.False(deep!.IsLiteral(out _));
            Assert.Equal(new[] { string.Empty }, deep.LiteralPrefixes);
            Assert.True(PromQlRegex.TryParse(patterns[2], out var groups));
            Assert.True(groups!.IsLiteral(out var literal));
            Assert.Equal("a", literal);
        }

        [Fact]
        public void Corpus_EveryRegexMatcher_FactsAnswerAndAgreeWithRe2()
        {
            var checkedCount = 0;
            var failures = new List<string>();
            foreach (var line in File.ReadLines(RepositoryPaths.Conformance("parser-cases.jsonl")))
            {
                using var doc = JsonDocument.Parse(line);
                if (!doc.RootElement.TryGetProperty("input", out var inputElement) || inputElement.GetString() is not { } input)
                {
                    continue;
                }

                var expression = PromQlParser.Parse(input).Expression;
                if (expression is null)
                {
                    continue;
                }

                foreach (var selector in expression.DescendantsAndSelf().OfType<VectorSelector>())
                {
                    foreach (var matcher in selector.Matchers.Where(m => m.Type is MatchType.Regexp or MatchType.NotRegexp))
                    {
                        checkedCount++;
                        var expected = Re2Regex.MatchesEmpty(matcher.Value);
                        var parsed = PromQlRegex.TryParse(matcher.Value, out var regex);
                        var kept = matcher.TryGetRegex(out var keptRegex);
                        if (parsed != expected.HasValue || kept != parsed)
                        {
                            failures.Add(matcher.Value + ": parsed " + parsed + ", kept " + kept + ", RE2 " + expected);
                            continue;
                        }

                        if (regex is null)
                        {
                            continue;
                        }

                        if (regex.MatchesEmpty != expected || keptRegex!.MatchesEmpty != expected)
                        {
                            failures.Add(matcher.Value + ": MatchesEmpty " + regex.MatchesEmpty + ", RE2 " + expected);
                        }

                        var wanted = matcher.Type == MatchType.Regexp ? expected : !expected;
                        if (matcher.MatchesEmpty() != wanted)
                        {
                            failures.Add(matcher.Value + ": matcher MatchesEmpty " + matcher.MatchesEmpty() + ", RE2 " + wanted);
                        }

                        failures.AddRange(Inconsistencies(regex).Select(f => matcher.Value + ": " + f));
                    }
                }
            }

            Assert.True(checkedCount > 100, "expected many regex matchers, found " + checkedCount);
            Assert.Empty(failures);
        }

        private static void AssertConsistent(PromQlRegex regex) => Assert.Empty(Inconsistencies(regex));

        /// <summary>What the facts imply about one another, whatever the regex.</summary>
        private static IEnumerable<string> Inconsistencies(PromQlRegex regex)
        {
            var prefixes = regex.LiteralPrefixes;
            if (prefixes.Distinct().Count() != prefixes.Count)
            {
                yield return "repeated prefixes";
            }

            if (regex.MatchesEmpty && !prefixes.Contains(string.Empty))
            {
                // Every matched string starts with a prefix, "" too.
                yield return "matches \"\" but no prefix is empty";
            }

            if (regex.IsLiteral(out var literal) && (!prefixes.SequenceEqual(new[] { literal }) || regex.MatchesEmpty != (literal.Length == 0)))
            {
                yield return "literal " + literal + " disagrees with the other facts";
            }

            if (regex.MatchesEverything && (regex.MatchesAnyNonEmpty || !regex.MatchesEmpty || !prefixes.SequenceEqual(new[] { string.Empty })))
            {
                yield return "matches everything, yet the other facts disagree";
            }

            if (regex.MatchesAnyNonEmpty && (regex.MatchesEmpty || !prefixes.SequenceEqual(new[] { string.Empty })))
            {
                yield return "matches any non-empty string, yet the other facts disagree";
            }
        }

        /// <summary>Parses <paramref name="matcher"/> beside job="j" (a selector needs a non-empty matcher) and returns it.</summary>
        private static LabelMatcher OnlyMatcher(string matcher)
        {
            var result = PromQlParser.Parse("{job=\"j\", " + matcher + "}");
            Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
            return Assert.IsType<VectorSelector>(result.Expression).Matchers[1];
        }
    }
}
