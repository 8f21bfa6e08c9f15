using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>
    /// samples/PodMemoryDashboard as a Roslyn project: its C# files and its .editorconfig, compiled offline against the
    /// .NET 8 reference assemblies.
    /// </summary>
    public static class SampleProject
    {
        public static string Directory => RepositoryPaths.Combine("samples", "PodMemoryDashboard");

        /// <summary>A workspace holding the sample; the returned project is in its current solution.</summary>
        public static Project Load(AdhocWorkspace workspace)
        {
            var projectId = ProjectId.CreateNewId();
            var info = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "PodMemoryDashboard",
                "PodMemoryDashboard",
                LanguageNames.CSharp,
                filePath: Path.Combine(Directory, "PodMemoryDashboard.csproj"),
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: Net80.References.All);
            var solution = workspace.CurrentSolution.AddProject(info);
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file), SourceText.From(File.ReadAllText(file)), filePath: file);
            }

            var editorConfig = Path.Combine(Directory, ".editorconfig");
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(File.ReadAllText(editorConfig)), filePath: editorConfig);
            if (!workspace.TryApplyChanges(solution))
            {
                throw new InvalidOperationException("The workspace did not take the sample project.");
            }

            return workspace.CurrentSolution.GetProject(projectId)!;
        }

        /// <summary>The compilation of <paramref name="project"/>; throws when it has compiler errors (the sample must build).</summary>
        public static async Task<Compilation> CompileAsync(Project project)
        {
            var compilation = await project.GetCompilationAsync().ConfigureAwait(false)
                ?? throw new InvalidOperationException("No compilation for the sample.");
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The sample does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            return compilation;
        }

        /// <summary>What the analyzer reports on <paramref name="project"/>, with the project's .editorconfig options.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = await CompileAsync(project).ConfigureAwait(false);
            var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PromQlAnalyzer()), project.AnalyzerOptions);
            return await withAnalyzer.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        }
    }
}
