using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PromQL.Parsing.Semantics.Re2;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Parsing.Tests.Semantics
{
    public class Re2RegexTests
    {

        [Theory]
        [InlineData("")]
        [InlineData("foo")]
        [InlineData("foo|bar|")]
        [InlineData(".*")]
        [InlineData(".+")]
        [InlineData("\\d+")]
        [InlineData("\\D\\s\\S\\w\\W")]
        [InlineData("[[:alpha:]]+")]
        [InlineData("[[:^digit:]x]")]
        [InlineData("\\p{Greek}")]
        [InlineData("\\p{^Greek}")]
        [InlineData("\\PL")]
        [InlineData("\\pN")]
        [InlineData("\\p{Any}")]
        [InlineData("[\\p{Lu}\\d_]")]
        [InlineData("(?i)foo")]
        [InlineData("(?i:a)b")]
        [InlineData("(?-i:a)")]
        [InlineData("(?i-s:a)")]
        [InlineData("(?s).")]
        [InlineData("(?m)^a$")]
        [InlineData("(?U)a*")]
        [InlineData("a*?b+?c??")]
        [InlineData("(?P<name>x)")]
        [InlineData("(?<name_1>x)")]
        [InlineData("\\Qa.b*c\\E+")]
        [InlineData("\\Qunterminated(")]
        [InlineData("\\Aabc\\z")]
        [InlineData("\\bfoo\\B")]
        [InlineData("\\0\\07\\123")]
        [InlineData("\\x41\\x{10FFFF}\\x{0}")]
        [InlineData("a{2}b{2,}c{2,5}d{0}e{1000}")]
        [InlineData("a{,5}")]
        [InlineData("x{")]
        [InlineData("x{1")]
        [InlineData("a{01}")]
        [InlineData("[^a]")]
        [InlineData("[]a]")]
        [InlineData("[a-]")]
        [InlineData("[\\]]")]
        [InlineData("\\_\\.\\-\\/")]
        [InlineData("\\a\\f\\t\\n\\r\\v")]
        [InlineData("(a|b)*c|d")]
        [InlineData("(?:(?:a){2}){500}")]
        [InlineData("(?i)[k-s]")]
        [InlineData("ab|ac|ad|[a-c]x|[a-c]y")]
        [InlineData("\u00e9|\U0001F600+")]
        public void Validate_AcceptsValidPatterns(string pattern)
        {
            Assert.Null(Re2Regex.Validate(pattern));
        }

        [Theory]
        [InlineData("(foo", "missing closing ): `(foo`")]
        [InlineData("a(b|c", "missing closing ): `a(b|c`")]
        [InlineData("foo)", "unexpected ): `foo)`")]
        [InlineData(")", "unexpected ): `)`")]
        [InlineData("a**", "invalid nested repetition operator: `**`")]
        [InlineData("a*+", "invalid nested repetition operator: `*+`")]
        [InlineData("a*?*", "invalid nested repetition operator: `*?*`")]
        [InlineData("a{2}{3}", "invalid nested repetition operator: `{2}{3}`")]
        [InlineData("*", "missing argument to repetition operator: `*`")]
        [InlineData("a|*", "missing argument to repetition operator: `*`")]
        [InlineData("(+)", "missing argument to repetition operator: `+`")]
        [InlineData("??", "missing argument to repetition operator: `??`")]
        [InlineData("{2}", "missing argument to repetition operator: `{2}`")]
        [InlineData("a{1001}", "invalid repeat count: `{1001}`")]
        [InlineData("a{2,1}", "invalid repeat count: `{2,1}`")]
        [InlineData("a{100000000}", "invalid repeat count: `{100000000}`")]
        [InlineData("(a{1000}){1000}", "invalid repeat count: `{1000}`")]
        [InlineData("(?:a{10}){101}", "invalid repeat count: `{101}`")]
        [InlineData("[z-a]", "invalid character class range: `z-a`")]
        [InlineData("[a", "missing closing ]: `[a`")]
        [InlineData("x[a-z", "missing closing ]: `[a-z`")]
        [InlineData("[]", "missing closing ]: `[]`")]
        [InlineData("[a-\\d]", "invalid escape sequence: `\\d`")]
        [InlineData("(?=x)", "invalid or unsupported Perl syntax: `(?=`")]
        [InlineData("(?!x)", "invalid or unsupported Perl syntax: `(?!`")]
        [InlineData("(?<=x)y", "invalid named capture: `(?<=x)y`")]
        [InlineData("(?<!x)y", "invalid named capture: `(?<!x)y`")]
        [InlineData("(?i", "invalid or unsupported Perl syntax: `(?i`")]
        [InlineData("(?z)", "invalid or unsupported Perl syntax: `(?z`")]
        [InlineData("(?-:a)", "invalid or unsupported Perl syntax: `(?-:`")]
        [InlineData("(?i-i-s)", "invalid or unsupported Perl syntax: `(?i-i-`")]
        [InlineData("(?P=name)", "invalid or unsupported Perl syntax: `(?P`")]
        [InlineData("(?P<n!>x)", "invalid named capture: `(?P<n!>`")]
        [InlineData("(?P<>x)", "invalid named capture: `(?P<>`")]
        [InlineData("(?<>x)", "invalid named capture: `(?<>`")]
        [InlineData("(?P<name", "invalid named capture: `(?P<name`")]
        [InlineData("\\1", "invalid escape sequence: `\\1`")]
        [InlineData("(a)\\1", "invalid escape sequence: `\\1`")]
        [InlineData("\\8", "invalid escape sequence: `\\8`")]
        [InlineData("\\Z", "invalid escape sequence: `\\Z`")]
        [InlineData("\\C", "invalid escape sequence: `\\C`")]
        [InlineData("\\q", "invalid escape sequence: `\\q`")]
        [InlineData("\\x", "invalid escape sequence: `\\x`")]
        [InlineData("\\xZ1", "invalid escape sequence: `\\xZ1`")]
        [InlineData("\\x{110000}", "invalid escape sequence: `\\x{110000`")]
        [InlineData("\\x{}", "invalid escape sequence: `\\x{}`")]
        [InlineData("\\x{12", "invalid escape sequence: `\\x{12`")]
        [InlineData("x\\", "trailing backslash at end of expression: ``")]
        [InlineData("\\pX", "invalid character class range: `\\pX`")]
        [InlineData("\\p{Foo}", "invalid character class range: `\\p{Foo}`")]
        [InlineData("\\p{greek}", "invalid character class range: `\\p{greek}`")]
        [InlineData("\\p{Greek", "invalid character class range: `\\p{Greek`")]
        [InlineData("\\p", "invalid character class range: `\\p`")]
        [InlineData("[\\p{Bogus}]", "invalid character class range: `\\p{Bogus}`")]
        [InlineData("[[:foo:]]", "invalid character class range: `[:foo:]`")]
        public void Validate_RejectsWithGoMessage(string pattern, string expectedTail)
        {
            Assert.Equal("error parsing regexp: " + expectedTail, Re2Regex.Validate(pattern));
        }

        [Fact]
        public void Validate_LoneSurrogateIsInvalidUtf8()
        {
            Assert.Equal("error parsing regexp: invalid UTF-8: `\ud800x`", Re2Regex.Validate("a.\ud800x"));
        }

        [Fact]
        public void Validate_PlainLiteralsAreNeverParsed()
        {
            // Prometheus matches |-separated plain literals without the regexp parser.
            Assert.Null(Re2Regex.Validate("a\ud800|b"));
        }

        [Theory]
        [InlineData(".*", true)]
        [InlineData(".+", false)]
        [InlineData("", true)]
        [InlineData("a|", true)]
        [InlineData("|a", true)]
        [InlineData("a|b", false)]
        [InlineData("(a|b)*", true)]
        [InlineData("(a|b)+", false)]
        [InlineData("a?", true)]
        [InlineData("x", false)]
        [InlineData("[^a]*", true)]
        [InlineData("[^a]", false)]
        [InlineData("^$", true)]
        [InlineData("(?m)^$", true)]
        [InlineData("\\A\\z", true)]
        [InlineData(".{0,3}", true)]
        [InlineData(".{1,3}", false)]
        [InlineData("a{0}", true)]
        [InlineData("(?:)", true)]
        [InlineData("()", true)]
        [InlineData("\\b", false)]
        [InlineData("\\B", true)]
        [InlineData("a*b*", true)]
        [InlineData("a*b", false)]
        [InlineData("(a*)+", true)]
        [InlineData("(?i)", true)]
        [InlineData("\\Q\\E", true)]
        [InlineData("[^\\x00-\\x{10FFFF}]*", true)]
        [InlineData("[^\\x00-\\x{10FFFF}]", false)]
        [InlineData("ab|a", false)]
        [InlineData("ab|a|", true)]
        public void MatchesEmpty_TruthTable(string pattern, bool expected)
        {
            Assert.Equal(expected, Re2Regex.MatchesEmpty(pattern));
        }

        [Theory]
        [InlineData("(foo")]
        [InlineData("a**")]
        [InlineData("(?=x)")]
        public void MatchesEmpty_InvalidIsNull(string pattern)
        {
            Assert.Null(Re2Regex.MatchesEmpty(pattern));
        }

        [Fact]
        public void Nesting_GoLimitsApply()
        {
            // Go rejects a tree taller than 1000; Prometheus wraps the value in ^(?s:...)$, one level more.
            string ok = new string('(', 998) + new string(')', 998);
            string tooDeep = new string('(', 1000) + new string(')', 1000);
            Assert.Null(Re2Regex.Validate(ok));
            Assert.Equal("error parsing regexp: expression nests too deeply: `" + tooDeep + "`", Re2Regex.Validate(tooDeep));

            string stars = string.Concat(Enumerable.Repeat("(?:", 1000)) + string.Concat(Enumerable.Repeat(")*", 1000));
            Assert.Equal("error parsing regexp: expression nests too deeply: `" + stars + "`", Re2Regex.Validate(stars));

            // Non-capturing groups alone add no nodes, so they do not count.
            string groups = string.Concat(Enumerable.Repeat("(?:", 5000)) + "a" + new string(')', 5000);
            Assert.Null(Re2Regex.Validate(groups));
            Assert.False(Re2Regex.MatchesEmpty(groups));
        }

        [Fact]
        public void Size_GoLimitApplies()
        {
            string big = "(?:" + string.Concat(Enumerable.Repeat("a*", 2000)) + "){1000}";
            Assert.Equal("error parsing regexp: expression too large: `" + big + "`", Re2Regex.Validate(big));
            Assert.Null(Re2Regex.Validate("(?:" + string.Concat(Enumerable.Repeat("a*", 200)) + "){1000}"));
        }

        [Fact]
        public void HostileInputs_Return()
        {
            const int oneMb = 1 << 20;
            var inputs = new List<string>
            {
                new string('a', oneMb),
                new string('(', 100_000),
                new string('(', 100_000) + new string(')', 100_000),
                new string(')', 100_000),
                string.Concat(Enumerable.Repeat("a*", oneMb / 2)),
                string.Concat(Enumerable.Repeat("\\pL", oneMb / 3)),
                string.Concat(Enumerable.Repeat("[a-z]", oneMb / 5)),
                string.Concat(Enumerable.Repeat("a|", oneMb / 2)),
                string.Concat(Enumerable.Repeat("(?i)[k-z]|", oneMb / 10)),
                string.Concat(Enumerable.Repeat("(a|", 50_000)) + new string(')', 50_000),
                string.Concat(Enumerable.Repeat("(?:a{2}){2}", oneMb / 12)),
                "(" + new string('[', oneMb),
                "\\Q" + new string('(', oneMb),
                AlternationWithSharedPrefixes(1500) + "|x+",
                string.Concat(Enumerable.Repeat("[\\pL\\p{Greek}]", oneMb / 14)),
                "(?:" + string.Concat(Enumerable.Repeat(".", oneMb)) + "){2}",
            };

            foreach (var input in inputs)
            {
                // Any verdict is fine; it must come back, and consistently.
                string? error = Re2Regex.Validate(input);
                bool? empty = Re2Regex.MatchesEmpty(input);
                Assert.Equal(error is null, empty.HasValue);
            }

            Assert.StartsWith("error parsing regexp: expression too large: ", Re2Regex.Validate(inputs[5]));
            Assert.StartsWith("error parsing regexp: expression nests too deeply: ", Re2Regex.Validate(inputs[2]));
            Assert.StartsWith("error parsing regexp: missing closing ): ", Re2Regex.Validate(inputs[1]));
            Assert.StartsWith("error parsing regexp: expression nests too deeply: ", Re2Regex.Validate(inputs[13]));
        }

        private static string AlternationWithSharedPrefixes(int count)
        {
            // a|ab|abc|... factors into a chain of nested prefixes, deeper than Go allows
            // (callers add a metacharacter: plain literal alternations are never parsed).
            var sb = new StringBuilder();
            for (int i = 1; i <= count; i++)
            {
                if (i > 1)
                {
                    sb.Append('|');
                }

                for (int j = 0; j < i; j++)
                {
                    sb.Append((char)('a' + (j % 26)));
                }
            }

            return sb.ToString();
        }

        [Fact]
        public void Corpus_EveryRegexMatcherInValidQueriesIsAccepted()
        {
            var matcher = new Regex("(=~|!~)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)");
            int checkedCount = 0;
            var failures = new List<string>();
            foreach (var line in File.ReadLines(RepositoryPaths.Conformance("parser-cases.jsonl")))
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.GetProperty("expect").GetString() != "ok")
                {
                    continue;
                }

                string input = root.GetProperty("input").GetString() ?? string.Empty;
                foreach (Match m in matcher.Matches(input))
                {
                    string? value = Unquote(m.Groups[2].Value);
                    if (value is null)
                    {
                        continue;
                    }

                    checkedCount++;
                    string? error = Re2Regex.Validate(value);
                    if (error != null)
                    {
                        failures.Add(value + " => " + error);
                    }
                }
            }

            Assert.True(checkedCount > 100, "expected many regex matchers, found " + checkedCount);
            Assert.Empty(failures);
        }

        /// <summary>Decodes a PromQL string literal; null for escapes this simple decoder does not handle.</summary>
        private static string? Unquote(string quoted)
        {
            char q = quoted[0];
            string body = quoted.Substring(1, quoted.Length - 2);
            if (q == '`')
            {
                return body;
            }

            var sb = new StringBuilder();
            for (int i = 0; i < body.Length; i++)
            {
                char c = body[i];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (++i >= body.Length)
                {
                    return null;
                }

                switch (body[i])
                {
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    default: return null;
                }
            }

            return sb.ToString();
        }
    }
}
