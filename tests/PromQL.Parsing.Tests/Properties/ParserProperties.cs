using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using PromQL.Parsing.Tests.Conformance;
using PromQL.Parsing.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Parsing.Tests.Properties
{
    /// <summary>
    /// Property tests (CsCheck): generated and mutated PromQL never makes the parser throw, every span it
    /// reports lies inside the input, and every tree it accepts prints to text that parses to the same tree.
    /// CsCheck draws a new seed per run and prints it on failure; set <c>CsCheck_Seed</c> to replay one.
    /// The deterministic mutations (every prefix, suffix, deletion) live in <see cref="MutationTests"/>.
    /// </summary>
    public sealed class ParserProperties
    {
        private const int GeneratedIterations = 3000;
        private const int MutatedIterations = 6000;

        private readonly ITestOutputHelper _output;

        public ParserProperties(ITestOutputHelper output) => _output = output;

        [Fact]
        public void GeneratedQueries_ParseSafely_AndRoundTrip()
        {
            var accepted = 0;
            PromQlGenerators.Query.Sample(query =>
            {
                var (result, problem) = ParseInvariants.ParseSafely(query, PromQlParserOptions.Default);
                Assert.True(problem is null, problem);
                if (!result!.HasErrors)
                {
                    Interlocked.Increment(ref accepted);
                    var roundTrip = ParseInvariants.FindRoundTripProblem(result.Expression!, PromQlParserOptions.Default);
                    Assert.True(roundTrip is null, roundTrip);
                }
            }, iter: GeneratedIterations, writeLine: _output.WriteLine);

            _output.WriteLine($"{accepted}/{GeneratedIterations} generated queries accepted");

            // The generator follows the type rules; if most of its output were refused it would test little.
            Assert.True(accepted * 2 > GeneratedIterations, $"only {accepted} of {GeneratedIterations} generated queries were accepted: the generator has drifted from the grammar");
        }

        [Fact]
        public void GeneratedQueries_WithPrometheusDefaults_ParseSafely() =>
            PromQlGenerators.Query.Sample(query =>
            {
                // Experimental syntax off: the same text takes the refusal paths.
                var (_, problem) = ParseInvariants.ParseSafely(query, PromQlParserOptions.Stable);
                Assert.True(problem is null, problem);
            }, iter: GeneratedIterations / 2, writeLine: _output.WriteLine);

        [Fact]
        public void MutatedCorpusQueries_ParseSafely_AndRoundTrip()
        {
            var accepted = 0;
            CorpusMutations.Mutated.Sample(query =>
            {
                var (result, problem) = ParseInvariants.ParseSafely(query, PromQlParserOptions.Default);
                Assert.True(problem is null, problem);
                if (!result!.HasErrors)
                {
                    Interlocked.Increment(ref accepted);
                    var roundTrip = ParseInvariants.FindRoundTripProblem(result.Expression!, PromQlParserOptions.Default);
                    Assert.True(roundTrip is null, roundTrip);
                }
            }, iter: MutatedIterations, writeLine: _output.WriteLine, print: q => ConformanceCorpus.Describe(q, 400));

            _output.WriteLine($"{accepted}/{MutatedIterations} mutated queries accepted");
        }

        /// <summary>
        /// Found by the fuzzer (fuzz/README.md): holes and <c>Inf ^</c>. Parsing is safe; the printed form is Go's
        /// <c>+Inf ^ …</c>, which parses as a unary plus, so the shape is a documented round-trip exception.
        /// </summary>
        [Theory]
        [InlineData("-s424424^\uE000s424^Inf^\uE000s424^\uE00044")]
        [InlineData("Inf ^ 2")]
        public void FuzzFinding_InfBeforePower_ParsesSafelyAndIsAKnownRoundTripException(string escaped)
        {
            var query = escaped.Replace("\\uE000", "\uE000", StringComparison.Ordinal);
            var (result, problem) = ParseInvariants.ParseSafely(query, PromQlParserOptions.Default);
            Assert.True(problem is null, problem);
            Assert.False(result!.HasErrors);
            Assert.Contains("+Inf ^ ", result.Expression!.ToString(), StringComparison.Ordinal);
            Assert.True(ParseInvariants.IsKnownRoundTripException(query));
        }

        [Fact]
        public void PrintedForm_IsAFixedPoint()
        {
            // Printing is canonical: what the printer writes, it writes again unchanged.
            PromQlGenerators.Query.Sample(query =>
            {
                var first = PromQlParser.Parse(query);
                if (first.HasErrors)
                {
                    return;
                }

                var printed = first.Expression!.ToString();
                var again = PromQlParser.Parse(printed);
                Assert.False(again.HasErrors, $"`{printed}`: {string.Join("; ", again.Diagnostics)}");
                Assert.Equal(printed, again.Expression!.ToString());
            }, iter: GeneratedIterations / 2, writeLine: _output.WriteLine);
        }
    }
}
