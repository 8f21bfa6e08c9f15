using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>
    /// The rules' half of the pipeline is a pure function of the PromQL text, its parse, whether it is marked and
    /// the options: it runs on a string read from syntax alone, with no compilation and no cache.
    /// </summary>
    public class QueryPipelineTests
    {
        private static (PromQlSourceText Text, string Source) Read(string literal)
        {
            var source = "class C { string Q = " + literal + "; }";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ExpressionSyntax>().First(StringExpressions.IsRoot);
            return (StringExpressions.Read(root, null, default), source);
        }

        private static ImmutableArray<CachedDiagnostic> Run(string literal, bool marked, PromQlAnalyzerOptions? options = null)
        {
            var (text, _) = Read(literal);
            return QueryPipeline.RunRules(text, PromQlParser.Parse(text.Text), marked, options ?? PromQlAnalyzerOptions.Default);
        }

        [Fact]
        public void Findings_AreMappedToTheLiteralsCharacters()
        {
            const string literal = "@\"sum(container_memory_working_set_bytes{pod=\"\"p\"\"})\"";
            var (text, source) = Read(literal);
            var diagnostic = Assert.Single(QueryPipeline.RunRules(text, PromQlParser.Parse(text.Text), false, PromQlAnalyzerOptions.Default), d => d.Descriptor.Id == DiagnosticIds.ContainerFilterMissing);
            // The verbatim string's doubled quotes are two source characters for one of the query's.
            Assert.Equal("container_memory_working_set_bytes{pod=\"\"p\"\"}", source.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        }

        [Fact]
        public void InvalidQuery_ReportedOnlyWhenMarked()
        {
            Assert.Contains(Run("\"sum(up\"", marked: true), d => d.Descriptor.Id == DiagnosticIds.InvalidQuery);
            Assert.Empty(Run("\"sum(up\"", marked: false));
        }

        [Fact]
        public void SameInputs_SameFindings()
        {
            const string literal = "\"sum(container_memory_rss{namespace=\\\"ns\\\", pod=\\\"p\\\"})\"";
            var first = Run(literal, marked: true);
            var second = Run(literal, marked: true);
            Assert.NotEmpty(first);
            Assert.Equal(first.Select(d => (d.Descriptor.Id, d.Span)), second.Select(d => (d.Descriptor.Id, d.Span)));
        }

        [Fact]
        public void Options_DecideWhatIsWatched()
        {
            // CPU usage is in the default set, and the unwatched prefixes take it out; CFS throttling is only added.
            const string usage = "\"sum(container_cpu_usage_seconds_total{pod=\\\"p\\\"})\"";
            Assert.Contains(Run(usage, marked: true), d => d.Descriptor.Id == DiagnosticIds.ContainerFilterMissing);
            var unwatched = PromQlAnalyzerOptions.FromPairs(("promql.unwatched_metric_prefixes", "container_cpu_"));
            Assert.Empty(Run(usage, marked: true, unwatched).Where(d => d.Descriptor.Id == DiagnosticIds.ContainerFilterMissing));

            const string throttled = "\"sum(container_cpu_cfs_throttled_seconds_total{pod=\\\"p\\\"})\"";
            Assert.Empty(Run(throttled, marked: true).Where(d => d.Descriptor.Id == DiagnosticIds.ContainerFilterMissing));
            var watched = PromQlAnalyzerOptions.FromPairs(("promql.watched_metric_prefixes", "container_cpu_"));
            Assert.Contains(Run(throttled, marked: true, watched), d => d.Descriptor.Id == DiagnosticIds.ContainerFilterMissing);
        }
    }
}
