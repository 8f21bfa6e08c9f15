using System;
using System.Collections.Generic;

namespace PromQL.Parsing.Lexing
{
    /// <summary>
    /// A port of Prometheus's expression lexer (<c>promql/parser/lex.go</c>; the series-description and
    /// histogram modes are left out). It keeps lex.go's state (parenthesis depth, open brace, open bracket,
    /// colon and duration flags) and its messages, and stops at the first error like the parser does.
    /// Positions are UTF-16 offsets. Linear time, no recursion, no exceptions.
    /// </summary>
    internal static class Lexer
    {
        /// <summary>Lexes <paramref name="text"/> completely, comments dropped.</summary>
        public static TokenList Tokenize(string text, PromQlParserOptions options)
        {
            var scanner = new Scanner(text ?? string.Empty, (options ?? PromQlParserOptions.Default).AllowHoles);
            return scanner.Run();
        }

        private static readonly Dictionary<string, TokenKind> Keywords =
            new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase)
            {
                ["and"] = TokenKind.And,
                ["or"] = TokenKind.Or,
                ["unless"] = TokenKind.Unless,
                ["atan2"] = TokenKind.Atan2,
                ["sum"] = TokenKind.Sum,
                ["avg"] = TokenKind.Avg,
                ["count"] = TokenKind.Count,
                ["min"] = TokenKind.Min,
                ["max"] = TokenKind.Max,
                ["group"] = TokenKind.Group,
                ["stddev"] = TokenKind.Stddev,
                ["stdvar"] = TokenKind.Stdvar,
                ["topk"] = TokenKind.Topk,
                ["bottomk"] = TokenKind.Bottomk,
                ["count_values"] = TokenKind.CountValues,
                ["quantile"] = TokenKind.Quantile,
                ["limitk"] = TokenKind.Limitk,
                ["limit_ratio"] = TokenKind.LimitRatio,
                ["offset"] = TokenKind.Offset,
                ["smoothed"] = TokenKind.Smoothed,
                ["anchored"] = TokenKind.Anchored,
                ["by"] = TokenKind.By,
                ["without"] = TokenKind.Without,
                ["on"] = TokenKind.On,
                ["ignoring"] = TokenKind.Ignoring,
                ["group_left"] = TokenKind.GroupLeft,
                ["group_right"] = TokenKind.GroupRight,
                ["fill"] = TokenKind.Fill,
                ["fill_left"] = TokenKind.FillLeft,
                ["fill_right"] = TokenKind.FillRight,
                ["bool"] = TokenKind.Bool,
                ["start"] = TokenKind.Start,
                ["end"] = TokenKind.End,
                ["step"] = TokenKind.Step,
                ["range"] = TokenKind.Range,
                ["max_of"] = TokenKind.MaxOf,
                ["min_of"] = TokenKind.MinOf,
                ["inf"] = TokenKind.Number,
                ["nan"] = TokenKind.Number,
            };

