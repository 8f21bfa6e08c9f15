using System;
using System.Linq;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Text;
using PromQL.Parsing.Tests.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Property tests (CsCheck) over generated C# files (<see cref="CSharpQueryFiles"/>): the analyzer never fails
    /// (no AD0001, nothing caught by the driver), every PROMQL diagnostic lies inside the string expression it is
    /// about, and every generated string reads back to the text it was generated from. CsCheck draws a new seed per
    /// run and prints it, with the file, on failure; set <c>CsCheck_Seed</c> to replay one.
    /// </summary>
    public sealed class AnalyzerPropertyTests
    {
        private const int ValidIterations = 1200;
        private const int BrokenIterations = 400;

        private readonly ITestOutputHelper _output;

        public AnalyzerPropertyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void ValidFiles_NoAnalyzerFailure_AndDiagnosticsInsideTheirString()
        {
            var diagnostics = 0;
            CSharpQueryFiles.Valid.Sample(file =>
            {
                var compilation = AnalyzerRun.Compile(file.Source);
                var tree = compilation.SyntaxTrees[0];

                // The generator's own promise, checked first so a failure below is never a generator mistake.
                var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, "generated C# has syntax errors: " + string.Join("; ", errors));
                AssertReadsBack(file, compilation);

                var run = AnalyzerRun.AnalyzeAsync(compilation).GetAwaiter().GetResult();
                Assert.True(run.Failure is null, run.Failure);
                foreach (var diagnostic in run.PromQlDiagnostics)
                {
                    var span = diagnostic.Location.SourceSpan;
                    Assert.True(diagnostic.Location.SourceTree == tree, $"{diagnostic} is not in the file");
                    Assert.True(file.Queries.Count(q => q.Span.Contains(span)) == 1, $"{diagnostic} at {span} is inside no generated string expression");
                    Interlocked.Increment(ref diagnostics);
                }
            }, iter: ValidIterations, writeLine: _output.WriteLine, print: Print);

            _output.WriteLine($"{diagnostics} PROMQL diagnostics in {ValidIterations} files");

            // Most seeds are cAdvisor queries with findings: a run that reports nothing tested little.
            Assert.True(diagnostics > ValidIterations / 4, $"only {diagnostics} diagnostics in {ValidIterations} files: the generator has drifted");
        }

        [Fact]
        public void BrokenFiles_NoAnalyzerFailure()
        {
            var withErrors = 0;
            CSharpQueryFiles.Broken.Sample(file =>
            {
                var run = AnalyzerRun.Analyze(file.Source);
                Assert.True(run.Failure is null, run.Failure);
                if (run.Tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    Interlocked.Increment(ref withErrors);
                }

                foreach (var diagnostic in run.PromQlDiagnostics)
                {
                    Assert.True(diagnostic.Location.SourceSpan.End <= file.Source.Length, $"{diagnostic} lies beyond the file");
                }
            }, iter: BrokenIterations, writeLine: _output.WriteLine, print: Print);

            _output.WriteLine($"{withErrors}/{BrokenIterations} broken files have C# syntax errors");
            Assert.True(withErrors * 2 > BrokenIterations, $"only {withErrors} of {BrokenIterations} broken files are broken");
        }

        /// <summary>Each generated expression is a string root and reads to the text it was made from, holes and constants included.</summary>
        private static void AssertReadsBack(GeneratedFile file, Compilation compilation)
        {
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var query in file.Queries)
            {
                var node = root.FindNode(query.Span, getInnermostNodeForTie: true);
                var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == query.Span);
                Assert.True(expression is not null, $"no expression at {query.Span} for {query.Kind}");
                Assert.True(StringExpressions.IsRoot(expression!), $"{query.Kind} `{expression}` is not a string root");
                var text = StringExpressions.Read(expression!, StringExpressions.ConstantValuesFrom(model, CancellationToken.None), CancellationToken.None);
                Assert.True(
                    query.Text == text.Text,
                    $"{query.Kind} `{expression}` reads as `{ConformanceCorpus.Describe(text.Text, 400)}`, not `{ConformanceCorpus.Describe(query.Text, 400)}`");
            }
        }

        private static string Print(GeneratedFile file) => "\n" + file;
    }
}
