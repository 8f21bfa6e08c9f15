using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Parsing.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Parsing.Tests.Conformance
{
    /// <summary>
    /// Measures the parser against Prometheus on the conformance corpus (tests/Conformance/): verdicts, error positions,
    /// the canonical printer and print-and-parse round trips. Each check prints its figures and writes a report
    /// file (see <see cref="ReportDirectory"/>) listing every failing case.
    /// </summary>
    public sealed class ConformanceTests
    {
        /// <summary>Cases shown in a failure message; the report file has all of them.</summary>
        private const int MaxListedFailures = 30;

        private const string ParseTestSource = "parse_test.go";
        private const string OldParseTestSource = "parse_test.go@v2.42.0";
        private const string PrinterTestSource = "printer_test.go";

        private readonly ITestOutputHelper _output;

        public ConformanceTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// Where report files go: <c>PROMQL_CONFORMANCE_REPORT_DIR</c> when set (CI keeps them beside the test
        /// results), otherwise <c>conformance-report/</c> under the test binaries.
        /// </summary>
        public static string ReportDirectory =>
            Environment.GetEnvironmentVariable("PROMQL_CONFORMANCE_REPORT_DIR") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "conformance-report");

        [Fact]
        public void Verdicts_AgreeWithPrometheus()
        {
            var cases = ConformanceCorpus.Cases
                .Where(c => c.Source == ParseTestSource || (c.ExpectOk && c.Source != OldParseTestSource))
                .ToList();
            Assert.NotEmpty(cases);
            var known = KnownDifferences.Load().For(KnownDifferences.VerdictCheck);

            var failures = new List<Failure>();
            var stale = new List<string>();
            var perSource = new SortedDictionary<string, (int Agree, int Total)>(StringComparer.Ordinal);
            foreach (var c in cases)
            {
                var result = PromQlParser.Parse(c.Input, c.Options);
                var verdict = Verdict(result);
                var agrees = verdict == c.Expect;
                perSource.TryGetValue(c.Source, out var tally);
                perSource[c.Source] = (tally.Agree + (agrees ? 1 : 0), tally.Total + 1);

                if (known.TryGetValue(c.Id, out var reason))
                {
                    if (agrees)
                    {
                        stale.Add($"{c.Id}: listed in known-differences.json ({reason}) but now agrees: remove the entry");
                    }

                    continue;
                }

                if (!agrees)
                {
                    failures.Add(new Failure(c.Id, c.Input, Expected(c), verdict == "error" ? "error: " + FirstMessage(result) : "ok"));
                }
            }

            var caseIds = new HashSet<string>(cases.Select(c => c.Id), StringComparer.Ordinal);
            stale.AddRange(known.Keys.Where(id => !caseIds.Contains(id))
                .Select(id => $"{id}: listed in known-differences.json but no gated verdict case has that id"));

            var figures = new StringBuilder();
            var totalAgree = 0;
            foreach (var pair in perSource)
            {
                totalAgree += pair.Value.Agree;
                figures.AppendLine($"{pair.Key}: {pair.Value.Agree}/{pair.Value.Total} agree ({Percent(pair.Value.Agree, pair.Value.Total)})");
            }

            figures.AppendLine($"all gated cases: {totalAgree}/{cases.Count} agree ({Percent(totalAgree, cases.Count)}), " +
                $"{known.Count} known differences, {failures.Count} unlisted disagreements, {stale.Count} stale entries");
            Report("verdicts", figures.ToString(), failures, stale);

            Assert.True(failures.Count == 0 && stale.Count == 0,
                FailureMessage("Verdicts that disagree with Prometheus (fix the parser, or list the case with a reason in Conformance/known-differences.json)",
                    figures.ToString(), failures, stale));
        }

        [Fact]
        public void Verdicts_OnPrometheus242Table_AreReported()
        {
            // Prometheus 2.42's expectations: only a measure of how far today's language moved; not gated.
            var cases = ConformanceCorpus.Cases.Where(c => c.Source == OldParseTestSource).ToList();
            Assert.NotEmpty(cases);

            var failures = new List<Failure>();
            foreach (var c in cases)
            {
                var result = PromQlParser.Parse(c.Input, c.Options);
                var verdict = Verdict(result);
                if (verdict != c.Expect)
                {
                    failures.Add(new Failure(c.Id, c.Input, Expected(c), verdict == "error" ? "error: " + FirstMessage(result) : "ok"));
                }
            }

            var agree = cases.Count - failures.Count;
            var figures = $"{OldParseTestSource}: {agree}/{cases.Count} agree ({Percent(agree, cases.Count)}) (reported, not gated)\n";
            Report("verdicts-v2.42.0", figures, failures, Array.Empty<string>());
        }

        [Fact]
        public void ErrorPositions_MatchPrometheus()
        {
            // A few Go test cases leave the offset out; those cannot be compared.
            var cases = ConformanceCorpus.Cases.Where(c => !c.ExpectOk && c.Errors.Count > 0 && c.Errors[0].Start is not null).ToList();
            Assert.NotEmpty(cases);

            var failures = new List<Failure>();
            foreach (var c in cases)
            {
                var result = PromQlParser.Parse(c.Input, c.Options);
                var expected = c.Errors[0];
                string got;
                if (result.Diagnostics.Count == 0)
                {
                    got = "no error";
                }
                else
                {
                    var first = result.Diagnostics[0];
                    var start = ConformanceCorpus.Utf8Offset(c.Input, first.Start);
                    if (start == expected.Start)
                    {
                        continue;
                    }

                    got = $"byte {start} (UTF-16 {first.Start}): {first.Message}";
                }

                failures.Add(new Failure(c.Id, c.Input, $"byte {expected.Start}: {expected.Message}", got));
            }

            var matching = cases.Count - failures.Count;
            var figures = $"first error position matches Prometheus: {matching}/{cases.Count} ({Percent(matching, cases.Count)}); required: 90%\n";
            Report("error-positions", figures, failures, Array.Empty<string>());

            Assert.True(matching * 10 >= cases.Count * 9,
                FailureMessage("Too few first-error positions match Prometheus's byte offsets", figures, failures, Array.Empty<string>()));
        }

        [Fact]
        public void Printer_MatchesPrometheusStringForm()
        {
            var pairs = PrinterPairs();
            Assert.NotEmpty(pairs);

            var failures = new List<Failure>();
            foreach (var (input, expected) in pairs)
            {
                var result = PromQlParser.Parse(input.Input, input.Options);
                string got;
                if (result.HasErrors || result.Expression is null)
                {
                    got = "parse error: " + FirstMessage(result);
                }
                else
                {
                    got = result.Expression.ToString();
                    if (got == expected)
                    {
                        continue;
                    }
                }

                failures.Add(new Failure(input.Id, input.Input, expected, got));
            }

            var matching = pairs.Count - failures.Count;
            var figures = $"printed form equals Prometheus's: {matching}/{pairs.Count} ({Percent(matching, pairs.Count)}); required: 95%\n";
            Report("printer", figures, failures, Array.Empty<string>());

            Assert.True(matching * 100 >= pairs.Count * 95,
                FailureMessage("Too few printed forms equal Prometheus's String()", figures, failures, Array.Empty<string>()));
        }

        [Fact]
        public void RoundTrip_PrintThenParse_GivesTheSameTree()
        {
            var cases = ConformanceCorpus.Cases.Where(c => c.ExpectOk).ToList();
            Assert.NotEmpty(cases);
            var known = KnownDifferences.Load().For(KnownDifferences.RoundTripCheck);

            var failures = new List<Failure>();
            var stale = new List<string>();
            var accepted = 0;
            foreach (var c in cases)
            {
                var result = PromQlParser.Parse(c.Input, c.Options);
                if (result.HasErrors || result.Expression is null)
                {
                    continue; // The verdict test reports these.
                }

                accepted++;
                var printed = result.Expression.ToString();
                var reparsed = PromQlParser.Parse(printed, c.Options);
                string? problem = null;
                var original = TreeDump.Dump(result.Expression, TreeDumpOptions.Semantic);
                if (reparsed.HasErrors || reparsed.Expression is null)
                {
                    problem = $"printed form {Show(printed)} does not parse: {FirstMessage(reparsed)}";
                }
                else
                {
                    var again = TreeDump.Dump(reparsed.Expression, TreeDumpOptions.Semantic);
                    if (again != original)
                    {
                        problem = $"printed form {Show(printed)} parses to another tree; first difference: {FirstDifference(original, again)}";
                    }
                }

                if (known.TryGetValue(c.Id, out var reason))
                {
                    if (problem is null)
                    {
                        stale.Add($"{c.Id}: listed in known-differences.json ({reason}) but now round-trips: remove the entry");
                    }

                    continue;
                }

                if (problem is not null)
                {
                    failures.Add(new Failure(c.Id, c.Input, "the same tree after printing and parsing again", problem));
                }
            }

            var passing = accepted - failures.Count;
            var figures = $"round trips keep the tree: {passing}/{accepted} accepted ok cases ({Percent(passing, accepted)}); " +
                $"{cases.Count - accepted} ok cases not accepted (see the verdict test); required: 100% except listed differences\n";
            Report("round-trip", figures, failures, stale);

            Assert.True(accepted > 0, "The parser accepted none of the expect-ok cases, so no round trip could be checked.\n" + figures);
            Assert.True(failures.Count == 0 && stale.Count == 0,
                FailureMessage("Printing and parsing again changes the tree", figures, failures, stale));
        }

        /// <summary>
        /// Two printer_test.go pairs whose `out` the corpus lost when it merged duplicate inputs (the output string
        /// also occurs as an input elsewhere). Their expectations, from printer_test.go at d15adb9 (lines 241-242, 273-274).
        /// </summary>
        private static readonly Dictionary<string, string> CorpusCorrections = new()
        {
            ["{``=\"0\"}"] = "{\"\"=\"0\"}",
            ["foo offset +(5)"] = "foo offset (5)",
        };

        /// <summary>The printer test's pairs: each input with the string Prometheus's test expects it to print as.</summary>
        internal static List<(ConformanceCase Input, string Expected)> PrinterPairs()
        {
            var printer = ConformanceCorpus.Cases.Where(c => c.Source == PrinterTestSource && c.Index is not null).ToList();
            Dictionary<int, ConformanceCase> Table(string name) =>
                printer.Where(c => c.Table == name).ToDictionary(c => c.Index!.Value);

            var pairs = new List<(ConformanceCase, string)>();
            var exprStringOut = Table("TestExprString.out");
            foreach (var input in printer.Where(c => c.Table == "TestExprString.in"))
            {
                // The Go test's rule: the output of the same index where there is one, otherwise the input itself.
                var expected = exprStringOut.TryGetValue(input.Index!.Value, out var output) ? output.Input : input.Input;
                pairs.Add((input, CorpusCorrections.TryGetValue(input.Input, out var corrected) ? corrected : expected));
            }

            var utf8Expected = Table("TestBinaryExprUTF8Labels.expected");
            foreach (var input in printer.Where(c => c.Table == "TestBinaryExprUTF8Labels.input"))
            {
                if (utf8Expected.TryGetValue(input.Index!.Value, out var expected))
                {
                    pairs.Add((input, expected.Input));
                }
            }

            return pairs;
        }

        private static string Verdict(PromQlParseResult result) => result.HasErrors ? "error" : "ok";

        private static string Expected(ConformanceCase c) =>
            c.ExpectOk ? "ok" : "error" + (c.ErrMsg is null ? string.Empty : ": " + c.ErrMsg);

        private static string FirstMessage(PromQlParseResult result) =>
            result.Diagnostics.Count == 0 ? "(no diagnostic)" : result.Diagnostics[0].ToString();

        private static string Percent(int part, int total) =>
            total == 0 ? "n/a" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        private static string Show(string text) => "`" + ConformanceCorpus.Describe(text, 200) + "`";

        private static string FirstDifference(string expected, string actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
            {
                var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
                var a = i < actualLines.Length ? actualLines[i] : "(end)";
                if (e != a)
                {
                    return $"line {i + 1}: expected `{e.Trim()}`, got `{a.Trim()}`";
                }
            }

            return "(none)";
        }

        private void Report(string name, string figures, IReadOnlyList<Failure> failures, IReadOnlyList<string> stale)
        {
            _output.WriteLine(figures);
            var text = new StringBuilder();
            text.AppendLine(figures);
            foreach (var entry in stale)
            {
                text.AppendLine("STALE " + entry);
            }

            foreach (var failure in failures)
            {
                text.AppendLine(failure.Render(int.MaxValue));
            }

            try
            {
                Directory.CreateDirectory(ReportDirectory);
                var path = Path.Combine(ReportDirectory, name + ".txt");
                File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
                _output.WriteLine("report: " + path);
            }
            catch (IOException ex)
            {
                _output.WriteLine("could not write the report: " + ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                _output.WriteLine("could not write the report: " + ex.Message);
            }
        }

        private static string FailureMessage(string title, string figures, IReadOnlyList<Failure> failures, IReadOnlyList<string> stale)
        {
            var text = new StringBuilder();
            text.AppendLine(title + ".").AppendLine(figures.TrimEnd());
            foreach (var entry in stale.Take(MaxListedFailures))
            {
                text.AppendLine("STALE " + entry);
            }

            foreach (var failure in failures.Take(MaxListedFailures))
            {
                text.AppendLine(failure.Render(300));
            }

            if (failures.Count > MaxListedFailures)
            {
                text.AppendLine($"… and {failures.Count - MaxListedFailures} more (see the report in {ReportDirectory}).");
            }

            return text.ToString();
        }

        private sealed record Failure(string Id, string Input, string Expected, string Got)
        {
            public string Render(int max) =>
                $"- {Id}: input `{ConformanceCorpus.Describe(Input, Math.Min(max, 200))}`\n    expected: {ConformanceCorpus.Describe(Expected, max)}\n    got:      {ConformanceCorpus.Describe(Got, max)}";
        }

        /// <summary>
        /// <c>Conformance/known-differences.json</c>: cases where we knowingly differ from Prometheus, as an array of
        /// <c>{"id": "...", "check": "verdict" | "round-trip", "reason": "..."}</c> (check defaults to verdict).
        /// Read from the source tree, so changing it needs no rebuild.
        /// </summary>
        private sealed class KnownDifferences
        {
            public const string VerdictCheck = "verdict";
            public const string RoundTripCheck = "round-trip";

            private readonly List<(string Id, string Check, string Reason)> _entries;

            private KnownDifferences(List<(string, string, string)> entries) => _entries = entries;

            public static KnownDifferences Load()
            {
                var path = RepositoryPaths.Combine("tests", "PromQL.Parsing.Tests", "Conformance", "known-differences.json");
                var entries = new List<(string, string, string)>();
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var id = item.GetProperty("id").GetString() ?? throw new InvalidDataException("known difference without id");
                    var check = item.TryGetProperty("check", out var c) ? c.GetString() ?? VerdictCheck : VerdictCheck;
                    if (check != VerdictCheck && check != RoundTripCheck)
                    {
                        throw new InvalidDataException($"known difference {id}: unknown check '{check}'");
                    }

                    var reason = item.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    if (string.IsNullOrWhiteSpace(reason))
                    {
                        throw new InvalidDataException($"known difference {id}: a reason is required");
                    }

                    entries.Add((id, check, reason!));
                }

                return new KnownDifferences(entries);
            }

            public Dictionary<string, string> For(string check)
            {
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (id, entryCheck, reason) in _entries)
                {
                    if (entryCheck == check)
                    {
                        result[id] = reason;
                    }
                }

                return result;
            }
        }
    }
}
