using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// One hop through a local, as Roslyn does for <c>[StringSyntax]</c>: <c>var q = "…"; client.QueryAsync(q, t);</c>
    /// makes the string PromQL. Only the statements after the declaration in the same block are read, and only
    /// uses in a candidate target position (or in the query parameter of a Prometheus HTTP API URL) reach the
    /// semantic model.
    /// </summary>
    internal static class LocalFlow
    {
        /// <summary>How many following statements are read: a query is used near where it is built.</summary>
        private const int MaxStatements = 32;

        public static bool FlowsIntoPromQlTarget(ExpressionSyntax root, DetectionFacts facts, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken, out QueryKind queryKind)
        {
            queryKind = QueryKind.Unknown;
            SyntaxNode node = root;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration)
            {
                return false;
            }

            // The statements that follow: in the block, or among top-level statements.
            SyntaxNode? next = declaration.Parent switch
            {
                BlockSyntax block => NextSibling(block.Statements, declaration),
                GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => NextSibling(unit.Members, global),
                _ => null,
            };

            var name = declarator.Identifier.ValueText;
            ISymbol? local = null;
            for (var read = 0; next is not null && read < MaxStatements; read++, next = NextSiblingOf(next))
            {
                foreach (var descendant in next.DescendantNodes())
                {
                    if (descendant is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    var kind = TargetSyntax.Find(identifier, out var targetName);
                    var candidate = facts.IsCandidate(kind, targetName, options);
                    var http = candidate ? default : HttpApiTargets.Find(identifier);
                    if (!candidate && !http.IsFound)
                    {
                        continue;
                    }

                    local ??= model.GetDeclaredSymbol(declarator, cancellationToken);
                    if (local is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                    {
                        continue;
                    }

                    if (candidate && QueryTargets.IsPromQlTarget(identifier, model, options, cancellationToken, out queryKind))
                    {
                        return true;
                    }

                    if (http.IsFound && HttpApiTargets.Confirm(http, model, cancellationToken))
                    {
                        queryKind = http.Kind;
                        return true;
                    }
                }
            }

            return false;
        }

        private static SyntaxNode? NextSibling<TNode>(SyntaxList<TNode> list, TNode node)
            where TNode : SyntaxNode
        {
            var index = list.IndexOf(node);
            return index >= 0 && index + 1 < list.Count ? list[index + 1] : null;
        }

        private static SyntaxNode? NextSiblingOf(SyntaxNode node) => node.Parent switch
        {
            BlockSyntax block => NextSibling(block.Statements, (StatementSyntax)node),
            CompilationUnitSyntax unit => NextSibling(unit.Members, (MemberDeclarationSyntax)node),
            _ => null,
        };
    }
}
