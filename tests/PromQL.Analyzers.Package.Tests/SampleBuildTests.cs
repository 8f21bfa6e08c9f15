using System.IO;
using PromQL.Analyzers.Package.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Package.Tests
{
    /// <summary>The sample builds as samples/README.md says: every expected diagnostic, and no other.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SampleBuildTests
    {
        /// <summary>The "Expected warnings" table of samples/README.md (PROMQL100 on line 60 sits at the closing quote).</summary>
        private static readonly BuildDiagnostic[] ExpectedDiagnostics =
        {
            new BuildDiagnostic("PodMemoryQueries.cs", 16, 15, "warning", "PROMQL002"),
            new BuildDiagnostic("PodMemoryQueries.cs", 16, 19, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryQueries.cs", 21, 14, "warning", "PROMQL002"),
            new BuildDiagnostic("PodMemoryQueries.cs", 21, 22, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryQueries.cs", 26, 49, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryQueries.cs", 32, 13, "warning", "PROMQL002"),
            new BuildDiagnostic("PodMemoryQueries.cs", 32, 17, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryQueries.cs", 41, 24, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryReport.cs", 42, 19, "warning", "PROMQL002"),
            new BuildDiagnostic("PodMemoryReport.cs", 48, 34, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryReport.cs", 53, 19, "warning", "PROMQL001"),
            new BuildDiagnostic("PodMemoryReport.cs", 60, 107, "warning", "PROMQL100"),
            new BuildDiagnostic("PodMemoryReport.cs", 65, 59, "warning", "PROMQL100"),
        };

        // The collection fixture is unused here; joining the collection keeps this build from running beside the others.
        public SampleBuildTests(PackageFixture fixture)
        {
            _ = fixture;
        }

        [Fact]
        public void Sample_BuildShowsEveryRule()
        {
            var sampleDirectory = RepositoryPaths.Combine("samples", "PodMemoryDashboard");
            ForceRecompile(sampleDirectory);

            var build = DotNetCli.Run(
                RepositoryPaths.Root,
                new[] { "build", Path.Combine("samples", "PodMemoryDashboard"), "-c", "Release", "-nologo", "-tl:off", "--disable-build-servers" });

            Assert.True(build.ExitCode == 0, build.Describe());
            BuildDiagnostic.AssertExactly(ExpectedDiagnostics, BuildDiagnostic.Parse(build.Output, "PROMQL"), build);
            BuildDiagnostic.AssertNoAnalyzerFailure(build);
        }

        /// <summary>
        /// An up-to-date sample skips the compiler and prints no diagnostics: delete its intermediate assembly
        /// (a build output, rewritten by this build) so only the sample compiles again, not the analyzer.
        /// </summary>
        private static void ForceRecompile(string sampleDirectory)
        {
            var intermediate = Path.Combine(sampleDirectory, "obj", "Release");
            if (!Directory.Exists(intermediate))
            {
                return;
            }

            foreach (var assembly in Directory.EnumerateFiles(intermediate, "PodMemoryDashboard.dll", SearchOption.AllDirectories))
            {
                File.Delete(assembly);
            }
        }
    }
}
