using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Parsing.Lexing;
using PromQL.Parsing.Syntax;
using Sprache;
using static PromQL.Parsing.Grammar.TokenParsers;

namespace PromQL.Parsing.Grammar
{
    /// <summary>
    /// Prometheus's expression grammar (<c>promql/parser/generated_parser.y</c>) as Sprache parsers over
    /// tokens. Yacc's precedence declarations become one chain per tier, loosest first:
    /// <c>or</c> &lt; <c>and unless</c> &lt; comparisons and trims &lt; <c>+ -</c> &lt; <c>* / % atan2</c>
    /// &lt; unary &lt; <c>^</c> (right-associative) &lt; the postfix modifiers (<c>[…]</c>, <c>offset</c>,
    /// <c>@</c>, <c>anchored</c>, <c>smoothed</c>). Every alternative is chosen on the next token or two,
    /// so no nested expression is parsed twice and time stays linear. The actions raise the errors yacc's
    /// actions raise, worded as Prometheus words them.
    /// </summary>
    internal static class PromQlGrammar
    {
        private const string DurationExpected = "number, duration, step(), or range()";

        public static SyntaxResult ParseTokens(TokenList tokens, PromQlParserOptions options)
        {
            var context = new ParseContext(tokens, options);
            var start = context.InputAt(0);
            if (start.Kind == TokenKind.EndOfInput)
            {
                return new SyntaxResult(null, new PromQlDiagnostic("no expression found in input", 0, 0), PromQlFeatures.None);
            }

            var result = Query(start);
            if (result.WasSuccessful)
            {
                return new SyntaxResult(result.Value, null, context.Features);
            }

            var error = context.ErrorFor(result.Message)
                ?? context.ErrorFor(UnexpectedMessage(result.Remainder.AsTokens(), null, null));
            return new SyntaxResult(null, error, context.Features);
        }

        // ---------------------------------------------------------------- token classes

        private static bool IsAggregator(TokenKind k) => k >= TokenKind.Avg && k <= TokenKind.LimitRatio;

        private static bool IsPreprocessor(TokenKind k) => k >= TokenKind.Start && k <= TokenKind.MinOf;

        /// <summary>The tokens Prometheus accepts as a metric name (its <c>metric_identifier</c>).</summary>
        private static bool IsMetricIdentifier(TokenKind k) =>
            k is TokenKind.Identifier or TokenKind.MetricIdentifier or TokenKind.By or TokenKind.Without
                or TokenKind.Fill or TokenKind.FillLeft or TokenKind.FillRight or TokenKind.And or TokenKind.Or or TokenKind.Unless
                or TokenKind.Offset or TokenKind.Anchored or TokenKind.Smoothed
            || IsAggregator(k) || IsPreprocessor(k);

        /// <summary>The tokens Prometheus accepts as a grouping label (its <c>maybe_label</c>).</summary>
        private static bool IsMaybeLabel(TokenKind k) =>
            IsMetricIdentifier(k) || k is TokenKind.Bool or TokenKind.GroupLeft or TokenKind.GroupRight or TokenKind.Ignoring
                or TokenKind.On or TokenKind.Atan2;

        private static bool IsSign(TokenKind k) => k is TokenKind.Add or TokenKind.Sub;

        private static bool IsHoleValue(in Token t) => t.Kind == TokenKind.Hole || (t.Kind == TokenKind.Duration && t.HasHole);

        private static bool CanStartDuration(TokenKind k) =>
            k is TokenKind.Number or TokenKind.Duration or TokenKind.Hole or TokenKind.LeftParen or TokenKind.Step or TokenKind.Range
                or TokenKind.MaxOf or TokenKind.MinOf || IsSign(k);

        // ---------------------------------------------------------------- small helpers

        private static int EndBefore(IInput remainder)
        {
            var t = remainder.AsTokens();
            return t.Index == 0 ? 0 : t.Context.Tokens[t.Index - 1].End;
        }

        private static string TextOf(ParseContext ctx, in Token t) => ctx.Tokens.TextOf(t);

        private static Parser<Token> Tok(TokenKind kind) => TokenParsers.Tok(kind);

        private static Parser<T> Expect<T>(Parser<T> parser, string? context, string? expected) => parser.Else(Unexpected<T>(context, expected));

        private static void Use(ParseContext ctx, PromQlFeatures feature) => ctx.Features |= feature;

        // ---------------------------------------------------------------- literals

        /// <summary>A number or duration token as Prometheus's <c>number_duration_literal</c>.</summary>
        private static readonly Parser<Expr> NumberDurationLiteral =
            TokenParsers.Tok(k => k is TokenKind.Number or TokenKind.Duration or TokenKind.Hole, "number or duration")
                .Act<Token, Expr>((t, ctx) => MakeNumber(t, ctx));

        private static Outcome<Expr> MakeNumber(Token t, ParseContext ctx)
        {
            if (IsHoleValue(t) || t.HasHole)
            {
                Use(ctx, PromQlFeatures.Holes);
                return new HoleExpr(Modifiers.None, t.Start, t.End);
            }

            var text = TextOf(ctx, t);
            if (t.Kind == TokenKind.Duration)
            {
                return Literals.TryParseDuration(text, out var seconds, out var durationError)
                    ? new NumberLiteral(seconds, true, t.Start, t.End)
                    : Outcome<Expr>.Fail(durationError ?? "bad duration", t.Start, t.End);
            }

            return Literals.TryParseNumber(text, out var value, out var numberError)
                ? new NumberLiteral(value, false, t.Start, t.End)
                : Outcome<Expr>.Fail(numberError ?? "bad number", t.Start, t.End);
        }

        private static readonly Parser<Expr> StringLiteralExpr =
            Tok(TokenKind.String).Act<Token, Expr>((t, ctx) =>
            {
                if (!Literals.TryUnquote(TextOf(ctx, t), out var value, out var error))
                {
                    return Outcome<Expr>.Fail(error ?? "bad string", t.Start, t.End);
                }

                if (t.HasHole)
                {
                    Use(ctx, PromQlFeatures.Holes);
                }

                return new StringLiteral(value, t.Start, t.End, t.HasHole);
            });

        // ---------------------------------------------------------------- duration expressions

        /// <summary>Durations that Prometheus folds into a number are checked against time.Duration's range.</summary>
        private static bool DurationOutOfRange(double seconds) => seconds > 9223372036.854775807 || seconds < -9223372036.854775808;

        private static Outcome<Expr> CheckedDurationLiteral(Expr e) =>
            e is NumberLiteral n && DurationOutOfRange(n.Value) ? Outcome<Expr>.Fail("duration out of range", n.Start, n.End) : e;

        private static Outcome<Expr> ExperimentalDuration(ParseContext ctx, Expr reportOn, Expr result)
        {
            Use(ctx, PromQlFeatures.DurationExpressions);
            return ctx.Options.ExperimentalDurationExpr
                ? result
                : Outcome<Expr>.Fail("experimental duration expression is not enabled", reportOn.Start, reportOn.End);
        }

        private static readonly Parser<Expr> DurationLiteral = NumberDurationLiteral.Act<Expr, Expr>((e, _) => CheckedDurationLiteral(e));

        private static readonly Parser<Expr> StepOrRangeCall =
            from keyword in TokenParsers.Tok(k => k is TokenKind.Step or TokenKind.Range, "step() or range()")
            from open in Tok(TokenKind.LeftParen).Else(UnexpectedInDuration<Token>())
            from close in Tok(TokenKind.RightParen).Else(UnexpectedInDuration<Token>())
            select (Expr)new DurationExpr(keyword.Kind == TokenKind.Step ? DurationOperator.Step : DurationOperator.Range, null, null, false, keyword.Start, close.End);

