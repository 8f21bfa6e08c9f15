using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PromQL.Analyzers.Editor.Tests.Lsp;
using PromQL.Analyzers.Editor.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Editor.Tests
{
    /// <summary>
    /// The analyzer's diagnostics as an editor shows them: csharp-ls loads samples/PodMemoryDashboard
    /// (which references the analyzer as a project), and the ranges it publishes for PodMemoryQueries.cs
    /// cover the exact PromQL characters. Expected ranges come from the file's text, not from numbers.
    /// </summary>
    public sealed class PodMemoryQueriesInCSharpLsTests : IClassFixture<CSharpLsSession>
    {
        // PodWorkingSetNaive: the double-counting pod sum, an interpolated string.
        private const string NaiveQueryLine = "$\"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}})\"";
        private const string NaiveSelector = "container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}";
        private const string NaiveSum = "sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}})";

        // PodWorkingSet: the same sum with container!="", which the analyzer accepts.
        private const string CorrectQueryLine = "$\"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}',container!=\\\"\\\"}})\"";

        private readonly CSharpLsSession _session;

        public PodMemoryQueriesInCSharpLsTests(CSharpLsSession session)
        {
            _session = session;
        }

        [Fact]
        public async Task InterpolatedPodSum_Promql001OnTheSelector()
        {
            var diagnostics = await _session.PodMemoryQueriesDiagnosticsAsync();

            AssertHas(diagnostics, "PROMQL001", RangeOf(NaiveQueryLine, NaiveSelector));
        }

        [Fact]
        public async Task InterpolatedPodSum_Promql002OnTheSum()
        {
            var diagnostics = await _session.PodMemoryQueriesDiagnosticsAsync();

            AssertHas(diagnostics, "PROMQL002", RangeOf(NaiveQueryLine, NaiveSum));
        }

        [Fact]
        public async Task PodSumWithContainerFilter_NoDiagnostic()
        {
            var diagnostics = await _session.PodMemoryQueriesDiagnosticsAsync();
            var line = LineOf(CorrectQueryLine);

            var onLine = diagnostics.Where(d => d.Range.StartLine <= line && d.Range.EndLine >= line).ToList();
            Assert.True(onLine.Count == 0, $"Expected no diagnostic on line {line} (0-based), got: {Describe(onLine)}");
        }

        [Fact]
        public async Task EveryQuery_DiagnosticsWhereSamplesReadmeListsThem()
        {
            var diagnostics = await _session.PodMemoryQueriesDiagnosticsAsync();

            // samples/README.md lists each expected warning as file(line,col), 1-based, with its rule.
            var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "README.md"));
            var expected = Regex.Matches(readme, @"\| PodMemoryQueries\.cs\((\d+),(\d+)\) \| (PROMQL\d+) \|")
                .Select(m => $"{m.Groups[3].Value} ({m.Groups[1].Value},{m.Groups[2].Value})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
            var published = diagnostics
                .Where(d => d.Code.StartsWith("PROMQL", StringComparison.Ordinal))
                .Select(d => $"{d.Code} ({d.Range.StartLine + 1},{d.Range.StartCharacter + 1})")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, published);
        }

        /// <summary>The range of <paramref name="text"/> inside the only source line that contains <paramref name="lineText"/>.</summary>
        private static LspRange RangeOf(string lineText, string text)
        {
            var line = LineOf(lineText);
            var lineContent = File.ReadAllLines(CSharpLsSession.PodMemoryQueriesPath)[line];
            var start = lineContent.IndexOf(text, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{text}' is not on line {line} of PodMemoryQueries.cs");
            return new LspRange(line, start, line, start + text.Length);
        }

        /// <summary>The 0-based line of the only line of PodMemoryQueries.cs that contains <paramref name="lineText"/>.</summary>
        private static int LineOf(string lineText)
        {
            var lines = File.ReadAllLines(CSharpLsSession.PodMemoryQueriesPath);
            var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(lineText, StringComparison.Ordinal)).ToList();
            Assert.True(matches.Count == 1, $"Expected one line of PodMemoryQueries.cs with {lineText}, found {matches.Count}");
            return matches[0];
        }

        private void AssertHas(IReadOnlyList<LspDiagnostic> diagnostics, string code, LspRange range)
        {
            Assert.True(
                diagnostics.Any(d => d.Code == code && d.Range == range),
                $"Expected {code} at {range}; csharp-ls published: {Describe(diagnostics)}\n{_session.Logs()}");
        }

        private static string Describe(IEnumerable<LspDiagnostic> diagnostics) =>
            "[\n  " + string.Join("\n  ", diagnostics) + "\n]";
    }
}
