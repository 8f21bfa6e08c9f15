using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PromQL.Parsing.Lexing;
using Sprache;

namespace PromQL.Parsing.Grammar
{
    /// <summary>
    /// Token-level Sprache primitives and the few combinators the grammar needs beyond Sprache's own:
    /// an iterative left-associative chain (Sprache's recurses once per operator, which a long
    /// <c>a+a+…</c> would turn into a stack overflow), a depth guard, and actions that may fail with a
    /// Prometheus-worded error at an exact span.
    /// </summary>
    internal static class TokenParsers
    {
        private static readonly string[] NoExpectations = Array.Empty<string>();

        /// <summary>Outcome of a grammar action: a value, or an error with its span.</summary>
        internal readonly struct Outcome<T>
        {
            private Outcome(T value, string? error, int start, int end)
            {
                Value = value;
                Error = error;
                Start = start;
                End = end;
            }

            public T Value { get; }

            public string? Error { get; }

            public int Start { get; }

            public int End { get; }

            public static Outcome<T> Ok(T value) => new Outcome<T>(value, null, 0, 0);

            public static Outcome<T> Fail(string message, int start, int end) => new Outcome<T>(default!, message, start, end);

            public static implicit operator Outcome<T>(T value) => Ok(value);
        }

        public static TokenInput AsTokens(this IInput input) => (TokenInput)input;

        /// <summary>
        /// A forward reference for recursive rules. Sprache's <c>Parse.Ref</c> also memoises to detect left
        /// recursion, allocating a failure on every call; this grammar has no left recursion, and the
        /// allocation was a measurable share of a query's cost. The referenced field is declared later, so
        /// callers write <c>() => Field!</c>: it is read only once parsing starts, after every field is set.
        /// </summary>
        public static Parser<T> Ref<T>(Func<Parser<T>> reference)
        {
            Parser<T>? parser = null;
            return input => (parser ??= reference())(input);
        }

        /// <summary>One token of the given kind.</summary>
        public static Parser<Token> Tok(TokenKind kind) => input =>
        {
            var t = input.AsTokens();
            return t.Kind == kind ? t.TokenResult : t.TokenMismatch;
        };

        /// <summary>One token whose kind satisfies the predicate.</summary>
        public static Parser<Token> Tok(Func<TokenKind, bool> predicate, string description) => input =>
        {
            var t = input.AsTokens();
            return predicate(t.Kind) ? t.TokenResult : t.TokenMismatch;
        };

        /// <summary>Succeeds without consuming when the next token has the kind.</summary>
        public static bool Is(this IInput input, TokenKind kind) => input.AsTokens().Kind == kind;

        /// <summary>
        /// Prometheus's <c>unexpected(context, expected)</c>: "unexpected &lt;token&gt; in &lt;context&gt;, expected &lt;what&gt;"
        /// at the current token; a lexer error token reports the lexer's own message instead.
        /// </summary>
        public static Parser<T> Unexpected<T>(string? context, string? expected) => input =>
            Result.Failure<T>(input, UnexpectedMessage(input.AsTokens(), context, expected), NoExpectations);

        public static string UnexpectedMessage(TokenInput at, string? context, string? expected)
        {
            var ctx = at.Context;
            var token = at.Token;
            if (token.Kind == TokenKind.Error)
            {
                return ctx.RecordError(ctx.Tokens.ErrorMessage ?? "error", token.Start, ctx.Text.Length);
            }

            var message = "unexpected " + TokenDescriptions.Describe(ctx.Tokens, at.Index);
            if (!string.IsNullOrEmpty(context))
            {
                message += " in " + context;
            }

            if (!string.IsNullOrEmpty(expected))
            {
                message += ", expected " + expected;
            }

            return ctx.RecordError(message, token.Start, token.End);
        }

        /// <summary>A failure that names an error at an exact span.</summary>
        public static IResult<T> Error<T>(IInput at, string message, int start, int end) =>
            Result.Failure<T>(at, at.AsTokens().Context.RecordError(message, start, end), NoExpectations);