        private static readonly Parser<Expr> CheckedStepOrRange = StepOrRangeCall.Act<Expr, Expr>((e, ctx) => ExperimentalDuration(ctx, e, e));

        private static readonly Parser<Expr> DurationExprRef = TokenParsers.Ref(() => DurationExpression!).Guarded();

        private static readonly Parser<Expr> MinOrMaxOf =
            (from keyword in TokenParsers.Tok(k => k is TokenKind.MinOf or TokenKind.MaxOf, "min_of or max_of")
             from open in Tok(TokenKind.LeftParen)
             from left in DurationExprRef
             from comma in Tok(TokenKind.Comma)
             from right in DurationExprRef
             from close in Tok(TokenKind.RightParen)
             select (Expr)new DurationExpr(keyword.Kind == TokenKind.MinOf ? DurationOperator.MinOf : DurationOperator.MaxOf, left, right, false, keyword.Start, close.End))
            .Act<Expr, Expr>((e, ctx) => ExperimentalDuration(ctx, e, e));

        private static readonly Parser<Expr> ParenDuration =
            (from open in Tok(TokenKind.LeftParen)
             from inner in DurationExprRef
             from close in Tok(TokenKind.RightParen)
             select (open, inner, close))
            .Act<(Token Open, Expr Inner, Token Close), Expr>((p, ctx) => ExperimentalDuration(ctx, p.Inner, Wrap(p.Inner, p.Open.Start, p.Close.End)));

        /// <summary>Prometheus's <c>wrapParenDurationExpr</c>: a bare number becomes a wrapped unary plus.</summary>
        private static Expr Wrap(Expr inner, int start, int end) => inner is DurationExpr d
            ? d.AsWrapped(start, end)
            : new DurationExpr(DurationOperator.Add, null, inner, true, start, end);

        private static readonly Parser<Expr> DurationPrimary = input =>
        {
            var kind = input.AsTokens().Kind;
            return kind switch
            {
                TokenKind.Number or TokenKind.Duration or TokenKind.Hole => DurationLiteral(input),
                TokenKind.Step or TokenKind.Range => CheckedStepOrRange(input),
                TokenKind.MinOf or TokenKind.MaxOf => MinOrMaxOf(input),
                TokenKind.LeftParen => ParenDuration(input),
                _ => UnexpectedInDuration<Expr>()(input),
            };
        };

        /// <summary>Prometheus's <c>applyUnaryOpToDurationExpr</c>.</summary>
        private static Outcome<Expr> ApplyUnaryToDuration(Token op, Expr operand, bool wrapped)
        {
            if (wrapped)
            {
                operand = Wrap(operand, operand.Start, operand.End);
            }

            switch (operand)
            {
                case DurationExpr d:
                    return op.Kind == TokenKind.Sub ? new DurationExpr(DurationOperator.Sub, null, d, false, op.Start, d.End) : d;
                case NumberLiteral n:
                    var value = op.Kind == TokenKind.Sub ? -n.Value : n.Value;
                    if (DurationOutOfRange(value))
                    {
                        return Outcome<Expr>.Fail("duration out of range", op.Start, op.End);
                    }

                    return new NumberLiteral(value, n.IsDuration, op.Start, n.End);
                case HoleExpr h:
                    return new HoleExpr(Modifiers.None, op.Start, h.End);
                default:
                    return Outcome<Expr>.Fail("expected number literal or duration expression", op.Start, op.End);
            }
        }

        private static readonly Parser<Expr> DurationUnaryRef = TokenParsers.Ref(() => DurationUnary!).Guarded();

        private static readonly Parser<Expr> DurationPow =
            from left in DurationPrimary
            from right in (from op in Tok(TokenKind.Pow) from r in DurationUnaryRef select (op, r)).XOptional()
            select right.IsDefined ? (Expr)new DurationExpr(DurationOperator.Pow, left, right.Get().r, false, left.Start, right.Get().r.End) : left;

        private static readonly Parser<Expr> CheckedDurationPow = DurationPow.Act<Expr, Expr>((e, ctx) =>
            e is DurationExpr { Op: DurationOperator.Pow } d ? ExperimentalDuration(ctx, d.Left!, e) : e);

        private static readonly Parser<Expr> DurationUnary = input =>
            IsSign(input.AsTokens().Kind)
                ? (from op in TokenParsers.Tok(IsSign, "+ or -")
                   from operand in DurationUnaryRef
                   select (op, operand)).Act<(Token Op, Expr Operand), Expr>((p, _) => ApplyUnaryToDuration(p.Op, p.Operand, false))(input)
                : CheckedDurationPow(input);

        private static Outcome<Expr> MakeDurationBinary(Token op, Expr left, Expr right, ParseContext ctx)
        {
            var kind = op.Kind switch
            {
                TokenKind.Add => DurationOperator.Add,
                TokenKind.Sub => DurationOperator.Sub,
                TokenKind.Mul => DurationOperator.Mul,
                TokenKind.Div => DurationOperator.Div,
                _ => DurationOperator.Mod,
            };
            var checkedLeft = ExperimentalDuration(ctx, left, left);
            if (checkedLeft.Error is not null)
            {
                return checkedLeft;
            }

            if (right is NumberLiteral { Value: 0 } && kind is DurationOperator.Div or DurationOperator.Mod)
            {
                return Outcome<Expr>.Fail(kind == DurationOperator.Div ? "division by zero" : "modulo by zero", op.Start, op.End);
            }

            return new DurationExpr(kind, left, right, false, left.Start, right.End);
        }

        private static readonly Parser<Expr> DurationMul = ChainLeft(k => k is TokenKind.Mul or TokenKind.Div or TokenKind.Mod,
            TokenParsers.Tok(k => k is TokenKind.Mul or TokenKind.Div or TokenKind.Mod, "* / %"), DurationUnary, (Func<Token, Expr, Expr, ParseContext, Outcome<Expr>>)MakeDurationBinary);

        private static readonly Parser<Expr> DurationAdd = ChainLeft(IsSign,
            TokenParsers.Tok(IsSign, "+ or -"), DurationMul, (Func<Token, Expr, Expr, ParseContext, Outcome<Expr>>)MakeDurationBinary);

        /// <summary>Prometheus's <c>duration_expr</c>: the full arithmetic of durations.</summary>
        private static readonly Parser<Expr> DurationExpression = DurationAdd;

        /// <summary>A range or subquery duration: <c>positive_duration_expr</c>.</summary>
        private static readonly Parser<Expr> PositiveDuration = DurationExprRef.Act<Expr, Expr>((e, _) =>
            e is NumberLiteral n && n.Value <= 0 ? Outcome<Expr>.Fail("duration must be greater than 0", n.Start, n.End) : e);

