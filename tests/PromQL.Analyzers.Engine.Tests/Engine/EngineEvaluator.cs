using System;
using System.Collections.Generic;
using System.Linq;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>What Prometheus's engine returned for one expression: samples, or an error.</summary>
    public sealed class EngineResult
    {
        public EngineResult(IReadOnlyList<EngineSample> samples, string? error)
        {
            Samples = samples;
            Error = error;
        }

        public IReadOnlyList<EngineSample> Samples { get; }

        /// <summary>The engine's parse or evaluation error, or null.</summary>
        public string? Error { get; }

        public override string ToString() =>
            Error is not null ? "error: " + Error
            : Samples.Count == 0 ? "(no samples)"
            : string.Join(Environment.NewLine, Samples);
    }

    /// <summary>
    /// Gets the engine's result for many expressions in one <c>promtool test rules</c> run: each expression is
    /// tested against an empty expectation, so promtool reports what it got for every expression that returns
    /// samples (or fails), and says nothing about one that returns none.
    /// </summary>
    public static class EngineEvaluator
    {
        /// <summary>Evaluates each distinct expression at <paramref name="evalTime"/> over <paramref name="inputSeries"/>.</summary>
        public static IReadOnlyDictionary<string, EngineResult> Evaluate(IEnumerable<InputSeries> inputSeries, IEnumerable<string> expressions, string evalTime)
        {
            var distinct = expressions.Distinct(StringComparer.Ordinal).ToList();
            var yaml = RuleTestFile.Write(inputSeries, distinct.Select(e => new ExpressionTest(e, evalTime, Array.Empty<EngineSample>())));
            var run = Promtool.TestRules(yaml);
            var report = PromtoolReport.Parse(run.StandardError);

            // Anything but expression entries (a YAML error, a bad series) means the harness, not a query, failed.
            if (report.OtherMessages.Count > 0 || (run.ExitCode == 0) != (report.Failures.Count == 0) || (run.ExitCode == 0 && !run.Succeeded))
            {
                throw new InvalidOperationException("promtool's report is not one this harness reads. " + run.Describe());
            }

            var results = distinct.ToDictionary(e => e, _ => new EngineResult(Array.Empty<EngineSample>(), null), StringComparer.Ordinal);
            foreach (var failure in report.Failures)
            {
                if (!results.ContainsKey(failure.Expression) || failure.EvalTime != evalTime || failure.Expected.Count != 0)
                {
                    throw new InvalidOperationException($"promtool reported an expression that was not asked for: {failure.Expression} at {failure.EvalTime}. " + run.Describe());
                }

                results[failure.Expression] = new EngineResult(failure.Got, failure.Error);
            }

            return results;
        }
    }
}
