using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>One diagnostic line of MSBuild's console output: <c>path(line,col): warning ID: message [project]</c>.</summary>
    public sealed record BuildDiagnostic(string FileName, int Line, int Column, string Severity, string Id)
    {
        private static readonly Regex DiagnosticLine = new Regex(
            @"^\s*(?<path>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+[0-9]+):",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>
        /// Every distinct diagnostic of <paramref name="output"/> whose ID starts with <paramref name="idPrefix"/>
        /// (MSBuild prints each one twice: where it happens and in the summary).
        /// </summary>
        public static IReadOnlyList<BuildDiagnostic> Parse(string output, string idPrefix)
        {
            return DiagnosticLine.Matches(output)
                .Select(match => new BuildDiagnostic(
                    Path.GetFileName(match.Groups["path"].Value.Trim()),
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value))
                .Where(diagnostic => diagnostic.Id.StartsWith(idPrefix, StringComparison.Ordinal))
                .Distinct()
                .OrderBy(diagnostic => diagnostic.FileName, StringComparer.Ordinal)
                .ThenBy(diagnostic => diagnostic.Line)
                .ThenBy(diagnostic => diagnostic.Column)
                .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Fails, with both lists and the whole build output, unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
        public static void AssertExactly(IReadOnlyList<BuildDiagnostic> expected, IReadOnlyList<BuildDiagnostic> actual, DotNetResult build)
        {
            Xunit.Assert.True(
                expected.SequenceEqual(actual),
                "Expected exactly:" + Environment.NewLine + List(expected) + "Got:" + Environment.NewLine + List(actual) + build.Describe());

            static string List(IEnumerable<BuildDiagnostic> diagnostics) =>
                string.Concat(diagnostics.Select(diagnostic => "  " + diagnostic + Environment.NewLine));
        }

        /// <summary>
        /// Fails when the compiler could not load the analyzer (CS8032, CS8784) or the analyzer threw (AD0001):
        /// the compiler reports those with no position (<c>CSC : warning AD0001: …</c>), so <see cref="Parse"/> misses them.
        /// </summary>
        public static void AssertNoAnalyzerFailure(DotNetResult build)
        {
            foreach (var id in new[] { "AD0001", "CS8032", "CS8784" })
            {
                Xunit.Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"The build reports {id}. " + build.Describe());
            }
        }

        public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}";
    }
}
