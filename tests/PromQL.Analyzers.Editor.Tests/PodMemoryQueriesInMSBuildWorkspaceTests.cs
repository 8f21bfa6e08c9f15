using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Editor.Tests.Workspace;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Editor.Tests
{
    /// <summary>
    /// The code fixes as an IDE offers them: a copy of samples/PodMemoryDashboard opened in Roslyn's
    /// MSBuildWorkspace (what Visual Studio, C# Dev Kit and Rider's Roslyn side build on), the analyzers and
    /// the code-fix providers taken from the analyzer references the workspace loaded from the project file,
    /// the fix applied through the workspace (which saves the file), and the changed solution analysed again.
    /// csharp-ls shows the warnings (PodMemoryQueriesInCSharpLsTests) but offers no analyzer package's fixes.
    /// </summary>
    public sealed class PodMemoryQueriesInMSBuildWorkspaceTests
    {
        private const string QueriesFile = "PodMemoryQueries.cs";
        private const string NaiveMethod = "PodWorkingSetNaive";

        private const string NaiveQuery = "$\"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}})\"";
        private const string WithoutSum = "$\"container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}\"";
        private const string Fixed = "$\"container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}}\"";

        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

        [Fact]
        public async Task ProjectAnalyzerReferences_ReportWhatSamplesReadmeLists()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            using var copy = await SampleCopy.CreateAsync();
            using var sample = await OpenAsync(copy, cancellation.Token);

            var diagnostics = await sample.AnalyzeAsync(cancellation.Token);

            // samples/README.md lists each expected warning as file(line,col), 1-based, with its rule.
            var readme = File.ReadAllText(RepositoryPaths.Combine("samples", "README.md"));
            var expected = Regex.Matches(readme, @"\| PodMemoryQueries\.cs\((\d+),(\d+)\) \| (PROMQL\d+) \|")
                .Select(m => $"{m.Groups[3].Value} ({m.Groups[1].Value},{m.Groups[2].Value})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
            var reported = InFile(diagnostics, QueriesFile)
                .Select(d => $"{d.Id} ({Start(d).Line + 1},{Start(d).Character + 1})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(reported), $"Expected [{string.Join(", ", expected)}], the workspace reported [{Describe(diagnostics)}]. Workspace failures:\n{sample.Failures}");
        }

        [Fact]
        public async Task NaiveInterpolatedSum_ProjectCodeFixesApplied_NoDiagnosticLeftOnTheQuery()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            var ct = cancellation.Token;
            using var copy = await SampleCopy.CreateAsync();
            using var sample = await OpenAsync(copy, ct);
            var before = await sample.AnalyzeAsync(ct);
            Assert.Contains(NaiveQuery, await QueryTextAsync(sample, ct), StringComparison.Ordinal);

            // PROMQL002 first, as dotnet format orders them: the sum goes, the selector keeps PROMQL001.
            var sum = Assert.Single(await OnNaiveQueryAsync(sample, before, "PROMQL002", ct));
            var sumFixes = await sample.FixesForAsync(sum, ct);
            Assert.Equal(new[] { "Remove redundant sum" }, sumFixes.Select(a => a.Title));
            await sample.ApplyAsync(sumFixes[0], ct);

            var afterSum = await sample.AnalyzeAsync(ct);
            Assert.Equal(WithoutSum, await QueryTextAsync(sample, ct));
            Assert.Empty(await OnNaiveQueryAsync(sample, afterSum, "PROMQL002", ct));

            var filter = Assert.Single(await OnNaiveQueryAsync(sample, afterSum, "PROMQL001", ct));
            var filterFixes = await sample.FixesForAsync(filter, ct);
            Assert.Equal(new[] { "Add container!=\"\"" }, filterFixes.Select(a => a.Title));
            await sample.ApplyAsync(filterFixes[0], ct);

            var after = await sample.AnalyzeAsync(ct);
            Assert.Equal(Fixed, await QueryTextAsync(sample, ct));
            Assert.Empty(await OnNaiveQueryAsync(sample, after, null, ct));

            // The workspace saved the edits, as an IDE does.
            Assert.Contains(Fixed + ";", File.ReadAllText(Path.Combine(copy.ProjectDirectory, QueriesFile)), StringComparison.Ordinal);

            // The other queries keep their diagnostics where they were (the edits stayed on one line).
            var fixedLine = Start(sum).Line;
            Assert.Equal(Elsewhere(before, fixedLine), Elsewhere(after, fixedLine));
        }

        private static async Task<SampleWorkspace> OpenAsync(SampleCopy copy, CancellationToken cancellationToken)
        {
            var sample = await SampleWorkspace.OpenAsync(copy.ProjectPath, cancellationToken);
            Assert.True(sample.Analyzers.Length > 0, $"The sample's analyzer references hold no PROMQL analyzer. Workspace failures:\n{sample.Failures}");

            // The references are the src outputs of the test's own configuration (Configuration went to the workspace).
            var separator = Path.DirectorySeparatorChar;
            var fromSrc = sample.Project.AnalyzerReferences
                .Select(r => r.FullPath ?? "")
                .Where(path => path.StartsWith(RepositoryPaths.Combine("src") + separator, StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(fromSrc);
            Assert.All(fromSrc, path => Assert.Contains($"{separator}bin{separator}{SampleCopy.BuildConfiguration}{separator}", path, StringComparison.Ordinal));
            return sample;
        }

        /// <summary>The diagnostics with <paramref name="id"/> (any, when null) inside PodWorkingSetNaive's query in the current solution.</summary>
        private static async Task<IReadOnlyList<Diagnostic>> OnNaiveQueryAsync(SampleWorkspace sample, ImmutableArray<Diagnostic> diagnostics, string? id, CancellationToken cancellationToken)
        {
            var (_, span) = await NaiveQueryAsync(sample, cancellationToken);
            return InFile(diagnostics, QueriesFile)
                .Where(d => (id is null || d.Id == id) && span.Contains(d.Location.SourceSpan))
                .ToList();
        }

        private static async Task<string> QueryTextAsync(SampleWorkspace sample, CancellationToken cancellationToken) =>
            (await NaiveQueryAsync(sample, cancellationToken)).Text;

        /// <summary>The expression PodWorkingSetNaive returns, and where it is.</summary>
        private static async Task<(string Text, TextSpan Span)> NaiveQueryAsync(SampleWorkspace sample, CancellationToken cancellationToken)
        {
            var document = sample.Project.Documents.Single(d => Path.GetFileName(d.FilePath) == QueriesFile);
            var root = await document.GetSyntaxRootAsync(cancellationToken) ?? throw new InvalidOperationException("No syntax root.");
            var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == NaiveMethod);
            var expression = method.ExpressionBody?.Expression ?? throw new InvalidOperationException(NaiveMethod + " has no expression body.");
            return (expression.ToString(), expression.Span);
        }

        private static IEnumerable<Diagnostic> InFile(IEnumerable<Diagnostic> diagnostics, string fileName) =>
            diagnostics.Where(d => Path.GetFileName(d.Location.SourceTree?.FilePath) == fileName);

        private static LinePosition Start(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition;

        private static List<string> Elsewhere(IEnumerable<Diagnostic> diagnostics, int excludedLine) =>
            diagnostics
                .Where(d => !(Path.GetFileName(d.Location.SourceTree?.FilePath) == QueriesFile && Start(d).Line == excludedLine))
                .Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)}({Start(d).Line + 1},{Start(d).Character + 1})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

        private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join(", ", diagnostics.Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree?.FilePath)}({Start(d).Line + 1},{Start(d).Character + 1})"));
    }
}