        /// <summary>
        /// Prometheus's <c>offset_duration_expr</c>: a signed literal, <c>step()</c>, <c>range()</c>, <c>min_of</c>
        /// or <c>max_of</c> ends the offset (so <c>foo offset 5m + 1m</c> adds 1m to the selector); only a
        /// parenthesised duration goes on into arithmetic.
        /// </summary>
        private static readonly Parser<Expr> OffsetDuration = input =>
        {
            var t = input.AsTokens();
            var kind = t.Kind;
            if (IsSign(kind))
            {
                var next = t.NextKind;
                if (next is TokenKind.Number or TokenKind.Duration or TokenKind.Hole)
                {
                    return (from op in TokenParsers.Tok(IsSign, "+ or -")
                            from literal in NumberDurationLiteral
                            select (op, literal)).Act<(Token Op, Expr Literal), Expr>((p, _) => p.Literal is NumberLiteral n
                                ? (DurationOutOfRange(p.Op.Kind == TokenKind.Sub ? -n.Value : n.Value)
                                    ? Outcome<Expr>.Fail("duration out of range", p.Op.Start, p.Op.End)
                                    : new NumberLiteral(p.Op.Kind == TokenKind.Sub ? -n.Value : n.Value, n.IsDuration, p.Op.Start, n.End))
                                : new HoleExpr(Modifiers.None, p.Op.Start, p.Literal.End))(input);
                }

                if (next is TokenKind.Step or TokenKind.Range or TokenKind.MinOf or TokenKind.MaxOf)
                {
                    return (from op in TokenParsers.Tok(IsSign, "+ or -")
                            from inner in DurationPrimary
                            select (op, inner)).Act<(Token Op, Expr Inner), Expr>((p, ctx) => ExperimentalDuration(ctx, p.Inner,
                                new DurationExpr(p.Op.Kind == TokenKind.Sub ? DurationOperator.Sub : DurationOperator.Add, null, p.Inner, false, p.Op.Start, p.Inner.End)))(input);
                }

                if (next == TokenKind.LeftParen)
                {
                    return (from op in TokenParsers.Tok(IsSign, "+ or -")
                            from open in Tok(TokenKind.LeftParen)
                            from inner in DurationExprRef
                            from close in Tok(TokenKind.RightParen)
                            select (op, inner)).Act<(Token Op, Expr Inner), Expr>((p, _) => ApplyUnaryToDuration(p.Op, p.Inner, true))(input);
                }

                return DurationExprRef(input);
            }

            return kind switch
            {
                TokenKind.Number or TokenKind.Duration or TokenKind.Hole => DurationLiteral(input),
                TokenKind.Step or TokenKind.Range => CheckedStepOrRange(input),
                TokenKind.MinOf or TokenKind.MaxOf => MinOrMaxOf(input),
                TokenKind.LeftParen => DurationExprRef(input),
                _ => Unexpected<Expr>("offset", DurationExpected)(input),
            };
        };

        // ---------------------------------------------------------------- label matchers and selectors

        private static readonly Parser<Token> MatchOp =
            TokenParsers.Tok(k => k is TokenKind.Eql or TokenKind.Neq or TokenKind.EqlRegex or TokenKind.NeqRegex, "label matching operator");

        private static MatchType ToMatchType(TokenKind k) => k switch
        {
            TokenKind.Eql => MatchType.Equal,
            TokenKind.Neq => MatchType.NotEqual,
            TokenKind.EqlRegex => MatchType.Regexp,
            _ => MatchType.NotRegexp,
        };

        private static readonly Parser<Token> MatcherValue = Expect(Tok(TokenKind.String), "label matching", "string");

        private static readonly Parser<LabelMatcher> StringMatcher =
            (from name in Tok(TokenKind.String)
             from rest in (from op in MatchOp from value in MatcherValue select (op, value)).XOptional()
             select (name, rest)).Act<(Token Name, IOption<(Token Op, Token Value)> Tail), LabelMatcher>((m, c) =>
             {
                 if (!Literals.TryUnquote(TextOf(c, m.Name), out var name, out var error))
                 {
                     return Outcome<LabelMatcher>.Fail(error ?? "bad string", m.Name.Start, m.Name.End);
                 }

                 if (m.Tail.IsDefined)
                 {
                     return MakeMatcher(c, name, m.Name, m.Tail.Get().Op, m.Tail.Get().Value);
                 }

                 return new LabelMatcher(LabelMatcher.MetricNameLabel, MatchType.Equal, name, m.Name.Start, m.Name.End, m.Name.Start, m.Name.End,
                     m.Name.Start, m.Name.End, valueHasHole: m.Name.HasHole, isBareMetricName: true, valueQuote: c.Text[m.Name.Start]);
             });

        /// <summary>One matcher: <c>name op "value"</c>, <c>"quoted name" op "value"</c>, a bare <c>"metric.name"</c>, or a hole.</summary>
        private static readonly Parser<LabelMatcher> Matcher = input =>
        {
            var t = input.AsTokens();
            var ctx = t.Context;
            var first = t.Token;
            if (first.Kind == TokenKind.Identifier)
            {
                var afterName = t.Advance().AsTokens();
                if (first.HasHole && IsAllHoles(ctx, first) && afterName.Kind is TokenKind.Comma or TokenKind.RightBrace)
                {
                    Use(ctx, PromQlFeatures.Holes);
                    var holeText = TextOf(ctx, first);
                    return Result.Success(new LabelMatcher(holeText, MatchType.Equal, holeText, first.Start, first.End, first.Start, first.End,
                        first.Start, first.End, nameHasHole: true, valueHasHole: true), afterName);
                }

                // The common case, decided token by token without building intermediate results.
                var opInput = afterName;
                if (!(opInput.Kind is TokenKind.Eql or TokenKind.Neq or TokenKind.EqlRegex or TokenKind.NeqRegex))
                {
                    return Unexpected<LabelMatcher>("label matching", "label matching operator")(opInput);
                }

                var valueInput = opInput.Advance().AsTokens();
                if (valueInput.Kind != TokenKind.String)
                {
                    return Unexpected<LabelMatcher>("label matching", "string")(valueInput);
                }

                var made = MakeMatcher(ctx, TextOf(ctx, first), first, opInput.Token, valueInput.Token);
                return made.Error is null
                    ? Result.Success(made.Value, valueInput.Advance())
                    : Error<LabelMatcher>(valueInput, made.Error, made.Start, made.End);
            }

            if (first.Kind == TokenKind.String)
            {
                return StringMatcher(input);
            }

            return Unexpected<LabelMatcher>("label matching", "identifier or \"}\"")(input);
        };

        private static bool IsAllHoles(ParseContext ctx, in Token t)
        {
            for (var i = t.Start; i < t.End; i++)
            {
                if (ctx.Text[i] != PromQlParser.HoleCharacter)
                {
                    return false;
                }
            }

            return true;
        }

        private static Outcome<LabelMatcher> MakeMatcher(ParseContext ctx, string name, Token nameToken, Token op, Token value)
        {
            if (!Literals.TryUnquote(TextOf(ctx, value), out var unquoted, out var error))
            {
                return Outcome<LabelMatcher>.Fail(error ?? "bad string", value.Start, value.End);
            }

            var type = ToMatchType(op.Kind);
            if (nameToken.HasHole || value.HasHole)
            {
                Use(ctx, PromQlFeatures.Holes);
            }

            var parsed = !value.HasHole && type is MatchType.Regexp or MatchType.NotRegexp;
            Semantics.PromQlRegex? regex = null;
            if (parsed)
            {
                // Parsed once: the matcher keeps the regex for the facts rules ask later.
                regex = Semantics.PromQlRegex.Parse(unquoted, out var regexError);
                if (regexError is not null)
                {
                    return Outcome<LabelMatcher>.Fail(regexError, nameToken.Start, value.End);
                }
            }

            var matcher = new LabelMatcher(name, type, unquoted, nameToken.Start, value.End, nameToken.Start, nameToken.End, value.Start, value.End,
                nameHasHole: nameToken.HasHole, valueHasHole: value.HasHole, valueQuote: ctx.Text[value.Start]);
            if (parsed)
            {
                matcher.SetRegex(regex);
            }

            return matcher;
        }

