using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// The statements around a node, in its own block (or among top-level statements), read a bounded number at a time:
    /// a URL or a form is built in the statements just before it is sent, so that is as far as detection looks.
    /// </summary>
    /// <remarks>
    /// Siblings are found through the tokens that border a statement, never by searching the block's list, so one step
    /// costs the same in a block of ten statements or of ten thousand.
    /// </remarks>
    internal static class NearbyStatements
    {
        /// <summary>How many statements before or after are read, as <see cref="LocalFlow"/> reads.</summary>
        public const int MaxStatements = 32;

        /// <summary>
        /// The statement that holds <paramref name="node"/> (or is it) and stands in a block or among top-level
        /// statements; null outside a body (a field initializer, an attribute).
        /// </summary>
        public static StatementSyntax? Of(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case StatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement:
                        return statement;
                    case MemberDeclarationSyntax and not GlobalStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The statement right before <paramref name="statement"/> in its block, or null when it is the first.</summary>
        public static StatementSyntax? Previous(StatementSyntax statement) =>
            SiblingAbove(statement.GetFirstToken().GetPreviousToken().Parent, statement);

        /// <summary>The statement right after <paramref name="statement"/> in its block, or null when it is the last.</summary>
        public static StatementSyntax? Next(StatementSyntax statement) =>
            SiblingAbove(statement.GetLastToken().GetNextToken().Parent, statement);

        /// <summary>
        /// The statement that runs before <paramref name="statement"/> in its scope: the one before it in its block, or,
        /// for the first of a block, the one before the statement that holds the block (an <c>if</c>, a <c>using</c>, a
        /// lambda's statement), as far out as the member's body.
        /// </summary>
        public static StatementSyntax? Before(StatementSyntax statement)
        {
            for (StatementSyntax? current = statement; current is not null; current = Enclosing(current))
            {
                if (Previous(current) is { } previous)
                {
                    return previous;
                }
            }

            return null;
        }

        /// <summary>As <see cref="Before"/>, the statement after: the next in the block, or the next after the statement that holds it.</summary>
        public static StatementSyntax? After(StatementSyntax statement)
        {
            for (StatementSyntax? current = statement; current is not null; current = Enclosing(current))
            {
                if (Next(current) is { } next)
                {
                    return next;
                }
            }

            return null;
        }

        /// <summary>
        /// The declarator of the local <paramref name="name"/> in one of the statements before <paramref name="statement"/>
        /// (<see cref="Before"/>, at most <see cref="MaxStatements"/>), with the statement that declares it.
        /// </summary>
        public static VariableDeclaratorSyntax? DeclarationBefore(StatementSyntax statement, string name, out LocalDeclarationStatementSyntax? declaration)
        {
            var current = Before(statement);
            for (var read = 0; current is not null && read < MaxStatements; read++, current = Before(current))
            {
                if (current is LocalDeclarationStatementSyntax local)
                {
                    foreach (var declarator in local.Declaration.Variables)
                    {
                        if (declarator.Identifier.ValueText == name)
                        {
                            declaration = local;
                            return declarator;
                        }
                    }
                }
            }

            declaration = null;
            return null;
        }

        /// <summary>
        /// The identifiers named <paramref name="name"/> in the statements after <paramref name="statement"/>
        /// (<see cref="After"/>, at most <see cref="MaxStatements"/>).
        /// </summary>
        public static IEnumerable<IdentifierNameSyntax> UsesAfter(StatementSyntax statement, string name)
        {
            var current = After(statement);
            for (var read = 0; current is not null && read < MaxStatements; read++, current = After(current))
            {
                foreach (var node in current.DescendantNodes())
                {
                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        yield return identifier;
                    }
                }
            }
        }

        /// <summary>
        /// The identifiers that may use the local <paramref name="declarator"/> declares: in the statements after its
        /// declaration statement (<see cref="UsesAfter"/>), or in the first <see cref="MaxStatements"/> statements of the
        /// body of the <c>using (var x = …)</c> that declares it; none for a field.
        /// </summary>
        public static IEnumerable<IdentifierNameSyntax> UsesOf(VariableDeclaratorSyntax declarator)
        {
            var name = declarator.Identifier.ValueText;
            return declarator.Parent?.Parent switch
            {
                LocalDeclarationStatementSyntax statement => UsesAfter(statement, name),
                UsingStatementSyntax { Statement: { } body } => UsesIn(body, name),
                _ => Array.Empty<IdentifierNameSyntax>(),
            };
        }

        /// <summary>Whether <paramref name="statement"/> names <paramref name="name"/> anywhere.</summary>
        public static bool Mentions(StatementSyntax statement, string name)
        {
            foreach (var token in statement.DescendantTokens())
            {
                if (token.ValueText == name && token.Parent is IdentifierNameSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<IdentifierNameSyntax> UsesIn(StatementSyntax body, string name)
        {
            var statements = body is BlockSyntax block ? (IEnumerable<StatementSyntax>)block.Statements : new[] { body };
            var read = 0;
            foreach (var statement in statements)
            {
                if (read++ == MaxStatements)
                {
                    yield break;
                }

                foreach (var node in statement.DescendantNodesAndSelf())
                {
                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        yield return identifier;
                    }
                }
            }
        }

        /// <summary>The statement of the enclosing block that holds the block of <paramref name="statement"/>; null at a member's body.</summary>
        private static StatementSyntax? Enclosing(StatementSyntax statement) =>
            statement.Parent is BlockSyntax { Parent: { } holder } ? Of(holder) : null;

        /// <summary>The first ancestor of a bordering token's node that is a sibling of <paramref name="statement"/>.</summary>
        private static StatementSyntax? SiblingAbove(SyntaxNode? node, StatementSyntax statement)
        {
            var container = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
            for (; node is not null && node != container; node = node.Parent)
            {
                if (node is StatementSyntax candidate && candidate != statement && IsSibling(candidate, statement, container))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static bool IsSibling(StatementSyntax candidate, StatementSyntax statement, SyntaxNode? container) =>
            statement.Parent is GlobalStatementSyntax
                ? candidate.Parent is GlobalStatementSyntax other && other.Parent == container
                : candidate.Parent == container;
    }
}
