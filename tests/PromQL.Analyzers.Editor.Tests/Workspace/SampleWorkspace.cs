using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace PromQL.Analyzers.Editor.Tests.Workspace
{
    /// <summary>
    /// The sample opened in Roslyn's MSBuildWorkspace, the project system IDE hosts build on, with the
    /// PromQL analyzers and code fixes taken from the analyzer references the workspace loaded from the
    /// project file: what an IDE runs, not instances this test makes.
    /// </summary>
    internal sealed class SampleWorkspace : IDisposable
    {
        private readonly List<string> _workspaceFailures;

        private SampleWorkspace(
            MSBuildWorkspace workspace,
            ProjectId projectId,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            IReadOnlyList<CodeFixProvider> fixers,
            List<string> workspaceFailures)
        {
            Workspace = workspace;
            ProjectId = projectId;
            Analyzers = analyzers;
            Fixers = fixers;
            _workspaceFailures = workspaceFailures;
        }

        public MSBuildWorkspace Workspace { get; }

        public ProjectId ProjectId { get; }

        /// <summary>The analyzers of the project's references that report a PROMQL rule.</summary>
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>Every C# code-fix provider of the project's references.</summary>
        public IReadOnlyList<CodeFixProvider> Fixers { get; }

        public Project Project => Workspace.CurrentSolution.GetProject(ProjectId)!;

        /// <summary>What the workspace reported while loading, for failure messages.</summary>
        public string Failures => _workspaceFailures.Count == 0 ? "(none)" : string.Join("\n", _workspaceFailures);

        /// <summary>Opens <paramref name="projectPath"/> in the configuration <see cref="SampleCopy.BuildConfiguration"/>.</summary>
        public static Task<SampleWorkspace> OpenAsync(string projectPath, CancellationToken cancellationToken)
        {
            MSBuildRegistration.EnsureRegistered();
            return OpenRegisteredAsync(projectPath, cancellationToken);
        }

        public void Dispose() => Workspace.Dispose();

        /// <summary>The PROMQL analyzers' diagnostics on the workspace's current solution, as an IDE computes them.</summary>
        public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CancellationToken cancellationToken)
        {
            var project = Project;
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The sample has no compilation.");

            // project.AnalyzerOptions carries the sample's .editorconfig, as the IDE passes it.
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, project.AnalyzerOptions);
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The code actions the project's fixers offer for <paramref name="diagnostic"/>.</summary>
        public async Task<IReadOnlyList<CodeAction>> FixesForAsync(Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var document = Project.GetDocument(diagnostic.Location.SourceTree!)
                ?? throw new InvalidOperationException($"No document holds {diagnostic}.");
            var actions = new List<CodeAction>();
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }

            return actions;
        }

        /// <summary>Applies <paramref name="action"/> the way an IDE does: its solution change goes to the workspace, which saves the file.</summary>
        public async Task ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var change = operations.OfType<ApplyChangesOperation>().Single();
            if (!Workspace.TryApplyChanges(change.ChangedSolution))
            {
                throw new InvalidOperationException($"The workspace refused the changes of '{action.Title}'. Workspace failures:\n{Failures}");
            }
        }

        // Kept apart from OpenAsync so that no MSBuild type is touched before the locator has registered.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<SampleWorkspace> OpenRegisteredAsync(string projectPath, CancellationToken cancellationToken)
        {
            var failures = new List<string>();
            var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>
            {
                // The src outputs the analyzer references point at are those of the test's own build.
                ["Configuration"] = SampleCopy.BuildConfiguration,
            });
            try
            {
                workspace.WorkspaceFailed += (_, e) =>
                {
                    lock (failures)
                    {
                        failures.Add($"{e.Diagnostic.Kind}: {e.Diagnostic.Message}");
                    }
                };

                var project = await workspace.OpenProjectAsync(projectPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                var analyzers = project.AnalyzerReferences
                    .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
                    .Where(analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id.StartsWith("PROMQL", StringComparison.Ordinal)))
                    .ToImmutableArray();
                var fixers = ProjectCodeFixes.In(project.AnalyzerReferences);
                return new SampleWorkspace(workspace, project.Id, analyzers, fixers, failures);
            }
            catch
            {
                workspace.Dispose();
                throw;
            }
        }
    }
}