        /// <summary><c>{ matcher, … }</c>, a trailing comma allowed.</summary>
        private static readonly Parser<(Token Open, IReadOnlyList<LabelMatcher> Matchers, Token Close)> LabelMatchers = input =>
        {
            var open = Tok(TokenKind.LeftBrace)(input);
            if (!open.WasSuccessful)
            {
                return Result.Failure<(Token, IReadOnlyList<LabelMatcher>, Token)>(open.Remainder, open.Message, open.Expectations);
            }

            var matchers = new List<LabelMatcher>();
            var rest = open.Remainder;
            if (!rest.Is(TokenKind.RightBrace))
            {
                while (true)
                {
                    var m = Matcher(rest);
                    if (!m.WasSuccessful)
                    {
                        return Result.Failure<(Token, IReadOnlyList<LabelMatcher>, Token)>(m.Remainder, m.Message, m.Expectations);
                    }

                    matchers.Add(m.Value);
                    rest = m.Remainder;
                    if (rest.Is(TokenKind.Comma))
                    {
                        rest = rest.Advance();
                        if (rest.Is(TokenKind.RightBrace))
                        {
                            break;
                        }

                        continue;
                    }

                    if (rest.Is(TokenKind.RightBrace))
                    {
                        break;
                    }

                    return Unexpected<(Token, IReadOnlyList<LabelMatcher>, Token)>("label matching", "\",\" or \"}\"")(rest);
                }
            }

            var close = rest.AsTokens().Token;
            return Result.Success((open.Value, (IReadOnlyList<LabelMatcher>)matchers, close), rest.Advance());
        };

        private static readonly Parser<Expr> SelectorWithoutName =
            from braces in LabelMatchers
            select (Expr)new VectorSelector(null, braces.Matchers, Modifiers.None, braces.Open.Start, braces.Close.End,
                -1, braces.Open.Start, braces.Close.Start);

        /// <summary>A metric name with optional braces: <c>metric_identifier label_matchers?</c>.</summary>
        private static readonly Parser<Expr> NamedSelector = input =>
        {
            var t = input.AsTokens();
            var ctx = t.Context;
            var nameToken = t.Token;
            if (!IsMetricIdentifier(nameToken.Kind) && nameToken.Kind != TokenKind.Hole)
            {
                return Unexpected<Expr>(null, null)(input);
            }

            var name = TextOf(ctx, nameToken);
            var nameHasHole = nameToken.HasHole || nameToken.Kind == TokenKind.Hole;
            if (nameHasHole)
            {
                Use(ctx, PromQlFeatures.Holes);
            }

            var rest = t.Advance();
            if (!rest.Is(TokenKind.LeftBrace))
            {
                return Result.Success<Expr>(
                    new VectorSelector(name, Array.Empty<LabelMatcher>(), Modifiers.None, nameToken.Start, nameToken.End, nameToken.End, -1, -1, nameHasHole),
                    rest);
            }

            var braces = LabelMatchers(rest);
            if (!braces.WasSuccessful)
            {
                return Result.Failure<Expr>(braces.Remainder, braces.Message, braces.Expectations);
            }

            var (open, matchers, close) = braces.Value;
            return Result.Success<Expr>(
                new VectorSelector(name, matchers, Modifiers.None, nameToken.Start, close.End, nameToken.End, open.Start, close.Start, nameHasHole),
                braces.Remainder);
        };

        // ---------------------------------------------------------------- grouping labels

        private static readonly Parser<(string Name, int Start, int End)> GroupingLabel = input =>
        {
            var t = input.AsTokens();
            var token = t.Token;
            var ctx = t.Context;
            if (IsMaybeLabel(token.Kind) || token.Kind == TokenKind.Hole)
            {
                if (token.HasHole)
                {
                    Use(ctx, PromQlFeatures.Holes);
                }

                return Result.Success((TextOf(ctx, token), token.Start, token.End), t.Advance());
            }

            if (token.Kind == TokenKind.String)
            {
                if (!Literals.TryUnquote(TextOf(ctx, token), out var value, out var error))
                {
                    return Error<(string, int, int)>(input, error ?? "bad string", token.Start, token.End);
                }

                return Result.Success((value, token.Start, token.End), t.Advance());
            }

            return Unexpected<(string, int, int)>("grouping opts", "label")(input);
        };

        /// <summary><c>( label, … )</c> after <c>by</c>, <c>without</c>, <c>on</c>, <c>ignoring</c>, <c>group_left</c>, <c>group_right</c>.</summary>
        private static readonly Parser<(IReadOnlyList<string> Labels, int End)> GroupingLabels = input =>
        {
            if (!input.Is(TokenKind.LeftParen))
            {
                return Unexpected<(IReadOnlyList<string>, int)>("grouping opts", "\"(\"")(input);
            }

            var labels = new List<string>();
            var rest = input.Advance();
            if (!rest.Is(TokenKind.RightParen))
            {
                while (true)
                {
                    var label = GroupingLabel(rest);
                    if (!label.WasSuccessful)
                    {
                        return Result.Failure<(IReadOnlyList<string>, int)>(label.Remainder, label.Message, label.Expectations);
                    }

                    if (label.Value.Name.Length == 0)
                    {
                        return Error<(IReadOnlyList<string>, int)>(label.Remainder, "invalid label name for grouping: " + Literals.Quote(label.Value.Name),
                            label.Value.Start, label.Value.End);
                    }

                    labels.Add(label.Value.Name);
                    rest = label.Remainder;
                    if (rest.Is(TokenKind.Comma))
                    {
                        rest = rest.Advance();
                        if (rest.Is(TokenKind.RightParen))
                        {
                            break;
                        }

                        continue;
                    }

                    if (rest.Is(TokenKind.RightParen))
                    {
                        break;
                    }

                    return Unexpected<(IReadOnlyList<string>, int)>("grouping opts", "\",\" or \")\"")(rest);
                }
            }

            var close = rest.AsTokens().Token;
            return Result.Success(((IReadOnlyList<string>)labels, close.End), rest.Advance());
        };

        private sealed class GroupingClause
        {
            public GroupingClause(bool without, IReadOnlyList<string> labels, int start, int end)
            {
                Without = without;
                Labels = labels;
                Start = start;
                End = end;
            }

            public bool Without { get; }

            public IReadOnlyList<string> Labels { get; }

            public int Start { get; }

            public int End { get; }
        }

        private static readonly Parser<GroupingClause> AggregateModifier =
            from keyword in TokenParsers.Tok(k => k is TokenKind.By or TokenKind.Without, "by or without")
            from labels in GroupingLabels
            select new GroupingClause(keyword.Kind == TokenKind.Without, labels.Labels, keyword.Start, labels.End);

        // ---------------------------------------------------------------- calls and aggregations

        private static readonly Parser<Expr> ExprRef = TokenParsers.Ref(() => Expression!).Guarded();

        /// <summary><c>( arg, … )</c>; a trailing comma is an error, as in Prometheus.</summary>
        private static readonly Parser<(IReadOnlyList<Expr> Args, Token Open, int End)> CallBody = input =>
        {
            var open = input.AsTokens().Token;
            if (open.Kind != TokenKind.LeftParen)
            {
                return Unexpected<(IReadOnlyList<Expr>, Token, int)>(null, null)(input);
            }

            var args = new List<Expr>();
            var rest = input.Advance();
            if (!rest.Is(TokenKind.RightParen))
            {
                while (true)
                {
                    var arg = ExprRef(rest);
                    if (!arg.WasSuccessful)
                    {
                        return Result.Failure<(IReadOnlyList<Expr>, Token, int)>(arg.Remainder, arg.Message, arg.Expectations);
                    }

                    args.Add(arg.Value);
                    rest = arg.Remainder;
                    if (rest.Is(TokenKind.Comma))
                    {
                        var comma = rest.AsTokens().Token;
                        rest = rest.Advance();
                        if (rest.Is(TokenKind.RightParen))
                        {
                            return Error<(IReadOnlyList<Expr>, Token, int)>(rest, "trailing commas not allowed in function call args", comma.Start, comma.End);
                        }

                        continue;
                    }

                    if (rest.Is(TokenKind.RightParen))
                    {
                        break;
                    }

                    return Unexpected<(IReadOnlyList<Expr>, Token, int)>(null, null)(rest);
                }
            }

            var close = rest.AsTokens().Token;
            return Result.Success(((IReadOnlyList<Expr>)args, open, close.End), rest.Advance());
        };

