using System;
using System.IO;
using System.Linq;
using System.Security;
using PromQL.Analyzers.Package.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Package.Tests
{
    /// <summary>
    /// <c>dotnet format analyzers</c> applies the packaged code fixes to a copy of the sample, as a team would in CI
    /// or before a commit, and a second run with <c>--verify-no-changes</c> then passes. The copy consumes the
    /// package from the test feed (what users install), not the sample's project references.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class DotNetFormatTests
    {
        private static readonly string[] FormatRules = { "--diagnostics", "PROMQL001", "PROMQL002", "--severity", "warn" };

        private readonly PackageFixture _fixture;

        public DotNetFormatTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void DotNetFormat_FixesTheSample_ThenVerifyNoChangesPasses()
        {
            var project = CopySample(Path.Combine(_fixture.WorkRoot, "format"));
            var directory = Path.GetDirectoryName(project)!;
            Run(directory, "restore", project);

            // Before: the check fails (exit code 2) on the double counts.
            var before = Format(directory, project, "--verify-no-changes");
            Assert.True(before.ExitCode == 2, before.Describe());
            Assert.Contains("PROMQL001", before.Output, StringComparison.Ordinal);

            var fix = Format(directory, project);
            Assert.True(fix.ExitCode == 0, fix.Describe());
            Assert.DoesNotContain("Unable to fix", fix.Output, StringComparison.Ordinal);

            var queries = File.ReadAllText(Path.Combine(directory, "PodMemoryQueries.cs"));
            var report = File.ReadAllText(Path.Combine(directory, "PodMemoryReport.cs"));

            // dotnet format runs the rules in an order of its own (a hash set's, different between runs): PROMQL002's fix
            // first gives one series per container, PROMQL001's first the pod total. Both ends are right.
            Assert.True(
                queries.Contains("$\"container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}}\";", StringComparison.Ordinal)
                || queries.Contains("$\"sum(container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}})\";", StringComparison.Ordinal),
                queries);
            // Concatenated with a constant: each edit lands in the literal holding its characters.
            Assert.True(
                queries.Contains("WorkingSetMetric + \"{container!=\\\"\\\", namespace=\\\"\" + ns + \"\\\", pod=\\\"\" + pod + \"\\\"}\";", StringComparison.Ordinal)
                || queries.Contains("\"sum(\" + WorkingSetMetric + \"{container!=\\\"\\\", namespace=\\\"\" + ns + \"\\\", pod=\\\"\" + pod + \"\\\"})\";", StringComparison.Ordinal),
                queries);
            // Verbatim: the quotes doubled.
            Assert.Contains("(container_memory_working_set_bytes{container!=\"\"\"\", namespace!=\"\"kube-system\"\"}))", queries, StringComparison.Ordinal);
            // One side of a ratio keeps its sum (removing it would pair nothing) and gets the filter: the pod total.
            Assert.Contains("sum(container_memory_working_set_bytes{container!=\"\", namespace=\"{{ns}}\", pod=\"{{pod}}\"})\n", queries.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            // container!="POD" stays beside the new matcher.
            Assert.Contains("{{container!=\\\"\\\", namespace=\\\"{ns}\\\",pod=\\\"{pod}\\\",container!=\\\"POD\\\"}}", report, StringComparison.Ordinal);

            var verify = Format(directory, project, "--verify-no-changes");
            Assert.True(verify.ExitCode == 0, verify.Describe());

            // And the fixed sample builds with PROMQL100 only: the two invalid queries have no automatic fix.
            var build = Run(directory, "build", project, "--no-restore");
            var diagnostics = BuildDiagnostic.Parse(build.Output, "PROMQL");
            Assert.True(diagnostics.All(d => d.Id == "PROMQL100"), build.Describe());
            Assert.Equal(2, diagnostics.Count);
        }

        [Fact]
        public void DotNetFormat_OneRuleAtATime_ChoosesTheEnd()
        {
            // The README's recipe for a chosen end: PROMQL002 first, then PROMQL001, gives one series per container.
            var project = CopySample(Path.Combine(_fixture.WorkRoot, "format-steps"));
            var directory = Path.GetDirectoryName(project)!;
            Run(directory, "restore", project);

            foreach (var id in new[] { "PROMQL002", "PROMQL001" })
            {
                var step = DotNetCli.Run(directory, new[] { "format", "analyzers", project, "--no-restore", "--diagnostics", id, "--severity", "warn" }, TimeSpan.FromMinutes(5));
                Assert.True(step.ExitCode == 0, step.Describe());
            }

            var queries = File.ReadAllText(Path.Combine(directory, "PodMemoryQueries.cs"));
            Assert.Contains("$\"container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}}\";", queries, StringComparison.Ordinal);
            Assert.Contains("WorkingSetMetric + \"{container!=\\\"\\\", namespace=\\\"\" + ns + \"\\\", pod=\\\"\" + pod + \"\\\"}\";", queries, StringComparison.Ordinal);
            Assert.True(Format(directory, project, "--verify-no-changes").ExitCode == 0);
        }

        private static DotNetResult Format(string directory, string project, params string[] extra) =>
            DotNetCli.Run(directory, new[] { "format", "analyzers", project, "--no-restore" }.Concat(FormatRules).Concat(extra).ToArray(), TimeSpan.FromMinutes(5));

        private static DotNetResult Run(string directory, string verb, string project, params string[] extra)
        {
            var result = DotNetCli.Run(directory, new[] { verb, project, "-nologo", "-tl:off", "--disable-build-servers" }.Concat(extra).ToArray());
            Assert.True(result.ExitCode == 0, result.Describe());
            return result;
        }

        // The sample's sources and .editorconfig, with its project references swapped for the package.
        private string CopySample(string root)
        {
            var sample = RepositoryPaths.Combine("samples", "PodMemoryDashboard");
            var target = Path.Combine(root, "PodMemoryDashboard");
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(sample).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(f) == ".editorconfig"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            // Nothing from above the copy takes part; the feed is the only package source.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
            File.WriteAllText(
                Path.Combine(root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n"
                + $"    <add key=\"promql-analyzers-test-feed\" value=\"{SecurityElement.Escape(_fixture.Package.FeedDirectory)}\" />\n"
                + "  </packageSources>\n</configuration>\n");

            var project = Path.Combine(target, "PodMemoryDashboard.csproj");
            File.WriteAllText(
                project,
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
                + "  <PropertyGroup>\n"
                + "    <OutputType>Exe</OutputType>\n"
                + "    <TargetFramework>net10.0</TargetFramework>\n"
                + "    <Nullable>enable</Nullable>\n"
                + "    <ImplicitUsings>disable</ImplicitUsings>\n"
                + $"    <RestorePackagesPath>{SecurityElement.Escape(Path.Combine(root, "packages"))}</RestorePackagesPath>\n"
                + "    <NuGetAudit>false</NuGetAudit>\n"
                + "  </PropertyGroup>\n"
                + "  <ItemGroup>\n"
                + $"    <PackageReference Include=\"{PackageLayout.PackageId}\" Version=\"{_fixture.Package.Version}\" PrivateAssets=\"all\" />\n"
                + "  </ItemGroup>\n"
                + "</Project>\n");
            return project;
        }
    }
}
