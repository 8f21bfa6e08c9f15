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
                var syntax = PromQlGrammar.ParseTokens(tokens, options);
                if (syntax.Error is { } error)
                {
                    return new PromQlParseResult(text, null, new[] { error }, syntax.Features);
                }

                var semantic = SemanticChecker.Check(syntax.Expression!, text, options);
                return new PromQlParseResult(text, syntax.Expression, semantic, syntax.Features);
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

        private static PromQlParseResult Failure(string text, string message) =>
            new PromQlParseResult(text, null, new[] { new PromQlDiagnostic(message, 0, text.Length) }, PromQlFeatures.None);
    }
}
