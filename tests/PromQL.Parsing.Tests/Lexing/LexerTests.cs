using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Parsing.Lexing;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Parsing.Tests.Lexing
{
    public class LexerTests
    {
        private const char H = PromQlParser.HoleCharacter;

        private static TokenList Lex(string text, bool allowHoles = true) =>
            Lexer.Tokenize(text, new PromQlParserOptions { AllowHoles = allowHoles });

        /// <summary>The tokens as "Kind:text" (holes marked with a trailing '*'), end of input left out.</summary>
        private static string Dump(string text, bool allowHoles = true)
        {
            TokenList tokens = Lex(text, allowHoles);
            var parts = new List<string>();
            for (int i = 0; i < tokens.Count; i++)
            {
                Token t = tokens[i];
                if (t.Kind == TokenKind.EndOfInput)
                {
                    Assert.Equal(text.Length, t.Start);
                    Assert.Equal(tokens.Count - 1, i);
                    continue;
                }

                if (t.Kind == TokenKind.Error)
                {
                    parts.Add($"Error@{t.Start}:{tokens.ErrorMessage}");
                    continue;
                }

                parts.Add($"{t.Kind}:{tokens.TextOf(t)}{(t.HasHole ? "*" : string.Empty)}");
            }

            return string.Join(" ", parts);
        }

        private static (int Start, string? Message) LexError(string text)
        {
            TokenList tokens = Lex(text);
            Token last = tokens[tokens.Count - 1];
            Assert.Equal(TokenKind.Error, last.Kind);
            Assert.Equal(text.Length, last.End);
            return (last.Start, tokens.ErrorMessage);
        }

        // ------------------------------------------------------------ token kinds

        [Fact]
        public void EmptyInput_OnlyEndOfInput()
        {
            TokenList tokens = Lex(string.Empty);
            Assert.Equal(1, tokens.Count);
            Assert.Equal(TokenKind.EndOfInput, tokens[0].Kind);
            Assert.Null(tokens.ErrorMessage);
        }

        [Fact]
        public void NullInput_TreatedAsEmpty()
        {
            TokenList tokens = Lexer.Tokenize(null!, null!);
            Assert.Equal(TokenKind.EndOfInput, tokens[0].Kind);
        }

        [Theory]
        [InlineData(",", "Comma:,")]
        [InlineData("()", "LeftParen:( RightParen:)")]
        [InlineData("{}", "LeftBrace:{ RightBrace:}")]
        [InlineData("a[5m]", "Identifier:a LeftBracket:[ Duration:5m RightBracket:]")]
        [InlineData("1 = 2", "Number:1 Eql:= Number:2")]
        [InlineData("+ - * / % ^", "Add:+ Sub:- Mul:* Div:/ Mod:% Pow:^")]
        [InlineData("== != < <= > >=", "Eqlc:== Neq:!= Lss:< Lte:<= Gtr:> Gte:>=")]
        [InlineData("a </ b >/ c", "Identifier:a TrimUpper:</ Identifier:b TrimLower:>/ Identifier:c")]
        [InlineData("a{b=~\"c\",d!~'e',f!=`g`}", "Identifier:a LeftBrace:{ Identifier:b EqlRegex:=~ String:\"c\" Comma:, Identifier:d NeqRegex:!~ String:'e' Comma:, Identifier:f Neq:!= String:`g` RightBrace:}")]
        [InlineData("a @ 5", "Identifier:a At:@ Number:5")]
        [InlineData("x atan2 y and z or w unless v", "Identifier:x Atan2:atan2 Identifier:y And:and Identifier:z Or:or Identifier:w Unless:unless Identifier:v")]
        [InlineData("a:b:c", "MetricIdentifier:a:b:c")]
        [InlineData(":a", "MetricIdentifier::a")]
        [InlineData("a[5m:1m]", "Identifier:a LeftBracket:[ Duration:5m Colon:: Duration:1m RightBracket:]")]
        public void Punctuation_Operators_AndValues(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Theory]
        [InlineData("avg", nameof(TokenKind.Avg))]
        [InlineData("bottomk", nameof(TokenKind.Bottomk))]
        [InlineData("count", nameof(TokenKind.Count))]
        [InlineData("count_values", nameof(TokenKind.CountValues))]
        [InlineData("group", nameof(TokenKind.Group))]
        [InlineData("max", nameof(TokenKind.Max))]
        [InlineData("min", nameof(TokenKind.Min))]
        [InlineData("quantile", nameof(TokenKind.Quantile))]
        [InlineData("stddev", nameof(TokenKind.Stddev))]
        [InlineData("stdvar", nameof(TokenKind.Stdvar))]
        [InlineData("SUM", nameof(TokenKind.Sum))]
        [InlineData("topk", nameof(TokenKind.Topk))]
        [InlineData("limitk", nameof(TokenKind.Limitk))]
        [InlineData("limit_ratio", nameof(TokenKind.LimitRatio))]
        [InlineData("bool", nameof(TokenKind.Bool))]
        [InlineData("By", nameof(TokenKind.By))]
        [InlineData("group_left", nameof(TokenKind.GroupLeft))]
        [InlineData("group_right", nameof(TokenKind.GroupRight))]
        [InlineData("ignoring", nameof(TokenKind.Ignoring))]
        [InlineData("OFFSET", nameof(TokenKind.Offset))]
        [InlineData("smoothed", nameof(TokenKind.Smoothed))]
        [InlineData("anchored", nameof(TokenKind.Anchored))]
        [InlineData("on", nameof(TokenKind.On))]
        [InlineData("without", nameof(TokenKind.Without))]
        [InlineData("start", nameof(TokenKind.Start))]
        [InlineData("end", nameof(TokenKind.End))]
        [InlineData("step", nameof(TokenKind.Step))]
        [InlineData("range", nameof(TokenKind.Range))]
        [InlineData("max_of", nameof(TokenKind.MaxOf))]
        [InlineData("MIN_OF", nameof(TokenKind.MinOf))]
        [InlineData("inf", nameof(TokenKind.Number))]
        [InlineData("NaN", nameof(TokenKind.Number))]
        [InlineData("Inf", nameof(TokenKind.Number))]
        [InlineData("infinity", nameof(TokenKind.Identifier))]
        [InlineData("sum_over_time", nameof(TokenKind.Identifier))]
        [InlineData("by:x", nameof(TokenKind.MetricIdentifier))]
        public void Keywords_CaseInsensitive(string input, string kindName)
        {
            var kind = Enum.Parse<TokenKind>(kindName);
            TokenList tokens = Lex(input);
            Assert.Equal(2, tokens.Count);
            Assert.Equal(kind, tokens[0].Kind);
            Assert.Equal(input.Length, tokens[0].Length);
        }

        [Theory]
        [InlineData("fill(0)", "Fill:fill LeftParen:( Number:0 RightParen:)")]
        [InlineData("fill_left (0)", "FillLeft:fill_left LeftParen:( Number:0 RightParen:)")]
        [InlineData("FILL_RIGHT\n\t(0)", "FillRight:FILL_RIGHT LeftParen:( Number:0 RightParen:)")]
        [InlineData("fill + fill", "Identifier:fill Add:+ Identifier:fill")]
        [InlineData("fill_left", "Identifier:fill_left")]
        [InlineData("fill_right{a=\"b\"}", "Identifier:fill_right LeftBrace:{ Identifier:a Eql:= String:\"b\" RightBrace:}")]
        public void Fill_KeywordOnlyBeforeParenthesis(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Theory]
        [InlineData("foo{by=\"x\",offset='y',sum=\"z\"}", "Identifier:foo LeftBrace:{ Identifier:by Eql:= String:\"x\" Comma:, Identifier:offset Eql:= String:'y' Comma:, Identifier:sum Eql:= String:\"z\" RightBrace:}")]
        [InlineData("{inf=\"1\"}", "LeftBrace:{ Identifier:inf Eql:= String:\"1\" RightBrace:}")]
        [InlineData("sum by (job) (x)", "Sum:sum By:by LeftParen:( Identifier:job RightParen:) LeftParen:( Identifier:x RightParen:)")]
        [InlineData("sum by (by) (x)", "Sum:sum By:by LeftParen:( By:by RightParen:) LeftParen:( Identifier:x RightParen:)")]
        [InlineData("offset{step=\"1s\"}[5m]", "Offset:offset LeftBrace:{ Identifier:step Eql:= String:\"1s\" RightBrace:} LeftBracket:[ Duration:5m RightBracket:]")]
        public void InsideBraces_KeywordsAreIdentifiers(string input, string expected) => Assert.Equal(expected, Dump(input));

        // ------------------------------------------------------------ numbers

        [Theory]
        [InlineData("1", "Number:1")]
        [InlineData(".5", "Number:.5")]
        [InlineData("5.", "Number:5.")]
        [InlineData("123.4567", "Number:123.4567")]
        [InlineData("1e3", "Number:1e3")]
        [InlineData("1E-3", "Number:1E-3")]
        [InlineData("5e+10", "Number:5e+10")]
        [InlineData("0x1F", "Number:0x1F")]
        [InlineData("0X_1f", "Number:0X_1f")]
        [InlineData("0755", "Number:0755")]
        [InlineData("1_000_000", "Number:1_000_000")]
        [InlineData("0x1e3", "Number:0x1e3")]
        [InlineData("1.5h", "Duration:1.5h")]
        public void Numbers(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Theory]
        [InlineData("1_", "bad number or duration syntax: \"1_\"")]
        [InlineData("1__2", "bad number or duration syntax: \"1__\"")]
        [InlineData("1_.5", "bad number or duration syntax: \"1_.\"")]
        [InlineData("1._5", "bad number or duration syntax: \"1._\"")]
        [InlineData("1e", "bad number or duration syntax: \"1e\"")]
        [InlineData("1e_1", "bad number or duration syntax: \"1e_\"")]
        [InlineData("1e3e4", "bad number or duration syntax: \"1e3e\"")]
        [InlineData("0x1.5", "bad number or duration syntax: \"0x1.\"")]
        [InlineData("0x1p-2", "bad number or duration syntax: \"0x1\"")]
        [InlineData("0xee", "bad number or duration syntax: \"0xee\"")]
        [InlineData("2.5.", "bad number or duration syntax: \"2.5.\"")]
        [InlineData("100..4", "bad number or duration syntax: \"100..\"")]
        [InlineData("0deadbeef", "bad number or duration syntax: \"0de\"")]
        [InlineData("5abc", "bad number or duration syntax: \"5\"")]
        public void Numbers_Bad(string input, string message)
        {
            (int start, string? actual) = LexError(input);
            Assert.Equal(0, start);
            Assert.Equal(message, actual);
        }

        // ------------------------------------------------------------ durations

        [Theory]
        [InlineData("5m", "Duration:5m")]
        [InlineData("1h30m", "Duration:1h30m")]
        [InlineData("1y2w3d4h5m6s7ms", "Duration:1y2w3d4h5m6s7ms")]
        [InlineData("5ms", "Duration:5ms")]
        [InlineData("foo offset 1y2w", "Identifier:foo Offset:offset Duration:1y2w")]
        [InlineData("5y1hs", "Duration:5y1hs")]
        [InlineData("5m1h", "Duration:5m1h")]
        [InlineData("(3d)", "LeftParen:( Duration:3d RightParen:)")]
        public void Durations(string input, string expected)
        {
            string actual = Dump(input);
            Assert.StartsWith(expected, actual, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("foo[5mm]", 4, "bad number or duration syntax: \"5mm\"")]
        [InlineData("foo[5m1]", 4, "bad number or duration syntax: \"5m1\"")]
        [InlineData("foo[5m:1m1]", 7, "bad number or duration syntax: \"1m1\"")]
        [InlineData("foo[1y2y]", 4, "bad number or duration syntax: \"1y2\"")]
        [InlineData("x offset 1mm", 9, "bad number or duration syntax: \"1mm\"")]
        public void Durations_Bad(string input, int start, string message) => Assert.Equal((start, message), LexError(input));

        // ------------------------------------------------------------ brackets and duration expressions

        [Theory]
        [InlineData("a[ 5m ]", "Identifier:a LeftBracket:[ Duration:5m RightBracket:]")]
        [InlineData("a[5m+1m]", "Identifier:a LeftBracket:[ Duration:5m Add:+ Duration:1m RightBracket:]")]
        [InlineData("a[5m * 2]", "Identifier:a LeftBracket:[ Duration:5m Mul:* Number:2 RightBracket:]")]
        [InlineData("a[-5m^2%3/4]", "Identifier:a LeftBracket:[ Sub:- Duration:5m Pow:^ Number:2 Mod:% Number:3 Div:/ Number:4 RightBracket:]")]
        [InlineData("a[step()]", "Identifier:a LeftBracket:[ Step:step LeftParen:( RightParen:) RightBracket:]")]
        [InlineData("a[STep()*2]", "Identifier:a LeftBracket:[ Step:STep LeftParen:( RightParen:) Mul:* Number:2 RightBracket:]")]
        [InlineData("a[range()]", "Identifier:a LeftBracket:[ Range:range LeftParen:( RightParen:) RightBracket:]")]
        [InlineData("a[max_of(1m, step())]", "Identifier:a LeftBracket:[ MaxOf:max_of LeftParen:( Duration:1m Comma:, Step:step LeftParen:( RightParen:) RightParen:) RightBracket:]")]
        [InlineData("a[5m + min_of(1m,2m)]", "Identifier:a LeftBracket:[ Duration:5m Add:+ MinOf:min_of LeftParen:( Duration:1m Comma:, Duration:2m RightParen:) RightBracket:]")]
        [InlineData("a[5m:]", "Identifier:a LeftBracket:[ Duration:5m Colon:: RightBracket:]")]
        [InlineData("a[5m # c\n]", "Identifier:a LeftBracket:[ Duration:5m RightBracket:]")]
        [InlineData("a[(5m)]", "Identifier:a LeftBracket:[ LeftParen:( Duration:5m RightParen:) RightBracket:]")]
        public void Brackets_DurationExpressions(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Theory]
        [InlineData("foo[", 4, "unexpected end of input in duration expression")]
        [InlineData("foo[5m", 6, "unclosed left bracket")]
        [InlineData("foo[:5m]", 5, "unexpected colon before duration in duration expression")]
        [InlineData("foo[5m::]", 7, "unexpected colon ':'")]
        [InlineData("foo[5m: :]", 8, "unexpected colon ':'")]
        [InlineData("foo[5m] + bar[step()::]", 22, "unexpected repeated colon in duration expression")]
        [InlineData("foo[\"5m\"]", 4, "unexpected character in duration expression: '\"'")]
        [InlineData("foo[foo]", 4, "unexpected character in duration expression: 'f'")]
        [InlineData("foo[stepx]", 4, "unexpected character in duration expression: 's'")]
        [InlineData("foo[5s x 5s]", 7, "unexpected character: 'x', expected ':'")]
        [InlineData("foo[5s s 5s]", 7, "unexpected character: 's', expected ':'")]
        [InlineData("foo[5m[", 6, "unexpected left bracket '['")]
        [InlineData("foo]", 3, "unexpected right bracket ']'")]
        [InlineData("foo[)]", 5, "unexpected right parenthesis ')'")]
        [InlineData("foo[ # c\n5m]", 5, "unexpected character in duration expression: '#'")]
        public void Brackets_Errors(string input, int start, string message) => Assert.Equal((start, message), LexError(input));

        [Fact]
        public void Brackets_GotDurationIsNeverReset()
        {
            // lex.go sets gotDuration on the first number in brackets and never clears it.
            Assert.Equal("Identifier:a LeftBracket:[ Duration:5m RightBracket:] Add:+ Identifier:b LeftBracket:[ Colon:: Duration:5m RightBracket:]", Dump("a[5m] + b[:5m]"));
        }

        // ------------------------------------------------------------ strings

        [Theory]
        [InlineData("\"abc\"")]
        [InlineData("'abc'")]
        [InlineData("`a\\b\"c'\nd`")]
        [InlineData("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"")]
        [InlineData("'\\''")]
        [InlineData("\"\\141\\x61\\u0061\\U00000061\"")]
        [InlineData("\"'\"")]
        [InlineData("\"ä😀\"")]
        public void Strings(string input)
        {
            TokenList tokens = Lex(input);
            Assert.Equal(TokenKind.String, tokens[0].Kind);
            Assert.Equal(input.Length, tokens[0].Length);
            Assert.Equal(TokenKind.EndOfInput, tokens[1].Kind);
        }

        [Theory]
        [InlineData("\"abc", 0, "unterminated quoted string")]
        [InlineData("x \"a\nb\"", 2, "unterminated quoted string")]
        [InlineData("`abc", 0, "unterminated raw string")]
        [InlineData("`\\``", 3, "unterminated raw string")]
        [InlineData("\"\\", 0, "escape sequence not terminated")]
        [InlineData("\"\\x", 0, "escape sequence not terminated")]
        [InlineData("\"\\x4", 0, "escape sequence not terminated")]
        [InlineData("\"\\c\"", 0, "unknown escape sequence U+0063 'c'")]
        [InlineData("'\\\"'", 0, "unknown escape sequence U+0022 '\"'")]
        [InlineData("\"\\'\"", 0, "unknown escape sequence U+0027 '''")]
        [InlineData("\"\\\n\"", 0, "unknown escape sequence U+000A")]
        [InlineData("\"\\x.\"", 0, "illegal character U+002E '.' in escape sequence")]
        [InlineData("\"\\x4\"", 0, "illegal character U+0022 '\"' in escape sequence")]
        [InlineData("\"\\18\"", 0, "illegal character U+0038 '8' in escape sequence")]
        [InlineData("\"\\400\"", 0, "escape sequence is an invalid Unicode code point")]
        [InlineData("\"\\uD800\"", 0, "escape sequence is an invalid Unicode code point")]
        [InlineData("\"\\U00110000\"", 0, "escape sequence is an invalid Unicode code point")]
        [InlineData("\"\uFFFD\"", 0, "invalid UTF-8 rune")]
        [InlineData("`\uFFFD`", 0, "invalid UTF-8 rune")]
        [InlineData("\"\uD800\"", 0, "invalid UTF-8 rune")]
        [InlineData("{a=\"b", 3, "unterminated quoted string")]
        public void Strings_Errors(string input, int start, string message) => Assert.Equal((start, message), LexError(input));

        // ------------------------------------------------------------ other lexer errors

        [Theory]
        [InlineData("(", 1, "unclosed left parenthesis")]
        [InlineData("((1) ", 5, "unclosed left parenthesis")]
        [InlineData("(1))", 4, "unexpected right parenthesis ')'")]
        [InlineData(".", 0, "unexpected character: '.'")]
        [InlineData("}", 0, "unexpected character: '}'")]
        [InlineData("1 !~ 1", 2, "unexpected character after '!': '~'")]
        [InlineData("1 !", 2, "unexpected character after '!': '\uFFFD'")]
        [InlineData("1 =~ 1", 2, "unexpected character after '=': '~'")]
        [InlineData("a ä", 2, "unexpected character: 'ä'")]
        [InlineData("a \u00a0", 2, "unexpected character: '\\u00a0'")]
        [InlineData("a \0", 2, "unexpected character: '\\x00'")]
        [InlineData("a \u0007", 2, "unexpected character: '\\a'")]
        [InlineData("a 😀", 2, "unexpected character: '😀'")]
        [InlineData("a \U000E0001", 2, "unexpected character: '\\U000e0001'")]
        [InlineData("a \uDC00", 2, "unexpected character: '\uFFFD'")]
        [InlineData("a '", 2, "unterminated quoted string")]
        [InlineData("a \\", 2, "unexpected character: '\\\\'")]
        [InlineData("{", 1, "unexpected end of input inside braces")]
        [InlineData("some{ ", 6, "unexpected end of input inside braces")]
        [InlineData("foo{a:b=\"b\"}", 5, "unexpected character inside braces: ':'")]
        [InlineData("foo{1}", 4, "unexpected character inside braces: '1'")]
        [InlineData("foo{{", 4, "unexpected left brace '{'")]
        [InlineData("foo{a!}", 5, "unexpected character after '!' inside braces: '}'")]
        [InlineData("foo{a!", 5, "unexpected character after '!' inside braces: '\uFFFD'")]
        public void Errors(string input, int start, string message) => Assert.Equal((start, message), LexError(input));

        [Fact]
        public void Error_IsLastToken_AndTokensBeforeItAreKept()
        {
            TokenList tokens = Lex("sum(rate(x[5m])");
            Assert.Equal(TokenKind.Error, tokens[tokens.Count - 1].Kind);
            Assert.Equal("unclosed left parenthesis", tokens.ErrorMessage);
            Assert.Equal(TokenKind.Sum, tokens[0].Kind);
            Assert.Equal(TokenKind.RightParen, tokens[tokens.Count - 2].Kind);
        }

        // ------------------------------------------------------------ comments

        [Theory]
        [InlineData("# only a comment\n\n", "")]
        [InlineData("foo # comment", "Identifier:foo")]
        [InlineData("foo # comment\n+ bar", "Identifier:foo Add:+ Identifier:bar")]
        [InlineData("foo{# inside braces\na=\"b\" # again\r}", "Identifier:foo LeftBrace:{ Identifier:a Eql:= String:\"b\" RightBrace:}")]
        [InlineData("\"# not a comment\"", "String:\"# not a comment\"")]
        public void Comments_AreDropped(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Fact]
        public void Positions_AreUtf16Offsets()
        {
            TokenList tokens = Lex("{a=\"😀\"} + b");
            Token b = tokens[tokens.Count - 2];
            Assert.Equal(TokenKind.Identifier, b.Kind);
            Assert.Equal(11, b.Start);
        }

        // ------------------------------------------------------------ holes

        [Theory]
        [InlineData("\uE000", "Hole:\uE000*")]
        [InlineData("\uE000\uE000 * 2", "Hole:\uE000\uE000* Mul:* Number:2")]
        [InlineData("foo_\uE000", "Identifier:foo_\uE000*")]
        [InlineData("\uE000_total", "Identifier:\uE000_total*")]
        [InlineData("job:\uE000:rate5m", "MetricIdentifier:job:\uE000:rate5m*")]
        [InlineData("x[\uE000]", "Identifier:x LeftBracket:[ Hole:\uE000* RightBracket:]")]
        [InlineData("x[\uE000m]", "Identifier:x LeftBracket:[ Duration:\uE000m* RightBracket:]")]
        [InlineData("x[\uE000ms:\uE000]", "Identifier:x LeftBracket:[ Duration:\uE000ms* Colon:: Hole:\uE000* RightBracket:]")]
        [InlineData("x[5m:\uE000s]", "Identifier:x LeftBracket:[ Duration:5m Colon:: Duration:\uE000s* RightBracket:]")]
        [InlineData("x[\uE000 + 1m]", "Identifier:x LeftBracket:[ Hole:\uE000* Add:+ Duration:1m RightBracket:]")]
        [InlineData("x offset \uE000", "Identifier:x Offset:offset Hole:\uE000*")]
        [InlineData("x offset \uE000h", "Identifier:x Offset:offset Duration:\uE000h*")]
        [InlineData("x offset 1h\uE000m", "Identifier:x Offset:offset Duration:1h\uE000m*")]
        [InlineData("5\uE000", "Hole:5\uE000*")]
        [InlineData("x > 5m\uE000", "Identifier:x Gtr:> Hole:5m\uE000*")]
        [InlineData("x{\uE000=\"a\"}", "Identifier:x LeftBrace:{ Identifier:\uE000* Eql:= String:\"a\" RightBrace:}")]
        [InlineData("x{a_\uE000=~\"\uE000.*\"}", "Identifier:x LeftBrace:{ Identifier:a_\uE000* EqlRegex:=~ String:\"\uE000.*\"* RightBrace:}")]
        [InlineData("x{job='\uE000'}", "Identifier:x LeftBrace:{ Identifier:job Eql:= String:'\uE000'* RightBrace:}")]
        [InlineData("topk(\uE000, x)", "Topk:topk LeftParen:( Hole:\uE000* Comma:, Identifier:x RightParen:)")]
        [InlineData("x # \uE000", "Identifier:x")]
        [InlineData("{a=\"\\\uE000\"}", "LeftBrace:{ Identifier:a Eql:= String:\"\\\uE000\"* RightBrace:}")]
        [InlineData("{a=\"\\x\uE000\\u1\uE000\"}", "LeftBrace:{ Identifier:a Eql:= String:\"\\x\uE000\\u1\uE000\"* RightBrace:}")]
        public void Holes(string input, string expected) => Assert.Equal(expected, Dump(input));

        [Fact]
        public void Holes_NotAllowed_AreUnexpectedCharacters()
        {
            TokenList tokens = Lex("x + \uE000", allowHoles: false);
            Assert.Equal("unexpected character: '\\ue000'", tokens.ErrorMessage);
            Assert.Equal(4, tokens[tokens.Count - 1].Start);

            tokens = Lex("x{a=\"\uE000\"}", allowHoles: false);
            Assert.Null(tokens.ErrorMessage);
            Assert.False(tokens[4].HasHole);
        }

        [Fact]
        public void Holes_NeverCauseLexerErrors()
        {
            string[] contexts = { "{0}", "x{{{0}=\"a\"}}", "x[{0}]", "x[5m:{0}]", "x offset {0}", "x @ {0}", "{0}(x)", "x{{a=\"{0}\"}}", "sum by ({0}) (x)", "x[step{0}]", "x[{0}step]", "a_{0}_b", "{0}:{0}" };
            string[] holes = { "\uE000", "\uE000\uE000", "1\uE000", "\uE0001", "\uE000m", "\uE000_x", "m\uE000", "\uE000ms", "\uE000d1h" };
            foreach (string context in contexts)
            {
                foreach (string hole in holes)
                {
                    string input = context.Replace("{0}", hole, StringComparison.Ordinal).Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
                    TokenList tokens = Lex(input);
                    Assert.True(tokens.ErrorMessage == null, $"{input}: {tokens.ErrorMessage}");
                    Assert.Contains(tokens.Tokens.Take(tokens.Count), t => t.HasHole);
                }
            }
        }

        // ------------------------------------------------------------ robustness

        [Fact]
        public void HostileInputs_DoNotThrow_AndStayLinear()
        {
            var inputs = new List<string>
            {
                new string('(', 1_000_000),
                new string('\uE000', 1_000_000),
                string.Concat(Enumerable.Repeat("a\uE000", 500_000)),
                string.Concat(Enumerable.Repeat("1", 1_000_000)),
                string.Concat(Enumerable.Repeat("x[5m] ", 100_000)),
                string.Concat(Enumerable.Repeat("# c\n", 100_000)),
                "\"" + new string('a', 1_000_000),
                "\0\uD800\uDC00\uDBFF",
                string.Concat(Enumerable.Repeat("a{b=\"c\"} + ", 50_000)) + "1",
            };
            foreach (string input in inputs)
            {
                TokenList tokens = Lex(input);
                Assert.True(tokens.Count >= 1);
            }
        }

        [Fact]
        public void EveryPrefixOfTrickyInputs_DoesNotThrow()
        {
            const string tricky = "sum by (a) (rate(x{a=~\"b\\x41\\u00e4\",c!='d'}[5m:1m] offset -1h30m @ start())) / fill(0) on(b) group_left 0x1F + 1_0e-3 # c\n[ step() * 2 ]`r` \uE000m\uD800";
            for (int i = 0; i <= tricky.Length; i++)
            {
                Lex(tricky.Substring(0, i));
                Lex(tricky.Substring(i));
            }
        }

        // ------------------------------------------------------------ conformance corpus

        [Fact]
        public void Corpus_EveryInputLexesWithoutThrowing_AndLexerErrorsMatchPrometheus()
        {
            string path = RepositoryPaths.Conformance("parser-cases.jsonl");
            int lexed = 0;
            int lexerErrorCases = 0;
            var mismatches = new List<string>();
            foreach (string line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using JsonDocument doc = JsonDocument.Parse(line);
                JsonElement root = doc.RootElement;
                if (root.TryGetProperty("invalid_utf8", out JsonElement bad) && bad.ValueKind == JsonValueKind.True)
                {
                    continue;
                }

                string id = root.GetProperty("id").GetString()!;
                string input = root.GetProperty("input").GetString()!;
                string expect = root.GetProperty("expect").GetString()!;
                string source = root.GetProperty("source").GetString()!;
                TokenList tokens = Lex(input, allowHoles: false);
                lexed++;

                if (expect == "ok" && tokens.ErrorMessage != null)
                {
                    mismatches.Add($"{id}: expected ok, lexer says {tokens.ErrorMessage}");
                    continue;
                }

                if (source != "parse_test.go" || !root.TryGetProperty("errMsg", out JsonElement errMsgElement))
                {
                    continue;
                }

                string errMsg = errMsgElement.GetString()!;
                if (!IsLexerMessage(errMsg))
                {
                    continue;
                }

                lexerErrorCases++;
                int expectedStart = root.GetProperty("errors")[0].GetProperty("start").GetInt32();
                Token last = tokens[tokens.Count - 1];
                int actualStart = last.Kind == TokenKind.Error ? Encoding.UTF8.GetByteCount(input.Substring(0, last.Start)) : -1;
                if (tokens.ErrorMessage != errMsg || actualStart != expectedStart)
                {
                    mismatches.Add($"{id} {input}: expected {expectedStart} {errMsg}, got {actualStart} {tokens.ErrorMessage}");
                }
            }

            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
            Assert.True(lexed > 3000, $"only {lexed} inputs");
            Assert.True(lexerErrorCases >= 30, $"only {lexerErrorCases} lexer-error cases");
        }

        private static readonly string[] LexerMessagePrefixes =
        {
            "unexpected character",
            "bad number or duration syntax",
            "unclosed left",
            "unexpected right parenthesis",
            "unexpected right bracket",
            "unexpected left",
            "unterminated ",
            "escape sequence",
            "unknown escape sequence",
            "illegal character",
            "invalid UTF-8 rune",
            "unexpected end of input inside braces",
            "unexpected end of input in duration expression",
            "unexpected colon",
            "unexpected repeated colon",
        };

        private static bool IsLexerMessage(string message) =>
            LexerMessagePrefixes.Any(p => message.StartsWith(p, StringComparison.Ordinal));
    }
}