        // lex.go's durationKeywordTokens: the keywords allowed inside [ ].
        private static readonly Dictionary<string, TokenKind> DurationKeywords =
            new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase)
            {
                ["step"] = TokenKind.Step,
                ["range"] = TokenKind.Range,
                ["max_of"] = TokenKind.MaxOf,
                ["min_of"] = TokenKind.MinOf,
            };

        /// <summary>Which of lex.go's state functions runs next.</summary>
        private enum State
        {
            /// <summary><c>lexStatements</c> (which hands over to <c>lexInsideBraces</c> while a brace is open).</summary>
            Statements,
            /// <summary><c>lexDurationExpr</c>, right after <c>[</c> and after operators inside it.</summary>
            DurationExpr,
            Done,
        }

        /// <summary>Where a run of identifier characters with a hole stands, which decides what it becomes.</summary>
        private enum HoleContext
        {
            Expression,
            Bracket,
            Braces,
        }

        private sealed class Scanner
        {
            private const int EndOfText = -1;
            private const int RuneError = 0xFFFD;
            private const char Hole = PromQlParser.HoleCharacter;

            private const string Digits = "0123456789";
            private const string HexDigits = "0123456789abcdefABCDEF";

            private readonly string _text;
            private readonly bool _holesPresent;
            private Token[] _tokens;
            private int _count;
            private string? _errorMessage;

            private int _pos;
            private int _start;
            private int _width;
            private int _parenDepth;
            private bool _braceOpen;
            private bool _bracketOpen;
            private bool _gotColon;
            private bool _gotDuration;
            private int _stringOpen;

            // End of the last identifier-like run known to hold no hole; keeps hole detection linear.
            private int _holeFreeUntil;

            public Scanner(string text, bool allowHoles)
            {
                _text = text;
                _holesPresent = allowHoles && text.IndexOf(Hole) >= 0;
                _tokens = new Token[Math.Min(Math.Max(16, (text.Length / 3) + 2), 4096)];
            }

            public TokenList Run()
            {
                State state = State.Statements;
                while (state != State.Done)
                {
                    state = state == State.Statements ? LexStatements() : LexDurationExpr();
                }

                return new TokenList(_text, _tokens, _count, _errorMessage);
            }

            // ------------------------------------------------------------ primitives (lex.go's next/peek/backup/emit)

            private int Next()
            {
                if (_pos >= _text.Length)
                {
                    _width = 0;
                    return EndOfText;
                }

                int rune = Literals.DecodeRune(_text, _pos, out _width);
                _pos += _width;
                return rune;
            }

            private int Peek()
            {
                int rune = Next();
                Backup();
                return rune;
            }

            private void Backup() => _pos -= _width;

            private void Ignore() => _start = _pos;

            private bool Accept(string valid)
            {
                if (Contains(valid, Next()))
                {
                    return true;
                }

                Backup();
                return false;
            }

            private bool Is(string valid) => Contains(valid, Peek());

            private void AcceptRun(string valid)
            {
                while (Contains(valid, Next()))
                {
                }

                Backup();
            }

            private static bool Contains(string valid, int rune) => rune >= 0 && rune < 0x80 && valid.IndexOf((char)rune) >= 0;

            private void Emit(TokenKind kind, bool hasHole = false)
            {
                Add(new Token(kind, _start, _pos - _start, hasHole));
                _start = _pos;
            }

            private State Error(string message)
            {
                Add(new Token(TokenKind.Error, _start, _text.Length - _start));
                _errorMessage = message;
                return State.Done;
            }

            private void Add(Token token)
            {
                if (_count == _tokens.Length)
                {
                    Array.Resize(ref _tokens, _tokens.Length * 2);
                }

                _tokens[_count++] = token;
            }

            private void SkipSpaces()
            {
                while (IsSpace(Peek()))
                {
                    Next();
                }

                Ignore();
            }

            // ------------------------------------------------------------ lexStatements

            private State LexStatements()
            {
                if (_braceOpen)
                {
                    return LexInsideBraces();
                }

                if (_pos < _text.Length && _text[_pos] == '#')
                {
                    return LexLineComment();
                }

                if (TryLexHoleRun(_bracketOpen ? HoleContext.Bracket : HoleContext.Expression))
                {
                    return State.Statements;
                }

                int r = Next();
                switch (r)
                {
                    case EndOfText:
                        if (_parenDepth != 0)
                        {
                            return Error("unclosed left parenthesis");
                        }

                        if (_bracketOpen)
                        {
                            return Error("unclosed left bracket");
                        }

                        Emit(TokenKind.EndOfInput);
                        return State.Done;
                    case ',':
                        Emit(TokenKind.Comma);
                        break;
                    case ' ':
                    case '\t':
                    case '\n':
                    case '\r':
                        SkipSpaces();
                        break;
                    case '*':
                        Emit(TokenKind.Mul);
                        break;
                    case '/':
                        Emit(TokenKind.Div);
                        break;
                    case '%':
                        Emit(TokenKind.Mod);
                        break;
                    case '+':
                        Emit(TokenKind.Add);
                        break;
                    case '-':
                        Emit(TokenKind.Sub);
                        break;
                    case '^':
                        Emit(TokenKind.Pow);
                        break;
                    case '=':
                    {
                        int t = Peek();
                        if (t == '=')
                        {
                            Next();
                            Emit(TokenKind.Eqlc);
                        }
                        else if (t == '~')
                        {
                            return Error("unexpected character after '=': " + Literals.QuoteRune(t));
                        }
                        else
                        {
                            Emit(TokenKind.Eql);
                        }

                        break;
                    }

                    case '!':
                    {
                        int t = Next();
                        if (t != '=')
                        {
                            return Error("unexpected character after '!': " + Literals.QuoteRune(t));
                        }

                        Emit(TokenKind.Neq);
                        break;
                    }

                    case '<':
                        if (Peek() == '=')
                        {
                            Next();
                            Emit(TokenKind.Lte);
                        }
                        else if (Peek() == '/')
                        {
                            Next();
                            Emit(TokenKind.TrimUpper);
                        }
                        else
                        {
                            Emit(TokenKind.Lss);
                        }

                        break;
                    case '>':
                        if (Peek() == '=')
                        {
                            Next();
                            Emit(TokenKind.Gte);
                        }
                        else if (Peek() == '/')
                        {
                            Next();
                            Emit(TokenKind.TrimLower);
                        }
                        else
                        {
                            Emit(TokenKind.Gtr);
                        }

                        break;
                    case '"':
                    case '\'':
                        _stringOpen = r;
                        return LexString();
                    case '`':
                        _stringOpen = r;
                        return LexRawString();
                    case '(':
                        Emit(TokenKind.LeftParen);
                        _parenDepth++;
                        break;
                    case ')':
                        // lex.go emits the parenthesis and then overwrites it with the error.
                        _parenDepth--;
                        if (_parenDepth < 0)
                        {
                            Ignore();
                            return Error("unexpected right parenthesis ')'");
                        }

                        Emit(TokenKind.RightParen);
                        break;
                    case '{':
                        Emit(TokenKind.LeftBrace);
                        _braceOpen = true;
                        break;
                    case '[':
                        if (_bracketOpen)
                        {
                            return Error("unexpected left bracket '['");
                        }

                        _gotColon = false;
                        Emit(TokenKind.LeftBracket);
                        if (IsSpace(Peek()))
                        {
                            SkipSpaces();
                        }

                        _bracketOpen = true;
                        return State.DurationExpr;
                    case ']':
                        if (!_bracketOpen)
                        {
                            return Error("unexpected right bracket ']'");
                        }

                        Emit(TokenKind.RightBracket);
                        _bracketOpen = false;
                        break;
                    case '@':
                        Emit(TokenKind.At);
                        break;
                    default:
                        if (IsDigit(r) || (r == '.' && IsDigit(Peek())))
                        {
                            Backup();
                            return LexNumberOrDuration();
                        }

                        if (IsAlpha(r) || r == ':')
                        {
                            if (!_bracketOpen)
                            {
                                Backup();
                                return LexKeywordOrIdentifier();
                            }

                            if (r == ':')
                            {
                                if (_gotColon)
                                {
                                    return Error("unexpected colon ':'");
                                }

                                Emit(TokenKind.Colon);
                                _gotColon = true;
                                break;
                            }

                            if (IsDurationKeywordStartChar(r) && ScanDurationKeyword())
                            {
                                break;
                            }

                            return Error("unexpected character: " + Literals.QuoteRune(r) + ", expected ':'");
                        }

                        return Error("unexpected character: " + Literals.QuoteRune(r));
                }

                return State.Statements;
            }

            // ------------------------------------------------------------ lexInsideBraces

            private State LexInsideBraces()
            {
                if (_pos < _text.Length && _text[_pos] == '#')
                {
                    return LexLineComment();
                }

                if (TryLexHoleRun(HoleContext.Braces))
                {
                    return State.Statements;
                }

                int r = Next();
                switch (r)
                {
                    case EndOfText:
                        return Error("unexpected end of input inside braces");
                    case ' ':
                    case '\t':
                    case '\n':
                    case '\r':
                        SkipSpaces();
                        break;
                    case ',':
                        Emit(TokenKind.Comma);
                        break;
                    case '"':
                    case '\'':
                        _stringOpen = r;
                        return LexString();
                    case '`':
                        _stringOpen = r;
                        return LexRawString();
                    case '=':
                        if (Next() == '~')
                        {
                            Emit(TokenKind.EqlRegex);
                            break;
                        }

                        Backup();
                        Emit(TokenKind.Eql);
                        break;
                    case '!':
                    {
                        int nr = Next();
                        if (nr == '~')
                        {
                            Emit(TokenKind.NeqRegex);
                        }
                        else if (nr == '=')
                        {
                            Emit(TokenKind.Neq);
                        }
                        else
                        {
                            return Error("unexpected character after '!' inside braces: " + Literals.QuoteRune(nr));
                        }

                        break;
                    }

                    case '{':
                        return Error("unexpected left brace '{'");
                    case '}':
                        Emit(TokenKind.RightBrace);
                        _braceOpen = false;
                        break;
                    default:
                        if (IsAlpha(r))
                        {
                            // lexIdentifier: keywords are plain identifiers inside braces.
                            while (IsAlphaNumeric(Next()))
                            {
                            }

                            Backup();
                            Emit(TokenKind.Identifier);
                            break;
                        }

                        return Error("unexpected character inside braces: " + Literals.QuoteRune(r));
                }

                return State.Statements;
            }

            // ------------------------------------------------------------ lexDurationExpr

            private State LexDurationExpr()
            {
                if (TryLexHoleRun(HoleContext.Bracket))
                {
                    return State.Statements;
                }

                int r = Next();
                switch (r)
                {
                    case EndOfText:
                        return Error("unexpected end of input in duration expression");
                    case ']':
                        Emit(TokenKind.RightBracket);
                        _bracketOpen = false;
                        _gotColon = false;
                        return State.Statements;
                    case ':':
                        // lex.go emits the colon before checking, so an error starts after it.
                        if (!_gotDuration)
                        {
                            Ignore();
                            return Error("unexpected colon before duration in duration expression");
                        }

                        if (_gotColon)
                        {
                            Ignore();
                            return Error("unexpected repeated colon in duration expression");
                        }

                        Emit(TokenKind.Colon);
                        _gotColon = true;
                        return State.DurationExpr;
                    case '(':
                        Emit(TokenKind.LeftParen);
                        _parenDepth++;
                        return State.DurationExpr;
                    case ')':
                        _parenDepth--;
                        if (_parenDepth < 0)
                        {
                            Ignore();
                            return Error("unexpected right parenthesis ')'");
                        }

                        Emit(TokenKind.RightParen);
                        return State.DurationExpr;
                    case ' ':
                    case '\t':
                    case '\n':
                    case '\r':
                        SkipSpaces();
                        return State.DurationExpr;
                    case '+':
                        Emit(TokenKind.Add);
                        return State.DurationExpr;
                    case '-':
                        Emit(TokenKind.Sub);
                        return State.DurationExpr;
                    case '*':
                        Emit(TokenKind.Mul);
                        return State.DurationExpr;
                    case '/':
                        Emit(TokenKind.Div);
                        return State.DurationExpr;
                    case '%':
                        Emit(TokenKind.Mod);
                        return State.DurationExpr;
                    case '^':
                        Emit(TokenKind.Pow);
                        return State.DurationExpr;
                    case ',':
                        Emit(TokenKind.Comma);
                        return State.DurationExpr;
                }

                if (IsDurationKeywordStartChar(r))
                {
                    return ScanDurationKeyword()
                        ? State.DurationExpr
                        : Error("unexpected character in duration expression: " + Literals.QuoteRune(r));
                }

                if (IsDigit(r) || (r == '.' && IsDigit(Peek())))
                {
                    Backup();
                    _gotDuration = true;
                    return LexNumberOrDuration();
                }

                return Error("unexpected character in duration expression: " + Literals.QuoteRune(r));
            }

            private static bool IsDurationKeywordStartChar(int r)
            {
                int lower = r | 0x20;
                return IsAlpha(r) && (lower == 's' || lower == 'r' || lower == 'm');
            }

            private bool ScanDurationKeyword()
            {
                while (IsAlpha(Next()))
                {
                }

                Backup();
                if (DurationKeywords.TryGetValue(_text.Substring(_start, _pos - _start), out TokenKind kind))
                {
                    Emit(kind);
                    return true;
                }

                return false;
            }

            // ------------------------------------------------------------ strings and comments

            private State LexString()
            {
                while (true)
                {
                    int r = Next();
                    if (r == '\\')
                    {
                        string? escapeError = LexEscape();
                        if (escapeError != null)
                        {
                            return Error(escapeError);
                        }

                        continue;
                    }

                    if (r == RuneError)
                    {
                        return Error("invalid UTF-8 rune");
                    }

                    if (r == EndOfText || r == '\n')
                    {
                        return Error("unterminated quoted string");
                    }

                    if (r == _stringOpen)
                    {
                        break;
                    }
                }

                EmitString();
                return State.Statements;
            }

            // lexEscape; the backslash has been read. Returns the error message, if any.
            private string? LexEscape()
            {
                int n;
                uint numberBase;
                uint maxValue;
                int ch = Next();
                switch (ch)
                {
                    case 'a':
                    case 'b':
                    case 'f':
                    case 'n':
                    case 'r':
                    case 't':
                    case 'v':
                    case '\\':
                        return null;
                    case '0':
                    case '1':
                    case '2':
                    case '3':
                    case '4':
                    case '5':
                    case '6':
                    case '7':
                        n = 3;
                        numberBase = 8;
                        maxValue = 255;
                        break;
                    case 'x':
                        ch = Next();
                        n = 2;
                        numberBase = 16;
                        maxValue = 255;
                        break;
                    case 'u':
                        ch = Next();
                        n = 4;
                        numberBase = 16;
                        maxValue = 0x10FFFF;
                        break;
                    case 'U':
                        ch = Next();
                        n = 8;
                        numberBase = 16;
                        maxValue = 0x10FFFF;
                        break;
                    case EndOfText:
                        return "escape sequence not terminated";
                    default:
                        // A hole may stand for any escape; its value is unknown, so it cannot be wrong.
                        if (ch == _stringOpen || (ch == Hole && _holesPresent))
                        {
                            return null;
                        }

                        return "unknown escape sequence " + Literals.FormatCodePoint(ch);
                }

                ulong x = 0;
                while (n > 0)
                {
                    if (ch == Hole && _holesPresent)
                    {
                        return null; // The hole stands for the rest of the escape.
                    }

                    uint d = DigitValue(ch);
                    if (d >= numberBase)
                    {
                        return ch == EndOfText
                            ? "escape sequence not terminated"
                            : "illegal character " + Literals.FormatCodePoint(ch) + " in escape sequence";
                    }

                    x = (x * numberBase) + d;
                    n--;
                    if (n > 0)
                    {
                        ch = Next();
                    }
                }

                if (x > maxValue || (x >= 0xD800 && x < 0xE000))
                {
                    return "escape sequence is an invalid Unicode code point";
                }

                return null;
            }

            private static uint DigitValue(int ch)
            {
                if (ch >= '0' && ch <= '9')
                {
                    return (uint)(ch - '0');
                }

                if (ch >= 'a' && ch <= 'f')
                {
                    return (uint)(ch - 'a' + 10);
                }

                if (ch >= 'A' && ch <= 'F')
                {
                    return (uint)(ch - 'A' + 10);
                }

                return 16;
            }

            private State LexRawString()
            {
                while (true)
                {
                    int r = Next();
                    if (r == RuneError)
                    {
                        return Error("invalid UTF-8 rune");
                    }

                    if (r == EndOfText)
                    {
                        return Error("unterminated raw string");
                    }

                    if (r == _stringOpen)
                    {
                        break;
                    }
                }

                EmitString();
                return State.Statements;
            }

            private void EmitString()
            {
                bool hasHole = _holesPresent && _text.IndexOf(Hole, _start, _pos - _start) >= 0;
                Emit(TokenKind.String, hasHole);
            }

            // Comments are dropped: the parser skips them anyway.
            private State LexLineComment()
            {
                _pos++;
                int r = Next();
                while (r != '\r' && r != '\n' && r != EndOfText)
                {
                    r = Next();
                }

                Backup();
                Ignore();
                return State.Statements;
            }

            // ------------------------------------------------------------ numbers, durations, identifiers

            private State LexNumberOrDuration()
            {
                if (ScanNumber())
                {
                    Emit(TokenKind.Number);
                    return State.Statements;
                }

                if (AcceptRemainingDuration())
                {
                    Backup();
                    Emit(TokenKind.Duration);
                    return State.Statements;
                }

                return Error("bad number or duration syntax: " + Literals.Quote(_text.Substring(_start, _pos - _start)));
            }

            private bool AcceptRemainingDuration()
            {
                if (!Accept("smhdwy"))
                {
                    return false;
                }

                Accept("s"); // "ms"; bad units like "hs" are caught when the duration is parsed.
                while (Accept(Digits))
                {
                    while (Accept(Digits))
                    {
                    }

                    if (!Accept("smhdw"))
                    {
                        return false;
                    }

                    Accept("s");
                }

                return !IsAlphaNumeric(Next());
            }

            // lex.go's scanNumber; what it accepts is not necessarily a valid number (the parser checks).
            private bool ScanNumber()
            {
                int initialPos = _pos;
                string digitPattern = Digits;
                string loopPattern = "0123456789._eE";
                if (Accept("0") && Accept("xX"))
                {
                    Accept("_");
                    digitPattern = HexDigits;
                    loopPattern = "0123456789abcdefABCDEF._eE";
                }

                Accept(".");
                Accept(digitPattern);
                bool dotConsumed = false;
                bool exponentConsumed = false;
                while (Is(loopPattern))
                {
                    if (Is(".") && dotConsumed)
                    {
                        Accept(".");
                        return false;
                    }

                    if (Is("eE") && exponentConsumed)
                    {
                        Accept("eE");
                        return false;
                    }

                    if (Accept("."))
                    {
                        dotConsumed = true;
                        if (Accept("_."))
                        {
                            return false;
                        }

                        if (digitPattern.Length > 10)
                        {
                            return false; // No fractional hexadecimal literals.
                        }

                        continue;
                    }

                    if (Accept("eE"))
                    {
                        exponentConsumed = true;
                        Accept("+-");
                        if (Accept("._eE") || Peek() == EndOfText)
                        {
                            return false;
                        }

                        continue;
                    }

                    if (Accept("_"))
                    {
                        if (Accept("._eE") || Peek() == EndOfText)
                        {
                            return false;
                        }

                        continue;
                    }

                    AcceptRun(digitPattern);
                }

                if (_pos == initialPos)
                {
                    return false;
                }

                return !IsAlphaNumeric(Peek());
            }

            private State LexKeywordOrIdentifier()
            {
                int r;
                do
                {
                    r = Next();
                }
                while (IsAlphaNumeric(r) || r == ':');

                Backup();
                string word = _text.Substring(_start, _pos - _start);
                if (Keywords.TryGetValue(word, out TokenKind kind))
                {
                    // fill, fill_left and fill_right are keywords only before '(' so they stay usable as names.
                    if ((kind == TokenKind.Fill || kind == TokenKind.FillLeft || kind == TokenKind.FillRight) && !FollowedByLeftParen())
                    {
                        kind = TokenKind.Identifier;
                    }

                    Emit(kind);
                }
                else
                {
                    Emit(word.IndexOf(':') >= 0 ? TokenKind.MetricIdentifier : TokenKind.Identifier);
                }

                return State.Statements;
            }

            private bool FollowedByLeftParen()
            {
                for (int i = _pos; i < _text.Length; i++)
                {
                    char c = _text[i];
                    if (!IsSpace(c))
                    {
                        return c == '(';
                    }
                }

                return false;
            }

            // ------------------------------------------------------------ holes

            /// <summary>
            /// When the identifier-like run at the current position holds a hole, emits it as one token:
            /// inside braces an identifier (a label name); elsewhere a hole (only holes, or a number with a hole),
            /// a duration (a hole followed by a unit: <c>[\uE000m]</c>) or an identifier (<c>foo_\uE000</c>).
            /// </summary>
            private bool TryLexHoleRun(HoleContext context)
            {
                if (!_holesPresent || _pos < _holeFreeUntil || _pos >= _text.Length)
                {
                    return false;
                }

                char first = _text[_pos];
                bool startsRun = first == Hole || IsAlphaNumeric(first) || (context == HoleContext.Expression && first == ':');
                if (!startsRun)
                {
                    return false;
                }

                bool allowColon = context == HoleContext.Expression;
                int end = _pos;
                bool hasHole = false;
                while (end < _text.Length)
                {
                    char c = _text[end];
                    if (c == Hole)
                    {
                        hasHole = true;
                    }
                    else if (!IsAlphaNumeric(c) && !(allowColon && c == ':'))
                    {
                        break;
                    }

                    end++;
                }

                if (!hasHole)
                {
                    _holeFreeUntil = end;
                    return false;
                }

                _pos = end;
                TokenKind kind = context == HoleContext.Braces ? TokenKind.Identifier : ClassifyHoleRun(_start, end);
                if (context == HoleContext.Bracket && (kind == TokenKind.Duration || kind == TokenKind.Hole))
                {
                    _gotDuration = true;
                }

                Emit(kind, hasHole: true);
                return true;
            }

            private TokenKind ClassifyHoleRun(int start, int end)
            {
                bool onlyHolesAndDigits = true;
                bool onlyHoles = true;
                for (int i = start; i < end; i++)
                {
                    char c = _text[i];
                    if (c != Hole)
                    {
                        onlyHoles = false;
                        if (!IsDigit(c))
                        {
                            onlyHolesAndDigits = false;
                        }
                    }
                }

                if (onlyHoles || onlyHolesAndDigits)
                {
                    return TokenKind.Hole;
                }

                if (IsDurationShaped(start, end))
                {
                    return TokenKind.Duration;
                }

                char first = _text[start];
                if (IsDigit(first))
                {
                    return TokenKind.Hole; // A number with a hole somewhere in it.
                }

                for (int i = start; i < end; i++)
                {
                    if (_text[i] == ':')
                    {
                        return TokenKind.MetricIdentifier;
                    }
                }

                return TokenKind.Identifier;
            }

            // Amounts (digits and holes) each followed by a unit (y w d h m s ms), ending with a unit.
            private bool IsDurationShaped(int start, int end)
            {
                int i = start;
                while (i < end)
                {
                    int amountStart = i;
                    while (i < end && (IsDigit(_text[i]) || _text[i] == Hole))
                    {
                        i++;
                    }

                    if (i == amountStart)
                    {
                        return false;
                    }

                    int unitStart = i;
                    while (i < end && IsAlpha(_text[i]))
                    {
                        i++;
                    }

                    int unitLength = i - unitStart;
                    if (unitLength == 1)
                    {
                        if ("ywdhms".IndexOf(_text[unitStart]) < 0)
                        {
                            return false;
                        }
                    }
                    else if (unitLength != 2 || _text[unitStart] != 'm' || _text[unitStart + 1] != 's')
                    {
                        return false;
                    }
                }

                return true;
            }

            // ------------------------------------------------------------ character classes (ASCII only, as lex.go)

            private static bool IsSpace(int r) => r == ' ' || r == '\t' || r == '\n' || r == '\r';

            private static bool IsDigit(int r) => r >= '0' && r <= '9';

            private static bool IsAlpha(int r) => r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');

            private static bool IsAlphaNumeric(int r) => IsAlpha(r) || IsDigit(r);
        }
    }
}
