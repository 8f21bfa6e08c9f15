using System;
using System.Collections.Generic;
using PromQL.Parsing.Lexing;
using Xunit;

namespace PromQL.Parsing.Tests.Lexing
{
    public class LiteralsTests
    {
        // ------------------------------------------------------------ strings

        [Theory]
        [InlineData("\"abc\"", "abc")]
        [InlineData("'abc'", "abc")]
        [InlineData("`a\\nb\"'`", "a\\nb\"'")]
        [InlineData("\"\"", "")]
        [InlineData("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"")]
        [InlineData("'\\''", "'")]
        [InlineData("'\"'", "\"")]
        [InlineData("\"'\"", "'")]
        [InlineData("\"\\141\\x62\\u0063\\U00000064\"", "abcd")]
        [InlineData("\"\\xc3\\xa4\"", "ä")]
        [InlineData("\"\\303\\244\"", "ä")]
        [InlineData("\"\\u00e4\\U0001F600\"", "ä😀")]
        [InlineData("\"ä😀\\n\"", "ä😀\n")]
        [InlineData("\"\\xff\"", "\uFFFD")]
        [InlineData("\"\\000\"", "\0")]
        [InlineData("\"a\\\uE000b\"", "a\uE000b")]
        [InlineData("\"\\x\uE000\\u12\uE000c\"", "\uE000\uE000c")]
        public void Unquote_Valid(string token, string expected)
        {
            Assert.True(Literals.TryUnquote(token, out string value, out string? error));
            Assert.Null(error);
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\"")]
        [InlineData("\"abc'")]
        [InlineData("abc")]
        [InlineData("`a`b`")]
        [InlineData("\"a\nb\"")]
        [InlineData("\"a\"b\"")]
        [InlineData("\"\\\"")]
        [InlineData("\"\\c\"")]
        [InlineData("\"\\'\"")]
        [InlineData("'\\\"'")]
        [InlineData("\"\\x4\"")]
        [InlineData("\"\\xg0\"")]
        [InlineData("\"\\u12\"")]
        [InlineData("\"\\U00110000\"")]
        [InlineData("\"\\400\"")]
        [InlineData("\"\\18\"")]
        [InlineData("\"\\1\"")]
        public void Unquote_Invalid(string token)
        {
            Assert.False(Literals.TryUnquote(token, out string value, out string? error));
            Assert.Equal("invalid syntax", error);
            Assert.Equal(string.Empty, value);
        }

        // ------------------------------------------------------------ numbers

        [Theory]
        [InlineData("1", 1)]
        [InlineData("0", 0)]
        [InlineData(".5", 0.5)]
        [InlineData("5.", 5)]
        [InlineData("123.4567", 123.4567)]
        [InlineData("1e3", 1000)]
        [InlineData("1E-3", 0.001)]
        [InlineData("5e+2", 500)]
        [InlineData("0x1F", 31)]
        [InlineData("0X_1f", 31)]
        [InlineData("0x_1", 1)]
        [InlineData("0755", 493)]
        [InlineData("0o17", 15)]
        [InlineData("0b101", 5)]
        [InlineData("08", 8)]
        [InlineData("09.5", 9.5)]
        [InlineData("1_000_000", 1000000)]
        [InlineData("1_000.000_1", 1000.0001)]
        [InlineData("0x1e3", 483)]
        [InlineData("0x1p-2", 0.25)]
        [InlineData("0x1.8p1", 3)]
        [InlineData("0X_1FFFP-16", 0.1249847412109375)]
        [InlineData("9223372036854775807", 9223372036854775807.0)]
        [InlineData("9223372036854775808", 9223372036854775808.0)]
        [InlineData("0x8000000000000000p0", 9223372036854775808.0)]
        [InlineData("1e-400", 0)]
        [InlineData("-5", -5)]
        [InlineData("+5.5", 5.5)]
        public void Number_Valid(string text, double expected)
        {
            Assert.True(Literals.TryParseNumber(text, out double value, out string? error), error);
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("Inf", double.PositiveInfinity)]
        [InlineData("inf", double.PositiveInfinity)]
        [InlineData("+Inf", double.PositiveInfinity)]
        [InlineData("-iNf", double.NegativeInfinity)]
        [InlineData("Infinity", double.PositiveInfinity)]
        [InlineData("NaN", double.NaN)]
        [InlineData("nan", double.NaN)]
        public void Number_Special(string text, double expected)
        {
            Assert.True(Literals.TryParseNumber(text, out double value, out _));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("1__2", "invalid syntax")]
        [InlineData("1_", "invalid syntax")]
        [InlineData("_1", "invalid syntax")]
        [InlineData("0x", "invalid syntax")]
        [InlineData("0x8000000000000000", "invalid syntax")]
        [InlineData("0x1.5", "invalid syntax")]
        [InlineData("1e", "invalid syntax")]
        [InlineData("+NaN", "invalid syntax")]
        [InlineData("infin", "invalid syntax")]
        [InlineData("5m", "invalid syntax")]
        [InlineData("", "invalid syntax")]
        [InlineData("1e400", "value out of range")]
        [InlineData("0x1p1024", "value out of range")]
        public void Number_Invalid(string text, string reason)
        {
            Assert.False(Literals.TryParseNumber(text, out _, out string? error));
            Assert.Equal($"error parsing number: strconv.ParseFloat: parsing {Literals.Quote(text)}: {reason}", error);
        }

        [Fact]
        public void Number_OutOfRange_MatchesCorpusMessage()
        {
            string digits = new string('9', 400);
            Assert.False(Literals.TryParseNumber(digits, out double value, out string? error));
            Assert.Equal(double.PositiveInfinity, value);
            Assert.Equal("error parsing number: strconv.ParseFloat: parsing \"" + digits + "\": value out of range", error);
        }

        // ------------------------------------------------------------ durations

        [Theory]
        [InlineData("0", 0)]
        [InlineData("5m", 300)]
        [InlineData("1h30m", 5400)]
        [InlineData("1y2w3d4h5m6s7ms", 31536000 + 1209600 + 259200 + 14400 + 300 + 6 + 0.007)]
        [InlineData("1y", 31536000)]
        [InlineData("2w", 1209600)]
        [InlineData("150ms", 0.15)]
        [InlineData("0s", 0)]
        [InlineData("292y", 9208512000)]
        public void Duration_Valid(string text, double seconds)
        {
            Assert.True(Literals.TryParseDuration(text, out double value, out string? error), error);
            Assert.Equal(seconds, value, 9);
        }

        [Theory]
        [InlineData("", "empty duration string")]
        [InlineData("5", "not a valid duration string: \"5\"")]
        [InlineData("m", "not a valid duration string: \"m\"")]
        [InlineData("5m1h", "not a valid duration string: \"5m1h\"")]
        [InlineData("5m1m", "not a valid duration string: \"5m1m\"")]
        [InlineData("1.5h", "unknown unit \".\" in duration \"1.5h\"")]
        [InlineData("5y1hs", "unknown unit \"hs\" in duration \"5y1hs\"")]
        [InlineData("5mm", "unknown unit \"mm\" in duration \"5mm\"")]
        [InlineData("293y", "duration out of range")]
        [InlineData("99999999999999999999s", "not a valid duration string: \"99999999999999999999s\"")]
        [InlineData("292y25w", "duration out of range")]
        public void Duration_Invalid(string text, string message)
        {
            Assert.False(Literals.TryParseDuration(text, out _, out string? error));
            Assert.Equal(message, error);
        }

        // ------------------------------------------------------------ Go formatting

        [Theory]
        [InlineData("abc", "\"abc\"")]
        [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
        [InlineData("'", "\"'\"")]
        [InlineData("\n\t\0\u007f", "\"\\n\\t\\x00\\x7f\"")]
        [InlineData("ä😀", "\"ä😀\"")]
        [InlineData("\u00a0\u200b\uE000", "\"\\u00a0\\u200b\\ue000\"")]
        [InlineData("\U000E0001", "\"\\U000e0001\"")]
        public void Quote_LikeGo(string input, string expected) => Assert.Equal(expected, Literals.Quote(input));

        [Fact]
        public void Quote_Precision_CutsRunes() => Assert.Equal("\"😀bcdefghij\"", Literals.Quote("😀bcdefghijklm", 10));

        [Theory]
        [InlineData('a', "'a'")]
        [InlineData('\'', "'\\''")]
        [InlineData('"', "'\"'")]
        [InlineData(-1, "'\uFFFD'")]
        [InlineData(0xD800, "'\uFFFD'")]
        [InlineData(0x1F600, "'😀'")]
        public void QuoteRune_LikeGo(int rune, string expected) => Assert.Equal(expected, Literals.QuoteRune(rune));

        [Theory]
        [InlineData('c', "U+0063 'c'")]
        [InlineData('\n', "U+000A")]
        [InlineData(0x1F600, "U+1F600 '😀'")]
        public void FormatCodePoint_LikeGo(int rune, string expected) => Assert.Equal(expected, Literals.FormatCodePoint(rune));

        // ------------------------------------------------------------ descriptions

        public static IEnumerable<object[]> Descriptions() => new[]
        {
            new object[] { "foo", 0, "identifier \"foo\"" },
            new object[] { "a:b", 0, "metric identifier \"a:b\"" },
            new object[] { "5", 0, "number \"5\"" },
            new object[] { "x[5m]", 2, "duration \"5m\"" },
            new object[] { "\"x\"", 0, "string \"\\\"x\\\"\"" },
            new object[] { "\"hello world\"", 0, "string \"\\\"hello wor\"..." },
            new object[] { "12345678901", 0, "number \"1234567890\"..." },
            new object[] { "(", 0, "\"(\"" },
            new object[] { "=", 0, "\"=\"" },
            new object[] { "a,", 1, "\",\"" },
            new object[] { "+", 0, "<op:+>" },
            new object[] { "=~", 0, "<op:=~>" },
            new object[] { "AND", 0, "<op:AND>" },
            new object[] { "@", 0, "<op:@>" },
            new object[] { "sum", 0, "<aggr:sum>" },
            new object[] { "by", 0, "<by>" },
            new object[] { "group_left", 0, "<group_left>" },
            new object[] { "step", 0, "\"step\"" },
            new object[] { "", 0, "end of input" },
            new object[] { "Inf", 0, "number \"Inf\"" },
            new object[] { "\uE000", 0, "interpolated value" },
        };

        [Theory]
        [MemberData(nameof(Descriptions))]
        public void Describe_LikeItemDesc(string input, int index, string expected)
        {
            TokenList tokens = Lexer.Tokenize(input, PromQlParserOptions.Default);
            if (input == "=~")
            {
                // "=~" is only an operator token inside braces; describe the kind directly.
                Assert.Equal(expected, TokenDescriptions.Describe(TokenKind.EqlRegex, "=~"));
                return;
            }

            Assert.Equal(expected, TokenDescriptions.Describe(tokens, index));
        }

        [Fact]
        public void Describe_Error_IsErrorAndMessage()
        {
            TokenList tokens = Lexer.Tokenize("(", PromQlParserOptions.Default);
            Assert.Equal("error unclosed left parenthesis", TokenDescriptions.Describe(tokens, tokens.Count - 1));
        }

        [Fact]
        public void KindText_CoversEveryKind()
        {
            foreach (TokenKind kind in Enum.GetValues<TokenKind>())
            {
                string text = TokenDescriptions.KindText(kind);
                Assert.False(string.IsNullOrEmpty(text));
                Assert.NotEqual(kind.ToString(), text);
            }

            Assert.Equal("(", TokenDescriptions.KindText(TokenKind.LeftParen));
            Assert.Equal("=~", TokenDescriptions.KindText(TokenKind.EqlRegex));
            Assert.Equal("count_values", TokenDescriptions.KindText(TokenKind.CountValues));
            Assert.Equal("identifier", TokenDescriptions.KindText(TokenKind.Identifier));
            Assert.Equal("end of input", TokenDescriptions.KindText(TokenKind.EndOfInput));
        }
    }
}