        private static readonly Parser<Expr> FunctionCall =
            (from name in TokenParsers.Tok(k => k == TokenKind.Identifier || IsPreprocessor(k) || k == TokenKind.Hole, "function name")
             from body in CallBody
             select (name, body))
            .Act<(Token Name, (IReadOnlyList<Expr> Args, Token Open, int End) Body), Expr>((c, ctx) =>
            {
                var name = TextOf(ctx, c.Name);
                if (c.Name.HasHole || c.Name.Kind == TokenKind.Hole)
                {
                    Use(ctx, PromQlFeatures.Holes);
                    return new Call(name, null, c.Body.Args, c.Name.Start, c.Body.End, nameHasHole: true);
                }

                if (!Semantics.PromQlFunctions.TryGet(name, out var function) || function is null)
                {
                    return Outcome<Expr>.Fail("unknown function with name " + Literals.Quote(name), c.Name.Start, c.Name.End);
                }

                if (function.Experimental)
                {
                    Use(ctx, PromQlFeatures.ExperimentalFunctions);
                    if (!ctx.Options.EnableExperimentalFunctions)
                    {
                        return Outcome<Expr>.Fail("function " + Literals.Quote(name) + " is not enabled", c.Name.Start, c.Name.End);
                    }
                }

                return new Call(name, function, c.Body.Args, c.Name.Start, c.Body.End);
            });

        private static AggregateOperator ToAggregate(TokenKind k) => k switch
        {
            TokenKind.Sum => AggregateOperator.Sum,
            TokenKind.Avg => AggregateOperator.Avg,
            TokenKind.Count => AggregateOperator.Count,
            TokenKind.Min => AggregateOperator.Min,
            TokenKind.Max => AggregateOperator.Max,
            TokenKind.Group => AggregateOperator.Group,
            TokenKind.Stddev => AggregateOperator.Stddev,
            TokenKind.Stdvar => AggregateOperator.Stdvar,
            TokenKind.Topk => AggregateOperator.Topk,
            TokenKind.Bottomk => AggregateOperator.Bottomk,
            TokenKind.CountValues => AggregateOperator.CountValues,
            TokenKind.Quantile => AggregateOperator.Quantile,
            TokenKind.Limitk => AggregateOperator.Limitk,
            _ => AggregateOperator.LimitRatio,
        };

        private static readonly Parser<(IReadOnlyList<Expr> Args, Token Open, int End)> AggregateBody = input =>
            input.Is(TokenKind.LeftParen) ? CallBody(input) : Unexpected<(IReadOnlyList<Expr>, Token, int)>("aggregation", null)(input);

