using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// The query a diagnostic was reported in, read again the way the analyzer read it: the C# string expression,
    /// its PromQL text with the source span of every character, and the parsed tree.
    /// </summary>
    internal sealed class LocatedQuery
    {
        private LocatedQuery(Document document, SourceText source, PromQlSourceText text, Expr expression, Func<ExpressionSyntax, Optional<object?>> constants)
        {
            Document = document;
            Source = source;
            Text = text;
            Expression = expression;
            Constants = constants;
        }

        public Document Document { get; }

        /// <summary>The document's text.</summary>
        public SourceText Source { get; }

        public PromQlSourceText Text { get; }

        public Expr Expression { get; }

        /// <summary>The constant values the text was read with (interpolations and concatenation operands).</summary>
        public Func<ExpressionSyntax, Optional<object?>> Constants { get; }

        /// <summary>
        /// Reads the string expressions around <paramref name="span"/>, innermost first (a string inside an
        /// interpolation is a query of its own, and a constant's characters map to the whole interpolation), and
        /// returns the first whose tree holds a node that <paramref name="match"/> accepts. Queries with syntax
        /// errors are skipped: a fix must know what the query means.
        /// </summary>
        public static async Task<(LocatedQuery Query, T Node)?> FindAsync<T>(Document document, TextSpan span, Func<LocatedQuery, T?> match, CancellationToken cancellationToken)
            where T : class
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || span.End > root.FullSpan.End)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var constants = model is null ? null : StringExpressions.ConstantValuesFrom(model, cancellationToken);
            Func<ExpressionSyntax, Optional<object?>> noConstants = _ => default;

            foreach (var node in root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf())
            {
                if (node is not ExpressionSyntax expression || !StringExpressions.IsRoot(expression) || !expression.Span.Contains(span))
                {
                    continue;
                }

                var text = StringExpressions.Read(expression, constants, cancellationToken);
                var result = PromQlParser.Parse(text.Text);
                if (result.HasErrors || result.Expression is null)
                {
                    continue;
                }

                var query = new LocatedQuery(document, source, text, result.Expression, constants ?? noConstants);
                if (match(query) is { } found)
                {
                    return (query, found);
                }
            }

            return null;
        }

        /// <summary>The first node of the tree, in pre-order, that is a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
        public T? FindNode<T>(Func<T, bool> predicate)
            where T : Expr
        {
            foreach (var node in Expression.DescendantsAndSelf())
            {
                if (node is T typed && predicate(typed))
                {
                    return typed;
                }
            }

            return null;
        }

        /// <summary>
        /// What a fix's title promises, checked on the edited query: it parses without errors and some node of it
        /// satisfies <paramref name="promise"/>.
        /// </summary>
        public static bool Keeps(string editedQuery, Func<Expr, bool> promise)
        {
            var result = PromQlParser.Parse(editedQuery);
            if (result.HasErrors || result.Expression is null)
            {
                return false;
            }

            foreach (var node in result.Expression.DescendantsAndSelf())
            {
                if (promise(node))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The logical text after <paramref name="edits"/> (sorted, not overlapping).</summary>
        public string Apply(IReadOnlyList<QueryEdit> edits)
        {
            var builder = new System.Text.StringBuilder(Text.Text.Length + 32);
            var position = 0;
            foreach (var edit in edits)
            {
                builder.Append(Text.Text, position, edit.Start - position).Append(edit.NewText);
                position = edit.End;
            }

            return builder.Append(Text.Text, position, Text.Text.Length - position).ToString();
        }
    }
}
