using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// A query written inside a Prometheus HTTP API URL's own text: <c>"…/api/v1/query?query=sum(up)&amp;time=…"</c>. The
    /// value of the first <c>query</c> parameter (or of every <c>match[]</c> of a selector endpoint) is the query,
    /// decoded as Prometheus decodes it (<see cref="QueryStringValue"/>); a hole inside it is a hole of the query. The
    /// endpoint is the path before the first <c>?</c>, read by <see cref="HttpApiTargets.EndpointKind"/>, so Loki's
    /// <c>/loki/api/v1/query</c> and other services' parameters are never read.
    /// </summary>
    /// <remarks>
    /// <see cref="TextScan.HasApiPath"/> and <see cref="MayHoldQuery"/> are the cheap gates: only a string whose literal
    /// text holds <c>api/v1/</c> and <c>query=</c> or <c>match</c> is read here.
    /// </remarks>
    internal static class UrlQueryLiterals
    {
        /// <summary>The relative form that an <c>HttpClient</c> with a <c>BaseAddress</c> is given.</summary>
        private const string RelativeApiPath = "api/v1/";

        /// <summary>
        /// Whether a literal part of <paramref name="root"/> names a query parameter (<c>query=</c>, <c>match[]</c> or
        /// <c>match%5B%5D</c>): asked once <see cref="TextScan.HasApiPath"/> is true; allocates only for a concatenation.
        /// </summary>
        public static bool MayHoldQuery(ExpressionSyntax root) =>
            StringExpressions.AnyLiteralText(root, static text => NamesParameter(text));

        /// <summary>
        /// The queries that <paramref name="url"/> (a string's text, holes as <see cref="PromQlParser.HoleCharacter"/>)
        /// sends in its own query string, with their endpoint's kind; null when it is no Prometheus API URL or sends none
        /// written there. A value that is only holes is left to <see cref="HttpApiTargets"/>, which reads the string in
        /// the hole (and one empty or blank is no query); a parameter with a <c>;</c> is one Go drops.
        /// </summary>
        public static List<UrlQuery>? Find(PromQlSourceText url)
        {
            var text = url.Text;
            var question = text.IndexOf('?');
            if (question <= 0 || !IsUrlPath(text, question))
            {
                return null;
            }

            var path = text.StartsWith(RelativeApiPath, StringComparison.Ordinal) ? "/" + text.Substring(0, question) : text.Substring(0, question);
            var queryKind = HttpApiTargets.EndpointKind(path + "?query=");
            var selectorKind = queryKind == QueryKind.Unknown ? HttpApiTargets.EndpointKind(path + "?match[]=") : QueryKind.Unknown;
            if (queryKind == QueryKind.Unknown && selectorKind == QueryKind.Unknown)
            {
                return null;
            }

            // The fragment is not sent.
            var fragment = text.IndexOf('#', question + 1);
            var end = fragment < 0 ? text.Length : fragment;
            List<UrlQuery>? queries = null;
            var sawQuery = false;
            for (var pairStart = question + 1; pairStart < end;)
            {
                var pairEnd = text.IndexOf('&', pairStart, end - pairStart);
                if (pairEnd < 0)
                {
                    pairEnd = end;
                }

                var equals = text.IndexOf('=', pairStart, pairEnd - pairStart);
                if (equals >= 0 && text.IndexOf(';', pairStart, pairEnd - pairStart) < 0)
                {
                    var name = QueryStringValue.DecodeName(text, pairStart, equals);
                    var kind = name switch
                    {
                        "query" when !sawQuery => queryKind,
                        "match[]" => selectorKind,
                        _ => QueryKind.Unknown,
                    };

                    // Prometheus reads the first query parameter (FormValue), and every match[] (Form["match[]"]).
                    sawQuery |= name == "query";
                    if (kind != QueryKind.Unknown && HasOwnText(url, equals + 1, pairEnd))
                    {
                        (queries ??= new List<UrlQuery>()).Add(new UrlQuery(kind, QueryStringValue.Decode(url, equals + 1, pairEnd)));
                    }
                }

                pairStart = pairEnd + 1;
            }

            return queries;
        }

        private static bool NamesParameter(string text) =>
            text.IndexOf("query=", StringComparison.Ordinal) >= 0 || text.IndexOf("match", StringComparison.Ordinal) >= 0;

        /// <summary>
        /// Whether the text before the query string is a URL (or its unknown part, a hole): no character a URL cannot
        /// hold, so a PromQL query with a URL in a label value (<c>up{url="http://…/api/v1/query?query=x"}</c>) is not read.
        /// </summary>
        private static bool IsUrlPath(string text, int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (text[i] is ' ' or '\t' or '\r' or '\n' or '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether characters [<paramref name="start"/>, <paramref name="end"/>) hold any of the string's own text: a
        /// literal's, or a constant's other than a string written in a hole (<c>{"sum(up)"}</c>), which is a string of
        /// its own that <see cref="HttpApiTargets"/> reads.
        /// </summary>
        private static bool HasOwnText(PromQlSourceText url, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var piece = url.GetPiece(i);
                switch (piece.Kind)
                {
                    case SourceTextPieceKind.Hole:
                        break;
                    case SourceTextPieceKind.Constant:
                        if (piece.Node is not InterpolationSyntax interpolation || !IsStringWritten(interpolation.Expression))
                        {
                            return true;
                        }

                        break;
                    default:
                        return true;
                }

                i = piece.End - 1;
            }

            return false;
        }

        private static bool IsStringWritten(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression.IsKind(SyntaxKind.StringLiteralExpression) || expression.IsKind(SyntaxKind.InterpolatedStringExpression);
        }
    }

    /// <summary>A query found in a URL's text: its endpoint's kind and its decoded text.</summary>
    internal readonly struct UrlQuery
    {
        public UrlQuery(QueryKind kind, PromQlSourceText text)
        {
            Kind = kind;
            Text = text;
        }

        public QueryKind Kind { get; }

        public PromQlSourceText Text { get; }
    }
}
