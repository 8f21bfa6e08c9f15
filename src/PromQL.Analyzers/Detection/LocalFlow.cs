using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// One hop through a local, as Roslyn does for <c>[StringSyntax]</c>: <c>var q = "…"; client.QueryAsync(q, t);</c>
    /// makes the string PromQL. Only the statements after the declaration in the same block are read, and only
    /// uses in a candidate target position reach the semantic model.
    /// </summary>
    internal static class LocalFlow
    {
        /// <summary>How many following statements are read: a query is used near where it is built.</summary>
        private const int MaxStatements = 32;

        public static bool FlowsIntoPromQlTarget(ExpressionSyntax root, CompilationFacts facts, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken)
        {
            SyntaxNode node = root;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
                || declaration.Parent is not BlockSyntax block)
            {
                return false;
            }

            var name = declarator.Identifier.ValueText;
            ISymbol? local = null;
            var index = block.Statements.IndexOf(declaration);
            var end = System.Math.Min(block.Statements.Count, index + 1 + MaxStatements);
            for (var i = index + 1; i < end; i++)
            {
                foreach (var descendant in block.Statements[i].DescendantNodes())
                {
                    if (descendant is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    var kind = TargetSyntax.Find(identifier, out var targetName);
                    if (!facts.IsCandidate(kind, targetName, options))
                    {
                        continue;
                    }

                    local ??= model.GetDeclaredSymbol(declarator, cancellationToken);
                    if (local is not null
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local)
                        && QueryTargets.IsPromQlTarget(identifier, model, options, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
