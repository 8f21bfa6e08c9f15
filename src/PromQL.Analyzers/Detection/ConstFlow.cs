using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// A query kept in a <c>const</c> or <c>static readonly</c> field and passed whole to a target elsewhere:
    /// <c>const string Q = "…"; … client.QueryAsync(Q)</c> makes the field's own literal PromQL. Asked only for a
    /// string with a query's shape that stands as such a field's initializer. The field's name is searched as a whole
    /// word in the text of the trees that can see it (the declaring type's trees for a private field, every tree
    /// otherwise; the hits are kept per tree), the expression at each hit is read by syntax, and only a use in a
    /// candidate target position reaches the semantic model, to confirm the name binds to this field and the target.
    /// A use in an interpolation hole or a concatenation is not followed: the constant is read where it is used.
    /// </summary>
    internal static class ConstFlow
    {
        /// <summary>How many uses are read: a constant used more often is not followed further.</summary>
        private const int MaxHits = 64;

        /// <summary>The field declarator whose initializer <paramref name="root"/> is, when the field is <c>const</c> or <c>static readonly</c>.</summary>
        public static VariableDeclaratorSyntax? DeclaratorOf(ExpressionSyntax root)
        {
            SyntaxNode node = root;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent?.Parent is not FieldDeclarationSyntax field)
            {
                return null;
            }

            var isConst = false;
            var isStatic = false;
            var isReadOnly = false;
            foreach (var modifier in field.Modifiers)
            {
                isConst |= modifier.IsKind(SyntaxKind.ConstKeyword);
                isStatic |= modifier.IsKind(SyntaxKind.StaticKeyword);
                isReadOnly |= modifier.IsKind(SyntaxKind.ReadOnlyKeyword);
            }

            return isConst || (isStatic && isReadOnly) ? declarator : null;
        }

        /// <summary>
        /// Whether the field is passed whole to a PromQL target; <paramref name="queryKind"/> is how its uses run
        /// (<see cref="QueryKind.Unknown"/> when they disagree).
        /// </summary>
        public static bool FlowsIntoPromQlTarget(VariableDeclaratorSyntax declarator, DetectionFacts facts, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken, out QueryKind queryKind)
        {
            queryKind = QueryKind.Unknown;
            var name = declarator.Identifier.ValueText;
            if (name.Length == 0 || declarator.Parent?.Parent is not FieldDeclarationSyntax field)
            {
                return false;
            }

            ISymbol? symbol = null;
            var found = false;
            var read = 0;
            foreach (var tree in TreesInSight(declarator, field, model, ref symbol, facts, cancellationToken))
            {
                if (facts.NameHitsOf(tree, name, cancellationToken) is not { } hits)
                {
                    continue;
                }

                var root = tree.GetRoot(cancellationToken);
                foreach (var position in hits)
                {
                    if (++read > MaxHits)
                    {
                        return found;
                    }

                    if (root.FindToken(position).Parent is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    ExpressionSyntax use = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                    var kind = TargetSyntax.Find(use, out var targetName);
                    var candidate = facts.IsCandidate(kind, targetName, options);
                    var http = candidate || use.Parent is InterpolationSyntax or BinaryExpressionSyntax ? default : HttpApiTargets.Find(use);
                    if (!candidate && !http.IsFound)
                    {
                        continue;
                    }

                    var useModel = facts.Wrappers.ModelOf(tree, model);
                    symbol ??= model.GetDeclaredSymbol(declarator, cancellationToken);
                    if (symbol is null || !SymbolEqualityComparer.Default.Equals(useModel.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, symbol))
                    {
                        continue;
                    }

                    QueryKind useKind;
                    if (candidate && QueryTargets.IsPromQlTarget(use, useModel, options, facts.Wrappers, InferredWrappers.MaxDepth, cancellationToken, out useKind))
                    {
                    }
                    else if (http.IsFound && HttpApiTargets.Confirm(http, useModel, cancellationToken))
                    {
                        useKind = http.Kind;
                    }
                    else
                    {
                        continue;
                    }

                    queryKind = found && queryKind != useKind ? QueryKind.Unknown : useKind;
                    found = true;
                }
            }

            return found;
        }

        /// <summary>The trees where the field can be named: its type's for a private field, every tree otherwise.</summary>
        private static IEnumerable<SyntaxTree> TreesInSight(VariableDeclaratorSyntax declarator, FieldDeclarationSyntax field, SemanticModel model, ref ISymbol? symbol, DetectionFacts facts, CancellationToken cancellationToken)
        {
            var isPrivate = true;
            foreach (var modifier in field.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword) || modifier.IsKind(SyntaxKind.ProtectedKeyword))
                {
                    isPrivate = false;
                }
            }

            if (!isPrivate)
            {
                return facts.Trees;
            }

            if (field.Parent is not TypeDeclarationSyntax type || !type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return new[] { declarator.SyntaxTree };
            }

            // A partial type: the trees of its declarations.
            symbol ??= model.GetDeclaredSymbol(declarator, cancellationToken);
            var trees = new List<SyntaxTree> { declarator.SyntaxTree };
            if (symbol?.ContainingType is { } containing)
            {
                foreach (var reference in containing.DeclaringSyntaxReferences)
                {
                    if (!trees.Contains(reference.SyntaxTree))
                    {
                        trees.Add(reference.SyntaxTree);
                    }
                }
            }

            return trees;
        }
    }
}
