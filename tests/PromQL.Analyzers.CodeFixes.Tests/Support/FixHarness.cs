using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.CodeFixes.Tests.Support
{
    /// <summary>
    /// A small host for what the verifier cannot do: computing every fix on the same document and merging their
    /// text changes, the way a batch Fix All merges fixes of several diagnostics.
    /// </summary>
    internal static class FixHarness
    {
        public static readonly ImmutableArray<CodeFixProvider> Providers =
            ImmutableArray.Create<CodeFixProvider>(
                new AddContainerFilterCodeFixProvider(), new RemoveRedundantSumCodeFixProvider(), new KeepBucketLabelCodeFixProvider(), new QuantileAsFractionCodeFixProvider(),
                new RemoveSortCodeFixProvider(), new RenameRemovedCadvisorLabelCodeFixProvider(), new MatchBothBucketFormsCodeFixProvider(), new RenameFunctionCodeFixProvider(),
                new RemoveNetworkContainerFilterCodeFixProvider(), new InvariantHoleCodeFixProvider(), new InvariantStringCodeFixProvider(), new ConvertHoleValueCodeFixProvider(),
                new RegexAsEqualityCodeFixProvider(), new RemoveRedundantAnchorsCodeFixProvider(), new SimplifyRegexMatcherCodeFixProvider(), new UseRegexMatcherCodeFixProvider(),
                new UseGaugeFunctionCodeFixProvider(), new UseCounterFunctionCodeFixProvider(), new WrapCounterInRateCodeFixProvider(),
                new RateBeforeAggregationCodeFixProvider(), new UseKubeStateMetricsV2CodeFixProvider());

        public static Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    metadataReferences: Basic.Reference.Assemblies.Net80.References.All))
                .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(source));
            return solution.Projects.Single().Documents.Single();
        }

        public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Document document)
        {
            var compilation = await document.Project.GetCompilationAsync().ConfigureAwait(false);
            var withAnalyzers = compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PromQlAnalyzer()));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        /// <summary>The text changes of the one fix offered for <paramref name="diagnostic"/>, computed on <paramref name="document"/>.</summary>
        public static async Task<IReadOnlyList<TextChange>> GetFixChangesAsync(Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            foreach (var provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            var operations = await actions.Single().GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            var changes = await changed.GetTextChangesAsync(document).ConfigureAwait(false);
            return changes.ToList();
        }

        /// <summary>Every diagnostic's fix computed on the same document, merged; throws when two fixes overlap.</summary>
        public static async Task<string> FixAllMergedAsync(string source)
        {
            var document = CreateDocument(source);
            var merged = new List<TextChange>();
            foreach (var diagnostic in await GetDiagnosticsAsync(document).ConfigureAwait(false))
            {
                merged.AddRange(await GetFixChangesAsync(document, diagnostic).ConfigureAwait(false));
            }

            merged.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            for (var i = 1; i < merged.Count; i++)
            {
                if (merged[i].Span.Start < merged[i - 1].Span.End)
                {
                    throw new InvalidOperationException("Overlapping fixes: " + merged[i - 1] + " and " + merged[i]);
                }
            }

            var text = await document.GetTextAsync().ConfigureAwait(false);
            return text.WithChanges(merged).ToString();
        }
    }
}
