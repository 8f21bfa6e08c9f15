using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using PromQL.Parsing;
using PromQL.Parsing.Tests.Conformance;

namespace PromQL.Benchmarks
{
    /// <summary>
    /// Parser throughput on the conformance corpus. Each benchmark parses a whole set of queries per
    /// invocation and declares <c>OperationsPerInvoke</c> = the set's size, so the reported mean time and
    /// allocated bytes are per query.
    /// </summary>
    [MemoryDiagnoser]
    public class CorpusParseBenchmarks
    {
        /// <summary>
        /// Expected-ok corpus cases without the two pathological ~55 KB inputs. A constant, because
        /// <c>OperationsPerInvoke</c> must be; <see cref="Setup"/> checks it against the corpus.
        /// </summary>
        public const int ExpectOkQueryCount = 3339;

        /// <summary>Real-world queries (kube-prometheus rules and dashboards, kubernetes-mixin rules and tests).</summary>
        public const int RealWorldQueryCount = 889;

        private const int PathologicalLength = 50_000;

        private (string Text, PromQlParserOptions Options)[] _expectOk = Array.Empty<(string, PromQlParserOptions)>();
        private (string Text, PromQlParserOptions Options)[] _realWorld = Array.Empty<(string, PromQlParserOptions)>();

        /// <summary>Loads the corpus once, outside the measurement.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var cases = ConformanceCorpus.Cases;
            _expectOk = cases.Where(c => c.ExpectOk && c.Input.Length < PathologicalLength).Select(c => (c.Input, c.Options)).ToArray();
            _realWorld = cases.Where(c => c.ExpectOk && (c.Source.StartsWith("kube-prometheus", StringComparison.Ordinal)
                    || c.Source.StartsWith("kubernetes-mixin", StringComparison.Ordinal)))
                .Select(c => (c.Input, c.Options)).ToArray();
            Check(nameof(ExpectOkQueryCount), ExpectOkQueryCount, _expectOk.Length);
            Check(nameof(RealWorldQueryCount), RealWorldQueryCount, _realWorld.Length);
            Console.WriteLine($"// expect-ok set: {_expectOk.Length} queries, {_expectOk.Sum(q => q.Text.Length):N0} chars; " +
                $"real-world set: {_realWorld.Length} queries, {_realWorld.Sum(q => q.Text.Length):N0} chars");
        }

        /// <summary>Every expect-ok case, per query.</summary>
        [Benchmark(OperationsPerInvoke = ExpectOkQueryCount)]
        public int ParseExpectOkCorpus() => ParseAll(_expectOk);

        /// <summary>The real-world subset, per query.</summary>
        [Benchmark(OperationsPerInvoke = RealWorldQueryCount)]
        public int ParseRealWorldQueries() => ParseAll(_realWorld);

        private static int ParseAll((string Text, PromQlParserOptions Options)[] queries)
        {
            // Fold the results into a value BenchmarkDotNet consumes, so nothing is optimised away.
            var errors = 0;
            foreach (var (text, options) in queries)
            {
                if (PromQlParser.Parse(text, options).HasErrors)
                {
                    errors++;
                }
            }

            return errors;
        }

        private static void Check(string name, int declared, int actual)
        {
            if (declared != actual)
            {
                throw new InvalidOperationException($"{name} is {declared} but the corpus gives {actual}: update the constant so per-query figures stay right.");
            }
        }
    }

    /// <summary>
    /// Linear-time check: time per input character should stay flat as <see cref="N"/> grows tenfold. Deep
    /// nesting is refused past the parser's depth limit, which must itself be cheap.
    /// </summary>
    [MemoryDiagnoser]
    public class LinearTimeBenchmarks
    {
        private string _nestedParentheses = string.Empty;
        private string _leadingMinusSigns = string.Empty;

        /// <summary>Nesting depth or sign count.</summary>
        [Params(10, 100, 1000)]
        public int N { get; set; }

        /// <summary>Builds the inputs outside the measurement.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _nestedParentheses = new string('(', N) + "foo" + new string(')', N);
            _leadingMinusSigns = new StringBuilder().Append('-', N).Append("foo").ToString();
        }

        /// <summary><c>((…(foo)…))</c> with N pairs.</summary>
        [Benchmark]
        public bool NestedParentheses() => PromQlParser.Parse(_nestedParentheses).HasErrors;

        /// <summary><c>---…-foo</c> with N signs.</summary>
        [Benchmark]
        public bool LeadingMinusSigns() => PromQlParser.Parse(_leadingMinusSigns).HasErrors;
    }
}
