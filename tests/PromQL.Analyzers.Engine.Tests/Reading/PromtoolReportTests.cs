using System;
using System.Linq;
using PromQL.Analyzers.Engine.Tests.Engine;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Reading
{
    /// <summary>The reader of promtool's failure report, on output captured from promtool 2.42.</summary>
    public sealed class PromtoolReportTests
    {
        [Fact]
        public void EmptyStderr_NoFailures()
        {
            var report = PromtoolReport.Parse(string.Empty);

            Assert.Empty(report.Failures);
            Assert.Empty(report.OtherMessages);
        }

        [Fact]
        public void GotSamples_ReadWithLabelsAndExactValues()
        {
            var report = PromtoolReport.Parse(
                "  FAILED:\n" +
                "    expr: \"container_memory_working_set_bytes{namespace=\\\"ns\\\",pod=\\\"p\\\"}\", time: 5m,\n" +
                "        exp: nil\n" +
                "        got: {__name__=\"container_memory_working_set_bytes\", container=\"app\", namespace=\"ns\", pod=\"p\"} 2E+02, {__name__=\"x\", namespace=\"ns\"} 4.1152263041666664E+07\n");

            var failure = Assert.Single(report.Failures);
            Assert.Equal("container_memory_working_set_bytes{namespace=\"ns\",pod=\"p\"}", failure.Expression);
            Assert.Equal("5m", failure.EvalTime);
            Assert.Null(failure.Error);
            Assert.Empty(failure.Expected);
            Assert.Equal(2, failure.Got.Count);
            Assert.Equal("app", failure.Got[0].Labels["container"]);
            Assert.Equal(4, failure.Got[0].Labels.Count);
            Assert.Equal(200.0, failure.Got[0].Value);
            Assert.Equal(41152263.041666664, failure.Got[1].Value);
        }

        [Fact]
        public void ExpectedButNothingGot_BothSidesRead()
        {
            var report = PromtoolReport.Parse(
                "  FAILED:\n    expr: \"nothing\", time: 5m,\n        exp: {} 1E+00\n        got: nil\n");

            var failure = Assert.Single(report.Failures);
            var expected = Assert.Single(failure.Expected);
            Assert.Empty(expected.Labels);
            Assert.Equal(1.0, expected.Value);
            Assert.Empty(failure.Got);
        }

        [Fact]
        public void EvaluationError_ReadAsError()
        {
            var report = PromtoolReport.Parse(
                "  FAILED:\n" +
                "    expr: \"sum(x\", time: 5m, err: 1:6: parse error: unclosed left parenthesis\n" +
                "    expr: \"x / 3\", time: 1h30m,\n        exp: nil\n        got: {a=\"1\"} 2E+00\n");

            Assert.Equal(2, report.Failures.Count);
            Assert.Equal("sum(x", report.Failures[0].Expression);
            Assert.Equal("1:6: parse error: unclosed left parenthesis", report.Failures[0].Error);
            Assert.Equal("1h30m", report.Failures[1].EvalTime);
            Assert.Null(report.Failures[1].Error);
        }

        [Theory]
        [InlineData("NaN", double.NaN)]
        [InlineData("+Inf", double.PositiveInfinity)]
        [InlineData("-Inf", double.NegativeInfinity)]
        [InlineData("-1.5E-03", -0.0015)]
        [InlineData("5.2514816E+08", 525148160.0)]
        public void SpecialAndExponentValues_Read(string text, double expected)
        {
            var sample = Assert.Single(PromtoolReport.ParseSamples("{} " + text));

            Assert.Equal(expected, sample.Value);
        }

        [Fact]
        public void GoEscapesInExpressionAndLabels_Decoded()
        {
            // What %q makes of a label value holding a quote, a backslash, a line break, a tab and a comma-brace run,
            // and of non-printable bytes (\x, octal) and code points (\u).
            var samples = PromtoolReport.ParseSamples("{b=\"q\\\"u\\\\o\\nte,}={\\t\", c=\"\\xc3\\xa9\\303\\251\\u00e9\"} 6E+00, {} 1E+00");

            Assert.Equal(2, samples.Count);
            Assert.Equal("q\"u\\o\nte,}={\t", samples[0].Labels["b"]);
            Assert.Equal("ééé", samples[0].Labels["c"]);
            Assert.Empty(samples[1].Labels);
        }

        [Fact]
        public void MultiLineExpression_ReadBack()
        {
            var report = PromtoolReport.Parse("  FAILED:\n    expr: \"sum(a)\\n  /\\nsum(b)\", time: 30m,\n        exp: nil\n        got: {} 5E-01\n");

            Assert.Equal("sum(a)\n  /\nsum(b)", Assert.Single(report.Failures).Expression);
        }

        [Fact]
        public void YamlError_KeptAsOtherMessage()
        {
            var report = PromtoolReport.Parse("  FAILED:\nyaml: line 1: did not find expected node content\n");

            Assert.Empty(report.Failures);
            Assert.Equal("yaml: line 1: did not find expected node content", Assert.Single(report.OtherMessages));
        }

        [Theory]
        [InlineData("    expr: \"x\", time: 5m,\n        exp: nil\n")]
        [InlineData("    expr: \"x\", time: 5m,\n        got: nil\n        exp: nil\n")]
        [InlineData("    expr: \"x, time: 5m,\n")]
        [InlineData("    expr: \"x\", time: 5m,\n        exp: nil\n        got: {a=\"1\" 1E+00\n")]
        [InlineData("    expr: \"x\", time: 5m,\n        exp: nil\n        got: {a=\"1\"} one\n")]
        [InlineData("    expr: \"x\", time: 5m,\n        exp: nil\n        got: {a=\"\\q\"} 1E+00\n")]
        public void MalformedEntry_Throws(string stderr)
        {
            Assert.Throws<FormatException>(() => PromtoolReport.Parse("  FAILED:\n" + stderr));
        }

        [Fact]
        public void SampleText_RoundTripsThroughTheReader()
        {
            // What the test files write in exp_samples is what the reader reads back.
            var sample = new EngineSample(new System.Collections.Generic.Dictionary<string, string> { ["b"] = "q\"u\\o", ["a"] = "1" }, 0.1);

            var read = Assert.Single(PromtoolReport.ParseSamples(sample.LabelsText + " 1E-01"));

            Assert.Equal(sample.Labels.ToList(), read.Labels.ToList());
            Assert.Equal(0.1, read.Value);
        }
    }
}
