using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers.CodeFixes;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>What the code fixes made of one query: its PromQL afterwards (holes substituted), or why there is none.</summary>
    public sealed class FixOutcome
    {
        public FixOutcome(string? engineText, int fixesApplied, string? declined)
        {
            EngineText = engineText;
            FixesApplied = fixesApplied;
            Declined = declined;
        }

        /// <summary>The fixed query for the engine, or null when a fix was declined or a hole has no value.</summary>
        public string? EngineText { get; }

        public int FixesApplied { get; }

        /// <summary>Why there is no fixed query, or null.</summary>
        public string? Declined { get; }
    }

    /// <summary>
    /// Applies the real code fixes to the sample's C# source, the way an IDE does: the analyzer's diagnostics on the
    /// document, the provider's <c>RegisterCodeFixesAsync</c>, the action's <c>ApplyChangesOperation</c>; then reads the
    /// fixed string back with <c>StringExpressions.Read</c>. Only the diagnostics inside the one query are fixed, one
    /// at a time, until none of that rule is left there.
    /// </summary>
    public static class SampleFixer
    {
        private const int MaxFixesPerQuery = 8;

        /// <summary>The query after every fix of <paramref name="rules"/>, in that order, on <paramref name="project"/>.</summary>
        public static async Task<FixOutcome> FixAsync(Project project, SampleQuery query, params string[] rules)
        {
            var document = project.Documents.Single(d => d.Name == query.File);
            var applied = 0;
            foreach (var rule in rules)
            {
                while (true)
                {
                    var diagnostic = await FirstDiagnosticInQueryAsync(document, query.RootStart, rule).ConfigureAwait(false);
                    if (diagnostic is null)
                    {
                        break;
                    }

                    if (++applied > MaxFixesPerQuery)
                    {
                        throw new InvalidOperationException($"The {rule} fix of {query.Name} still leaves {rule} after {MaxFixesPerQuery} fixes.");
                    }

                    var fixedDocument = await ApplyFixAsync(document, diagnostic).ConfigureAwait(false);
                    if (fixedDocument is null)
                    {
                        return new FixOutcome(null, applied - 1, $"no {rule} fix is offered for {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                    }

                    document = fixedDocument;
                }
            }

            var text = await SampleQueries.ReadAtAsync(document, query.RootStart).ConfigureAwait(false);
            var engineText = SampleQueries.Substitute(text, out var reason);
            return new FixOutcome(engineText, applied, reason);
        }

        private static async Task<Diagnostic?> FirstDiagnosticInQueryAsync(Document document, int rootStart, string rule)
        {
            var model = await document.GetSemanticModelAsync().ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync().ConfigureAwait(false);
            var queryNode = root!.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax>()
                .First(e => e.SpanStart == rootStart && PromQL.Analyzers.Text.StringExpressions.IsRoot(e));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PromQlAnalyzer());
            var withAnalyzers = model!.Compilation.WithAnalyzers(analyzers, document.Project.AnalyzerOptions);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, queryNode.Span, CancellationToken.None).ConfigureAwait(false);
            return diagnostics
                .Where(d => d.Id == rule && queryNode.Span.Contains(d.Location.SourceSpan))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .FirstOrDefault();
        }

        private static async Task<Document?> ApplyFixAsync(Document document, Diagnostic diagnostic)
        {
            CodeFixProvider provider = diagnostic.Id switch
            {
                DiagnosticIds.ContainerFilterMissing => new AddContainerFilterCodeFixProvider(),
                DiagnosticIds.RedundantSum => new RemoveRedundantSumCodeFixProvider(),
                _ => throw new ArgumentOutOfRangeException(nameof(diagnostic), diagnostic.Id, "no code fix for this rule"),
            };
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            if (actions.Count == 0)
            {
                return null;
            }

            var operations = await actions.Single().GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return solution.GetDocument(document.Id);
        }
    }
}
