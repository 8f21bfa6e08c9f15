using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// The query a diagnostic was reported in, read again the way the analyzer read it: the C# string expression and
    /// its PromQL text with the source span of every character. It is not parsed again: what the rule found comes with
    /// the diagnostic (<see cref="FixProperties"/>), and the text serves only to map its offsets to source.
    /// </summary>
    internal sealed class LocatedQuery
    {
        private LocatedQuery(Document document, SourceText source, PromQlSourceText text, Func<ExpressionSyntax, Optional<object?>> constants, FormatReading reading)
        {
            Document = document;
            Source = source;
            Text = text;
            Constants = constants;
            Reading = reading;
        }

        public Document Document { get; }

        /// <summary>The document's text.</summary>
        public SourceText Source { get; }

        public PromQlSourceText Text { get; }

        /// <summary>The constant values the text was read with (interpolations and concatenation operands).</summary>
        public Func<ExpressionSyntax, Optional<object?>> Constants { get; }

        /// <summary>How the string was read, as the analyzer reads it: a <c>string.Format</c> format is decoded.</summary>
        public FormatReading Reading { get; }

        /// <summary>
        /// The string <paramref name="diagnostic"/> was reported in, and the node the rule found there
        /// (<see cref="FixProperties.NodeStart"/>, <see cref="FixProperties.NodeEnd"/>): the string expression around the
        /// diagnostic's span, innermost first, whose text is as long as the rule's and maps the node to exactly that span.
        /// Null when the node keys are missing or malformed, or no string fits (the document changed since).
        /// </summary>
        public static async Task<(LocatedQuery Query, int NodeStart, int NodeEnd)?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Location.IsInSource
                || !FixProperties.TryGetNode(diagnostic.Properties, out var start, out var end, out var length)
                || start == end)
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            var found = await FindAsync(document, span, text => text.Text.Length == length && text.GetSourceSpan(start, end) == span, cancellationToken).ConfigureAwait(false);
            return found is { } query ? (query, start, end) : null;
        }

        /// <summary>
        /// Reads the string expressions around <paramref name="span"/>, innermost first (a string inside an
        /// interpolation is a query of its own, and a constant's characters map to the whole interpolation), and
        /// returns the first whose text <paramref name="match"/> accepts. A composite format is read decoded, as the
        /// analyzer reads it; a URL's query string is not read (<c>UrlQueryLiterals</c>), so no query there is found.
        /// </summary>
        public static async Task<LocatedQuery?> FindAsync(Document document, TextSpan span, Func<PromQlSourceText, bool> match, CancellationToken cancellationToken)
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

                var format = FormatCall.Find(expression);
                var reading = format.IsFound && model is not null ? format.Confirm(model, cancellationToken) : FormatReading.Plain;
                if (reading.Read(expression, constants, cancellationToken) is { } text && match(text))
                {
                    return new LocatedQuery(document, source, text, constants ?? noConstants, reading);
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
