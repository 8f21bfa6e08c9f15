using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Engine.Tests.Cluster;
using PromQL.Analyzers.Engine.Tests.Engine;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>One query of the sample, its fixed forms, and what the engine returned for each.</summary>
    public sealed class EvaluatedQuery
    {
        public EvaluatedQuery(SampleQuery query, FixOutcome? containerFilterFix, FixOutcome? fullFix)
        {
            Query = query;
            ContainerFilterFix = containerFilterFix;
            FullFix = fullFix;
        }

        public SampleQuery Query { get; }

        /// <summary>After the PROMQL001 fixes (null when the query has no PROMQL001).</summary>
        public FixOutcome? ContainerFilterFix { get; }

        /// <summary>
        /// After the PROMQL002 and then the PROMQL001 fixes (null when the query has no PROMQL002). In that order: once
        /// container!="" is in, the sum is the legitimate pod total and PROMQL002 no longer fires.
        /// </summary>
        public FixOutcome? FullFix { get; }

        /// <summary>The original over every series.</summary>
        public EngineResult? Original { get; internal set; }

        /// <summary>The original over the series without cAdvisor's pod-level ones.</summary>
        public EngineResult? OriginalWithoutPodLevel { get; internal set; }

        public EngineResult? ContainerFilterFixed { get; internal set; }

        public EngineResult? FullyFixed { get; internal set; }
    }

    /// <summary>
    /// Finds the sample's queries, applies the real code fixes to its C# source and evaluates every form with
    /// promtool: once over the whole cluster, once over it without the pod-level series. Built once for the test class
    /// (two promtool runs in all).
    /// </summary>
    public sealed class SampleEvaluation : IAsyncLifetime
    {
        public IReadOnlyList<EvaluatedQuery> Queries { get; private set; } = Array.Empty<EvaluatedQuery>();

        public async Task InitializeAsync()
        {
            if (Promtool.Path is null)
            {
                return;
            }

            using var workspace = new AdhocWorkspace();
            var project = SampleProject.Load(workspace);
            var diagnostics = await SampleProject.AnalyzeAsync(project).ConfigureAwait(false);
            var found = await SampleQueries.FindAsync(project, diagnostics).ConfigureAwait(false);

            var queries = new List<EvaluatedQuery>();
            foreach (var query in found)
            {
                var containerFilterFix = query.Has(DiagnosticIds.ContainerFilterMissing)
                    ? await SampleFixer.FixAsync(project, query, DiagnosticIds.ContainerFilterMissing).ConfigureAwait(false)
                    : null;
                var fullFix = query.Has(DiagnosticIds.RedundantSum)
                    ? await SampleFixer.FixAsync(project, query, DiagnosticIds.RedundantSum, DiagnosticIds.ContainerFilterMissing).ConfigureAwait(false)
                    : null;
                queries.Add(new EvaluatedQuery(query, containerFilterFix, fullFix));
            }

            var overAll = queries.Select(q => q.Query.EngineText)
                .Concat(queries.Select(q => q.ContainerFilterFix?.EngineText))
                .Concat(queries.Select(q => q.FullFix?.EngineText))
                .OfType<string>();
            var all = EngineEvaluator.Evaluate(CadvisorCluster.AllSeries(), overAll, CadvisorCluster.EvalTime);
            var withoutPodLevel = EngineEvaluator.Evaluate(
                CadvisorCluster.WithoutPodLevelSeries(), queries.Select(q => q.Query.EngineText).OfType<string>(), CadvisorCluster.EvalTime);

            foreach (var query in queries)
            {
                query.Original = Lookup(all, query.Query.EngineText);
                query.OriginalWithoutPodLevel = Lookup(withoutPodLevel, query.Query.EngineText);
                query.ContainerFilterFixed = Lookup(all, query.ContainerFilterFix?.EngineText);
                query.FullyFixed = Lookup(all, query.FullFix?.EngineText);
            }

            Queries = queries;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static EngineResult? Lookup(IReadOnlyDictionary<string, EngineResult> results, string? expression) =>
            expression is null ? null : results[expression];
    }
}