        private static readonly Parser<Expr> Aggregation =
            (from op in TokenParsers.Tok(IsAggregator, "aggregation")
             from pre in AggregateModifier.XOptional()
             from body in AggregateBody
             from post in pre.IsDefined ? Parse.Return(pre) : AggregateModifier.XOptional()
             select (op, pre.IsDefined, post, body))
            .Act<(Token Op, bool ModifierFirst, IOption<GroupingClause> Grouping, (IReadOnlyList<Expr> Args, Token Open, int End) Body), Expr>((a, ctx) =>
            {
                var op = ToAggregate(a.Op.Kind);
                var end = !a.ModifierFirst && a.Grouping.IsDefined ? a.Grouping.Get().End : a.Body.End;
                var args = a.Body.Args;
                if (args.Count == 0)
                {
                    return Outcome<Expr>.Fail("no arguments for aggregate expression provided", a.Op.Start, end);
                }

                var desired = 1;
                if (op.HasParameter())
                {
                    if (op.IsExperimental())
                    {
                        Use(ctx, PromQlFeatures.ExperimentalFunctions);
                        if (!ctx.Options.EnableExperimentalFunctions)
                        {
                            return Outcome<Expr>.Fail(op.Text() + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions", a.Op.Start, end);
                        }
                    }

                    desired = 2;
                }

                if (args.Count != desired)
                {
                    return Outcome<Expr>.Fail($"wrong number of arguments for aggregate expression provided, expected {desired}, got {args.Count}", a.Op.Start, end);
                }

                var grouping = a.Grouping.IsDefined ? a.Grouping.Get() : null;
                return new AggregateExpr(op, args[desired - 1], desired == 2 ? args[0] : null, grouping?.Labels ?? Array.Empty<string>(),
                    grouping?.Without ?? false, grouping is not null, a.Op.Start, end, grouping?.Start ?? -1, grouping?.End ?? -1);
            });

        // ---------------------------------------------------------------- primary expressions

        private static readonly Parser<Expr> ParenExpression =
            from open in Tok(TokenKind.LeftParen)
            from inner in ExprRef
            from close in Tok(TokenKind.RightParen).Else(Unexpected<Token>(null, null))
            select (Expr)new ParenExpr(inner, open.Start, close.End);

        private static readonly Parser<Expr> Hole =
            Tok(TokenKind.Hole).Act<Token, Expr>((t, ctx) =>
            {
                Use(ctx, PromQlFeatures.Holes);
                return new HoleExpr(Modifiers.None, t.Start, t.End);
            });

        /// <summary>The start of an expression, chosen on the next token (and, for names, the one after).</summary>
        private static readonly Parser<Expr> Primary = input =>
        {
            var t = input.AsTokens();
            var kind = t.Kind;
            switch (kind)
            {
                case TokenKind.Number:
                case TokenKind.Duration:
                    return t.Token.HasHole ? Hole(input) : NumberDurationLiteral(input);
                case TokenKind.String:
                    return StringLiteralExpr(input);
                case TokenKind.Hole:
                    // A hole standing for a metric or function name: {metric}{pod="p"}, {fn}(x).
                    return t.NextKind switch
                    {
                        TokenKind.LeftBrace => NamedSelector(input),
                        TokenKind.LeftParen => FunctionCall(input),
                        _ => Hole(input),
                    };
                case TokenKind.LeftParen:
                    return ParenExpression(input);
                case TokenKind.LeftBrace:
                    return SelectorWithoutName(input);
            }

            if (IsAggregator(kind) && t.NextKind is TokenKind.LeftParen or TokenKind.By or TokenKind.Without)
            {
                return Aggregation(input);
            }

            if ((kind == TokenKind.Identifier || IsPreprocessor(kind)) && t.NextKind == TokenKind.LeftParen)
            {
                return FunctionCall(input);
            }

            if (IsMetricIdentifier(kind))
            {
                return NamedSelector(input);
            }

            return Unexpected<Expr>(null, null)(input);
        };

        // ---------------------------------------------------------------- postfix modifiers

        /// <summary>What follows an expression in brackets: a range, or a subquery's range and optional step.</summary>
        private sealed class RangeSpec
        {
            public RangeSpec(Expr range, bool isSubquery, Expr? step, Token open, Token close)
            {
                Range = range;
                IsSubquery = isSubquery;
                Step = step;
                Open = open;
                Close = close;
            }

            public Expr Range { get; }

            public bool IsSubquery { get; }

            public Expr? Step { get; }

            public Token Open { get; }

            public Token Close { get; }
        }

        private static IResult<Expr> InDurationContext(Parser<Expr> parser, IInput input, string context, string expected)
        {
            var ctx = input.AsTokens().Context;
            var (outerContext, outerExpected) = (ctx.DurationErrorContext, ctx.DurationErrorExpected);
            ctx.DurationErrorContext = context;
            ctx.DurationErrorExpected = expected;
            try
            {
                return parser(input);
            }
            finally
            {
                ctx.DurationErrorContext = outerContext;
                ctx.DurationErrorExpected = outerExpected;
            }
        }

        /// <summary>A parser that fails without consuming: <c>Nothing&lt;T&gt;().XOptional()</c> is an absent option.</summary>
        private static Parser<T> Nothing<T>() => input => Result.Failure<T>(input, "nothing", Array.Empty<string>());

        private static readonly Parser<RangeSpec> RangeOrSubquery = input =>
        {
            var open = input.AsTokens().Token;
            var rest = input.Advance();
            if (!CanStartDuration(rest.AsTokens().Kind))
            {
                return Unexpected<RangeSpec>("subquery or range selector", DurationExpected)(rest);
            }

            var range = InDurationContext(PositiveDuration, rest, "subquery or range selector", DurationExpected);
            if (!range.WasSuccessful)
            {
                return Result.Failure<RangeSpec>(range.Remainder, range.Message, range.Expectations);
            }

            rest = range.Remainder;
            if (rest.Is(TokenKind.RightBracket))
            {
                return Result.Success(new RangeSpec(range.Value, false, null, open, rest.AsTokens().Token), rest.Advance());
            }

            if (!rest.Is(TokenKind.Colon))
            {
                return Unexpected<RangeSpec>("subquery or range", "\":\" or \"]\"")(rest);
            }

            rest = rest.Advance();
            if (rest.Is(TokenKind.RightBracket))
            {
                return Result.Success(new RangeSpec(range.Value, true, null, open, rest.AsTokens().Token), rest.Advance());
            }

            if (!CanStartDuration(rest.AsTokens().Kind))
            {
                return Unexpected<RangeSpec>("subquery selector", DurationExpected.Replace(", or range()", ", range(), or \"]\""))(rest);
            }

            var step = InDurationContext(PositiveDuration, rest, "subquery selector", DurationExpected.Replace(", or range()", ", range(), or \"]\""));
            if (!step.WasSuccessful)
            {
                return Result.Failure<RangeSpec>(step.Remainder, step.Message, step.Expectations);
            }

            rest = step.Remainder;
            if (!rest.Is(TokenKind.RightBracket))
            {
                return Unexpected<RangeSpec>("subquery selector", "\"]\"")(rest);
            }

            return Result.Success(new RangeSpec(range.Value, true, step.Value, open, rest.AsTokens().Token), rest.Advance());
        };

        private static readonly Parser<(Token At, double? Timestamp, AtModifierKind Kind, bool Hole)> AtModifier = input =>
        {
            var at = input.AsTokens().Token;
            var rest = input.Advance();
            var t = rest.AsTokens();
            if (t.Kind is TokenKind.Start or TokenKind.End && t.NextKind == TokenKind.LeftParen)
            {
                var afterOpen = rest.Advance().Advance();
                if (afterOpen.Is(TokenKind.RightParen))
                {
                    return Result.Success((at, (double?)null, t.Kind == TokenKind.Start ? AtModifierKind.Start : AtModifierKind.End, false), afterOpen.Advance());
                }

                return Unexpected<(Token, double?, AtModifierKind, bool)>(null, null)(afterOpen);
            }

            var sign = 1.0;
            if (IsSign(t.Kind) && t.NextKind is TokenKind.Number or TokenKind.Duration or TokenKind.Hole)
            {
                sign = t.Kind == TokenKind.Sub ? -1 : 1;
                rest = rest.Advance();
                t = rest.AsTokens();
            }

            if (t.Kind is TokenKind.Number or TokenKind.Duration or TokenKind.Hole)
            {
                var literal = NumberDurationLiteral(rest);
                if (!literal.WasSuccessful)
                {
                    return Result.Failure<(Token, double?, AtModifierKind, bool)>(literal.Remainder, literal.Message, literal.Expectations);
                }

                return literal.Value is NumberLiteral n
                    ? Result.Success((at, (double?)(sign * n.Value), AtModifierKind.None, false), literal.Remainder)
                    : Result.Success((at, (double?)null, AtModifierKind.None, true), literal.Remainder);
            }

            return Unexpected<(Token, double?, AtModifierKind, bool)>("@", "timestamp")(rest);
        };

        private const string NotSelectable = "modifier must be preceded by an instant vector selector or range vector selector or a subquery";

        /// <summary>Go's <c>%f</c>: six decimals, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
        private static string FormatGoF(double value)
        {
            var sb = new System.Text.StringBuilder();
            Printing.GoFormat.AppendFloatFixed(sb, value, 6);
            return sb.ToString();
        }

        private static Modifiers? ModifiersOf(Expr e) => e switch
        {
            VectorSelector v => v.Modifiers,
            MatrixSelector m => m.Modifiers,
            SubqueryExpr s => s.Modifiers,
            HoleExpr h => h.Modifiers,
            _ => null,
        };

        private static Expr WithModifiers(Expr e, Modifiers modifiers, int end) => e switch
        {
            VectorSelector v => v.WithModifiers(modifiers, end),
            MatrixSelector m => m.WithModifiers(modifiers, end),
            SubqueryExpr s => s.WithModifiers(modifiers, end),
            HoleExpr h => h.WithModifiers(modifiers, end),
            _ => e,
        };

        private static Outcome<Expr> ApplyRange(Expr target, RangeSpec r, ParseContext ctx)
        {
            static (TimeSpan Literal, Expr? Expression) Split(Expr d) =>
                d is NumberLiteral n ? (TimeSpan.FromTicks((long)Math.Round(n.Value * TimeSpan.TicksPerSecond)), null) : (TimeSpan.Zero, d);

            var range = Split(r.Range);
            if (r.IsSubquery)
            {
                var step = r.Step is not null ? Split(r.Step) : (TimeSpan.Zero, null);
                return new SubqueryExpr(target, range.Literal, range.Expression, step.Item1, step.Item2, Modifiers.None, target.Start, r.Close.End);
            }

            string? error = null;
            var modifiers = Modifiers.None;
            switch (target)
            {
                case VectorSelector v:
                    if (v.Modifiers.HasOffset)
                    {
                        error = "no offset modifiers allowed before range";
                    }
                    else if (v.Modifiers.HasAt)
                    {
                        error = "no @ modifiers allowed before range";
                    }

                    // anchored/smoothed written before the range stay with it (Prometheus keeps them on the selector).
                    if (v.Modifiers.Anchored)
                    {
                        modifiers = modifiers.WithAnchored();
                    }

                    if (v.Modifiers.Smoothed)
                    {
                        modifiers = modifiers.WithSmoothed();
                    }

                    target = v.WithModifiers(Modifiers.None, v.Modifiers.IsEmpty ? v.End : v.End);
                    break;
                case HoleExpr h when h.Modifiers.IsEmpty:
                    break;
                default:
                    error = "ranges only allowed for vector selectors";
                    break;
            }

            if (error is not null)
            {
                return Outcome<Expr>.Fail(error, r.Open.Start, r.Close.End);
            }

            return new MatrixSelector(target, range.Literal, range.Expression, modifiers, target.Start, r.Close.End);
        }

        private static Outcome<Expr> ApplyOffset(Expr target, Expr duration, int end)
        {
            var modifiers = ModifiersOf(target);
            if (modifiers is null || (target is MatrixSelector m && m.VectorSelector is not VectorSelector and not HoleExpr))
            {
                return Outcome<Expr>.Fail("offset " + NotSelectable, target.Start, target.End);
            }

            if (modifiers.HasOffset)
            {
                return Outcome<Expr>.Fail("offset may not be set multiple times", target.Start, target.End);
            }

            var updated = duration switch
            {
                NumberLiteral n => modifiers.WithOffset(TimeSpan.FromTicks((long)Math.Round(n.Value * TimeSpan.TicksPerSecond))),
                DurationExpr or HoleExpr => modifiers.WithOffset(duration),
                _ => modifiers,
            };
            return WithModifiers(target, updated, end);
        }

        private static Outcome<Expr> ApplyAt(Expr target, (Token At, double? Timestamp, AtModifierKind Kind, bool Hole) at, int end)
        {
            if (at.Timestamp is { } ts && (double.IsInfinity(ts) || double.IsNaN(ts) || ts >= 9.2233720368547758e18 || ts <= -9.2233720368547758e18))
            {
                return Outcome<Expr>.Fail("timestamp out of bounds for @ modifier: " + FormatGoF(ts), target.Start, target.End);
            }

            var modifiers = ModifiersOf(target);
            if (modifiers is null)
            {
                return Outcome<Expr>.Fail("@ " + NotSelectable, target.Start, target.End);
            }

            if (modifiers.HasAt)
            {
                return Outcome<Expr>.Fail("@ <timestamp> may not be set multiple times", target.Start, target.End);
            }

            if (at.Hole)
            {
                return WithModifiers(target, modifiers, end);
            }

            var updated = at.Timestamp is { } seconds
                ? modifiers.WithTimestamp((long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero))
                : modifiers.WithAt(at.Kind);
            return WithModifiers(target, updated, end);
        }

        private static Outcome<Expr> ApplyExtended(Expr target, bool anchored, ParseContext ctx)
        {
            var name = anchored ? "anchored" : "smoothed";
            Use(ctx, PromQlFeatures.ExtendedRangeSelectors);
            if (!ctx.Options.EnableExtendedRangeSelectors)
            {
                return Outcome<Expr>.Fail(name + " modifier is experimental and not enabled", target.Start, target.End);
            }

            switch (target)
            {
                case VectorSelector or HoleExpr:
                case MatrixSelector { VectorSelector: VectorSelector or HoleExpr }:
                    var modifiers = ModifiersOf(target)!;
                    if ((anchored && modifiers.Smoothed) || (!anchored && modifiers.Anchored))
                    {
                        return Outcome<Expr>.Fail("anchored and smoothed modifiers cannot be used together", target.Start, target.End);
                    }

                    return WithModifiers(target, anchored ? modifiers.WithAnchored() : modifiers.WithSmoothed(), target.End);
                case MatrixSelector:
                    return target;
                case SubqueryExpr:
                    return Outcome<Expr>.Fail(name + " modifier is not supported for subqueries", target.Start, target.End);
                default:
                    return Outcome<Expr>.Fail(name + " modifier not implemented", target.Start, target.End);
            }
        }

        /// <summary>A primary expression followed by any number of <c>[…]</c>, <c>offset</c>, <c>@</c>, <c>anchored</c>, <c>smoothed</c>.</summary>
        private static readonly Parser<Expr> Postfix = input =>
        {
            var r = Primary(input);
            if (!r.WasSuccessful)
            {
                return r;
            }

            var expr = r.Value;
            var rest = r.Remainder;
            var ctx = rest.AsTokens().Context;
            while (true)
            {
                Outcome<Expr> outcome;
                switch (rest.AsTokens().Kind)
                {
                    case TokenKind.LeftBracket:
                        var range = RangeOrSubquery(rest);
                        if (!range.WasSuccessful)
                        {
                            return Result.Failure<Expr>(range.Remainder, range.Message, range.Expectations);
                        }

                        outcome = ApplyRange(expr, range.Value, ctx);
                        rest = range.Remainder;
                        break;
                    case TokenKind.Offset:
                        var duration = InDurationContext(OffsetDuration, rest.Advance(), "offset", DurationExpected);
                        if (!duration.WasSuccessful)
                        {
                            return duration;
                        }

                        outcome = ApplyOffset(expr, duration.Value, EndBefore(duration.Remainder));
                        rest = duration.Remainder;
                        break;
                    case TokenKind.At:
                        var at = AtModifier(rest);
                        if (!at.WasSuccessful)
                        {
                            return Result.Failure<Expr>(at.Remainder, at.Message, at.Expectations);
                        }

                        outcome = ApplyAt(expr, at.Value, EndBefore(at.Remainder));
                        rest = at.Remainder;
                        break;
                    case TokenKind.Anchored:
                    case TokenKind.Smoothed:
                        outcome = ApplyExtended(expr, rest.AsTokens().Kind == TokenKind.Anchored, ctx);
                        rest = rest.Advance();
                        break;
                    default:
                        return ReferenceEquals(expr, r.Value) ? r : Result.Success(expr, rest);
                }

                if (outcome.Error is not null)
                {
                    return Error<Expr>(rest, outcome.Error, outcome.Start, outcome.End);
                }

                expr = outcome.Value;
            }
        };

        // ---------------------------------------------------------------- operators

        private sealed class BinaryOperatorInfo
        {
            public BinaryOperatorInfo(Token op, bool returnBool, VectorMatching matching, int end)
            {
                Op = op;
                ReturnBool = returnBool;
                Matching = matching;
                End = end;
            }

            public Token Op { get; }

            public bool ReturnBool { get; }

            public VectorMatching Matching { get; }

            public int End { get; }
        }

        private static BinaryOperator ToBinary(TokenKind k) => k switch
        {
            TokenKind.Add => BinaryOperator.Add,
            TokenKind.Sub => BinaryOperator.Sub,
            TokenKind.Mul => BinaryOperator.Mul,
            TokenKind.Div => BinaryOperator.Div,
            TokenKind.Mod => BinaryOperator.Mod,
            TokenKind.Pow => BinaryOperator.Pow,
            TokenKind.Atan2 => BinaryOperator.Atan2,
            TokenKind.Eqlc => BinaryOperator.Eql,
            TokenKind.Neq => BinaryOperator.Neq,
            TokenKind.Lss => BinaryOperator.Lss,
            TokenKind.Lte => BinaryOperator.Lte,
            TokenKind.Gtr => BinaryOperator.Gtr,
            TokenKind.Gte => BinaryOperator.Gte,
            TokenKind.TrimUpper => BinaryOperator.TrimUpper,
            TokenKind.TrimLower => BinaryOperator.TrimLower,
            TokenKind.And => BinaryOperator.And,
            TokenKind.Or => BinaryOperator.Or,
            _ => BinaryOperator.Unless,
        };

        /// <summary><c>( [+|-] number )</c> after <c>fill</c>, <c>fill_left</c> or <c>fill_right</c>.</summary>
        private static readonly Parser<double> FillValue =
            from open in Tok(TokenKind.LeftParen).Else(Unexpected<Token>(null, null))
            from sign in TokenParsers.Tok(IsSign, "+ or -").XOptional()
            from literal in NumberDurationLiteral.Else(Unexpected<Expr>(null, null))
            from close in Tok(TokenKind.RightParen).Else(Unexpected<Token>(null, null))
            select literal is NumberLiteral n ? (sign.IsDefined && sign.Get().Kind == TokenKind.Sub ? -n.Value : n.Value) : double.NaN;

        private static readonly Parser<(bool On, IReadOnlyList<string> Labels)> OnOrIgnoring =
            from keyword in TokenParsers.Tok(k => k is TokenKind.On or TokenKind.Ignoring, "on or ignoring")
            from labels in GroupingLabels
            select (keyword.Kind == TokenKind.On, labels.Labels);

        private static readonly Parser<(VectorMatchCardinality Card, IReadOnlyList<string> Include)> GroupSide =
            from keyword in TokenParsers.Tok(k => k is TokenKind.GroupLeft or TokenKind.GroupRight, "group_left or group_right")
            from labels in GroupingLabels.Select(l => l.Labels).XOr(Parse.Return((IReadOnlyList<string>)Array.Empty<string>()))
            select (keyword.Kind == TokenKind.GroupLeft ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany, labels);

        private static Parser<(TokenKind Kind, double Value)> FillClause(params TokenKind[] kinds) =>
            from keyword in TokenParsers.Tok(k => Array.IndexOf(kinds, k) >= 0, "fill")
            from value in FillValue
            select (keyword.Kind, value);

        private static readonly Parser<FillValues> FillModifiers =
            (from first in FillClause(TokenKind.Fill, TokenKind.FillLeft, TokenKind.FillRight)
             from second in first.Kind == TokenKind.FillLeft ? FillClause(TokenKind.FillRight).XOptional()
                 : first.Kind == TokenKind.FillRight ? FillClause(TokenKind.FillLeft).XOptional()
                 : Nothing<(TokenKind Kind, double Value)>().XOptional()
             select Fill(first, second))
            .XOr(Parse.Return(FillValues.None));

        private static FillValues Fill((TokenKind Kind, double Value) first, IOption<(TokenKind Kind, double Value)> second)
        {
            double? left = null, right = null;
            foreach (var (kind, value) in second.IsDefined ? new[] { first, second.Get() } : new[] { first })
            {
                if (kind is TokenKind.Fill or TokenKind.FillLeft)
                {
                    left = value;
                }

                if (kind is TokenKind.Fill or TokenKind.FillRight)
                {
                    right = value;
                }
            }

            return new FillValues(left, right);
        }

        private static readonly VectorMatching DefaultMatching =
            new VectorMatching(VectorMatchCardinality.OneToOne, Array.Empty<string>(), false, Array.Empty<string>(), FillValues.None);

        private static bool StartsBinaryModifier(TokenKind k) =>
            k is TokenKind.Bool or TokenKind.On or TokenKind.Ignoring or TokenKind.Fill or TokenKind.FillLeft or TokenKind.FillRight;

        /// <summary>An operator token and its modifiers; a bare operator (the usual case) takes a shortcut.</summary>
        private static Parser<BinaryOperatorInfo> BinaryOp(params TokenKind[] kinds)
        {
            var full = BinaryOpWithModifiers(kinds);
            return input =>
            {
                var t = input.AsTokens();
                if (Array.IndexOf(kinds, t.Kind) < 0)
                {
                    return Result.Failure<BinaryOperatorInfo>(input, "operator", Array.Empty<string>());
                }

                var next = t.Advance();
                return StartsBinaryModifier(next.AsTokens().Kind)
                    ? full(input)
                    : Result.Success(new BinaryOperatorInfo(t.Token, false, DefaultMatching, t.Token.End), next);
            };
        }

        private static Parser<BinaryOperatorInfo> BinaryOpWithModifiers(TokenKind[] kinds) =>
            from op in TokenParsers.Tok(k => Array.IndexOf(kinds, k) >= 0, "operator")
            from returnBool in Tok(TokenKind.Bool).XOptional()
            from matching in OnOrIgnoring.XOptional()
            from side in matching.IsDefined ? GroupSide.XOptional() : Nothing<(VectorMatchCardinality Card, IReadOnlyList<string> Include)>().XOptional()
            from fill in FillModifiers
            select new BinaryOperatorInfo(op, returnBool.IsDefined,
                new VectorMatching(side.IsDefined ? side.Get().Item1 : VectorMatchCardinality.OneToOne,
                    matching.IsDefined ? matching.Get().Labels : Array.Empty<string>(),
                    matching.IsDefined && matching.Get().On,
                    side.IsDefined ? side.Get().Item2 : Array.Empty<string>(),
                    fill, matching.IsDefined),
                op.End);

        private static Outcome<Expr> MakeBinary(BinaryOperatorInfo op, Expr left, Expr right, ParseContext ctx)
        {
            var binary = new BinaryExpr(ToBinary(op.Op.Kind), left, right, op.Matching, op.ReturnBool, left.Start, right.End, op.Op.Start, op.End);
            if (op.Matching.Fill.Any)
            {
                Use(ctx, PromQlFeatures.BinopFillModifiers);
                if (!ctx.Options.EnableBinopFillModifiers)
                {
                    return Outcome<Expr>.Fail("binop fill modifiers are experimental and not enabled", binary.Start, binary.End);
                }
            }

            return binary;
        }

        private static readonly Func<BinaryOperatorInfo, Expr, Expr, ParseContext, Outcome<Expr>> Binary = MakeBinary;

        private static readonly Parser<BinaryOperatorInfo> PowerOp = BinaryOp(TokenKind.Pow);

        private static readonly Parser<Expr> UnaryRef = TokenParsers.Ref(() => Unary!).Guarded();

        /// <summary><c>^</c> binds tighter than unary minus and is right-associative: its right side is a unary expression.</summary>
        private static readonly Parser<Expr> Power = input =>
        {
            var left = Postfix(input);
            if (!left.WasSuccessful || !left.Remainder.Is(TokenKind.Pow))
            {
                return left;
            }

            var op = PowerOp(left.Remainder);
            if (!op.WasSuccessful)
            {
                return Result.Failure<Expr>(op.Remainder, op.Message, op.Expectations);
            }

            var right = UnaryRef(op.Remainder);
            if (!right.WasSuccessful)
            {
                return right;
            }

            var outcome = MakeBinary(op.Value, left.Value, right.Value, right.Remainder.AsTokens().Context);
            return outcome.Error is null ? Result.Success(outcome.Value, right.Remainder) : Error<Expr>(right.Remainder, outcome.Error, outcome.Start, outcome.End);
        };

        /// <summary>Prometheus's <c>unary_expr</c>: a sign folds into a number literal, otherwise wraps the operand.</summary>
        private static readonly Parser<Expr> Unary = input =>
        {
            var t = input.AsTokens();
            if (!IsSign(t.Kind))
            {
                return Power(input);
            }

            var sign = t.Token;
            var operand = UnaryRef(input.Advance());
            if (!operand.WasSuccessful)
            {
                return operand;
            }

            var minus = sign.Kind == TokenKind.Sub;
            Expr result = operand.Value switch
            {
                NumberLiteral n => new NumberLiteral(minus ? -n.Value : n.Value, n.IsDuration, sign.Start, n.End),
                var e => new UnaryExpr(minus ? UnaryOperator.Minus : UnaryOperator.Plus, e, sign.Start, e.End),
            };
            return Result.Success(result, operand.Remainder);
        };

        private static Parser<Expr> Tier(Parser<Expr> operand, params TokenKind[] operators) =>
            ChainLeft(k => Array.IndexOf(operators, k) >= 0, BinaryOp(operators), operand, Binary);

        private static readonly Parser<Expr> Multiplicative = Tier(Unary, TokenKind.Mul, TokenKind.Div, TokenKind.Mod, TokenKind.Atan2);

        private static readonly Parser<Expr> Additive = Tier(Multiplicative, TokenKind.Add, TokenKind.Sub);

        private static readonly Parser<Expr> Comparison = Tier(Additive,
            TokenKind.Eqlc, TokenKind.Neq, TokenKind.Lss, TokenKind.Lte, TokenKind.Gtr, TokenKind.Gte, TokenKind.TrimUpper, TokenKind.TrimLower);

        private static readonly Parser<Expr> AndUnless = Tier(Comparison, TokenKind.And, TokenKind.Unless);

        private static readonly Parser<Expr> OrExpression = Tier(AndUnless, TokenKind.Or);

        /// <summary>Any expression.</summary>
        private static readonly Parser<Expr> Expression = OrExpression;

        /// <summary>A whole query: one expression, then the end of input.</summary>
        private static readonly Parser<Expr> Query =
            from e in ExprRef
            from end in Tok(TokenKind.EndOfInput).Else(Unexpected<Token>(null, null))
            select e;
    }
}
