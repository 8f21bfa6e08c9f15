using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PromQL.Parsing.Grammar;
using PromQL.Parsing.Lexing;
using PromQL.Parsing.Semantics;

namespace PromQL.Parsing
{
    /// <summary>
    /// Parses PromQL the way Prometheus 3.x does: the lexer, the grammar and the semantic checks of
    /// <c>promql/parser</c>, with positions on every node and errors returned as data, never thrown.
    /// </summary>
    public static class PromQlParser
    {
        /// <summary>
        /// The character that stands for an interpolation hole of unknown value (see
        /// <see cref="PromQlParserOptions.AllowHoles"/>). It is in the Unicode private use area, so it
        /// never occurs in a real query.
        /// </summary>
        public const char HoleCharacter = '\uE000';

        /// <summary>Parses <paramref name="text"/> with every Prometheus feature flag on.</summary>
        public static PromQlParseResult Parse(string text) => Parse(text, PromQlParserOptions.Default);

        /// <summary>Parses <paramref name="text"/> with the given options.</summary>
        public static PromQlParseResult Parse(string text, PromQlParserOptions? options)
        {
            text ??= string.Empty;
            options ??= PromQlParserOptions.Default;
            try
            {
                var tokens = Lexer.Tokenize(text, options);

                // Nothing changes for a text without holes: no sites, no pass.
                var holes = options.AllowHoles && text.IndexOf(HoleCharacter) >= 0 ? HolePositions.Of(tokens) : null;
                var syntax = PromQlGrammar.ParseTokens(tokens, options);
                if (syntax.Error is { } error)
                {
                    return new PromQlParseResult(text, null, new[] { error }, syntax.Features, holes);
                }

                var semantic = SemanticChecker.Check(syntax.Expression!, text, options);
                return new PromQlParseResult(text, syntax.Expression, semantic, syntax.Features, holes);
            }
            catch (InsufficientExecutionStackException)
            {
                return Failure(text, "query is nested too deeply to parse");
            }
#pragma warning disable CA1031 // The parser's contract is that it never throws: a defect becomes a diagnostic.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Failure(text, "internal parser error: " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>
        /// Why Prometheus's <c>ParseMetricSelector</c> (the <c>match[]</c> of <c>/api/v1/series</c>, <c>/api/v1/labels</c>
        /// and <c>/api/v1/label/&lt;name&gt;/values</c>) rejects <paramref name="text"/>, a query that parses as an
        /// expression: its grammar (<c>START_METRIC_SELECTOR vector_selector</c>) takes a metric name and label
        /// matchers and nothing more, so it stops at the first token after them with <c>unexpected …</c>. Null for a
        /// bare vector selector, and where a hole leaves the answer open.
        /// </summary>
        public static PromQlDiagnostic? MetricSelectorError(string text)
        {
            text ??= string.Empty;
            try
            {
                var tokens = Lexer.Tokenize(text, PromQlParserOptions.Default);
                var i = 0;
                if (tokens[0].Kind == TokenKind.Hole)
                {
                    // A hole is a name only when braces follow; alone it may be any expression.
                    if (tokens.Count < 2 || tokens[1].Kind != TokenKind.LeftBrace)
                    {
                        return null;
                    }

                    i = 1;
                }
                else if (IsMetricIdentifier(tokens[0].Kind))
                {
                    i = 1;
                }

                if (i < tokens.Count && tokens[i].Kind == TokenKind.LeftBrace)
                {
                    while (i < tokens.Count && tokens[i].Kind != TokenKind.RightBrace)
                    {
                        i++;
                    }

                    i++;
                }

                if (i >= tokens.Count || tokens[i].Kind is TokenKind.EndOfInput or TokenKind.Hole or TokenKind.Error)
                {
                    return null;
                }

                var token = tokens[i];
                return new PromQlDiagnostic("unexpected " + TokenDescriptions.Describe(tokens, i), token.Start, token.Length);
            }
#pragma warning disable CA1031 // The parser's contract is that it never throws.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        /// <summary>The tokens of <c>metric_identifier</c> in Prometheus's grammar: names, and keywords that may name a metric.</summary>
        private static bool IsMetricIdentifier(TokenKind kind) => kind switch
        {
            TokenKind.Identifier or TokenKind.MetricIdentifier => true,
            TokenKind.Avg or TokenKind.Bottomk or TokenKind.By or TokenKind.Count or TokenKind.CountValues or TokenKind.Fill
                or TokenKind.FillLeft or TokenKind.FillRight or TokenKind.Group or TokenKind.And or TokenKind.Or or TokenKind.Unless
                or TokenKind.Max or TokenKind.Min or TokenKind.Offset or TokenKind.Quantile or TokenKind.Stddev or TokenKind.Stdvar
                or TokenKind.Sum or TokenKind.Topk or TokenKind.Without or TokenKind.Start or TokenKind.End or TokenKind.Limitk
                or TokenKind.LimitRatio or TokenKind.Step or TokenKind.Range or TokenKind.Anchored or TokenKind.Smoothed
                or TokenKind.MaxOf or TokenKind.MinOf => true,
            _ => false,
        };

        private static PromQlParseResult Failure(string text, string message) =>
            new PromQlParseResult(text, null, new[] { new PromQlDiagnostic(message, 0, text.Length) }, PromQlFeatures.None);
    }
}
