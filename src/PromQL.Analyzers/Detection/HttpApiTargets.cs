using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// A string that is sent as the <c>query</c> (or <c>match[]</c>) parameter of a Prometheus HTTP API URL built in
    /// C#: the value after <c>query=</c> in an interpolated string, a concatenation, a <c>string.Format</c> argument or
    /// what a <c>StringBuilder</c> was given before (<see cref="StringBuilderText"/>), directly or through
    /// <c>Uri.EscapeDataString</c>, <c>WebUtility.UrlEncode</c>, <c>HttpUtility.UrlEncode</c> or <c>UrlEncoder.Encode</c>;
    /// or the <c>"query"</c> entry of a form or query-string builder (<see cref="HttpApiForms"/>). The endpoint is read
    /// from the URL's constant text before the value: <c>…/api/v1/query?…query=</c>, under any base URL or prefix.
    /// </summary>
    /// <remarks>
    /// <see cref="Find"/> looks at syntax only and costs a parent check for a string that is not in such a place (and,
    /// for an <c>Append</c> argument, a look at the statement before); only what it finds reaches
    /// <see cref="Confirm"/>, which binds the encoder, the calls and the locals it read.
    /// </remarks>
    internal static class HttpApiTargets
    {
        /// <summary>How much constant URL text before the value is read.</summary>
        internal const int MaxUrlText = 4096;

        /// <summary>The Prometheus HTTP API's path; any base URL or prefix may stand before it.</summary>
        private const string ApiPath = "/api/v1/";

        /// <summary><see cref="ApiPath"/> without its leading slash, as a relative URL starts.</summary>
        private const string RelativeApiPath = "api/v1/";

        /// <summary><see cref="RelativeApiPath"/> right after a hole, a base URL that ends with its slash.</summary>
        private static readonly string HoleApiPath = PromQlParser.HoleCharacter + RelativeApiPath;

        /// <summary>The selector parameter's name as written, plain or percent-encoded.</summary>
        private static readonly string[] SelectorParameters = { "match[]=", "match%5B%5D=", "match%5b%5d=" };

        /// <summary>
        /// Where <paramref name="use"/> (a string expression, or a local's identifier) is sent, by syntax: the endpoint's
        /// kind, or <see cref="QueryKind.Unknown"/> when it is not the query parameter of a Prometheus API URL.
        /// </summary>
        public static HttpApiUse Find(ExpressionSyntax use)
        {
            var parent = ParentOf(use, out var value);
            InvocationExpressionSyntax? encoder = null;
            if (parent is ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } encoderArguments } encoded
                && encoderArguments.Arguments.Count is 1 or 2
                && encoderArguments.Arguments[0] == encoded
                && IsEncoderName(TargetSyntax.RightmostName(call.Expression)))
            {
                encoder = call;
                parent = ParentOf(call, out value);
            }

            string? before;
            HttpApiEvidence? evidence = null;
            switch (parent)
            {
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } interpolation:
                    // The cheap test first: the text right before the hole names the parameter.
                    var index = interpolated.Contents.IndexOf(interpolation);
                    if (index <= 0 || interpolated.Contents[index - 1] is not InterpolatedStringTextSyntax previous
                        || !EndsWithParameter(previous.TextToken.ValueText))
                    {
                        return default;
                    }

                    before = WithPrefix(ConcatenationTextBefore(interpolated, value, out var interpolatedTop), interpolatedTop, ref evidence);
                    break;
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && add.Right == value:
                    if (LastLiteralText(add.Left) is not { } left || !EndsWithParameter(left))
                    {
                        return default;
                    }

                    before = WithPrefix(ConcatenationTextBefore(add, value, out var addTop), addTop, ref evidence);
                    break;
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument:
                    var arguments = list.Arguments;
                    switch (TargetSyntax.RightmostName(invocation.Expression))
                    {
                        case "Format" when IsStringTypeName(invocation.Expression):
                            before = FormatTextBefore(list, argument);
                            break;
                        case "Append" when arguments.Count == 1:
                            before = StringBuilderText.AppendTextBefore(invocation, out evidence);
                            break;
                        case "AddQueryString" when arguments.Count == 3 && arguments[2] == argument && IsParameterName(arguments[1].Expression):
                            // QueryHelpers.AddQueryString(uri, "query", value): the URL is the first argument.
                            evidence = new HttpApiEvidence(invocation);
                            before = ParameterUrl(arguments[0].Expression, arguments[1].Expression, evidence);
                            break;
                        case "Create" when arguments.Count == 2 && arguments[1] == argument && IsParameterName(arguments[0].Expression)
                            && invocation.Expression is MemberAccessExpressionSyntax { Expression: var type }:
                            // KeyValuePair.Create("query", value) in the entries of a form, or QueryString.Create("query", value).
                            before = TargetSyntax.RightmostName(type) switch
                            {
                                "KeyValuePair" => HttpApiForms.EntryUrl(invocation, arguments[0].Expression, out evidence),
                                "QueryString" => HttpApiForms.QueryStringUrl(invocation, arguments[0].Expression, out evidence),
                                _ => null,
                            };
                            return Result(before, encoder, evidence);
                        case "Add" when arguments.Count == 2 && arguments[1] == argument && IsParameterName(arguments[0].Expression):
                            // form.Add("query", value) on a local dictionary or NameValueCollection, or QueryString's .Add("query", value).
                            before = invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax }
                                ? HttpApiForms.EntryUrl(invocation, arguments[0].Expression, out evidence)
                                : HttpApiForms.QueryStringUrl(invocation, arguments[0].Expression, out evidence);
                            return Result(before, encoder, evidence);
                        default:
                            return default;
                    }

                    if (before is null)
                    {
                        // The common case of an Append or a Format: nothing to confirm, nothing allocated.
                        return default;
                    }

                    evidence ??= new HttpApiEvidence(invocation);
                    break;
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments.Count: 2, Parent: BaseObjectCreationExpressionSyntax pair } pairArguments } pairValue
                    when pairArguments.Arguments[1] == pairValue && IsParameterName(pairArguments.Arguments[0].Expression)
                        && (pair is ImplicitObjectCreationExpressionSyntax || (pair is ObjectCreationExpressionSyntax named && TargetSyntax.RightmostName(named.Type) == "KeyValuePair")):
                    // new KeyValuePair<string, string>("query", value), or new("query", value), in the entries of a form.
                    before = HttpApiForms.EntryUrl(pair, pairArguments.Arguments[0].Expression, out evidence);
                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys }, Parent: InitializerExpressionSyntax } entry
                    when entry.Right == value && IsParameterName(keys[0].Expression):
                    // new Dictionary<string, string> { ["query"] = value }
                    before = HttpApiForms.EntryUrl(entry, keys[0].Expression, out evidence);
                    break;
                case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax, ArgumentList.Arguments: { Count: 1 } indexKeys }, Parent: ExpressionStatementSyntax } indexed
                    when indexed.Right == value && indexed.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsParameterName(indexKeys[0].Expression):
                    // form["query"] = value; on a local dictionary or NameValueCollection.
                    before = HttpApiForms.EntryUrl(indexed, indexKeys[0].Expression, out evidence);
                    break;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pairExpressions } complex
                    when pairExpressions[1] == value && IsParameterName(pairExpressions[0]):
                    // new Dictionary<string, string> { { "query", value } }, or a NameValueCollection's.
                    before = HttpApiForms.EntryUrl(complex, pairExpressions[0], out evidence);
                    break;
                default:
                    return default;
            }

            return Result(before, encoder, evidence);
        }

        private static HttpApiUse Result(string? before, InvocationExpressionSyntax? encoder, HttpApiEvidence? evidence)
        {
            var kind = before is null ? QueryKind.Unknown : EndpointKind(before);
            return kind == QueryKind.Unknown ? default : new HttpApiUse(kind, encoder, evidence);
        }

        /// <summary>
        /// <paramref name="before"/>, the text of a concatenation up to the value, with what is known to come before
        /// the whole concatenation (<paramref name="top"/>) when that text alone names no endpoint: the text appended
        /// before it to a <c>StringBuilder</c>, or the URL of the <c>UriBuilder</c> whose <c>Query</c> it is.
        /// </summary>
        private static string? WithPrefix(string? before, ExpressionSyntax top, ref HttpApiEvidence? evidence)
        {
            if (before is null || EndpointKind(before) != QueryKind.Unknown)
            {
                return before;
            }

            var parent = ParentOf(top, out _);
            var append = parent is ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
                && TargetSyntax.RightmostName(call.Expression) == "Append"
                ? call
                : null;
            if (append is null && parent is not AssignmentExpressionSyntax)
            {
                return before;
            }

            evidence ??= new HttpApiEvidence();
            var mark = evidence.Mark();
            string? prefix;
            if (append is not null)
            {
                evidence.AddCall(append);
                prefix = StringBuilderText.TextBeforeAppend(append, evidence);
            }
            else
            {
                prefix = HttpApiForms.QueryAssignmentUrl(top, evidence) is { } url ? url + (before.StartsWith("?", StringComparison.Ordinal) ? string.Empty : "?") : null;
            }

            if (prefix is null)
            {
                evidence.Reset(mark);
                return before;
            }

            return prefix + before;
        }

        /// <summary>A <c>"query"</c> or <c>"match[]"</c> literal: the name of the parameter a form or query-string entry sets.</summary>
        internal static bool IsParameterName(ExpressionSyntax key) =>
            key is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Token.ValueText is "query" or "match[]";

        /// <summary>The URL text of <paramref name="url"/> up to its query, then the parameter <paramref name="key"/> (a literal) as <c>?key=</c>.</summary>
        internal static string? ParameterUrl(ExpressionSyntax url, ExpressionSyntax key, HttpApiEvidence evidence) =>
            WithParameter(UrlText(url, evidence), key);

        /// <summary>The text of a URL up to its query, then the parameter <paramref name="key"/> (a literal) as <c>?key=</c>.</summary>
        internal static string? WithParameter(string? url, ExpressionSyntax key)
        {
            if (url is null || key is not LiteralExpressionSyntax literal)
            {
                return null;
            }

            var question = url.IndexOf('?');
            return (question >= 0 ? url.Substring(0, question) : url) + "?" + literal.Token.ValueText + "=";
        }

        /// <summary>
        /// The constant text of a URL written as a string expression, <c>new Uri(…)</c> of one, or a local declared with
        /// one in the statements just before (holes as <see cref="PromQlParser.HoleCharacter"/>); null when it is longer
        /// than <see cref="MaxUrlText"/> or is none of these.
        /// </summary>
        internal static string? UrlText(ExpressionSyntax url, HttpApiEvidence evidence)
        {
            while (url is ParenthesizedExpressionSyntax parenthesized)
            {
                url = parenthesized.Expression;
            }

            if (url is IdentifierNameSyntax local && NearbyStatements.Of(url) is { } statement
                && NearbyStatements.DeclarationBefore(statement, local.Identifier.ValueText, out _) is { Initializer.Value: { } initial } declarator)
            {
                // var url = $"{b}/api/v1/query"; … PostAsync(url, …)
                evidence.AddLocal(local, declarator);
                url = initial;
            }

            if (url is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 or 2 } uriArguments } uri && TargetSyntax.RightmostName(uri.Type) == "Uri")
            {
                // new Uri(url) and new Uri(url, UriKind.Relative)
                evidence.AddCall(uri);
                url = uriArguments[0].Expression;
            }

            if (!StringExpressions.IsRoot(url))
            {
                return null;
            }

            var text = new StringBuilder();
            StringExpressions.ForEachPart(url, token => text.Append(token.ValueText), _ => text.Append(PromQlParser.HoleCharacter));
            return text.Length < MaxUrlText ? text.ToString() : null;
        }

        /// <summary>What the semantic model says of what <see cref="Find"/> saw: the encoder and every call read are the BCL's, every local the one read.</summary>
        public static bool Confirm(HttpApiUse use, SemanticModel model, CancellationToken cancellationToken)
        {
            if (use.Encoder is { } encoder && !(model.GetSymbolInfo(encoder, cancellationToken).Symbol is IMethodSymbol method && IsEncoder(encoder, method, model, cancellationToken)))
            {
                return false;
            }

            if (use.Evidence is not { } evidence)
            {
                return true;
            }

            foreach (var call in evidence.Calls)
            {
                if (!IsKnownCall(call, model, cancellationToken))
                {
                    return false;
                }
            }

            foreach (var local in evidence.Locals)
            {
                var declared = model.GetDeclaredSymbol(local.Value, cancellationToken);
                if (declared is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(local.Key, cancellationToken).Symbol, declared))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a call or creation that syntax read is the framework's, by its type's name and namespace.</summary>
        private static bool IsKnownCall(ExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        {
            if (call is BaseObjectCreationExpressionSyntax creation)
            {
                return model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol type
                    && type.Name switch
                    {
                        "FormUrlEncodedContent" or "HttpRequestMessage" => IsType(type, type.Name, "System.Net.Http"),
                        "Uri" or "UriBuilder" => IsType(type, type.Name, "System"),
                        "QueryBuilder" => IsType(type, type.Name, "Microsoft.AspNetCore.Http.Extensions"),
                        _ => false,
                    };
            }

            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ContainingType: { } containing } method)
            {
                return false;
            }

            return method.Name switch
            {
                "Format" => containing.SpecialType == SpecialType.System_String,
                "Append" => IsType(containing, "StringBuilder", "System.Text"),
                "AddQueryString" => IsType(containing, "QueryHelpers", "Microsoft.AspNetCore.WebUtilities"),
                "Create" or "Add" => IsType(containing, "QueryString", "Microsoft.AspNetCore.Http"),
                "ParseQueryString" => IsType(containing, "HttpUtility", "System.Web"),
                "UploadValues" or "UploadValuesAsync" or "UploadValuesTaskAsync" => IsType(containing, "WebClient", "System.Net"),
                _ => false,
            };
        }

        /// <summary>
        /// The kind of the endpoint whose parameter ends <paramref name="before"/>, the URL's text up to the value
        /// (holes as <see cref="PromQlParser.HoleCharacter"/>): <c>…/api/v1/query?…&amp;query=</c> and the like.
        /// </summary>
        internal static QueryKind EndpointKind(string before)
        {
            bool selectorParameter;
            int nameStart;
            if (before.EndsWith("query=", StringComparison.Ordinal))
            {
                selectorParameter = false;
                nameStart = before.Length - "query=".Length;
            }
            else if (EndsWithSelectorParameter(before, out nameStart))
            {
                selectorParameter = true;
            }
            else
            {
                return QueryKind.Unknown;
            }

            if (nameStart == 0 || before[nameStart - 1] is not ('?' or '&'))
            {
                return QueryKind.Unknown;
            }

            var question = before.LastIndexOf('?', nameStart - 1);
            if (question < 0)
            {
                return QueryKind.Unknown;
            }

            var path = before.Substring(0, question);
            if (path.EndsWith("/", StringComparison.Ordinal))
            {
                path = path.Substring(0, path.Length - 1);
            }

            if (path.IndexOf(ApiPath, StringComparison.Ordinal) < 0)
            {
                // A path relative to HttpClient.BaseAddress ("api/v1/query"), or after a base URL that ends with its own
                // slash ("{baseUrl}api/v1/query"): the API path starts the text or follows a hole.
                var relative = path.StartsWith(RelativeApiPath, StringComparison.Ordinal) ? 0
                    : path.LastIndexOf(HoleApiPath, StringComparison.Ordinal) is var hole and >= 0 ? hole + 1
                    : -1;
                if (relative < 0)
                {
                    return QueryKind.Unknown;
                }

                path = path.Substring(0, relative) + "/" + path.Substring(relative);
            }

            var kind = PathKind(path, out var apiStart);
            if (kind == QueryKind.Unknown || (kind == QueryKind.Selector) != selectorParameter || IsOtherService(path, apiStart))
            {
                return QueryKind.Unknown;
            }

            return kind;
        }

        private static QueryKind PathKind(string path, out int apiStart)
        {
            apiStart = path.LastIndexOf(ApiPath, StringComparison.Ordinal);
            if (apiStart < 0)
            {
                return QueryKind.Unknown;
            }

            var endpoint = path.Substring(apiStart + ApiPath.Length);
            switch (endpoint)
            {
                case "query":
                    return QueryKind.Instant;
                case "query_range":
                    return QueryKind.Range;
                case "query_exemplars":
                    return QueryKind.Exemplars;
                case "series":
                case "labels":
                    return QueryKind.Selector;
            }

            // label/<name>/values, the name written or a hole.
            return endpoint.StartsWith("label/", StringComparison.Ordinal) && endpoint.EndsWith("/values", StringComparison.Ordinal)
                && endpoint.Length > "label//values".Length && endpoint.IndexOf('/', "label/".Length) == endpoint.Length - "/values".Length
                ? QueryKind.Selector
                : QueryKind.Unknown;
        }

        /// <summary>Loki serves the same paths under <c>/loki</c>, for LogQL (the segment starts after a slash or a hole).</summary>
        private static bool IsOtherService(string path, int apiStart)
        {
            var from = Math.Max(apiStart - 1, 0);
            var segmentStart = Math.Max(path.LastIndexOf('/', from), path.LastIndexOf(PromQlParser.HoleCharacter, from)) + 1;
            var segment = apiStart > segmentStart ? path.Substring(segmentStart, apiStart - segmentStart) : string.Empty;
            return string.Equals(segment, "loki", StringComparison.OrdinalIgnoreCase);
        }

        internal static bool EndsWithParameter(string text) =>
            text.EndsWith("query=", StringComparison.Ordinal) || EndsWithSelectorParameter(text, out _);

        private static bool EndsWithSelectorParameter(string text, out int nameStart)
        {
            foreach (var name in SelectorParameters)
            {
                if (text.EndsWith(name, StringComparison.Ordinal))
                {
                    nameStart = text.Length - name.Length;
                    return true;
                }
            }

            nameStart = -1;
            return false;
        }

        internal static bool IsEncoderName(string name) => name is "EscapeDataString" or "UrlEncode" or "Encode";

        /// <summary>Whether <paramref name="call"/> is a URL encoder of the BCL's (<see cref="IsEncoderName"/> names them).</summary>
        internal static bool IsUrlEncoderCall(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && IsEncoder(call, method, model, cancellationToken);

        private static bool IsEncoder(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (method.Name)
            {
                case "EscapeDataString":
                    return IsType(method.ContainingType, "Uri", "System");
                case "UrlEncode":
                    return method.ReturnType.SpecialType == SpecialType.System_String
                        && (IsType(method.ContainingType, "WebUtility", "System.Net") || IsType(method.ContainingType, "HttpUtility", "System.Web"));
                case "Encode":
                    // TextEncoder declares Encode: the receiver tells a UrlEncoder from an HtmlEncoder.
                    var receiver = call.Expression is MemberAccessExpressionSyntax access ? model.GetTypeInfo(access.Expression, cancellationToken).Type : null;
                    for (var type = receiver as INamedTypeSymbol; type is not null; type = type.BaseType)
                    {
                        if (IsType(type, "UrlEncoder", "System.Text.Encodings.Web"))
                        {
                            return method.ReturnType.SpecialType == SpecialType.System_String;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool IsType(INamedTypeSymbol? type, string name, string containingNamespace) =>
            type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

        /// <summary><c>string.Format</c>, <c>String.Format</c>, <c>System.String.Format</c>.</summary>
        internal static bool IsStringTypeName(ExpressionSyntax invoked) =>
            invoked is MemberAccessExpressionSyntax { Expression: var receiver }
            && (receiver is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword }
                || TargetSyntax.RightmostName(receiver) == "String");

        /// <summary>The expression's parent above parentheses; <paramref name="value"/> is the outermost parenthesis.</summary>
        internal static SyntaxNode? ParentOf(ExpressionSyntax expression, out ExpressionSyntax value)
        {
            value = expression;
            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            return value.Parent;
        }

        /// <summary>The last literal text of a string expression (a literal, an interpolated string, a concatenation's last operand).</summary>
        internal static string? LastLiteralText(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        expression = add.Right;
                        continue;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal.Token.ValueText;
                    case InterpolatedStringExpressionSyntax { Contents: { Count: > 0 } contents }:
                        return contents[contents.Count - 1] is InterpolatedStringTextSyntax text ? text.TextToken.ValueText : null;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// The constant text of the whole concatenation around <paramref name="node"/> (<paramref name="top"/>), up to
        /// <paramref name="value"/>.
        /// </summary>
        internal static string? ConcatenationTextBefore(ExpressionSyntax node, ExpressionSyntax value, out ExpressionSyntax top)
        {
            top = node;
            while (true)
            {
                var parent = top.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression))
                {
                    top = add;
                }
                else
                {
                    break;
                }
            }

            var text = new StringBuilder();
            var limit = value.SpanStart;
            StringExpressions.ForEachPart(
                (ExpressionSyntax)top,
                token =>
                {
                    if (token.Span.End <= limit && text.Length < MaxUrlText)
                    {
                        text.Append(token.ValueText);
                    }
                },
                other =>
                {
                    if (other.Span.End <= limit && text.Length < MaxUrlText)
                    {
                        text.Append(PromQlParser.HoleCharacter);
                    }
                });
            return text.Length < MaxUrlText ? text.ToString() : null;
        }

        /// <summary>The format text of <c>string.Format(format, args)</c> before the item that <paramref name="argument"/> fills.</summary>
        private static string? FormatTextBefore(ArgumentListSyntax list, ArgumentSyntax argument)
        {
            var position = list.Arguments.IndexOf(argument);
            for (var f = 0; f < 2 && f < position; f++)
            {
                if (list.Arguments[f].Expression is LiteralExpressionSyntax format && format.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    // The cheap test first: most format strings name no query parameter, and reading one allocates.
                    var formatText = format.Token.ValueText;
                    return formatText.IndexOf("query=", StringComparison.Ordinal) >= 0 || formatText.IndexOf("match", StringComparison.Ordinal) >= 0
                        ? CompositeFormat.TextBefore(formatText, position - f - 1)
                        : null;
                }
            }

            return null;
        }
    }
}
