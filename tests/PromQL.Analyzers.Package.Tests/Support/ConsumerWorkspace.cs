using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>
    /// Throwaway consumer class libraries that reference the packed package from a local folder feed, all
    /// restored by one <c>dotnet restore</c> (restore is the slow part) and each built once, with
    /// <c>--no-restore</c>, by the test that takes it. Nothing here needs the network: the NuGet sources are
    /// cleared down to the feed, and the packages go to a private folder.
    /// </summary>
    public sealed class ConsumerWorkspace
    {
        /// <summary>How many consumers the single restore prepares: one per consumer build of the tests.</summary>
        public const int PreparedCount = 4;

        private readonly string _root;
        private readonly PackedPackage _package;
        private readonly Queue<ConsumerProject> _prepared = new Queue<ConsumerProject>();
        private readonly Lazy<ConsumerBuild> _defaultBuild;
        private int _projectCount;

        private ConsumerWorkspace(string root, PackedPackage package)
        {
            _root = root;
            _package = package;
            _defaultBuild = new Lazy<ConsumerBuild>(BuildDefault);
        }

        /// <summary>
        /// One consumer built with no options but a SARIF log: the warnings test and the SARIF test read
        /// the same build.
        /// </summary>
        public ConsumerBuild DefaultBuild => _defaultBuild.Value;

        public static ConsumerWorkspace Create(string root, PackedPackage package)
        {
            Directory.CreateDirectory(root);
            var workspace = new ConsumerWorkspace(root, package);
            workspace.WriteSharedFiles();

            var projects = Enumerable.Range(0, PreparedCount).Select(_ => workspace.WriteProject()).ToList();
            var solution = Path.Combine(root, "consumers.slnx");
            File.WriteAllText(
                solution,
                "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{Path.GetFileName(p.Directory)}/{Path.GetFileName(p.ProjectPath)}\" />\n")) + "</Solution>\n");
            Restore(root, solution);

            foreach (var project in projects)
            {
                workspace._prepared.Enqueue(project);
            }

            return workspace;
        }

        /// <summary>A restored consumer nobody has built yet (restored on the spot once the prepared ones are gone).</summary>
        public ConsumerProject Take()
        {
            lock (_prepared)
            {
                if (_prepared.Count > 0)
                {
                    return _prepared.Dequeue();
                }
            }

            var project = WriteProject();
            Restore(_root, project.ProjectPath);
            return project;
        }

        private ConsumerBuild BuildDefault()
        {
            var project = Take();
            var sarifPath = Path.Combine(project.Directory, "build.sarif");
            // %2C is an escaped comma: a bare one would separate two properties on the command line.
            var result = project.Build("-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");
            return new ConsumerBuild(project, result, sarifPath);
        }

        private void WriteSharedFiles()
        {
            // Empty props, targets and central versions stop MSBuild's walk up the folders, so nothing above
            // this folder (a stray file in the temp folder) takes part; root = true does the same for .editorconfig.
            File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n");
            File.WriteAllText(
                Path.Combine(_root, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
                "<configuration>\n" +
                "  <packageSources>\n" +
                "    <clear />\n" +
                $"    <add key=\"promql-analyzers-test-feed\" value=\"{SecurityElement.Escape(_package.FeedDirectory)}\" />\n" +
                "  </packageSources>\n" +
                "  <packageSourceMapping>\n" +
                "    <clear />\n" +
                "  </packageSourceMapping>\n" +
                "</configuration>\n");
        }

        private ConsumerProject WriteProject()
        {
            int number;
            lock (_prepared)
            {
                number = ++_projectCount;
            }

            // Distinct project names: one restore sees them all, and NuGet rejects two projects of one name.
            var name = "Consumer" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var directory = Path.Combine(_root, name.ToLowerInvariant());
            Directory.CreateDirectory(directory);
            var projectPath = Path.Combine(directory, name + ".csproj");
            var project = new StringBuilder()
                .Append("<Project Sdk=\"Microsoft.NET.Sdk\">\n")
                .Append("  <PropertyGroup>\n")
                // net10.0: its reference pack ships with the SDK, so restore downloads nothing.
                .Append("    <TargetFramework>net10.0</TargetFramework>\n")
                .Append("    <Nullable>enable</Nullable>\n")
                .Append("    <ImplicitUsings>disable</ImplicitUsings>\n")
                .Append($"    <RestorePackagesPath>{SecurityElement.Escape(Path.Combine(Path.GetDirectoryName(_root)!, "packages"))}</RestorePackagesPath>\n")
                .Append("    <NuGetAudit>false</NuGetAudit>\n")
                .Append("  </PropertyGroup>\n")
                .Append("  <ItemGroup>\n")
                .Append($"    <PackageReference Include=\"{PackageLayout.PackageId}\" Version=\"{_package.Version}\" />\n")
                .Append("  </ItemGroup>\n")
                .Append("</Project>\n");
            File.WriteAllText(projectPath, project.ToString());
            File.WriteAllText(Path.Combine(directory, ConsumerSource.FileName), ConsumerSource.Text);
            return new ConsumerProject(directory, projectPath);
        }

        private static void Restore(string workingDirectory, string target)
        {
            var result = DotNetCli.Run(workingDirectory, new[] { "restore", target, "-nologo", "-tl:off", "--disable-build-servers" });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Restoring the consumers failed. {result.Describe()}");
            }
        }
    }

    /// <summary>One restored consumer class library.</summary>
    public sealed class ConsumerProject
    {
        public ConsumerProject(string directory, string projectPath)
        {
            Directory = directory;
            ProjectPath = projectPath;
        }

        public string Directory { get; }

        public string ProjectPath { get; }

        public void WriteEditorConfig(string text) => File.WriteAllText(Path.Combine(Directory, ".editorconfig"), text);

        /// <summary>Builds the consumer (already restored) with <paramref name="extraArguments"/>.</summary>
        public DotNetResult Build(params string[] extraArguments)
        {
            var arguments = new List<string> { "build", ProjectPath, "--no-restore", "-nologo", "-tl:off", "--disable-build-servers" };
            arguments.AddRange(extraArguments);
            return DotNetCli.Run(Directory, arguments);
        }
    }

    /// <summary>A finished consumer build and where it was asked to write its SARIF log.</summary>
    public sealed class ConsumerBuild
    {
        public ConsumerBuild(ConsumerProject project, DotNetResult result, string sarifPath)
        {
            Project = project;
            Result = result;
            SarifPath = sarifPath;
        }

        public ConsumerProject Project { get; }

        public DotNetResult Result { get; }

        public string SarifPath { get; }
    }
}
