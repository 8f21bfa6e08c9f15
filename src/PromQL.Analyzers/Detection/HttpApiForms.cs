using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// A value sent as the <c>"query"</c> (or <c>"match[]"</c>) entry of a name/value collection, and the URL that
    /// collection goes to: a dictionary, a list of pairs or a <c>NameValueCollection</c>, written inline or held in a
    /// local and filled by <c>Add</c> or the indexer; sent as a <c>FormUrlEncodedContent</c> (to <c>PostAsync</c>,
    /// <c>PutAsync</c> or an <c>HttpRequestMessage</c>), through <c>QueryHelpers.AddQueryString(url, entries)</c>,
    /// <c>QueryString.Create(…)</c>, <c>WebClient.UploadValues</c>, or as the text of
    /// <c>HttpUtility.ParseQueryString(…)</c> or of ASP.NET Core's <c>QueryBuilder</c> after a URL's path. Also a URL's
    /// query given to <c>UriBuilder.Query</c>.
    /// </summary>
    /// <remarks>
    /// Syntax only, as <see cref="HttpApiTargets.Find"/>, which calls this once the entry's key is a literal
    /// <c>"query"</c> or <c>"match[]"</c>. A local is followed one hop: its declaration in the statements just before
    /// and its uses in those just after (<see cref="NearbyStatements"/>). What is read goes into
    /// <see cref="HttpApiEvidence"/> for <see cref="HttpApiTargets.Confirm"/>.
    /// </remarks>
    internal static class HttpApiForms
    {
        /// <summary>
        /// The URL text up to the parameter <paramref name="key"/> that <paramref name="entry"/> sets, as if the entry
        /// were written in the URL (<c>…/api/v1/query?query=</c>). The entry is a pair (<c>new("query", q)</c>,
        /// <c>KeyValuePair.Create("query", q)</c>), a dictionary initializer entry (<c>["query"] = q</c>,
        /// <c>{ "query", q }</c>), or a statement on a local (<c>form.Add("query", q)</c>, <c>form["query"] = q</c>).
        /// </summary>
        public static string? EntryUrl(ExpressionSyntax entry, ExpressionSyntax key, out HttpApiEvidence evidence)
        {
            evidence = new HttpApiEvidence();
            switch (entry)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax local } }:
                    return LocalUrl(local, key, evidence);
                case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax local } }:
                    return LocalUrl(local, key, evidence);
            }

            switch (entry.Parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax local } } } }:
                    // pairs.Add(new("query", q));
                    return LocalUrl(local, key, evidence);
                case InitializerExpressionSyntax { Parent: ExpressionSyntax collection and (BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax) }:
                    return CollectionUrl(collection, key, evidence);
                case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection }:
                    return CollectionUrl(collection, key, evidence);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The URL text up to the parameter <paramref name="key"/> that <paramref name="call"/> sets:
        /// <c>QueryString.Create("query", q)</c>, or <c>.Add("query", q)</c> on one, placed after a URL's path.
        /// </summary>
        public static string? QueryStringUrl(InvocationExpressionSyntax call, ExpressionSyntax key, out HttpApiEvidence evidence)
        {
            evidence = new HttpApiEvidence(call);
            if (TargetSyntax.RightmostName(call.Expression) == "Add")
            {
                // QueryString.Create("time", t).Add("query", q), QueryString.Empty.Add(…), new QueryString(…).Add(…)
                var receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
                while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } access })
                {
                    receiver = access.Expression;
                }

                var start = receiver switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create", Expression: var type } } => type,
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: var type } => type,
                    ObjectCreationExpressionSyntax { Type: var type } => type,
                    _ => null,
                };
                if (start is null || TargetSyntax.RightmostName(start) != "QueryString")
                {
                    return null;
                }
            }

            return QueryTextUrl(call, key, evidence, startsWithQuestion: true, followLocal: true);
        }

        /// <summary>
        /// The URL text of the <c>UriBuilder</c> whose <c>Query</c> <paramref name="value"/> is assigned to, up to its
        /// path: <c>new UriBuilder(url) { Query = value }</c>, or <c>builder.Query = value;</c> after
        /// <c>var builder = new UriBuilder(url);</c> (and maybe <c>builder.Path = …;</c>).
        /// </summary>
        public static string? QueryAssignmentUrl(ExpressionSyntax value, HttpApiEvidence evidence)
        {
            if (HttpApiTargets.ParentOf(value, out var assigned) is not AssignmentExpressionSyntax assignment
                || assignment.Right != assigned || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return null;
            }

            switch (assignment)
            {
                case { Left: IdentifierNameSyntax { Identifier.ValueText: "Query" }, Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax builder } }
                    when TargetSyntax.RightmostName(builder.Type) == "UriBuilder":
                    evidence.AddCall(builder);
                    return UriBuilderUrl(builder, path: null, evidence);
                case { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Query", Expression: IdentifierNameSyntax local }, Parent: ExpressionStatementSyntax statement }:
                    // Back to the declaration, taking the nearest builder.Path = …; on the way.
                    var name = local.Identifier.ValueText;
                    ExpressionSyntax? path = null;
                    var previous = NearbyStatements.Before(statement);
                    for (var read = 0; previous is not null && read < NearbyStatements.MaxStatements; read++, previous = NearbyStatements.Before(previous))
                    {
                        if (path is null && previous is ExpressionStatementSyntax
                            {
                                Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Path", Expression: IdentifierNameSyntax { } pathOwner } } pathAssignment,
                            }
                            && pathOwner.Identifier.ValueText == name)
                        {
                            path = pathAssignment.Right;
                        }
                        else if (previous is LocalDeclarationStatementSyntax declaration)
                        {
                            foreach (var declarator in declaration.Declaration.Variables)
                            {
                                if (declarator.Identifier.ValueText == name)
                                {
                                    if (declarator.Initializer?.Value is not ObjectCreationExpressionSyntax created || TargetSyntax.RightmostName(created.Type) != "UriBuilder")
                                    {
                                        return null;
                                    }

                                    evidence.AddCall(created);
                                    evidence.AddLocal(local, declarator);
                                    return UriBuilderUrl(created, path, evidence);
                                }
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The collection written at <paramref name="collection"/>: given straight to what sends it, or held in a local
        /// that the statements after give to it.
        /// </summary>
        private static string? CollectionUrl(ExpressionSyntax collection, ExpressionSyntax key, HttpApiEvidence evidence)
        {
            var printed = PrintsAs(collection, evidence);
            if (HttpApiTargets.ParentOf(collection, out var value) is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                return UsesUrl(declarator, NearbyStatements.UsesOf(declarator), key, evidence, printed);
            }

            return SinkUrl(value, key, evidence, printed);
        }

        /// <summary>
        /// A collection held in the local <paramref name="local"/>, filled by the statement that holds it: declared in the
        /// statements before (<c>new Dictionary&lt;…&gt;()</c>, <c>new List&lt;…&gt;()</c>, <c>new NameValueCollection()</c>,
        /// <c>[]</c>, <c>HttpUtility.ParseQueryString(…)</c>) and sent in the statements after.
        /// </summary>
        private static string? LocalUrl(IdentifierNameSyntax local, ExpressionSyntax key, HttpApiEvidence evidence)
        {
            if (NearbyStatements.Of(local) is not { } statement
                || NearbyStatements.DeclarationBefore(statement, local.Identifier.ValueText, out _) is not { Initializer.Value: { } initial } declarator)
            {
                return null;
            }

            if (initial is not (BaseObjectCreationExpressionSyntax or CollectionExpressionSyntax or InvocationExpressionSyntax))
            {
                return null;
            }

            var printed = PrintsAs(initial, evidence);
            if (initial is InvocationExpressionSyntax && printed == QueryText.None)
            {
                return null;
            }

            evidence.AddLocal(local, declarator);
            return UsesUrl(declarator, NearbyStatements.UsesAfter(statement, declarator.Identifier.ValueText), key, evidence, printed);
        }

        /// <summary>
        /// What a collection prints as: the query string of its entries for <c>HttpUtility.ParseQueryString(…)</c>'s
        /// (without <c>?</c>) and for ASP.NET Core's <c>QueryBuilder</c> (with it); the type's name for the rest.
        /// </summary>
        private static QueryText PrintsAs(ExpressionSyntax collection, HttpApiEvidence evidence)
        {
            switch (collection)
            {
                case InvocationExpressionSyntax parse when TargetSyntax.RightmostName(parse.Expression) == "ParseQueryString":
                    evidence.AddCall(parse);
                    return QueryText.Bare;
                case ObjectCreationExpressionSyntax builder when TargetSyntax.RightmostName(builder.Type) == "QueryBuilder":
                    evidence.AddCall(builder);
                    return QueryText.WithQuestion;
                default:
                    return QueryText.None;
            }
        }

        /// <summary>The first of <paramref name="uses"/>, uses of <paramref name="declarator"/>'s local, that sends it to a Prometheus endpoint.</summary>
        private static string? UsesUrl(VariableDeclaratorSyntax declarator, IEnumerable<IdentifierNameSyntax> uses, ExpressionSyntax key, HttpApiEvidence evidence, QueryText printed)
        {
            foreach (var use in uses)
            {
                var mark = evidence.Mark();
                if (SinkUrl(use, key, evidence, printed) is { } url && HttpApiTargets.EndpointKind(url) != QueryKind.Unknown)
                {
                    evidence.AddLocal(use, declarator);
                    return url;
                }

                evidence.Reset(mark);
            }

            return null;
        }

        /// <summary>
        /// Where the collection <paramref name="collection"/> (written there, or a use of its local) is sent:
        /// <c>new FormUrlEncodedContent(collection)</c>, <c>QueryHelpers.AddQueryString(url, collection)</c>,
        /// <c>QueryString.Create(collection)</c>, <c>client.UploadValues(url, [method,] collection)</c>, or for
        /// a collection that prints as a query string (<paramref name="printed"/>), its text after a URL's path.
        /// </summary>
        private static string? SinkUrl(ExpressionSyntax collection, ExpressionSyntax key, HttpApiEvidence evidence, QueryText printed)
        {
            if (HttpApiTargets.ParentOf(collection, out _) is ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Parent: var owner } list } argument)
            {
                var arguments = list.Arguments;
                switch (owner)
                {
                    case ObjectCreationExpressionSyntax content when arguments.Count == 1 && TargetSyntax.RightmostName(content.Type) == "FormUrlEncodedContent":
                        evidence.AddCall(content);
                        return ContentUrl(content, key, evidence, followLocal: true);
                    case InvocationExpressionSyntax call:
                        switch (TargetSyntax.RightmostName(call.Expression))
                        {
                            case "AddQueryString" when arguments.Count == 2 && arguments[1] == argument:
                                evidence.AddCall(call);
                                return HttpApiTargets.ParameterUrl(arguments[0].Expression, key, evidence);
                            case "Create" when arguments.Count == 1 && call.Expression is MemberAccessExpressionSyntax { Expression: var type } && TargetSyntax.RightmostName(type) == "QueryString":
                                evidence.AddCall(call);
                                return QueryTextUrl(call, key, evidence, startsWithQuestion: true, followLocal: true);
                            case "UploadValues" or "UploadValuesAsync" or "UploadValuesTaskAsync" when arguments.IndexOf(argument) is 1 or 2:
                                // UploadValues(address, data), UploadValues(address, method, data): the form is posted.
                                evidence.AddCall(call);
                                return HttpApiTargets.ParameterUrl(arguments[0].Expression, key, evidence);
                        }

                        break;
                }
            }

            return printed == QueryText.None ? null : QueryTextUrl(collection, key, evidence, startsWithQuestion: printed == QueryText.WithQuestion, followLocal: false);
        }

        /// <summary>
        /// Where a <c>new FormUrlEncodedContent(…)</c> (or a use of the local that holds it) is sent:
        /// <c>PostAsync(url, content)</c> or <c>PutAsync(url, content)</c>, or the <c>Content</c> of an
        /// <c>HttpRequestMessage</c>, whose URL is then read.
        /// </summary>
        private static string? ContentUrl(ExpressionSyntax content, ExpressionSyntax key, HttpApiEvidence evidence, bool followLocal)
        {
            switch (HttpApiTargets.ParentOf(content, out var value))
            {
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments: { Count: >= 2 } arguments, Parent: InvocationExpressionSyntax post } } argument
                    when arguments[1] == argument && TargetSyntax.RightmostName(post.Expression) is "PostAsync" or "PutAsync":
                    return HttpApiTargets.ParameterUrl(arguments[0].Expression, key, evidence);
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Content" }, Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax request } } assignment
                    when assignment.Right == value && TargetSyntax.RightmostName(request.Type) == "HttpRequestMessage":
                    // new HttpRequestMessage(HttpMethod.Post, url) { Content = content }
                    evidence.AddCall(request);
                    return RequestUrl(request, key, evidence);
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content", Expression: IdentifierNameSyntax message }, Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Right == value
                        && NearbyStatements.DeclarationBefore(statement, message.Identifier.ValueText, out _) is { Initializer.Value: ObjectCreationExpressionSyntax request } declarator
                        && TargetSyntax.RightmostName(request.Type) == "HttpRequestMessage":
                    // var request = new HttpRequestMessage(HttpMethod.Post, url); request.Content = content;
                    evidence.AddCall(request);
                    evidence.AddLocal(message, declarator);
                    return RequestUrl(request, key, evidence);
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when followLocal:
                    // using var content = new FormUrlEncodedContent(form); … PostAsync(url, content)
                    foreach (var use in NearbyStatements.UsesOf(declarator))
                    {
                        var mark = evidence.Mark();
                        if (ContentUrl(use, key, evidence, followLocal: false) is { } url && HttpApiTargets.EndpointKind(url) != QueryKind.Unknown)
                        {
                            evidence.AddLocal(use, declarator);
                            return url;
                        }

                        evidence.Reset(mark);
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The URL of <c>new HttpRequestMessage(method, url)</c> or <c>new HttpRequestMessage { RequestUri = url }</c>, then <c>?key=</c>.</summary>
        private static string? RequestUrl(ObjectCreationExpressionSyntax request, ExpressionSyntax key, HttpApiEvidence evidence)
        {
            if (request.ArgumentList?.Arguments is { Count: 2 } arguments)
            {
                return HttpApiTargets.ParameterUrl(arguments[1].Expression, key, evidence);
            }

            foreach (var expression in request.Initializer?.Expressions ?? default)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "RequestUri" }, Right: var uri })
                {
                    return HttpApiTargets.ParameterUrl(uri, key, evidence);
                }
            }

            return null;
        }

        /// <summary>
        /// The URL text up to the parameter <paramref name="key"/> of a query string's text <paramref name="text"/>
        /// placed after a URL: in an interpolation hole, after a <c>+</c>, appended to a <c>StringBuilder</c>, or given to
        /// <c>UriBuilder.Query</c>; through <c>ToString()</c>, and for a <c>QueryString</c>
        /// (<paramref name="startsWithQuestion"/>) its <c>Add(…)</c>, <c>ToUriComponent()</c> and <c>Value</c> and one
        /// local. A <c>ParseQueryString</c> collection prints no <c>?</c>: the text before it must end with <c>?</c> or <c>&amp;</c>.
        /// </summary>
        private static string? QueryTextUrl(ExpressionSyntax text, ExpressionSyntax key, HttpApiEvidence evidence, bool startsWithQuestion, bool followLocal)
        {
            var node = text;
            while (HttpApiTargets.ParentOf(node, out var outer) is MemberAccessExpressionSyntax access && access.Expression == outer)
            {
                var member = access.Name.Identifier.ValueText;
                if (startsWithQuestion && member == "Value")
                {
                    node = access;
                }
                else if ((member == "ToString" || (startsWithQuestion && member is "ToUriComponent" or "ToQueryString" or "Add"))
                    && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: var count } invocation && (count == 0 || member == "Add"))
                {
                    node = invocation;
                }
                else
                {
                    break;
                }
            }

            string? before;
            switch (HttpApiTargets.ParentOf(node, out var value))
            {
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                    before = HttpApiTargets.ConcatenationTextBefore(interpolated, value, out _);
                    break;
                case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && add.Right == value:
                    before = HttpApiTargets.ConcatenationTextBefore(add, value, out _);
                    break;
                case ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax append } }
                    when TargetSyntax.RightmostName(append.Expression) == "Append":
                    evidence.AddCall(append);
                    before = StringBuilderText.TextBeforeAppend(append, evidence);
                    break;
                case AssignmentExpressionSyntax:
                    before = QueryAssignmentUrl(value, evidence) is { } url ? url + "?" : null;
                    break;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when followLocal:
                    // var qs = QueryString.Create("query", q); … $"{b}/api/v1/query{qs}"
                    foreach (var use in NearbyStatements.UsesOf(declarator))
                    {
                        var mark = evidence.Mark();
                        if (QueryTextUrl(use, key, evidence, startsWithQuestion, followLocal: false) is { } used && HttpApiTargets.EndpointKind(used) != QueryKind.Unknown)
                        {
                            evidence.AddLocal(use, declarator);
                            return used;
                        }

                        evidence.Reset(mark);
                    }

                    return null;
                default:
                    return null;
            }

            if (before is null || (!startsWithQuestion && !(before.EndsWith("?", System.StringComparison.Ordinal) || before.EndsWith("&", System.StringComparison.Ordinal))))
            {
                return null;
            }

            return HttpApiTargets.WithParameter(before, key);
        }

        /// <summary>
        /// The URL text of <c>new UriBuilder(…)</c> up to its query: <paramref name="path"/> or the initializer's
        /// <c>Path</c> when set (the builder's path replaced), else the constructor's URL, or its path argument.
        /// </summary>
        private static string? UriBuilderUrl(ObjectCreationExpressionSyntax builder, ExpressionSyntax? path, HttpApiEvidence evidence)
        {
            if (path is null)
            {
                foreach (var expression in builder.Initializer?.Expressions ?? default)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Path" }, Right: var assigned })
                    {
                        path = assigned;
                    }
                }
            }

            var arguments = builder.ArgumentList?.Arguments ?? default;
            if (path is null && arguments.Count == 1)
            {
                return HttpApiTargets.UrlText(arguments[0].Expression, evidence);
            }

            // new UriBuilder(scheme, host, port, path): the path is the fourth argument.
            path ??= arguments.Count >= 4 ? arguments[3].Expression : null;
            return path is not null && HttpApiTargets.UrlText(path, evidence) is { } text
                ? (text.StartsWith("/", System.StringComparison.Ordinal) ? text : "/" + text)
                : null;
        }
    }

    /// <summary>What a name/value collection prints as, so whether it can stand in a URL's text.</summary>
    internal enum QueryText
    {
        /// <summary>Not its entries (a dictionary, a list, a plain <c>NameValueCollection</c>): it is sent some other way.</summary>
        None,

        /// <summary>Its entries as <c>name=value&amp;…</c>, to be placed after a URL's <c>?</c> (<c>HttpUtility.ParseQueryString</c>'s).</summary>
        Bare,

        /// <summary>Its entries as <c>?name=value&amp;…</c>, to be placed after a URL's path (a <c>QueryString</c>, a <c>QueryBuilder</c>).</summary>
        WithQuestion,
    }
}
