using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Detection
{
    /// <summary>Where a string flows, read from syntax alone: the name to test before asking the semantic model.</summary>
    internal enum TargetKind
    {
        /// <summary>Nowhere we follow.</summary>
        None,

        /// <summary>An argument of a method call; the name is the method's.</summary>
        MethodArgument,

        /// <summary>An argument of <c>new T(...)</c> or <c>: base(...)</c>; the name is the type's (empty when not written).</summary>
        ConstructorArgument,

        /// <summary>An assignment or object-initializer entry; the name is the member's.</summary>
        MemberAssignment,

        /// <summary>A field, property or parameter initializer; the name is the member's (a parameter's: its method's).</summary>
        Initializer,
    }

    internal static class TargetSyntax
    {
        /// <summary>
        /// The syntactic target of <paramref name="root"/>: skips parentheses, casts, <c>params</c> arrays and
        /// collection initializers (<c>new[] { "…" }</c> passed to a <c>string[]</c> parameter) on the way up.
        /// </summary>
        public static TargetKind Find(ExpressionSyntax root, out string name)
        {
            name = string.Empty;
            var parent = ParentOf(root, out var node);
            switch (parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var owner } }:
                    switch (owner)
                    {
                        case InvocationExpressionSyntax invocation:
                            name = RightmostName(invocation.Expression);
                            return name.Length == 0 ? TargetKind.None : TargetKind.MethodArgument;
                        case ObjectCreationExpressionSyntax creation:
                            name = RightmostName(creation.Type);
                            return TargetKind.ConstructorArgument;
                        case ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                            return TargetKind.ConstructorArgument;
                        default:
                            return TargetKind.None;
                    }

                case ArgumentSyntax { Parent: BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax or ElementBindingExpressionSyntax } }:
                    // An indexer's parameters are recorded under this name.
                    name = "this[]";
                    return TargetKind.MethodArgument;

                case AttributeArgumentSyntax { NameEquals: { } nameEquals }:
                    name = nameEquals.Name.Identifier.ValueText;
                    return TargetKind.MemberAssignment;

                case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } }:
                    // [Query("…")] names the type QueryAttribute: the candidate names hold the declared name.
                    name = RightmostName(attribute.Name);
                    if (!name.EndsWith("Attribute", System.StringComparison.Ordinal))
                    {
                        name += "Attribute";
                    }

                    return TargetKind.ConstructorArgument;

                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == node:
                    name = RightmostName(assignment.Left);
                    return name.Length == 0 ? TargetKind.None : TargetKind.MemberAssignment;

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } declarator }:
                    name = declarator.Identifier.ValueText;
                    return TargetKind.Initializer;

                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    name = property.Identifier.ValueText;
                    return TargetKind.Initializer;

                case EqualsValueClauseSyntax { Parent: ParameterSyntax { Parent: ParameterListSyntax { Parent: var method } } }:
                    name = method switch
                    {
                        MethodDeclarationSyntax m => m.Identifier.ValueText,
                        ConstructorDeclarationSyntax c => c.Identifier.ValueText,
                        TypeDeclarationSyntax t => t.Identifier.ValueText,
                        LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    return name.Length == 0 ? TargetKind.None : TargetKind.Initializer;

                default:
                    return TargetKind.None;
            }
        }

        /// <summary>
        /// The node that decides where <paramref name="root"/> flows, above parentheses, casts, <c>params</c> arrays and
        /// collection initializers; <paramref name="node"/> is its child on the way (the root or what wraps it).
        /// </summary>
        public static SyntaxNode? ParentOf(ExpressionSyntax root, out SyntaxNode node)
        {
            node = root;
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression }
                or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ExpressionElementSyntax or CollectionExpressionSyntax)
            {
                node = parent;
                parent = node.Parent;
            }

            return parent;
        }

        /// <summary>The last identifier of a name or member access: <c>Query</c> in <c>request.Query</c>, <c>Run</c> in <c>c?.Run</c>.</summary>
        internal static string RightmostName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
