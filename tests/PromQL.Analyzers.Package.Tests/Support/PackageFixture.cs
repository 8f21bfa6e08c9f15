using System;
using System.Globalization;
using System.IO;
using System.Linq;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>The collection every test that runs dotnet joins: one pack per run, and no two builds at once.</summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Package";
    }

    /// <summary>
    /// Packs src/PromQL.Analyzers.Package once per test run into a private temporary folder, with a version
    /// of its own (so no NuGet cache anywhere can serve an older copy), and prepares the restored consumer
    /// projects. Both happen on first use, so a test that needs neither (the sample build) does not fail
    /// when packing does.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        private readonly Lazy<PackedPackage> _package;
        private readonly Lazy<ConsumerWorkspace> _consumers;

        public PackageFixture()
        {
            WorkRoot = Path.Combine(Path.GetTempPath(), "promql-package-tests-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(WorkRoot);
            _package = new Lazy<PackedPackage>(Pack);
            _consumers = new Lazy<ConsumerWorkspace>(() => ConsumerWorkspace.Create(Path.Combine(WorkRoot, "consumers"), Package));
        }

        /// <summary>The temporary folder holding everything the tests write (outside the repository, so its props stay out).</summary>
        public string WorkRoot { get; }

        public PackedPackage Package => _package.Value;

        public ConsumerWorkspace Consumers => _consumers.Value;

        public void Dispose()
        {
            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary folder must not fail the run.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private PackedPackage Pack()
        {
            var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var feed = Path.Combine(WorkRoot, "feed");
            Directory.CreateDirectory(feed);

            var projectPath = RepositoryPaths.Combine(PackageLayout.PackageProjectRelativePath.Split('/'));
            var arguments = new[]
            {
                "pack", projectPath, "-c", "Release", "-o", feed,
                "-p:PromQlAnalyzersVersion=" + version,
                "-nologo", "-tl:off", "--disable-build-servers",
            }.ToList();

            // CI builds the solution in Release before testing: pack those outputs rather than rebuild them.
            // Anything older than its sources (or never built) is built by the pack itself.
            if (ReleaseOutputsAreCurrent(Path.GetDirectoryName(projectPath)!))
            {
                arguments.Add("--no-build");
            }

            var result = DotNetCli.Run(RepositoryPaths.Root, arguments);
            var nupkg = Path.Combine(feed, $"{PackageLayout.PackageId}.{version}.nupkg");
            if (result.ExitCode != 0 || !File.Exists(nupkg))
            {
                throw new InvalidOperationException($"Packing did not produce {nupkg}. {result.Describe()}");
            }

            return new PackedPackage(version, feed, nupkg);
        }

        private static bool ReleaseOutputsAreCurrent(string packageProjectDirectory)
        {
            if (!File.Exists(Path.Combine(packageProjectDirectory, "obj", "project.assets.json")))
            {
                return false;
            }

            var outputDirectory = Path.Combine(packageProjectDirectory, "bin", "Release", "netstandard2.0");
            if (!Directory.Exists(outputDirectory))
            {
                return false;
            }

            // The assemblies built from this repository (Sprache.dll comes from the NuGet cache at pack time).
            var builtAssemblies = PackageLayout.AnalyzerAssemblies
                .Where(name => name.StartsWith("PromQL.", StringComparison.Ordinal))
                .Select(name => Path.Combine(outputDirectory, name))
                .ToList();
            if (builtAssemblies.Any(path => !File.Exists(path)))
            {
                return false;
            }

            var oldestOutput = builtAssemblies.Min(File.GetLastWriteTimeUtc);
            return NewestSourceWrite() <= oldestOutput;
        }

        private static DateTime NewestSourceWrite()
        {
            var separator = Path.DirectorySeparatorChar;
            var sources = Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                    && !path.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
                .Concat(new[] { RepositoryPaths.Combine("Directory.Build.props"), RepositoryPaths.Combine("Directory.Packages.props") })
                .Where(File.Exists);
            return sources.Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
        }
    }

    /// <summary>The packed .nupkg and the folder feed that serves it.</summary>
    public sealed class PackedPackage
    {
        public PackedPackage(string version, string feedDirectory, string path)
        {
            Version = version;
            FeedDirectory = feedDirectory;
            Path = path;
        }

        public string Version { get; }

        public string FeedDirectory { get; }

        public string Path { get; }
    }
}