        /// <summary>Runs an action on a parsed value; the action may fail with an error at its own span.</summary>
        public static Parser<TOut> Act<TIn, TOut>(this Parser<TIn> parser, Func<TIn, ParseContext, Outcome<TOut>> action) => input =>
        {
            var r = parser(input);
            if (!r.WasSuccessful)
            {
                return Result.Failure<TOut>(r.Remainder, r.Message, r.Expectations);
            }

            var outcome = action(r.Value, r.Remainder.AsTokens().Context);
            return outcome.Error is null
                ? Result.Success(outcome.Value, r.Remainder)
                : Error<TOut>(r.Remainder, outcome.Error, outcome.Start, outcome.End);
        };

        /// <summary>The parser, or — when it fails without consuming anything — the fallback.</summary>
        /// <remarks>Unlike Sprache's <c>XOr</c>, the fallback's failure message wins: it is the one that says what was expected.</remarks>
        public static Parser<T> Else<T>(this Parser<T> parser, Parser<T> fallback) => input =>
        {
            var first = parser(input);
            return first.WasSuccessful || !first.Remainder.Equals(input) ? first : fallback(input);
        };

        /// <summary>
        /// "unexpected …" in the context of the duration being parsed (a range, a subquery step, an offset), as
        /// Prometheus's error productions around durations word it.
        /// </summary>
        public static Parser<T> UnexpectedInDuration<T>() => input =>
        {
            var ctx = input.AsTokens().Context;
            return Unexpected<T>(ctx.DurationErrorContext, ctx.DurationErrorExpected)(input);
        };

        /// <summary>
        /// A left-associative chain, folded in a loop. <paramref name="op"/> must fail without consuming
        /// when no operator follows.
        /// </summary>
        public static Parser<T> ChainLeft<T, TOp>(Func<TokenKind, bool> startsOperator, Parser<TOp> op, Parser<T> operand, Func<TOp, T, T, ParseContext, Outcome<T>> apply) => input =>
        {
            var first = operand(input);
            if (!first.WasSuccessful)
            {
                return first;
            }

            var acc = first.Value;
            var rest = first.Remainder;
            while (true)
            {
                // Most operands are not followed by this tier's operator: decide on the token kind alone, and
                // hand the operand's own result back rather than allocating another at every tier.
                if (!startsOperator(rest.AsTokens().Kind))
                {
                    return ReferenceEquals(rest, first.Remainder) && ReferenceEquals(acc, first.Value) ? first : Result.Success(acc, rest);
                }

                var o = op(rest);
                if (!o.WasSuccessful)
                {
                    if (o.Remainder.Equals(rest))
                    {
                        return Result.Success(acc, rest);
                    }

                    return Result.Failure<T>(o.Remainder, o.Message, o.Expectations);
                }

                var r = operand(o.Remainder);
                if (!r.WasSuccessful)
                {
                    return r;
                }

                var outcome = apply(o.Value, acc, r.Value, r.Remainder.AsTokens().Context);
                if (outcome.Error is not null)
                {
                    return Error<T>(r.Remainder, outcome.Error, outcome.Start, outcome.End);
                }

                acc = outcome.Value;
                rest = r.Remainder;
            }
        };

        /// <summary>
        /// Counts nesting on the way into a recursive rule and stops, with a clear error, past
        /// <see cref="PromQlParserOptions.MaxDepth"/> or when the thread's stack runs low.
        /// </summary>
        public static Parser<T> Guarded<T>(this Parser<T> parser) => input =>
        {
            var t = input.AsTokens();
            var ctx = t.Context;
            if (ctx.Depth >= ctx.Options.MaxDepth || !HasStackRoom())
            {
                return Error<T>(input, $"expression nests too deeply (more than {ctx.Options.MaxDepth} levels)", t.Token.Start, t.Token.End);
            }

            ctx.Depth++;
            try
            {
                return parser(input);
            }
            finally
            {
                ctx.Depth--;
            }
        };

        private static bool HasStackRoom()
        {
            try
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
                return true;
            }
            catch (InsufficientExecutionStackException)
            {
                return false;
            }
        }
    }
}
