using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using PromQL.Analyzers.Package.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Package.Tests
{
    /// <summary>The .nupkg as NuGet and the compiler see it: where the assemblies are and what the nuspec says.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageContentTests
    {
        private readonly PackageFixture _fixture;

        public PackageContentTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Package_HasExpectedEntries()
        {
            using var archive = ZipFile.OpenRead(_fixture.Package.Path);
            var entries = archive.Entries.Select(entry => entry.FullName).ToList();
            var listing = string.Join(Environment.NewLine, entries);

            // Exactly the analyzer assemblies in the analyzer folder: a missing one is an AD0001 at the
            // user's build, an extra one a load the compiler does not need.
            var analyzerEntries = entries
                .Where(entry => entry.StartsWith(PackageLayout.AnalyzerFolder, StringComparison.Ordinal))
                .OrderBy(entry => entry, StringComparer.Ordinal);
            var expectedAnalyzerEntries = PackageLayout.AnalyzerAssemblies
                .Select(name => PackageLayout.AnalyzerFolder + name)
                .OrderBy(entry => entry, StringComparer.Ordinal);
            Assert.Equal(expectedAnalyzerEntries, analyzerEntries);

            // No runtime or compile assets: the consumer's own output must not reference the analyzer.
            Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) || entry.StartsWith("ref/", StringComparison.Ordinal));

            // The props that make InvariantGlobalization compiler-visible (PROMQL041), named after the package so NuGet imports it.
            Assert.True(entries.Contains("build/" + PackageLayout.PackageId + ".props"), "build/<id>.props is missing from the package:" + Environment.NewLine + listing);
            Assert.Contains("<CompilerVisibleProperty Include=\"InvariantGlobalization\" />", ReadEntry(archive, "build/" + PackageLayout.PackageId + ".props"), StringComparison.Ordinal);

            Assert.True(entries.Contains("README.md"), "README.md is missing from the package:" + Environment.NewLine + listing);
            Assert.True(entries.Contains("LICENSE"), "LICENSE is missing from the package:" + Environment.NewLine + listing);
            Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("README.md")), ReadEntry(archive, "README.md"));
            Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("LICENSE")), ReadEntry(archive, "LICENSE"));
        }

        [Fact]
        public void Package_NuspecDescribesADevelopmentDependencyWithoutDependencies()
        {
            using var archive = ZipFile.OpenRead(_fixture.Package.Path);
            var nuspec = XDocument.Parse(ReadEntry(archive, PackageLayout.PackageId + ".nuspec"));
            var metadata = Assert.Single(nuspec.Root!.Elements(), element => element.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

            Assert.Equal(PackageLayout.PackageId, Value("id"));
            Assert.Equal(_fixture.Package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("README.md", Value("readme"));

            var license = Assert.Single(metadata.Elements(), element => element.Name.LocalName == "license");
            Assert.Equal("file", license.Attribute("type")?.Value);
            Assert.Equal("LICENSE", license.Value);

            // A dependency would flow to every consumer; the analyzer carries what it needs inside.
            var dependencies = metadata.Descendants().Where(element => element.Name.LocalName == "dependency").ToList();
            Assert.True(dependencies.Count == 0, "The nuspec declares dependencies:" + Environment.NewLine + nuspec);
        }

        private static string ReadEntry(ZipArchive archive, string name)
        {
            var entry = archive.GetEntry(name) ?? throw new InvalidOperationException($"No entry {name} in the package.");
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }
    }
}
