using System;
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
    /// a <c>StringBuilder.Append</c> chain, directly or through <c>Uri.EscapeDataString</c>, <c>WebUtility.UrlEncode</c>,
    /// <c>HttpUtility.UrlEncode</c> or <c>UrlEncoder.Encode</c>. The endpoint is read from the URL's constant text
    /// before the value: <c>…/api/v1/query?…query=</c>, under any base URL or prefix.
    /// </summary>
    /// <remarks>
    /// <see cref="Find"/> looks at syntax only and costs a parent check for a string that is not in such a place; only
    /// what it finds reaches <see cref="Confirm"/>, which binds the encoder and the builder call.
    /// </remarks>
    internal static class HttpApiTargets
    {
        /// <summary>How much constant URL text before the value is read.</summary>
        private const int MaxUrlText = 4096;

        /// <summary>The Prometheus HTTP API's path; any base URL or prefix may stand before it.</summary>
        private const string ApiPath = "/api/v1/";

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
            ExpressionSyntax? builder = null;
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

                    before = ConcatenationTextBefore(interpolated, value);
                    break;
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && add.Right == value:
                    if (LastLiteralText(add.Left) is not { } left || !EndsWithParameter(left))
                    {
                        return default;
                    }

                    before = ConcatenationTextBefore(add, value);
                    break;
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument:
                    switch (TargetSyntax.RightmostName(invocation.Expression))
                    {
                        case "Format" when IsStringTypeName(invocation.Expression):
                            before = FormatTextBefore(list, argument);
                            break;
                        case "Append" when list.Arguments.Count == 1:
                            before = AppendTextBefore(invocation);
                            break;
                        case "AddQueryString" when list.Arguments.Count == 3 && list.Arguments[2] == argument:
                            // QueryHelpers.AddQueryString(uri, "query", value): the URL is the first argument.
                            before = ParameterUrl(list.Arguments[0].Expression, list.Arguments[1].Expression);
                            break;
                        case "Create" when list.Arguments.Count == 2 && list.Arguments[1] == argument && TargetSyntax.RightmostName(invocation.Expression) == "Create"
                            && invocation.Expression is MemberAccessExpressionSyntax { Expression: var kvp } && TargetSyntax.RightmostName(kvp) == "KeyValuePair":
                            // KeyValuePair.Create("query", value) in the entries of a form.
                            before = FormEntryUrl(invocation, list.Arguments[0].Expression, out builder);
                            if (builder is null)
                            {
                                return default;
                            }

                            return Result(before, encoder, builder);
                        default:
                            return default;
                    }

                    builder = invocation;
                    break;
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments.Count: 2, Parent: BaseObjectCreationExpressionSyntax pair } pairArguments } pairValue
                    when pairArguments.Arguments[1] == pairValue && (pair is ImplicitObjectCreationExpressionSyntax || (pair is ObjectCreationExpressionSyntax named && TargetSyntax.RightmostName(named.Type) == "KeyValuePair")):
                    // new KeyValuePair<string, string>("query", value), or new("query", value), in the entries of a form.
                    before = FormEntryUrl(pair, pairArguments.Arguments[0].Expression, out builder);
                    if (builder is null)
                    {
                        return default;
                    }

                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } keys }, Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax dictionary } } entry
                    when entry.Right == value:
                    // new Dictionary<string, string> { ["query"] = value }
                    before = FormEntryUrl(dictionary, keys[0].Expression, out builder);
                    if (builder is null)
                    {
                        return default;
                    }

                    break;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: { Count: 2 } pairExpressions, Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax collection } }
                    when pairExpressions[1] == value:
                    // new Dictionary<string, string> { { "query", value } }
                    before = FormEntryUrl(collection, pairExpressions[0], out builder);
                    if (builder is null)
                    {
                        return default;
                    }

                    break;
                default:
                    return default;
            }

            return Result(before, encoder, builder);
        }

        private static HttpApiUse Result(string? before, InvocationExpressionSyntax? encoder, ExpressionSyntax? builder)
        {

            var kind = before is null ? QueryKind.Unknown : EndpointKind(before);
            return kind == QueryKind.Unknown ? default : new HttpApiUse(kind, encoder, builder);
        }

        /// <summary>
        /// The URL text up to a parameter sent as a form entry: the entry (<paramref name="entry"/>, with key
        /// <paramref name="key"/>) stands in the initializer or the array of <c>new FormUrlEncodedContent(…)</c>, passed
        /// to <c>PostAsync(url, …)</c>; the text is the URL's, then <c>?</c> and the key, as if it were in the URL.
        /// </summary>
        private static string? FormEntryUrl(ExpressionSyntax entry, ExpressionSyntax key, out ExpressionSyntax? form)
        {
            form = null;
            SyntaxNode? node = entry;
            // Up from a pair through its array or collection, or from a dictionary entry to the dictionary.
            if (node.Parent is InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } initializer)
            {
                node = initializer.Parent;
            }
            else if (node.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection })
            {
                node = collection;
            }

            if (node?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax creation } }
                || (creation is ObjectCreationExpressionSyntax named && TargetSyntax.RightmostName(named.Type) != "FormUrlEncodedContent")
                || creation.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: >= 2, Parent: InvocationExpressionSyntax post } postArguments } content
                || postArguments.Arguments.IndexOf(content) != 1
                || TargetSyntax.RightmostName(post.Expression) is not ("PostAsync" or "PutAsync"))
            {
                return null;
            }

            form = creation;
            return ParameterUrl(postArguments.Arguments[0].Expression, key);
        }

        /// <summary>The URL text of <paramref name="url"/>, then the parameter <paramref name="key"/> (a literal) as <c>?key=</c>.</summary>
        private static string? ParameterUrl(ExpressionSyntax url, ExpressionSyntax key)
        {
            if (key is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression) || !StringExpressions.IsRoot(url))
            {
                return null;
            }

            var text = new StringBuilder();
            StringExpressions.ForEachPart(url, token => text.Append(token.ValueText), _ => text.Append(PromQlParser.HoleCharacter));
            var question = text.ToString().IndexOf('?');
            if (question >= 0)
            {
                text.Length = question;
            }

            return text.Length < MaxUrlText ? text.Append('?').Append(literal.Token.ValueText).Append('=').ToString() : null;
        }

        /// <summary>What the semantic model says of what <see cref="Find"/> saw: the encoder and the builder are the BCL's.</summary>
        public static bool Confirm(HttpApiUse use, SemanticModel model, CancellationToken cancellationToken)
        {
            if (use.Encoder is { } encoder && !(model.GetSymbolInfo(encoder, cancellationToken).Symbol is IMethodSymbol method && IsEncoder(encoder, method, model, cancellationToken)))
            {
                return false;
            }

            if (use.Builder is BaseObjectCreationExpressionSyntax form)
            {
                return model.GetTypeInfo(form, cancellationToken).Type is INamedTypeSymbol formType && IsType(formType, "FormUrlEncodedContent", "System.Net.Http");
            }

            if (use.Builder is { } builder)
            {
                return model.GetSymbolInfo(builder, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type } call
                    && call.Name switch
                    {
                        "Format" => type.SpecialType == SpecialType.System_String,
                        "Append" => IsType(type, "StringBuilder", "System.Text"),
                        "AddQueryString" => IsType(type, "QueryHelpers", "Microsoft.AspNetCore.WebUtilities"),
                        _ => false,
                    };
            }

            return true;
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

        /// <summary>Loki serves the same paths under <c>/loki</c>, for LogQL.</summary>
        private static bool IsOtherService(string path, int apiStart)
        {
            var segmentStart = path.LastIndexOf('/', Math.Max(apiStart - 1, 0)) + 1;
            var segment = apiStart > segmentStart ? path.Substring(segmentStart, apiStart - segmentStart) : string.Empty;
            return string.Equals(segment, "loki", StringComparison.OrdinalIgnoreCase);
        }

        private static bool EndsWithParameter(string text) =>
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

        private static bool IsEncoderName(string name) => name is "EscapeDataString" or "UrlEncode" or "Encode";

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
        private static SyntaxNode? ParentOf(ExpressionSyntax expression, out ExpressionSyntax value)
        {
            value = expression;
            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            return value.Parent;
        }

        /// <summary>The last literal text of a string expression (a literal, an interpolated string, a concatenation's last operand).</summary>
        private static string? LastLiteralText(ExpressionSyntax expression)
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

        /// <summary>The constant text of the whole concatenation around <paramref name="node"/>, up to <paramref name="value"/>.</summary>
        private static string? ConcatenationTextBefore(ExpressionSyntax node, ExpressionSyntax value)
        {
            ExpressionSyntax top = node;
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
                top,
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

        /// <summary>The text appended before the last call of <c>new StringBuilder(…).Append(…)…Append(value)</c>.</summary>
        private static string? AppendTextBefore(InvocationExpressionSyntax last)
        {
            // The cheap test first, without allocating: the Append before this one ends with the parameter's name.
            var previous = (last.Expression as MemberAccessExpressionSyntax)?.Expression switch
            {
                InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } appended } => appended[0].Expression,
                ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } constructed } => constructed[0].Expression,
                _ => null,
            };
            if (previous is null || LastLiteralText(previous) is not { } previousText || !EndsWithParameter(previousText))
            {
                return null;
            }

            var parts = new System.Collections.Generic.List<ExpressionSyntax?>();
            var receiver = (last.Expression as MemberAccessExpressionSyntax)?.Expression;
            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } access, ArgumentList.Arguments: { Count: 1 } arguments })
            {
                parts.Add(arguments[0].Expression);
                receiver = access.Expression;
            }

            if (receiver is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } initial })
            {
                parts.Add(initial[0].Expression);
            }
            else
            {
                parts.Add(null);
            }

            var text = new StringBuilder();
            for (var i = parts.Count - 1; i >= 0 && text.Length < MaxUrlText; i--)
            {
                if (parts[i] is { } part && StringExpressions.IsRoot(part))
                {
                    StringExpressions.ForEachPart(part, token => text.Append(token.ValueText), _ => text.Append(PromQlParser.HoleCharacter));
                }
                else
                {
                    text.Append(PromQlParser.HoleCharacter);
                }
            }

            return text.Length < MaxUrlText ? text.ToString() : null;
        }
    }

    /// <summary>What <see cref="HttpApiTargets.Find"/> saw: the endpoint's kind, and the calls the semantic model must confirm.</summary>
    internal readonly struct HttpApiUse
    {
        public HttpApiUse(QueryKind kind, InvocationExpressionSyntax? encoder, ExpressionSyntax? builder)
        {
            Kind = kind;
            Encoder = encoder;
            Builder = builder;
        }

        /// <summary>The endpoint's kind; <see cref="QueryKind.Unknown"/> when nothing was found.</summary>
        public QueryKind Kind { get; }

        public bool IsFound => Kind != QueryKind.Unknown;

        /// <summary>The <c>EscapeDataString</c>-style call around the value, if any.</summary>
        public InvocationExpressionSyntax? Encoder { get; }

        /// <summary>
        /// The <c>string.Format</c>, <c>StringBuilder.Append</c> or <c>QueryHelpers.AddQueryString</c> call that builds
        /// the URL, or the <c>new FormUrlEncodedContent(…)</c> that holds the entry, if any.
        /// </summary>
        public ExpressionSyntax? Builder { get; }
    }
}
