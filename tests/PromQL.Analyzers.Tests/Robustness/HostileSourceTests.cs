using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Text;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Attacker-sized C# around PromQL: each file is analysed to the end, with no AD0001 and exactly the expected
    /// diagnostics. Work runs on a thread with the 1 MB stack a compiler thread may have (the analyzer driver's own
    /// tasks run on thread-pool threads, as in the compiler, so the string reading is also checked directly on the
    /// 1 MB thread), and a generous timeout only catches hangs: there is no speed assertion.
    /// </summary>
    public sealed class HostileSourceTests
    {
        private const int SmallStack = 1024 * 1024;
        private const int Megabyte = 1024 * 1024;

        // A hang, not a slow run: the 5 MB file takes about 25 s alone and over 120 s on a machine under a load of 40.
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(480);

        private readonly ITestOutputHelper _output;

        public HostileSourceTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// The kinds of query the 5 MB file repeats, with what each reports: a selector without the container filter
        /// (PROMQL001), a sum over one pod of one namespace (PROMQL001 and PROMQL002), a filtered selector (nothing), a hole for the pod
        /// (PROMQL001), a marked query that does not parse (PROMQL100), and unmarked strings that are no PromQL or
        /// do not parse (nothing: content detection needs a query that parses).
        /// </summary>
        private static readonly (Func<int, string, string> Statement, string[] Expected)[] Templates =
        {
            ((i, pad) => $"// lang=promql\nvar a{i} = \"container_memory_working_set_bytes{{namespace=\\\"ns\\\", pod=\\\"p{i}\\\", job=\\\"{pad}\\\"}}\";", new[] { "PROMQL001" }),
            ((i, pad) => $"var b{i} = @\"sum(container_memory_rss{{namespace=\"\"ns\"\", pod=\"\"p{i}\"\", job=\"\"{pad}\"\"}})\";", new[] { "PROMQL001", "PROMQL002" }),
            ((i, pad) => $"Run(\"\"\"container_memory_rss{{container!=\"\", pod=\"p{i}\", job=\"{pad}\"}}\"\"\");", Array.Empty<string>()),
            ((i, pad) => $"Run($\"container_memory_rss{{{{pod=\\\"{{pod}}\\\", job=\\\"{pad}{i}\\\"}}}}\");", new[] { "PROMQL001" }),
            ((i, pad) => $"Run(\"\"\"\n    sum(rate(http_requests_total{{job=\"{pad}{i}\"}}[5m])\n    \"\"\");", new[] { "PROMQL100" }),
            ((i, pad) => $"var f{i} = \"hello {{world}} {pad}{i}\";", Array.Empty<string>()),
            ((i, pad) => $"var g{i} = \"container_memory_rss{{pod=\" + pod + \"{pad}{i}\";", Array.Empty<string>()),
            ((i, pad) => $"Run(\"container_memory_cache{{pod=\\\"\" + pod + \"\\\", job=\\\"{pad}{i}\\\"}}\");", new[] { "PROMQL001" }),
        };

        [Fact]
        public void FiveMegabyteFile_WithTenThousandQueries_AnalysedInOneRun()
        {
            const int queries = 10_000;
            var pad = new string('x', 480);
            var body = new StringBuilder(6 * Megabyte);
            var expected = new Dictionary<string, int>();
            for (var i = 0; i < queries; i++)
            {
                var (statement, ids) = Templates[i % Templates.Length];
                body.Append(statement(i, pad)).Append('\n');
                foreach (var id in ids)
                {
                    expected[id] = expected.GetValueOrDefault(id) + 1;
                }
            }

            var source = InMethod(body.ToString());
            Assert.True(source.Length >= 5 * Megabyte, $"only {source.Length} chars");

            var run = AnalyzeHostile("5 MB file", source);
            var actual = run.PromQlDiagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        }

        [Fact]
        public void OneMegabyteQuery_InARawString()
        {
            var alternation = string.Join("|", Enumerable.Range(0, Megabyte / 8).Select(i => "pod-" + i.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
            var source = InMethod("Run(\"\"\"\n    container_memory_rss{pod=~\"" + alternation + "\"}\n    \"\"\");");
            Assert.True(source.Length >= Megabyte);
            AssertIds(AnalyzeHostile("1 MB raw string", source), "PROMQL001");
        }

        [Fact]
        public void ConcatenationOfTenThousandOperands()
        {
            // "container_memory_rss{pod=\"" + pod + "\", l1=\"" + ns + ... + "\"}": 10,000 operands, one selector.
            var operands = new List<string> { "\"container_memory_rss{pod=\\\"\"" };
            for (var i = 0; operands.Count < 9_999; i++)
            {
                operands.Add(i % 2 == 0 ? "pod" : "ns");
                operands.Add($"\"\\\", l{i}=\\\"\"");
            }

            operands.Add("\"\\\"}\"");
            Assert.Equal(10_000, operands.Count);
            var expression = string.Join(" + ", operands);
            var run = AnalyzeHostile("10,000 + operands", InMethod("Run(" + expression + ");"));
            AssertIds(run, "PROMQL001");
            ReadOnSmallStack(run, holes: 4_999);
        }

        [Fact]
        public void InterpolatedStringWithTenThousandHoles()
        {
            var text = new StringBuilder("$\"container_memory_rss{{pod=\\\"{pod}\\\"");
            for (var i = 1; i < 10_000; i++)
            {
                text.Append(", l").Append(i).Append("=\\\"{").Append(i % 2 == 0 ? "pod" : "ns").Append("}\\\"");
            }

            text.Append("}}\"");
            var run = AnalyzeHostile("10,000 holes", InMethod("Run(" + text + ");"));
            AssertIds(run, "PROMQL001");
            ReadOnSmallStack(run, holes: 10_000);
        }

        [Fact]
        public void HundredThousandNestedParentheses_InAMarkedQuery()
        {
            // Past the parser's depth limit: one PROMQL100 (expression nests too deeply), no tree, nothing else.
            const int n = 100_000;
            var query = new string('(', n) + "container_memory_rss" + new string(')', n);
            var run = AnalyzeHostile("100,000 parentheses", InMethod("// lang=promql\nvar q = \"\"\"" + query + "\"\"\";"));
            AssertIds(run, "PROMQL100");
            Assert.Contains("nests too deeply", run.PromQlDiagnostics[0].GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void CatastrophicRegexMatchers_InAMarkedQuery()
        {
            // Backtracking engines take exponential time on these; RE2 semantics (what we check) are linear.
            // The container matcher lets "" through, so the pod-level series stay: PROMQL001.
            var evil = "(a+)+$" + "|" + string.Concat(Enumerable.Repeat("(a|aa)*", 2_000)) + "b";
            var query = "container_memory_rss{pod=~\"" + evil + "\", container=~\"((x*)*|(y+)+)*\", namespace!~\"(.*a){30}\"}";
            var run = AnalyzeHostile("catastrophic regex", InMethod("Run(@\"" + query.Replace("\"", "\"\"", StringComparison.Ordinal) + "\");"));
            AssertIds(run, "PROMQL001");
        }

        [Fact]
        public void DeeplyNestedCSharpExpressions_AroundAQuery()
        {
            // Parentheses and casts (which detection looks through), then calls and lambdas around the marked call,
            // as deep as the compiler takes on a 1 MB stack (deeper, it reports CS8078 and binds nothing).
            const int depth = 400;
            const int lambdas = 100;
            var wrapped = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                wrapped.Append(i % 2 == 0 ? "(" : "(string)(");
            }

            wrapped.Append("\"container_memory_rss{pod=\\\"a\\\"}\"").Append(')', depth);
            var calls = string.Concat(Enumerable.Repeat("Id(() => ", lambdas)) + "Run(" + wrapped + ")" + new string(')', lambdas) + ";";
            var source = InMethod(calls).Replace("void Run(", "static T Id<T>(System.Func<T> f) => f();\n    int Run(", StringComparison.Ordinal)
                .Replace("string query) { }", "string query) => 0;", StringComparison.Ordinal);
            var run = AnalyzeHostile("deep C#", source);
            var compilerErrors = run.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            _output.WriteLine($"{compilerErrors.Count} compiler errors: {string.Join("; ", compilerErrors.Take(3))}");
            Assert.Empty(compilerErrors);
            AssertIds(run, "PROMQL001");
        }

        [Fact]
        public void TooDeepForTheCompiler_NoAnalyzerFailure()
        {
            // 1,000 parentheses and casts: on a 1 MB stack the compiler gives up (CS8078); the analyzer must still
            // run without failing. (Far deeper plain parentheses overflow Roslyn's own parser, before any analyzer.)
            const int depth = 1_000;
            var wrapped = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "(" : "(string)("));
            var source = InMethod("Run(" + wrapped + "\"container_memory_rss{pod=\\\"a\\\"}\"" + new string(')', depth) + ");");
            var run = AnalyzeHostile("C# too deep to compile", source);
            // Whether the compiler itself gives up (CS8078) depends on how far the JIT has optimised its frames at
            // that moment, so it is logged, not asserted: what the product owes is the analyzer's run above.
            var compilerDiagnostics = OnSmallStack("compiling", () => run.Compilation.Clone().GetDiagnostics(), SmallStack / 8);
            _output.WriteLine($"compiler on a {SmallStack / 8 / 1024} KB stack: {string.Join(", ", compilerDiagnostics.Select(d => d.Id).Distinct())}");
        }

        [Fact]
        public void OperationTreeFailsOnBrokenCode_QueriesStillFound_NoAnalyzerFailure()
        {
            // Found by AnalyzerPropertyTests (seed 1h0pdSZTu-L3): a NEL (U+0085, a C# line break) cuts an
            // interpolated string, and Roslyn's GetOperation then throws for the whole method ("Unexpected value
            // 'UnconvertedInterpolatedString'"), which had surfaced as AD0001. The targets are then read from
            // symbols, so the [StringSyntax] argument on the next line is still PromQL (PROMQL100 is only for strings
            // known to be PromQL).
            var source = """"
                using System.Diagnostics.CodeAnalysis;

                class C
                {
                    void Run([StringSyntax("PromQL")] string query) { }

                    void M(string pod)
                    {
                        Run($"{pod}{{pod<NEL>=\"x\"}}");
                        Run("""rate(http_requests_total[5m]""");
                    }
                }
                """".Replace("<NEL>", "\u0085", StringComparison.Ordinal);
            var run = AnalyzeHostile("operation tree fails", source);
            var model = run.Compilation.GetSemanticModel(run.Tree);
            var call = run.Tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Last();
            Assert.Throws<InvalidOperationException>(() => model.GetOperation(call));
            AssertIds(run, "PROMQL100");
        }

        private static string InMethod(string statements) =>
            "using System.Diagnostics.CodeAnalysis;\n\nclass C\n{\n    void Run([StringSyntax(\"PromQL\")] string query) { }\n\n    void M(string pod, string ns)\n    {\n"
            + statements + "\n    }\n}\n";

        private static void AssertIds(AnalyzerRun run, params string[] expected) =>
            Assert.Equal(expected.OrderBy(id => id, StringComparer.Ordinal), run.PromQlDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

        /// <summary>Analyses <paramref name="source"/> on a 1 MB thread; fails on a hang, an exception or an AD0001.</summary>
        private AnalyzerRun AnalyzeHostile(string name, string source)
        {
            var stopwatch = Stopwatch.StartNew();
            var run = OnSmallStack(name, () => AnalyzerRun.Analyze(source));
            _output.WriteLine($"{name}: {source.Length:N0} chars, {run.PromQlDiagnostics.Length} diagnostics, {stopwatch.Elapsed.TotalSeconds:F1} s");
            Assert.True(run.Failure is null, run.Failure);
            return run;
        }

        /// <summary>Reads every string root of the file directly on a 1 MB thread: the analyzer's own walks must be iterative.</summary>
        private static void ReadOnSmallStack(AnalyzerRun run, int holes)
        {
            OnSmallStack("reading", () =>
            {
                var model = run.Compilation.GetSemanticModel(run.Tree);
                // The query is the largest string root (the attribute's "PromQL" is another).
                var query = run.Tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().Where(StringExpressions.IsRoot).MaxBy(e => e.Span.Length)!;
                var text = StringExpressions.Read(query, StringExpressions.ConstantValuesFrom(model, CancellationToken.None), CancellationToken.None);
                Assert.StartsWith("container_memory_rss{pod=\"\uE000\"", text.Text, StringComparison.Ordinal);
                Assert.Equal(holes, text.Text.Count(c => c == '\uE000'));
                return text;
            });
        }

        private static T OnSmallStack<T>(string name, Func<T> work, int stackSize = SmallStack)
        {
            T result = default!;
            ExceptionDispatchInfo? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            }, stackSize);
            thread.Start();
            Assert.True(thread.Join(HangGuard), $"{name}: no result within {HangGuard.TotalSeconds} s");
            failure?.Throw();
            return result;
        }
    }
}
