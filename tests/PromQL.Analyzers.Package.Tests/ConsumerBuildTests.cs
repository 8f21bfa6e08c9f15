using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PromQL.Analyzers.Package.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Package.Tests
{
    /// <summary>
    /// A user's project that references the package from a feed and builds with the dotnet CLI: the
    /// diagnostics come out where the query is, and the usual severity switches work on them.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class ConsumerBuildTests
    {
        private readonly PackageFixture _fixture;

        public ConsumerBuildTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Build_WarnsPromQl001AndPromQl002AtTheNaiveQuery()
        {
            var build = _fixture.Consumers.DefaultBuild.Result;

            Assert.True(build.ExitCode == 0, build.Describe());
            // Every diagnostic with a position, whatever its ID: a warning on the correct query would show here.
            AssertDiagnostics(Expected("warning", "warning"), build, idPrefix: string.Empty);
            BuildDiagnostic.AssertNoAnalyzerFailure(build);
        }

        [Fact]
        public void BuildWithWarnAsError_FailsWithErrorPromQl001()
        {
            var build = _fixture.Consumers.Take().Build("-warnaserror");

            Assert.True(build.ExitCode != 0, build.Describe());
            AssertDiagnostics(Expected("error", "error"), build, "PROMQL");
        }

        [Fact]
        public void EditorConfigSeverityError_FailsWithPromQl001AndKeepsPromQl002AWarning()
        {
            var consumer = _fixture.Consumers.Take();
            consumer.WriteEditorConfig("[*.cs]\ndotnet_diagnostic.PROMQL001.severity = error\n");
            var build = consumer.Build();

            Assert.True(build.ExitCode != 0, build.Describe());
            AssertDiagnostics(Expected("error", "warning"), build, "PROMQL");
        }

        [Fact]
        public void EditorConfigSeverityNone_BuildShowsNoPromQlDiagnostic()
        {
            var consumer = _fixture.Consumers.Take();
            consumer.WriteEditorConfig("[*.cs]\ndotnet_diagnostic.PROMQL001.severity = none\ndotnet_diagnostic.PROMQL002.severity = none\n");
            var build = consumer.Build();

            Assert.True(build.ExitCode == 0, build.Describe());
            Assert.False(build.Output.Contains("PROMQL", StringComparison.Ordinal), build.Describe());
        }

        [Fact]
        public void ErrorLog_SarifHoldsPromQl001AndPromQl002AtTheConsumerFile()
        {
            var defaultBuild = _fixture.Consumers.DefaultBuild;
            Assert.True(defaultBuild.Result.ExitCode == 0, defaultBuild.Result.Describe());
            Assert.True(File.Exists(defaultBuild.SarifPath), $"No SARIF log at {defaultBuild.SarifPath}. {defaultBuild.Result.Describe()}");

            using var sarif = JsonDocument.Parse(File.ReadAllText(defaultBuild.SarifPath));
            var results = sarif.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.TryGetProperty("results", out var runResults) ? runResults.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("PROMQL", StringComparison.Ordinal))
                .Select(SarifResult.From)
                .OrderBy(result => result.Line)
                .ThenBy(result => result.Column)
                .ToList();

            var expected = new[]
            {
                new SarifResult("PROMQL002", "warning", ConsumerSource.FileName, ConsumerSource.RedundantSumPosition.Line, ConsumerSource.RedundantSumPosition.Column),
                new SarifResult("PROMQL001", "warning", ConsumerSource.FileName, ConsumerSource.SelectorPosition.Line, ConsumerSource.SelectorPosition.Column),
            };
            Assert.Equal(expected, results);
        }

        /// <summary>The naive query's two diagnostics, in position order, with the given severities.</summary>
        private static BuildDiagnostic[] Expected(string promQl001Severity, string promQl002Severity) => new[]
        {
            new BuildDiagnostic(ConsumerSource.FileName, ConsumerSource.RedundantSumPosition.Line, ConsumerSource.RedundantSumPosition.Column, promQl002Severity, "PROMQL002"),
            new BuildDiagnostic(ConsumerSource.FileName, ConsumerSource.SelectorPosition.Line, ConsumerSource.SelectorPosition.Column, promQl001Severity, "PROMQL001"),
        };

        private static void AssertDiagnostics(BuildDiagnostic[] expected, DotNetResult build, string idPrefix) =>
            BuildDiagnostic.AssertExactly(expected, BuildDiagnostic.Parse(build.Output, idPrefix), build);

        /// <summary>A SARIF 2.1 result, reduced to what the test checks.</summary>
        private sealed record SarifResult(string RuleId, string Level, string FileName, int Line, int Column)
        {
            public static SarifResult From(JsonElement result)
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                var region = location.GetProperty("region");
                return new SarifResult(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    Path.GetFileName(uri.LocalPath),
                    region.GetProperty("startLine").GetInt32(),
                    region.GetProperty("startColumn").GetInt32());
            }
        }
    }
}
