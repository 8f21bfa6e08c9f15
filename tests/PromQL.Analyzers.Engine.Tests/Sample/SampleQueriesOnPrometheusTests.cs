using System;
using System.Collections.Generic;
using System.Linq;
using PromQL.Analyzers.Engine.Tests.Cluster;
using PromQL.Analyzers.Engine.Tests.Engine;
using PromQL.Analyzers.Engine.Tests.Support;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>
    /// Every query of samples/PodMemoryDashboard, found by the analyzer, fixed by the real code fixes in the sample's
    /// C# source, and evaluated by Prometheus's engine (promtool) over the cAdvisor series of <see cref="CadvisorCluster"/>,
    /// the holes filled with the payments/checkout pod. Each test checks what a fix promises and prints the figures.
    /// </summary>
    public sealed class SampleQueriesOnPrometheusTests : IClassFixture<SampleEvaluation>
    {
        private readonly SampleEvaluation _sample;
        private readonly ITestOutputHelper _output;

        public SampleQueriesOnPrometheusTests(SampleEvaluation sample, ITestOutputHelper output)
        {
            _sample = sample;
            _output = output;
        }

        [PromtoolFact]
        public void Sample_EveryQueryIsFoundAndEvaluable()
        {
            var queries = _sample.Queries;
            foreach (var query in queries)
            {
                _output.WriteLine($"{query.Query.Name} [{string.Join(", ", query.Query.Ids)}]: {query.Query.EngineText ?? "skipped: " + query.Query.SkipReason}");
            }

            // The README's table: ten strings the analyzer reports on, and the four correct queries.
            Assert.Equal(10, queries.Count(q => q.Query.Diagnostics.Count > 0));
            Assert.Equal(
                new[] { "ContainerWorkingSet", "PodNetworkReceive", "PodWorkingSet", "PodWorkingSetByImage" },
                queries.Where(q => q.Query.Diagnostics.Count == 0).Select(q => q.Query.Member).OrderBy(m => m, StringComparer.Ordinal));
            Assert.All(queries, q => Assert.True(q.Query.EngineText is not null, $"{q.Query.Name}: {q.Query.SkipReason}"));
        }

        [PromtoolFact]
        public void ContainerFilterFix_RemovesExactlyThePodLevelSeries()
        {
            var checkedQueries = Fixed(With(DiagnosticIds.ContainerFilterMissing), q => q.ContainerFilterFix!);
            Assert.NotEmpty(checkedQueries);
            foreach (var query in checkedQueries)
            {
                Print(query, ("original", query.Original), ("original without container=\"\"", query.OriginalWithoutPodLevel), ("PROMQL001 fixed", query.ContainerFilterFixed));
            }

            Assert.All(checkedQueries, query =>
            {
                var fix = query.ContainerFilterFix!;
                Assert.True(fix.EngineText is not null, $"{query.Query.Name}: {fix.Declined}");
                Assert.True(fix.FixesApplied > 0, $"{query.Query.Name}: no fix applied");
                Assert.True(query.Original!.Error is null && query.Original.Samples.Count > 0, $"{query.Query.Name} returns nothing: {query.Original}");

                // The fix drops the pod-level series and nothing else: the fixed query over everything is the
                // original over the data without the pod-level series.
                Assert.True(
                    EngineResults.SameSeries(query.ContainerFilterFixed!, query.OriginalWithoutPodLevel!),
                    $"{query.Query.Name}: fixed {fix.EngineText} gave{Environment.NewLine}{query.ContainerFilterFixed}{Environment.NewLine}"
                    + $"but the original without the pod-level series gave{Environment.NewLine}{query.OriginalWithoutPodLevel}");

                // And the bug is real on this data: the original counted the pod-level series.
                Assert.False(EngineResults.SameSeries(query.Original, query.ContainerFilterFixed!), $"{query.Query.Name}: the fix changed nothing");
            });
        }

        [PromtoolFact]
        public void RedundantSumFix_OfAWholeQuery_GivesOneSeriesPerContainer()
        {
            var checkedQueries = Fixed(With(DiagnosticIds.RedundantSum).Where(q => SumIsTheWholeQuery(q.Query.EngineText!)), q => q.FullFix!);
            Assert.NotEmpty(checkedQueries);
            foreach (var query in checkedQueries)
            {
                Print(query, ("original", query.Original), ("PROMQL001 fixed", query.ContainerFilterFixed), ("PROMQL001 + PROMQL002 fixed", query.FullyFixed));
            }

            Assert.All(checkedQueries, query =>
            {
                var fix = query.FullFix!;
                Assert.True(fix.EngineText is not null, $"{query.Query.Name}: {fix.Declined}");
                var samples = query.FullyFixed!.Samples;
                Assert.True(query.FullyFixed.Error is null && samples.Count > 0, $"{query.Query.Name}: {fix.EngineText} gave {query.FullyFixed}");

                // One series per container: each names a container, none twice, none the pod cgroup.
                var containers = samples.Select(s => s.Labels.TryGetValue("container", out var c) ? c : string.Empty).ToList();
                Assert.DoesNotContain(string.Empty, containers);
                Assert.Equal(containers.Count, containers.Distinct(StringComparer.Ordinal).Count());

                // Each is that container's own series, and together they make the pod total the sum should have given
                // (the PROMQL001 fix's value, or the original's when the container was pinned).
                foreach (var sample in samples)
                {
                    var container = CadvisorCluster.Checkout.Containers.Single(c => c.Name == sample.Labels["container"]);
                    Assert.Equal(CadvisorCluster.MemoryOf(container, sample.Labels["__name__"]), sample.Value);
                }

                var podTotal = Assert.Single((query.ContainerFilterFixed ?? query.Original)!.Samples).Value;
                Assert.True(EngineResults.Close(podTotal, samples.Sum(s => s.Value)), $"{query.Query.Name}: the containers add up to {samples.Sum(s => s.Value)}, the pod total is {podTotal}");
            });
        }

        /// <summary>
        /// Removing the <c>sum</c> of one side of a ratio would leave per-container series on that side and one label-less
        /// sample on the other, and PromQL's one-to-one matching would pair nothing (these tests found that). So the
        /// PROMQL002 fix is not offered there; applying every offered fix leaves the sums, adds the filter, and the engine
        /// gives the pod's real ratio, which the PROMQL001 fix alone gives too.
        /// </summary>
        [PromtoolFact]
        public void RedundantSumFix_OnOneSideOfARatio_NotOffered_TheFilterGivesTheRealRatio()
        {
            var ratio = With(DiagnosticIds.RedundantSum).Single(q => !SumIsTheWholeQuery(q.Query.EngineText!));
            Print(ratio, ("original", ratio.Original), ("PROMQL001 fixed", ratio.ContainerFilterFixed));
            _output.WriteLine("PROMQL002 fix: " + ratio.FullFix!.Declined);

            Assert.Equal("PodLimitRatioNaive", ratio.Query.Member);
            Assert.Null(ratio.FullFix.EngineText);
            var pod = CadvisorCluster.Checkout;
            var limits = pod.MemoryLimits.Values.Sum();
            Assert.Equal(2.0 * pod.Containers.Sum(c => c.WorkingSetBytes) / limits, Assert.Single(ratio.Original!.Samples).Value, 12);
            Assert.Equal((double)pod.Containers.Sum(c => c.WorkingSetBytes) / limits, Assert.Single(ratio.ContainerFilterFixed!.Samples).Value, 12);
        }

        [PromtoolFact]
        public void InvalidQueries_PrometheusRejectsThemWithTheSameError()
        {
            var invalid = With(DiagnosticIds.InvalidQuery);
            Assert.Equal(2, invalid.Count);
            foreach (var query in invalid)
            {
                Print(query, ("original", query.Original));
            }

            Assert.All(invalid, query =>
            {
                var error = query.Original!.Error;
                Assert.True(error is not null, $"{query.Query.Name}: Prometheus accepted {query.Query.EngineText}");
                var message = query.Query.Diagnostics.Single(d => d.Id == DiagnosticIds.InvalidQuery).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                var reason = message.Substring(message.IndexOf(": ", StringComparison.Ordinal) + 2);
                Assert.Contains(reason, error, StringComparison.Ordinal);
            });
        }

        [PromtoolFact]
        public void CorrectQueries_DoNotSeeThePodLevelSeries()
        {
            var correct = _sample.Queries.Where(q => q.Query.Diagnostics.Count == 0).ToList();
            foreach (var query in correct)
            {
                Print(query, ("query", query.Original), ("without container=\"\"", query.OriginalWithoutPodLevel));
            }

            Assert.All(correct, query =>
            {
                Assert.True(query.Original!.Error is null && query.Original.Samples.Count > 0, $"{query.Query.Name}: {query.Original}");
                Assert.True(EngineResults.SameSeries(query.Original, query.OriginalWithoutPodLevel!), $"{query.Query.Name} counts the pod-level series");
            });
        }

        private List<EvaluatedQuery> With(string id) => _sample.Queries.Where(q => q.Query.Has(id)).ToList();

        // The queries a code fix rewrote; those it declined are listed, with the reason, and not checked.
        private List<EvaluatedQuery> Fixed(IEnumerable<EvaluatedQuery> queries, Func<EvaluatedQuery, FixOutcome> fix)
        {
            var result = new List<EvaluatedQuery>();
            foreach (var query in queries)
            {
                if (fix(query).EngineText is null)
                {
                    _output.WriteLine($"NOT CHECKED {query.Query.Name}: {fix(query).Declined}");
                    _output.WriteLine(string.Empty);
                    continue;
                }

                result.Add(query);
            }

            return result;
        }

        // Parentheses aside, the query is a sum (the fix leaves its operand as the whole query).
        private static bool SumIsTheWholeQuery(string text)
        {
            var expression = PromQlParser.Parse(text).Expression;
            while (expression is ParenExpr paren)
            {
                expression = paren.Expr;
            }

            return expression is AggregateExpr { Op: AggregateOperator.Sum };
        }

        private void Print(EvaluatedQuery query, params (string Title, EngineResult? Result)[] results)
        {
            _output.WriteLine($"{query.Query.Name} [{string.Join(", ", query.Query.Ids)}]");
            _output.WriteLine("  query: " + query.Query.EngineText);
            if (query.ContainerFilterFix is { } containerFilter)
            {
                _output.WriteLine("  PROMQL001 fixed: " + (containerFilter.EngineText ?? "none: " + containerFilter.Declined));
            }

            if (query.FullFix is { } full)
            {
                _output.WriteLine("  PROMQL001 + PROMQL002 fixed: " + (full.EngineText ?? "none: " + full.Declined));
            }

            foreach (var (title, result) in results)
            {
                _output.WriteLine($"  {title} →");
                foreach (var line in (result?.ToString() ?? "(not evaluated)").Split(Environment.NewLine))
                {
                    _output.WriteLine("    " + line);
                }
            }

            _output.WriteLine(string.Empty);
        }
    }
}
