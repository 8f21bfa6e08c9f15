using System;
using System.IO;
using System.Text;
using System.Threading;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using SharpFuzz;

namespace PromQL.Fuzzing
{
    /// <summary>
    /// The fuzz target: one input file is one query (UTF-8, invalid bytes decoded leniently). Any broken
    /// promise of the parser is thrown, which afl-fuzz records as a crash; a stack overflow kills the child
    /// process, which it records too.
    /// </summary>
    public static class Program
    {
        /// <summary>The stack an analyzer gets inside the compiler or an IDE.</summary>
        private const int AnalyzerStackSize = 1024 * 1024;

        /// <summary>Prometheus's options and ours (everything on) take different paths through the grammar.</summary>
        private static readonly PromQlParserOptions[] OptionSets = { PromQlParserOptions.Default, PromQlParserOptions.Stable };

        public static void Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "--write-seeds")
            {
                Console.WriteLine(SeedWriter.Write(args[1], args[2..]) + " seeds written to " + args[1]);
                return;
            }

            if (args.Length > 0)
            {
                // Replay mode: check the given files (or every file in given folders) without afl-fuzz, for triage.
                var failed = 0;
                var checkedFiles = 0;
                foreach (var argument in args)
                {
                    var paths = Directory.Exists(argument) ? Directory.GetFiles(argument) : new[] { argument };
                    Array.Sort(paths, StringComparer.Ordinal);
                    foreach (var path in paths)
                    {
                        checkedFiles++;
                        try
                        {
                            CheckOnAnalyzerStack(File.ReadAllBytes(path));
                        }
#pragma warning disable CA1031 // Replay reports every failing file, not just the first.
                        catch (Exception ex)
#pragma warning restore CA1031
                        {
                            failed++;
                            Console.WriteLine($"FAIL {path}: {ex.Message}");
                        }
                    }
                }

                Console.WriteLine($"{checkedFiles} files checked, {failed} failed");
                Environment.ExitCode = failed == 0 ? 0 : 1;
                return;
            }

            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                CheckOnAnalyzerStack(buffer.ToArray());
            });
        }

        private static void CheckOnAnalyzerStack(byte[] bytes)
        {
            var text = Encoding.UTF8.GetString(bytes);
            Exception? failure = null;
            var thread = new Thread(() => failure = Check(text), AnalyzerStackSize);
            thread.Start();
            thread.Join();
            if (failure is not null)
            {
                throw failure;
            }
        }

        private static Exception? Check(string text)
        {
            foreach (var options in OptionSets)
            {
                var result = PromQlParser.Parse(text, options);
                var problem = FindProblem(text, result);
                // Round trips only with every feature on: Go accepts `offset +(5)` without the duration flag but
                // prints it as `offset (5)`, which that flag then gates, so Prometheus's own output fails there too.
                if (problem is null && options == PromQlParserOptions.Default && result.Expression is not null && !result.HasErrors)
                {
                    problem = CheckRoundTrip(result.Expression, options);
                }

                if (problem is not null)
                {
                    return new InvalidOperationException(problem);
                }
            }

            return null;
        }

        /// <summary>The parser's contract: no escaped exception (it becomes an "internal parser error"), every span inside the text.</summary>
        private static string? FindProblem(string text, PromQlParseResult result)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Message.StartsWith("internal parser error", StringComparison.Ordinal))
                {
                    return diagnostic.Message;
                }

                if (!Within(diagnostic.Start, diagnostic.End, text.Length))
                {
                    return $"diagnostic {diagnostic} outside the text ({text.Length} chars)";
                }
            }

            if (result.Expression is null)
            {
                return result.HasErrors ? null : "no tree and no error";
            }

            foreach (var node in result.Expression.DescendantsAndSelf())
            {
                if (!Within(node.Start, node.End, text.Length))
                {
                    return $"{node.GetType().Name} {node.Start}..{node.End} outside the text ({text.Length} chars)";
                }

                if (node is VectorSelector selector)
                {
                    foreach (var matcher in selector.Matchers)
                    {
                        if (!Within(matcher.Start, matcher.End, text.Length))
                        {
                            return $"matcher {matcher.Start}..{matcher.End} outside the text ({text.Length} chars)";
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Printing is canonical: the printed form parses, and prints the same again. Values that hold U+FFFD
        /// are left out: Go prints the invalid byte behind them, a .NET string cannot (known-differences.json).
        /// </summary>
        private static string? CheckRoundTrip(Expr expression, PromQlParserOptions options)
        {
            var printed = expression.ToString();
            if (printed.IndexOf('\uFFFD') >= 0)
            {
                return null;
            }

            var again = PromQlParser.Parse(printed, options);
            if (again.HasErrors || again.Expression is null)
            {
                return $"printed form does not parse: `{printed}`: {(again.Diagnostics.Count > 0 ? again.Diagnostics[0].ToString() : "(no diagnostic)")}";
            }

            var reprinted = again.Expression.ToString();
            return reprinted == printed ? null : $"printing is not stable: `{printed}` prints again as `{reprinted}`";
        }

        private static bool Within(int start, int end, int length) => start >= 0 && start <= end && end <= length;
    }
}
