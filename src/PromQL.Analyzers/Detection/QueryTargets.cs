using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// Whether a string flows straight into a PromQL target: a parameter, property or field with
    /// <c>[StringSyntax("PromQL")]</c>, a known query API, or a member listed in <c>promql.query_methods</c>.
    /// Asked only after <see cref="TargetSyntax"/> found a candidate name, since it binds the enclosing member.
    /// </summary>
    internal static class QueryTargets
    {
        public static bool IsPromQlTarget(ExpressionSyntax root, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken) =>
            IsPromQlTarget(root, model, options, null, 0, cancellationToken, out _);

        /// <summary>
        /// Whether the string flows straight into a PromQL target, wrappers aside; and <paramref name="kind"/>, how the
        /// query runs when the target is a known API's member (<see cref="KnownQueryApis"/>), else <see cref="QueryKind.Unknown"/>.
        /// </summary>
        public static bool IsPromQlTarget(ExpressionSyntax root, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken, out QueryKind kind) =>
            IsPromQlTarget(root, model, options, null, 0, cancellationToken, out kind);

        /// <summary>
        /// As <see cref="IsPromQlTarget(ExpressionSyntax, SemanticModel, PromQlAnalyzerOptions, CancellationToken)"/>, with
        /// the compilation's inferred wrappers as targets too, followed <paramref name="depth"/> wrappers deep;
        /// <paramref name="kind"/> is how the query runs where the target tells.
        /// </summary>
        public static bool IsPromQlTarget(ExpressionSyntax root, SemanticModel model, PromQlAnalyzerOptions options, InferredWrappers? wrappers, int depth, CancellationToken cancellationToken, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            var targets = new Targets(options, wrappers, depth, model, cancellationToken);
            IOperation? operation;
            try
            {
                operation = model.GetOperation(root, cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // Roslyn cannot build the operation tree of some broken members (an interpolated string its binder
                // left unconverted throws for the whole body): the symbols at the target still tell.
                return IsPromQlTargetBySymbols(root, model, targets, out kind);
            }

            if (operation is null)
            {
                return false;
            }

            var node = operation;
            var parent = operation.Parent;
            // A collection expression is matched by its syntax: Roslyn 4.8, the floor we build against, has no operation type for it.
            while (parent is IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or IParenthesizedOperation
                or { Syntax: CollectionExpressionSyntax })
            {
                node = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation { Parameter: { } parameter }:
                    return IsPromQlParameter(parameter, targets, out kind);
                case ISimpleAssignmentOperation assignment when assignment.Value == node:
                    return assignment.Target is IMemberReferenceOperation reference && IsPromQlMember(reference.Member, options, out kind);
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        if (IsPromQlMember(field, options, out kind))
                        {
                            return true;
                        }
                    }

                    return false;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        if (IsPromQlMember(property, options, out kind))
                        {
                            return true;
                        }
                    }

                    return false;
                case IParameterInitializerOperation parameterInitializer:
                    return IsPromQlParameter(parameterInitializer.Parameter, targets, out kind);
                default:
                    return false;
            }
        }

        /// <summary>The question of <see cref="IsPromQlTarget(ExpressionSyntax, SemanticModel, PromQlAnalyzerOptions, CancellationToken)"/> from the symbols at the syntactic target alone.</summary>
        internal static bool IsPromQlTargetBySymbols(ExpressionSyntax root, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken) =>
            IsPromQlTargetBySymbols(root, model, options, cancellationToken, out _);

        /// <summary>As <see cref="IsPromQlTargetBySymbols(ExpressionSyntax, SemanticModel, PromQlAnalyzerOptions, CancellationToken)"/>, with how the query runs.</summary>
        internal static bool IsPromQlTargetBySymbols(ExpressionSyntax root, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken, out QueryKind kind) =>
            IsPromQlTargetBySymbols(root, model, new Targets(options, null, 0, model, cancellationToken), out kind);

        private static bool IsPromQlTargetBySymbols(ExpressionSyntax root, SemanticModel model, Targets targets, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            var options = targets.Options;
            var cancellationToken = targets.CancellationToken;
            switch (TargetSyntax.ParentOf(root, out var node))
            {
                case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } owner } list } argument:
                    return AnyPromQlParameter(model.GetSymbolInfo(owner, cancellationToken), argument.NameColon?.Name.Identifier.ValueText, list.Arguments.IndexOf(argument), targets, out kind);
                case AttributeArgumentSyntax { NameEquals: { } nameEquals }:
                    return model.GetSymbolInfo(nameEquals.Name, cancellationToken).Symbol is { } member && IsPromQlMember(member, options, out kind);
                case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list } argument:
                    return AnyPromQlParameter(model.GetSymbolInfo(attribute, cancellationToken), argument.NameColon?.Name.Identifier.ValueText, list.Arguments.IndexOf(argument), targets, out kind);
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == node:
                    return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { Kind: SymbolKind.Property or SymbolKind.Field } target
                        && IsPromQlMember(target, options, out kind);
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return model.GetDeclaredSymbol(declarator, cancellationToken) is IFieldSymbol field && IsPromQlMember(field, options, out kind);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return model.GetDeclaredSymbol(property, cancellationToken) is { } declared && IsPromQlMember(declared, options, out kind);
                case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                    return model.GetDeclaredSymbol(parameter, cancellationToken) is { } declaredParameter && IsPromQlParameter(declaredParameter, targets, out kind);
                default:
                    return false;
            }
        }

        /// <summary>Whether the parameter an argument goes to is a PromQL target, for the symbol or any candidate.</summary>
        private static bool AnyPromQlParameter(SymbolInfo info, string? name, int position, Targets targets, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (info.Symbol is { } symbol)
            {
                return ParameterOf(symbol, name, position) is { } parameter && IsPromQlParameter(parameter, targets, out kind);
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (ParameterOf(candidate, name, position) is { } parameter && IsPromQlParameter(parameter, targets, out kind))
                {
                    return true;
                }
            }

            return false;
        }

        private static IParameterSymbol? ParameterOf(ISymbol symbol, string? name, int position)
        {
            var parameters = symbol switch
            {
                IMethodSymbol method => method.Parameters,
                IPropertySymbol indexer => indexer.Parameters,
                _ => ImmutableArray<IParameterSymbol>.Empty,
            };

            if (name is not null)
            {
                foreach (var parameter in parameters)
                {
                    if (parameter.Name == name)
                    {
                        return parameter;
                    }
                }

                return null;
            }

            if (position >= 0 && position < parameters.Length)
            {
                return parameters[position];
            }

            return parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters[parameters.Length - 1] : null;
        }

        private static bool IsPromQlParameter(IParameterSymbol parameter, Targets targets, out QueryKind kind)
        {
            var options = targets.Options;
            if (KnownQueryApis.IsQueryParameter(parameter, out kind) || HasPromQlStringSyntax(parameter))
            {
                return true;
            }

            // A record's primary-constructor parameter carries the attribute on the parameter or on its property.
            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                foreach (var member in constructor.ContainingType.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol property && HasPromQlStringSyntax(property))
                    {
                        return true;
                    }
                }
            }

            if (parameter.ContainingSymbol is IMethodSymbol method)
            {
                foreach (var configured in options.QueryMembers)
                {
                    if (configured.MemberName == method.Name && TypeMatches(method.ContainingType, configured) && IsQueryParameterOf(method, parameter, configured))
                    {
                        return true;
                    }
                }
            }

            // Last, since it may bind another method's body: the compilation's own wrappers.
            return targets.Wrappers is { } wrappers
                && wrappers.IsWrapperParameter(parameter, options, targets.Depth, targets.Model, targets.CancellationToken, out kind);
        }

        /// <summary>Whether the property or field is a PromQL target, and how the query runs when a known API says.</summary>
        private static bool IsPromQlMember(ISymbol member, PromQlAnalyzerOptions options, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (!IsPromQlMember(member, options))
            {
                return false;
            }

            KnownQueryApis.IsQueryProperty(member, out kind);
            return true;
        }

        private static bool IsPromQlMember(ISymbol member, PromQlAnalyzerOptions options)
        {
            if (HasPromQlStringSyntax(member) || KnownQueryApis.IsQueryProperty(member))
            {
                return true;
            }

            foreach (var configured in options.QueryMembers)
            {
                if (configured.MemberName == member.Name && TypeMatches(member.ContainingType, configured))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The configured parameter, else the one called <c>query</c>, else the first string parameter.</summary>
        private static bool IsQueryParameterOf(IMethodSymbol method, IParameterSymbol parameter, QueryMember configured)
        {
            if (configured.ParameterName is not null)
            {
                return parameter.Name == configured.ParameterName;
            }

            foreach (var p in method.Parameters)
            {
                if (p.Name == "query")
                {
                    return SymbolEqualityComparer.Default.Equals(p, parameter);
                }
            }

            foreach (var p in method.Parameters)
            {
                if (p.Type.SpecialType == SpecialType.System_String)
                {
                    return SymbolEqualityComparer.Default.Equals(p, parameter);
                }
            }

            return false;
        }

        /// <summary>The type, a base type or an interface has the configured name (and namespace, when given).</summary>
        private static bool TypeMatches(INamedTypeSymbol? type, QueryMember configured)
        {
            if (type is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (NameMatches(t, configured))
                {
                    return true;
                }
            }

            foreach (var i in type.AllInterfaces)
            {
                if (NameMatches(i, configured))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NameMatches(INamedTypeSymbol type, QueryMember configured) =>
            type.Name == configured.TypeName
            && (configured.ContainingNamespace is null
                || string.Equals(type.ContainingNamespace?.ToDisplayString(), configured.ContainingNamespace, StringComparison.Ordinal));

        /// <summary>
        /// <c>[StringSyntax("PromQL")]</c> matched by name and namespace, so a user's own copy of the attribute on an
        /// old framework counts; the language identifier is compared case-insensitively.
        /// </summary>
        internal static bool HasPromQlStringSyntax(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: StringSyntaxNames.AttributeName } type
                    && type.ContainingNamespace?.ToDisplayString() == StringSyntaxNames.AttributeNamespace
                    && attribute.ConstructorArguments.Length > 0
                    && attribute.ConstructorArguments[0].Value is string language
                    && string.Equals(language, StringSyntaxNames.LanguageName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What a target is judged by: the options, and the wrappers to follow (how deep, from which model).</summary>
        private readonly struct Targets
        {
            public Targets(PromQlAnalyzerOptions options, InferredWrappers? wrappers, int depth, SemanticModel model, CancellationToken cancellationToken)
            {
                Options = options;
                Wrappers = wrappers;
                Depth = depth;
                Model = model;
                CancellationToken = cancellationToken;
            }

            public PromQlAnalyzerOptions Options { get; }

            public InferredWrappers? Wrappers { get; }

            public int Depth { get; }

            public SemanticModel Model { get; }

            public CancellationToken CancellationToken { get; }
        }
    }
}
