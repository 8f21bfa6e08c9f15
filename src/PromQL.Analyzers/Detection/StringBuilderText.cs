using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// The URL text a <c>StringBuilder</c> holds when a value is appended: <c>new StringBuilder(…).Append(…)…Append(value)</c>
    /// in one chain, or <c>sb.Append(…);</c> statements after <c>var sb = new StringBuilder(…);</c>, as
    /// <see cref="HttpApiTargets"/> reads a URL.
    /// </summary>
    internal static class StringBuilderText
    {
        /// <summary>
        /// The text appended before the last call of <c>new StringBuilder(…).Append(…)…Append(value)</c>, or of
        /// <c>sb.Append(…)…Append(value)</c> after statements <c>sb.Append(…);</c> that follow <c>var sb = new StringBuilder(…);</c>.
        /// </summary>
        public static string? AppendTextBefore(InvocationExpressionSyntax last, out HttpApiEvidence? evidence)
        {
            // The cheap test first, without allocating: what was appended just before ends with the parameter's name.
            evidence = null;
            if (PreviousAppended(last) is not { } previous || HttpApiTargets.LastLiteralText(previous) is not { } previousText || !HttpApiTargets.EndsWithParameter(previousText))
            {
                return null;
            }

            evidence = new HttpApiEvidence(last);
            return TextBeforeAppend(last, evidence);
        }

        /// <summary>
        /// The argument appended right before <paramref name="append"/>: the previous call's of its chain, the
        /// constructor's, or, for a chain that starts at a local, the last argument of the statement before when that
        /// statement appends to the same local or declares it.
        /// </summary>
        private static ExpressionSyntax? PreviousAppended(InvocationExpressionSyntax append)
        {
            switch ((append.Expression as MemberAccessExpressionSyntax)?.Expression)
            {
                case InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } appended }:
                    return appended[0].Expression;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } constructed }:
                    return constructed[0].Expression;
                case IdentifierNameSyntax local when NearbyStatements.Of(append) is { } statement:
                    switch (NearbyStatements.Before(statement))
                    {
                        case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } previous } chain }
                            when HttpApiTargets.LastLiteralText(previous[0].Expression) is { } previousText && HttpApiTargets.EndsWithParameter(previousText)
                                && AppendChainStart(chain)?.Identifier.ValueText == local.Identifier.ValueText:
                            // The text first: walking the statement's chain back to its local costs more.
                            return previous[0].Expression;
                        case LocalDeclarationStatementSyntax declaration:
                            foreach (var declarator in declaration.Declaration.Variables)
                            {
                                if (declarator.Identifier.ValueText == local.Identifier.ValueText)
                                {
                                    // var sb = new StringBuilder(text); or var sb = new StringBuilder(…).Append(text);
                                    return declarator.Initializer?.Value switch
                                    {
                                        ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } initial } => initial[0].Expression,
                                        InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } appended } => appended[0].Expression,
                                        _ => null,
                                    };
                                }
                            }

                            return null;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>The local a chain <c>sb.Append(…)…Append(…)</c> appends to, or null when any call of it is not <c>Append(x)</c>.</summary>
        private static IdentifierNameSyntax? AppendChainStart(InvocationExpressionSyntax chain)
        {
            ExpressionSyntax receiver = chain;
            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } access, ArgumentList.Arguments.Count: 1 })
            {
                receiver = access.Expression;
            }

            return receiver as IdentifierNameSyntax;
        }

        /// <summary>
        /// The text a <c>StringBuilder</c> holds when <paramref name="append"/> is called: the arguments of the calls
        /// before it in its chain, from <c>new StringBuilder(…)</c>; or, for a chain that starts at a local, those of the
        /// statements <c>sb.Append(…);</c> before it, up to the local's declaration (at most
        /// <see cref="NearbyStatements.MaxStatements"/>). A statement between them that names the local otherwise, or a
        /// declaration out of reach, is unknown text.
        /// </summary>
        public static string? TextBeforeAppend(InvocationExpressionSyntax append, HttpApiEvidence evidence)
        {
            // In reverse order: the last appended first; null is unknown text.
            var parts = new List<ExpressionSyntax?>();
            var start = AppendedBefore((append.Expression as MemberAccessExpressionSyntax)?.Expression, parts);
            if (start is IdentifierNameSyntax local && NearbyStatements.Of(append) is { } appending)
            {
                var name = local.Identifier.ValueText;
                var known = false;
                var statement = NearbyStatements.Before(appending);
                for (var read = 0; statement is not null && read < NearbyStatements.MaxStatements; read++, statement = NearbyStatements.Before(statement))
                {
                    if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax chain } && AppendChainStart(chain)?.Identifier.ValueText == name)
                    {
                        AppendedBefore(chain, parts);
                    }
                    else if (statement is LocalDeclarationStatementSyntax declaration && Declarator(declaration, name) is { } declarator)
                    {
                        // var sb = new StringBuilder(…); or var sb = new StringBuilder(…).Append(…)…;
                        if (declarator.Initializer?.Value is ObjectCreationExpressionSyntax or InvocationExpressionSyntax)
                        {
                            var mark = parts.Count;
                            if (AppendedBefore(declarator.Initializer.Value, parts) is ObjectCreationExpressionSyntax)
                            {
                                evidence.AddLocal(local, declarator);
                                known = true;
                            }
                            else
                            {
                                parts.RemoveRange(mark, parts.Count - mark);
                            }
                        }

                        break;
                    }
                    else if (NearbyStatements.Mentions(statement, name))
                    {
                        break;
                    }
                }

                if (!known)
                {
                    parts.Add(null);
                }
            }
            else if (start is not ObjectCreationExpressionSyntax)
            {
                parts.Add(null);
            }

            var text = new StringBuilder();
            for (var i = parts.Count - 1; i >= 0 && text.Length < HttpApiTargets.MaxUrlText; i--)
            {
                switch (parts[i])
                {
                    case { } part when StringExpressions.IsRoot(part):
                        StringExpressions.ForEachPart(part, token => text.Append(token.ValueText), _ => text.Append(PromQlParser.HoleCharacter));
                        break;
                    case LiteralExpressionSyntax character when character.IsKind(SyntaxKind.CharacterLiteralExpression):
                        text.Append(character.Token.ValueText);
                        break;
                    default:
                        text.Append(PromQlParser.HoleCharacter);
                        break;
                }
            }

            return text.Length < HttpApiTargets.MaxUrlText ? text.ToString() : null;
        }

        /// <summary>
        /// Adds to <paramref name="parts"/> (last first) the arguments of <paramref name="receiver"/>, a chain of
        /// <c>Append(x)</c> calls, and of the <c>new StringBuilder(x)</c> it starts at; returns where it starts.
        /// </summary>
        private static ExpressionSyntax? AppendedBefore(ExpressionSyntax? receiver, List<ExpressionSyntax?> parts)
        {
            while (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } access, ArgumentList.Arguments: { Count: 1 } arguments })
            {
                parts.Add(arguments[0].Expression);
                receiver = access.Expression;
            }

            if (receiver is ObjectCreationExpressionSyntax creation)
            {
                // new StringBuilder(), new StringBuilder(capacity), new StringBuilder(text) and the rest.
                switch (creation.ArgumentList?.Arguments)
                {
                    case null or { Count: 0 }:
                    case { Count: 1 } capacity when capacity[0].Expression.IsKind(SyntaxKind.NumericLiteralExpression):
                        break;
                    case { Count: 1 } initial:
                        parts.Add(initial[0].Expression);
                        break;
                    default:
                        parts.Add(null);
                        break;
                }
            }

            return receiver;
        }

        private static VariableDeclaratorSyntax? Declarator(LocalDeclarationStatementSyntax declaration, string name)
        {
            foreach (var declarator in declaration.Declaration.Variables)
            {
                if (declarator.Identifier.ValueText == name)
                {
                    return declarator;
                }
            }

            return null;
        }
    }
}
