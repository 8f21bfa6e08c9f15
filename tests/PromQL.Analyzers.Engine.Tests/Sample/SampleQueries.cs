using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Engine.Tests.Cluster;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>
    /// Finds the sample's queries with the analyzer's own machinery: every outermost C# string expression
    /// (<see cref="StringExpressions.IsRoot"/>), read into PromQL (<see cref="StringExpressions.Read"/>, constants
    /// folded in, unknown values as holes). A string is a query when the analyzer reports on it, or when its text
    /// parses as PromQL and selects a named metric with braces, parentheses or brackets (so a bare metric-name
    /// constant or a log message is not).
    /// </summary>
    public static class SampleQueries
    {
        /// <summary>The C# expressions the sample's holes stand for, and the fixture's value for each.</summary>
        public static readonly IReadOnlyDictionary<string, string> HoleValues = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ns"] = CadvisorCluster.Checkout.Namespace,
            ["pod"] = CadvisorCluster.Checkout.Name,
        };

        public static async Task<IReadOnlyList<SampleQuery>> FindAsync(Project project, ImmutableArray<Diagnostic> diagnostics)
        {
            var queries = new List<SampleQuery>();
            foreach (var document in project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                var tree = await document.GetSyntaxTreeAsync().ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync().ConfigureAwait(false);
                var root = await tree!.GetRootAsync().ConfigureAwait(false);
                foreach (var expression in root.DescendantNodes().OfType<ExpressionSyntax>().Where(StringExpressions.IsRoot))
                {
                    var found = diagnostics.Where(d => d.Location.SourceTree == tree && expression.Span.Contains(d.Location.SourceSpan)).ToList();
                    var text = ReadText(expression, model!);
                    if (found.Count > 0 || LooksLikeQuery(text.Text))
                    {
                        queries.Add(Describe(document.Name, expression, text, found));
                    }
                }
            }

            return queries;
        }

        /// <summary>The string expression of <paramref name="document"/> that starts at <paramref name="rootStart"/>, read with its constants.</summary>
        internal static async Task<PromQlSourceText> ReadAtAsync(Document document, int rootStart)
        {
            var root = await document.GetSyntaxRootAsync().ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync().ConfigureAwait(false);
            var expression = root!.DescendantNodes().OfType<ExpressionSyntax>()
                .FirstOrDefault(e => e.SpanStart == rootStart && StringExpressions.IsRoot(e))
                ?? throw new InvalidOperationException($"No string expression starts at {rootStart} in {document.Name}.");
            return ReadText(expression, model!);
        }

        /// <summary>
        /// <paramref name="text"/> with each hole replaced by the value of the C# expression it stands for
        /// (<see cref="HoleValues"/>); null, with the reason, when a hole's expression has no value there.
        /// </summary>
        internal static string? Substitute(PromQlSourceText text, out string? reason)
        {
            var result = new StringBuilder();
            foreach (var piece in text.Pieces)
            {
                if (piece.Kind != SourceTextPieceKind.Hole)
                {
                    result.Append(text.Text, piece.Start, piece.Length);
                    continue;
                }

                var holeExpression = piece.Node is InterpolationSyntax interpolation ? interpolation.Expression.ToString() : piece.Node?.ToString() ?? "?";
                if (!HoleValues.TryGetValue(holeExpression, out var value))
                {
                    reason = $"the hole {{{holeExpression}}} has no value in the engine test";
                    return null;
                }

                result.Append(value);
            }

            reason = null;
            return result.ToString();
        }

        private static PromQlSourceText ReadText(ExpressionSyntax expression, SemanticModel model) =>
            StringExpressions.Read(expression, StringExpressions.ConstantValuesFrom(model, CancellationToken.None), CancellationToken.None);

        private static SampleQuery Describe(string file, ExpressionSyntax expression, PromQlSourceText text, List<Diagnostic> diagnostics)
        {
            var line = expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var member = expression.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() switch
            {
                MethodDeclarationSyntax method => method.Identifier.Text,
                PropertyDeclarationSyntax property => property.Identifier.Text,
                FieldDeclarationSyntax field => field.Declaration.Variables.First().Identifier.Text,
                _ => "?",
            };
            var engineText = Substitute(text, out var reason);
            return new SampleQuery(file, line, member, expression.SpanStart, text.Text, diagnostics, engineText, reason);
        }

        private static bool LooksLikeQuery(string text)
        {
            if (text.IndexOfAny(new[] { '{', '(', '[' }) < 0)
            {
                return false;
            }

            var result = PromQlParser.Parse(text);
            return !result.HasErrors
                && result.Expression is { } expression
                && expression.DescendantsAndSelf().OfType<VectorSelector>().Any(s => s.Name is not null
                    || s.Matchers.Any(m => m.Name == LabelMatcher.MetricNameLabel && m.Type == MatchType.Equal));
        }
    }
}
