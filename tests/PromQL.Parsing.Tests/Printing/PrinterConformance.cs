using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PromQL.Parsing.Printing;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;

namespace PromQL.Parsing.Tests.Printing
{
    /// <summary>
    /// Printer agreement with Prometheus's printer_test.go pairs from the conformance corpus: each input is
    /// parsed with the given function and printed, and the text must equal Go's expected output.
    /// This becomes meaningful once the grammar lands (until then parsing gives no tree); the conformance
    /// test calls it with the real parser.
    /// </summary>
    internal static class PrinterConformance
    {
        /// <summary>The corpus file name in <c>tests/Conformance/</c>.</summary>
        public const string CasesFileName = "parser-cases.jsonl";

        // The corpus merges duplicate inputs, which drops two "out" rows whose text is also another case's
        // input; printer_test.go expects these outputs (TestExprString index → out).
        private static readonly IReadOnlyDictionary<int, string> LostOutputs = new Dictionary<int, string>
        {
            [56] = "{\"\"=\"0\"}",
            [66] = "foo offset (5)",
        };

        /// <summary>One printer_test.go expectation.</summary>
        public sealed class PrinterCase
        {
            public PrinterCase(string id, string input, string expected)
            {
                Id = id;
                Input = input;
                Expected = expected;
            }

            public string Id { get; }

            public string Input { get; }

            public string Expected { get; }
        }

        /// <summary>Parses and prints every pair; a parse that gives null or throws counts as a mismatch.</summary>
        public static (int Matched, int Total, IReadOnlyList<string> Mismatches) Measure(Func<string, Expr?> parse) =>
            Measure(parse, LoadCases(FindCasesFile()));

        /// <summary>As <see cref="Measure(Func{string, Expr?})"/> on given cases.</summary>
        public static (int Matched, int Total, IReadOnlyList<string> Mismatches) Measure(Func<string, Expr?> parse, IReadOnlyList<PrinterCase> cases)
        {
            var mismatches = new List<string>();
            var matched = 0;
            foreach (var c in cases)
            {
                string actual;
                try
                {
                    var expr = parse(c.Input);
                    actual = expr is null ? "<no tree>" : PromQlPrinter.Print(expr);
                }
                catch (Exception ex)
                {
                    actual = "<threw " + ex.GetType().Name + ": " + ex.Message + ">";
                }

                if (actual == c.Expected)
                {
                    matched++;
                }
                else
                {
                    mismatches.Add($"{c.Id}: {c.Input}\n  expected: {c.Expected}\n  actual:   {actual}");
                }
            }

            return (matched, cases.Count, mismatches);
        }

        /// <summary>
        /// The pairs, following the Go tests: <c>TestExprString.in[i]</c> prints as <c>TestExprString.out[i]</c>
        /// where there is one, else as itself; <c>TestBinaryExprUTF8Labels.input[i]</c> prints as
        /// <c>TestBinaryExprUTF8Labels.expected[i]</c>.
        /// </summary>
        public static IReadOnlyList<PrinterCase> LoadCases(string path)
        {
            var inputs = new List<(string Id, string Table, int Index, string Input)>();
            var outputs = new Dictionary<(string Table, int Index), string>();
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.GetProperty("source").GetString() != "printer_test.go")
                {
                    continue;
                }

                var id = root.GetProperty("id").GetString()!;
                var table = root.GetProperty("table").GetString()!;
                var index = root.GetProperty("idx").GetInt32();
                var input = root.GetProperty("input").GetString()!;
                switch (table)
                {
                    case "TestExprString.in":
                    case "TestBinaryExprUTF8Labels.input":
                        inputs.Add((id, table, index, input));
                        break;
                    case "TestExprString.out":
                        outputs[("TestExprString.in", index)] = input;
                        break;
                    case "TestBinaryExprUTF8Labels.expected":
                        outputs[("TestBinaryExprUTF8Labels.input", index)] = input;
                        break;
                }
            }

            var cases = new List<PrinterCase>(inputs.Count);
            foreach (var (id, table, index, input) in inputs)
            {
                if (!outputs.TryGetValue((table, index), out var expected))
                {
                    expected = table == "TestExprString.in" && LostOutputs.TryGetValue(index, out var lost) ? lost : input;
                }

                cases.Add(new PrinterCase(id, input, expected));
            }

            return cases;
        }

        /// <summary>The vendored corpus file in the repository (<c>tests/Conformance/</c>).</summary>
        public static string FindCasesFile() => RepositoryPaths.Conformance(CasesFileName);
    }
}
