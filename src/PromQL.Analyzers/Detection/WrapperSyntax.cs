using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>How a wrapper's string parameter reaches a PromQL target inside the wrapper.</summary>
    internal enum WrapperFlow
    {
        /// <summary>It is the <c>query</c> (or <c>match[]</c>) value of a Prometheus HTTP API URL or form (<see cref="HttpApiTargets"/>).</summary>
        Http,

        /// <summary>It is an argument of a call or <c>new</c>: a target if that parameter is one (marked, known, configured, or a wrapper's).</summary>
        Argument,

        /// <summary>It is assigned to a member: a target if that member is one.</summary>
        Assignment,
    }

    /// <summary>
    /// What callers learn from one method: its string parameter may flow into a PromQL target of this kind and name.
    /// Compact (names are the tree's own strings), so a tree's facts cost little to keep and to compare.
    /// </summary>
    internal readonly struct WrapperFact : IEquatable<WrapperFact>
    {
        public WrapperFact(string methodName, int parameterOrdinal, WrapperFlow flow, string targetName, QueryKind httpKind)
        {
            MethodName = methodName;
            ParameterOrdinal = parameterOrdinal;
            Flow = flow;
            TargetName = targetName;
            HttpKind = httpKind;
        }

        /// <summary>The name its callers write.</summary>
        public string MethodName { get; }

        public int ParameterOrdinal { get; }

        public WrapperFlow Flow { get; }

        /// <summary>The called method's or type's name (<see cref="WrapperFlow.Argument"/>) or the member's (<see cref="WrapperFlow.Assignment"/>).</summary>
        public string TargetName { get; }

        /// <summary>The endpoint's kind, for <see cref="WrapperFlow.Http"/>.</summary>
        public QueryKind HttpKind { get; }

        public bool Equals(WrapperFact other) =>
            ParameterOrdinal == other.ParameterOrdinal && Flow == other.Flow && HttpKind == other.HttpKind
            && string.Equals(MethodName, other.MethodName, StringComparison.Ordinal) && string.Equals(TargetName, other.TargetName, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is WrapperFact other && Equals(other);

        public override int GetHashCode() => MethodName.GetHashCode() ^ ParameterOrdinal ^ ((int)Flow << 8) ^ TargetName.GetHashCode();
    }

    /// <summary>
    /// One place inside a method where its string parameter (or a local holding it) may flow into a PromQL target,
    /// with the nodes the semantic model confirms: read again from the one declaration when a caller asks.
    /// </summary>
    internal sealed class WrapperEdge
    {
        public WrapperEdge(WrapperFact fact, IdentifierNameSyntax use, ImmutableArray<WrapperAlias> aliases)
        {
            Fact = fact;
            Use = use;
            Aliases = aliases;
        }

        public WrapperFact Fact { get; }

        /// <summary>The identifier that flows: the parameter, or the last local of <see cref="Aliases"/>.</summary>
        public IdentifierNameSyntax Use { get; }

        /// <summary>The locals the value went through on the way, first to last (<c>var q = Uri.EscapeDataString(query);</c>).</summary>
        public ImmutableArray<WrapperAlias> Aliases { get; }
    }

    /// <summary>A local that holds the parameter's value: declared from <see cref="Source"/>, directly or through a URL encoder.</summary>
    internal readonly struct WrapperAlias
    {
        public WrapperAlias(VariableDeclaratorSyntax local, IdentifierNameSyntax source, InvocationExpressionSyntax? encoder)
        {
            Local = local;
            Source = source;
            Encoder = encoder;
        }

        public VariableDeclaratorSyntax Local { get; }

        /// <summary>The identifier in the initializer: the parameter or the previous local.</summary>
        public IdentifierNameSyntax Source { get; }

        /// <summary>The <c>Uri.EscapeDataString</c>-style call around it, if any.</summary>
        public InvocationExpressionSyntax? Encoder { get; }
    }

    /// <summary>
    /// The wrapper facts of one syntax tree, found from its text: the facts of the methods that hold a Prometheus HTTP
    /// API parameter name (<c>query=</c>, a <c>"query"</c> key, <c>match[]</c>), and, per name asked, of the methods
    /// that mention that name (a call to a target or a wrapper). Only those methods' syntax is read, each once.
    /// Kept per tree (see <see cref="DetectionCache.WrappersOf"/>); safe for concurrent callers.
    /// </summary>
    internal sealed class TreeWrappers
    {
        /// <summary>The text that stands in every URL or form an HTTP API flow is read from (<see cref="HttpApiTargets"/>).</summary>
        private static readonly string[] HttpMarkers = { "query=", "\"query\"", "match[]", "match%5B", "match%5b" };

        private readonly SyntaxTree _tree;
        private readonly object _gate = new object();
        private ImmutableArray<WrapperFact>? _http;
        private Dictionary<string, ImmutableArray<WrapperFact>>? _byName;

        public TreeWrappers(SyntaxTree tree)
        {
            _tree = tree;
        }

        /// <summary>The facts of the methods that hold an HTTP API parameter's name.</summary>
        public ImmutableArray<WrapperFact> HttpFacts(CancellationToken cancellationToken)
        {
            if (_http is { } known)
            {
                return known;
            }

            var facts = FactsAt(SourceTextSearch.Find(_tree.GetText(cancellationToken), HttpMarkers, wholeWord: false, cancellationToken), null, cancellationToken);
            lock (_gate)
            {
                _http ??= facts;
                return _http.Value;
            }
        }

        /// <summary>The facts of the methods that mention <paramref name="name"/> as an identifier.</summary>
        public ImmutableArray<WrapperFact> FactsMentioning(string name, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_byName is not null && _byName.TryGetValue(name, out var known))
                {
                    return known;
                }
            }

            var facts = FactsAt(SourceTextSearch.Find(_tree.GetText(cancellationToken), new[] { name }, wholeWord: true, cancellationToken), name, cancellationToken);
            lock (_gate)
            {
                _byName ??= new Dictionary<string, ImmutableArray<WrapperFact>>(StringComparer.Ordinal);
                if (!_byName.TryGetValue(name, out var stored))
                {
                    _byName[name] = stored = facts;
                }

                return stored;
            }
        }

        /// <summary>
        /// Whether two versions of a tree tell callers the same: the same HTTP facts, and the same facts for every name
        /// in <paramref name="names"/> (those any caller asked about), in the same order.
        /// </summary>
        public static bool SameFacts(TreeWrappers before, TreeWrappers after, IEnumerable<string> names, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(before, after))
            {
                return true;
            }

            if (!Same(before.HttpFacts(cancellationToken), after.HttpFacts(cancellationToken)))
            {
                return false;
            }

            foreach (var name in names)
            {
                if (!Same(before.FactsMentioning(name, cancellationToken), after.FactsMentioning(name, cancellationToken)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the trees differ by one edit inside one member (a body, a comment or whitespace before it) that holds
        /// no HTTP marker and no asked name in either version. Then every hit lies outside it, in text that did not
        /// change, and every fact is read from that text alone (the statement at a hit and its method): the facts are
        /// the same, without reading them again. The edits of typing qualify; anything else is compared in full.
        /// </summary>
        public static bool OnlyAMemberWithoutHitsChanged(SyntaxTree before, SyntaxTree after, IEnumerable<string> names, CancellationToken cancellationToken)
        {
            var beforeText = before.GetText(cancellationToken);
            var afterText = after.GetText(cancellationToken);
            var changes = afterText.GetChangeRanges(beforeText);
            if (changes.Count != 1)
            {
                return false;
            }

            var change = changes[0];
            var beforeMember = MemberAround(before, change.Span, cancellationToken);
            var afterMember = MemberAround(after, new TextSpan(change.Span.Start, change.NewLength), cancellationToken);
            if (beforeMember is null || afterMember is null
                || beforeMember.RawKind != afterMember.RawKind
                || beforeMember.FullSpan.Start != afterMember.FullSpan.Start
                || beforeMember.FullSpan.Length - change.Span.Length != afterMember.FullSpan.Length - change.NewLength)
            {
                return false;
            }

            var needles = new List<string>(HttpMarkers);
            needles.AddRange(names);
            return SourceTextSearch.Find(beforeText.GetSubText(beforeMember.FullSpan), needles, wholeWord: false, cancellationToken) is null
                && SourceTextSearch.Find(afterText.GetSubText(afterMember.FullSpan), needles, wholeWord: false, cancellationToken) is null;
        }

        /// <summary>The innermost member that is not a type or namespace and holds all of <paramref name="span"/> (its leading trivia included).</summary>
        private static MemberDeclarationSyntax? MemberAround(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            for (var node = root.FindToken(span.Start).Parent; node is not null; node = node.Parent)
            {
                if (node is GlobalStatementSyntax)
                {
                    // Top-level statements share their locals: a hit's declarations may sit in another one.
                    return null;
                }

                if (node is MemberDeclarationSyntax member && node is not BaseTypeDeclarationSyntax && node is not BaseNamespaceDeclarationSyntax && node is not DelegateDeclarationSyntax)
                {
                    // Inside, not at its end: an edit there may join it to its neighbour. An edit at its start is in its
                    // leading trivia (the caller checks that the member kept its kind and its extent).
                    return member.FullSpan.Start <= span.Start && span.End < member.FullSpan.End ? member : null;
                }
            }

            return null;
        }

        private static bool Same(ImmutableArray<WrapperFact> before, ImmutableArray<WrapperFact> after)
        {
            if (before.Length != after.Length)
            {
                return false;
            }

            for (var i = 0; i < before.Length; i++)
            {
                if (!before[i].Equals(after[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The facts read around <paramref name="positions"/>, in order. With <paramref name="identifier"/>, each position
        /// where it is a token names a call or an assigned member: its arguments (or assigned value) are asked where
        /// they come from. Otherwise each position is an HTTP parameter's name in a string: the identifiers of the
        /// statement around it are asked whether <see cref="HttpApiTargets.Find"/> sends them, and where they come from.
        /// Neither reads more than that statement and the declarations above it.
        /// </summary>
        private ImmutableArray<WrapperFact> FactsAt(List<int>? positions, string? identifier, CancellationToken cancellationToken)
        {
            if (positions is null)
            {
                return ImmutableArray<WrapperFact>.Empty;
            }

            var root = _tree.GetRoot(cancellationToken);
            ImmutableArray<WrapperFact>.Builder? facts = null;
            SyntaxNode? lastStatement = null;
            foreach (var position in positions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(position);
                if (identifier is not null)
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == identifier && token.Parent is SimpleNameSyntax name)
                    {
                        WrapperSyntax.CallFacts(name, ref facts);
                    }
                }
                else if (WrapperSyntax.StatementAround(token) is { } statement && statement != lastStatement)
                {
                    lastStatement = statement;
                    WrapperSyntax.HttpFacts(statement, ref facts);
                }
            }

            return facts is null ? ImmutableArray<WrapperFact>.Empty : facts.ToImmutable();
        }
    }

    /// <summary>
    /// Finds, from syntax alone, the methods whose string parameter may flow into a PromQL target inside their body.
    /// A method without a <c>string</c> parameter is never entered, nor is any body of a type member that is not a
    /// method; the walk of the others looks only at identifiers with a parameter's name, and costs a few parent checks
    /// for each. Syntax only proposes: <see cref="InferredWrappers"/> keeps the facts whose target may be PromQL and
    /// asks the semantic model.
    /// </summary>
    internal static class WrapperSyntax
    {
        /// <summary>How many locals a value is followed through (<c>var q = query; var e = Uri.EscapeDataString(q);</c>).</summary>
        private const int MaxAliases = 3;

        [ThreadStatic]
        private static List<Tracked>? s_tracked;

        /// <summary>How the arguments of the call named by <paramref name="name"/> (or the value assigned to the member it names) flow.</summary>
        public static void CallFacts(SimpleNameSyntax name, ref ImmutableArray<WrapperFact>.Builder? facts)
        {
            SyntaxNode expression = name;
            if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
            {
                expression = access;
            }
            else if (expression.Parent is MemberBindingExpressionSyntax binding && binding.Name == expression)
            {
                expression = binding;
            }
            else if (expression.Parent is QualifiedNameSyntax qualified && qualified.Right == expression)
            {
                expression = qualified;
            }

            BaseArgumentListSyntax? arguments = expression.Parent switch
            {
                InvocationExpressionSyntax invocation when invocation.Expression == expression => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation when creation.Type == expression => creation.ArgumentList,
                _ => null,
            };

            if (arguments is not null)
            {
                foreach (var argument in arguments.Arguments)
                {
                    if (Unwrapped(argument.Expression) is IdentifierNameSyntax value && Origin(value, 0) is { } origin
                        && TargetSyntax.Find(value, out var target) is TargetKind.MethodArgument or TargetKind.ConstructorArgument && target == name.Identifier.ValueText)
                    {
                        Add(ref facts, new WrapperFact(origin.MethodName, origin.Ordinal, WrapperFlow.Argument, target, QueryKind.Unknown));
                    }
                }
            }
            else if (expression.Parent is AssignmentExpressionSyntax { Left: var left } assignment && left == expression
                && Unwrapped(assignment.Right) is IdentifierNameSyntax value && Origin(value, 0) is { } origin
                && TargetSyntax.Find(value, out var member) == TargetKind.MemberAssignment)
            {
                Add(ref facts, new WrapperFact(origin.MethodName, origin.Ordinal, WrapperFlow.Assignment, member, QueryKind.Unknown));
            }
        }

        /// <summary>The identifiers of <paramref name="statement"/> that it sends as an HTTP API query, and where they come from.</summary>
        public static void HttpFacts(SyntaxNode statement, ref ImmutableArray<WrapperFact>.Builder? facts)
        {
            foreach (var node in statement.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && HttpApiTargets.Find(identifier) is { IsFound: true } http && Origin(identifier, 0) is { } origin)
                {
                    Add(ref facts, new WrapperFact(origin.MethodName, origin.Ordinal, WrapperFlow.Http, string.Empty, http.Kind));
                }
            }
        }

        /// <summary>The statement (or expression body, or field initializer) that holds <paramref name="token"/>, inside a method.</summary>
        public static SyntaxNode? StatementAround(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case StatementSyntax statement when statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax:
                        return statement;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The string parameter <paramref name="identifier"/> holds: its own name, or a local declared above from one
        /// (directly or through a URL encoder), at most <see cref="MaxAliases"/> locals away.
        /// </summary>
        private static (string MethodName, int Ordinal)? Origin(IdentifierNameSyntax identifier, int depth)
        {
            if (!IsValueUse(identifier))
            {
                return null;
            }

            var name = identifier.Identifier.ValueText;
            for (var method = EnclosingMethod(identifier); method is not null; method = EnclosingMethod(method.Parent))
            {
                var declaration = Declaration(method)!.Value;
                var parameters = declaration.Parameters.Parameters;
                for (var i = 0; i < parameters.Count; i++)
                {
                    if (parameters[i].Identifier.ValueText == name)
                    {
                        return IsStringType(parameters[i].Type) && parameters[i].Modifiers.Count == 0 ? (declaration.Name, i) : null;
                    }
                }
            }

            if (depth == MaxAliases || LocalDeclaredAbove(identifier, name) is not { } local
                || AliasSource(local) is not { } source)
            {
                return null;
            }

            return Origin(source, depth + 1);
        }

        /// <summary>The declaration of local <paramref name="name"/> in a statement above <paramref name="use"/>, in its blocks.</summary>
        private static VariableDeclaratorSyntax? LocalDeclaredAbove(SyntaxNode use, string name)
        {
            for (SyntaxNode? node = use; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node.Parent is not BlockSyntax block || node is not StatementSyntax statement)
                {
                    continue;
                }

                for (var i = block.Statements.IndexOf(statement) - 1; i >= 0; i--)
                {
                    if (block.Statements[i] is LocalDeclarationStatementSyntax { IsConst: false } declaration)
                    {
                        foreach (var variable in declaration.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText == name)
                            {
                                return variable;
                            }
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>The identifier a local is declared from: <c>var q = query;</c>, <c>var q = Uri.EscapeDataString(query);</c>.</summary>
        private static IdentifierNameSyntax? AliasSource(VariableDeclaratorSyntax local)
        {
            var value = local.Initializer?.Value is { } initializer ? Unwrapped(initializer) : null;
            if (value is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 or 2 } arguments } call
                && HttpApiTargets.IsEncoderName(TargetSyntax.RightmostName(call.Expression)))
            {
                value = Unwrapped(arguments[0].Expression);
            }

            return value as IdentifierNameSyntax;
        }

        private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static void Add(ref ImmutableArray<WrapperFact>.Builder? facts, WrapperFact fact)
        {
            facts ??= ImmutableArray.CreateBuilder<WrapperFact>();
            if (!facts.Contains(fact))
            {
                facts.Add(fact);
            }
        }

        /// <summary>The innermost method or local function with a body at or around <paramref name="node"/>, inside its type.</summary>
        public static SyntaxNode? EnclosingMethod(SyntaxNode? node)
        {
            for (; node is not null; node = node.Parent)
            {
                if (Declaration(node) is not null)
                {
                    return node;
                }

                if (node is BaseTypeDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The edges of one method's parameter, with their nodes: read again when a caller's argument goes there.</summary>
        public static List<WrapperEdge> EdgesOf(SyntaxNode method, int parameterOrdinal, CancellationToken cancellationToken)
        {
            var edges = new List<WrapperEdge>();
            if (Declaration(method) is { } declaration)
            {
                ImmutableArray<WrapperFact>.Builder? unused = null;
                Scan(declaration, ref unused, edges, parameterOrdinal, cancellationToken);
            }

            return edges;
        }

        /// <summary>A method or local function with a body: its name, parameters and body.</summary>
        private static (string Name, ParameterListSyntax Parameters, SyntaxNode Body)? Declaration(SyntaxNode node) => node switch
        {
            MethodDeclarationSyntax { Body: { } body } m => (m.Identifier.ValueText, m.ParameterList, body),
            MethodDeclarationSyntax { ExpressionBody: { } arrow } m => (m.Identifier.ValueText, m.ParameterList, arrow),
            LocalFunctionStatementSyntax { Body: { } body } f => (f.Identifier.ValueText, f.ParameterList, body),
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } f => (f.Identifier.ValueText, f.ParameterList, arrow),
            _ => null,
        };

        /// <summary>
        /// Reads one declaration: its facts into <paramref name="facts"/> (each once), or, when <paramref name="edges"/> is
        /// given, the edges of parameter <paramref name="ordinal"/> with their nodes.
        /// </summary>
        private static void Scan((string Name, ParameterListSyntax Parameters, SyntaxNode Body) declaration, ref ImmutableArray<WrapperFact>.Builder? facts, List<WrapperEdge>? edges, int ordinal, CancellationToken cancellationToken)
        {
            var parameters = declaration.Parameters.Parameters;
            var any = false;
            foreach (var parameter in parameters)
            {
                any |= IsStringType(parameter.Type) && parameter.Modifiers.Count == 0;
            }

            if (!any)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();

            // The string parameters by name, and the locals found to hold one of them: a handful, searched in order.
            var tracked = s_tracked ??= new List<Tracked>();
            tracked.Clear();
            for (var i = 0; i < parameters.Count; i++)
            {
                if (IsStringType(parameters[i].Type) && parameters[i].Modifiers.Count == 0)
                {
                    tracked.Add(new Tracked(parameters[i].Identifier.ValueText, i, ImmutableArray<WrapperAlias>.Empty));
                }
            }

            var first = facts?.Count ?? 0;
            try
            {
                foreach (var node in declaration.Body.DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax identifier || IndexOf(tracked, identifier.Identifier.ValueText) is not (>= 0 and var index) || !IsValueUse(identifier))
                    {
                        continue;
                    }

                    var origin = tracked[index];
                    var http = HttpApiTargets.Find(identifier);
                    if (http.IsFound)
                    {
                        Found(new WrapperFact(declaration.Name, origin.Ordinal, WrapperFlow.Http, string.Empty, http.Kind), identifier, origin.Aliases, ref facts, first, edges, ordinal);
                        continue;
                    }

                    if (AliasOf(identifier, out var encoder) is { } local)
                    {
                        // var encoded = Uri.EscapeDataString(query): the local's uses are followed as the parameter's.
                        if (origin.Aliases.Length == MaxAliases)
                        {
                            continue;
                        }

                        var alias = new Tracked(local.Identifier.ValueText, origin.Ordinal, origin.Aliases.Add(new WrapperAlias(local, identifier, encoder)));
                        var existing = IndexOf(tracked, alias.Name);
                        if (existing >= 0)
                        {
                            tracked[existing] = alias;
                        }
                        else
                        {
                            tracked.Add(alias);
                        }

                        continue;
                    }

                    switch (TargetSyntax.Find(identifier, out var targetName))
                    {
                        case TargetKind.MethodArgument or TargetKind.ConstructorArgument when targetName.Length > 0 && targetName != "nameof":
                            Found(new WrapperFact(declaration.Name, origin.Ordinal, WrapperFlow.Argument, targetName, QueryKind.Unknown), identifier, origin.Aliases, ref facts, first, edges, ordinal);
                            continue;
                        case TargetKind.MemberAssignment:
                            Found(new WrapperFact(declaration.Name, origin.Ordinal, WrapperFlow.Assignment, targetName, QueryKind.Unknown), identifier, origin.Aliases, ref facts, first, edges, ordinal);
                            continue;
                    }
                }
            }
            finally
            {
                tracked.Clear();
            }
        }

        private static void Found(WrapperFact fact, IdentifierNameSyntax use, ImmutableArray<WrapperAlias> aliases, ref ImmutableArray<WrapperFact>.Builder? facts, int first, List<WrapperEdge>? edges, int ordinal)
        {
            if (edges is not null)
            {
                if (fact.ParameterOrdinal == ordinal)
                {
                    edges.Add(new WrapperEdge(fact, use, aliases));
                }

                return;
            }

            facts ??= ImmutableArray.CreateBuilder<WrapperFact>();
            for (var i = first; i < facts.Count; i++)
            {
                if (facts[i].Equals(fact))
                {
                    return;
                }
            }

            facts.Add(fact);
        }

        private static int IndexOf(List<Tracked> tracked, string name)
        {
            for (var i = 0; i < tracked.Count; i++)
            {
                if (string.Equals(tracked[i].Name, name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary><c>string</c>, <c>string?</c> or <c>String</c>.</summary>
        private static bool IsStringType(TypeSyntax? type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
            NullableTypeSyntax { ElementType: PredefinedTypeSyntax element } => element.Keyword.IsKind(SyntaxKind.StringKeyword),
            IdentifierNameSyntax { Identifier.ValueText: "String" } => true,
            QualifiedNameSyntax { Right.Identifier.ValueText: "String", Left: IdentifierNameSyntax { Identifier.ValueText: "System" } } => true,
            _ => false,
        };

        /// <summary>An identifier read as a value: not the name after a dot, a named argument's label or a declaration's name.</summary>
        private static bool IsValueUse(IdentifierNameSyntax identifier) => identifier.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == identifier,
            MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
            AssignmentExpressionSyntax assignment => assignment.Right == identifier,
            _ => true,
        };

        /// <summary>
        /// The local declared from <paramref name="identifier"/>: <c>var q = query;</c> or <c>var q = Uri.EscapeDataString(query);</c>
        /// (any URL encoder's name; the semantic model confirms it).
        /// </summary>
        private static VariableDeclaratorSyntax? AliasOf(IdentifierNameSyntax identifier, out InvocationExpressionSyntax? encoder)
        {
            encoder = null;
            SyntaxNode value = identifier;
            while (value.Parent is ParenthesizedExpressionSyntax)
            {
                value = value.Parent;
            }

            if (value.Parent is ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax { Arguments.Count: 1 or 2, Parent: InvocationExpressionSyntax call } arguments } argument
                && arguments.Arguments[0] == argument
                && HttpApiTargets.IsEncoderName(TargetSyntax.RightmostName(call.Expression)))
            {
                encoder = call;
                value = call;
                while (value.Parent is ParenthesizedExpressionSyntax)
                {
                    value = value.Parent;
                }
            }

            return value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax { IsConst: false } } local }
                ? local
                : null;
        }

        private readonly struct Tracked
        {
            public Tracked(string name, int ordinal, ImmutableArray<WrapperAlias> aliases)
            {
                Name = name;
                Ordinal = ordinal;
                Aliases = aliases;
            }

            public string Name { get; }

            public int Ordinal { get; }

            public ImmutableArray<WrapperAlias> Aliases { get; }
        }
    }
}
