using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using PromQL.Analyzers.Editor.Tests.Support;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Editor.Tests.Workspace
{
    /// <summary>
    /// A restored copy of samples/PodMemoryDashboard in a temporary folder, for tests that save edits (an
    /// MSBuildWorkspace writes applied changes to disk). The copy keeps the sample's project file, with its
    /// analyzer project references pointed back at this repository's src projects, and the repository's
    /// Directory.*.props beside it, so it evaluates as the sample does.
    /// </summary>
    internal sealed class SampleCopy : IDisposable
    {
        private const string SampleName = "PodMemoryDashboard";

        // How the sample reaches the src projects, relative to its folder.
        private const string RelativeSrc = @"..\..\src\";

        private SampleCopy(string root)
        {
            Root = root;
        }

        /// <summary>The temporary folder holding the copy and the props files it imports.</summary>
        public string Root { get; }

        public string ProjectDirectory => Path.Combine(Root, SampleName);

        public string ProjectPath => Path.Combine(ProjectDirectory, SampleName + ".csproj");

        /// <summary>
        /// The configuration the test assembly was built in: CI builds everything in Release and a plain
        /// <c>dotnet build</c> in Debug, and the src outputs the sample's analyzer references point at are
        /// those of the same build.
        /// </summary>
        public static string BuildConfiguration { get; } =
            typeof(SampleCopy).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        /// <summary>Copies and restores the sample; builds the analyzer and code-fix projects first when their outputs are missing or older than src.</summary>
        public static async Task<SampleCopy> CreateAsync()
        {
            await EnsureCodeFixesBuiltAsync().ConfigureAwait(false);

            var copy = new SampleCopy(Path.Combine(Path.GetTempPath(), "promql-workspace-" + Guid.NewGuid().ToString("N")));
            try
            {
                copy.Write();
                var restore = await DotNetCli.RunAsync(
                    copy.ProjectDirectory,
                    new[] { "restore", copy.ProjectPath, "--no-dependencies", "-nologo", "-tl:off", "--disable-build-servers" }).ConfigureAwait(false);
                if (restore.ExitCode != 0)
                {
                    throw new InvalidOperationException("Restoring the copy of the sample failed. " + restore.Describe());
                }

                return copy;
            }
            catch
            {
                copy.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build host still closing its handles: the temp folder is cleaned some other day.
            }
            catch (UnauthorizedAccessException)
            {
                // The same, on Windows.
            }
        }

        private void Write()
        {
            Directory.CreateDirectory(ProjectDirectory);
            foreach (var file in Directory.EnumerateFiles(EditorPaths.Sample))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".cs", StringComparison.Ordinal) || name == ".editorconfig")
                {
                    File.Copy(file, Path.Combine(ProjectDirectory, name));
                }
            }

            foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
            {
                File.Copy(RepositoryPaths.Combine(props), Path.Combine(Root, props));
            }

            // Nothing above the temporary folder takes part (the sample's own .editorconfig is not a root file).
            File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");

            var project = File.ReadAllText(Path.Combine(EditorPaths.Sample, SampleName + ".csproj"));
            var src = RepositoryPaths.Combine("src") + Path.DirectorySeparatorChar;
            var references = project.Split(RelativeSrc).Length - 1;
            if (references != 2)
            {
                throw new InvalidOperationException($"Expected the sample to reference two src projects through {RelativeSrc}, found {references}.");
            }

            File.WriteAllText(ProjectPath, project.Replace(RelativeSrc, src, StringComparison.Ordinal));
        }

        /// <summary>
        /// CI and a plain <c>dotnet build</c> have built these already; only a test project built on its own
        /// (or src edited since) needs this build. The code-fix project builds the analyzer and the parser too.
        /// </summary>
        private static async Task EnsureCodeFixesBuiltAsync()
        {
            var codeFixes = RepositoryPaths.Combine("src", "PromQL.Analyzers.CodeFixes", "PromQL.Analyzers.CodeFixes.csproj");
            if (OutputsAreCurrent())
            {
                return;
            }

            var build = await DotNetCli.RunAsync(
                RepositoryPaths.Root,
                new[] { "build", codeFixes, "-c", BuildConfiguration, "-nologo", "-tl:off", "--disable-build-servers" }).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException("Building the code fixes the sample references failed. " + build.Describe());
            }
        }

        private static bool OutputsAreCurrent()
        {
            var outputs = new[] { "PromQL.Parsing", "PromQL.Analyzers", "PromQL.Analyzers.CodeFixes" }
                .Select(name => RepositoryPaths.Combine("src", name, "bin", BuildConfiguration, "netstandard2.0", name + ".dll"))
                .ToList();
            if (outputs.Any(path => !File.Exists(path)))
            {
                return false;
            }

            var separator = Path.DirectorySeparatorChar;
            var newestSource = Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                    && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
                .Select(File.GetLastWriteTimeUtc)
                .DefaultIfEmpty(DateTime.MinValue)
                .Max();
            return newestSource <= outputs.Min(File.GetLastWriteTimeUtc);
        }
    }
}
