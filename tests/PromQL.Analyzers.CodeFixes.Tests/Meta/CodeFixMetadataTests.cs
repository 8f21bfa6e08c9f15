using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace PromQL.Analyzers.CodeFixes.Tests.Meta
{
    /// <summary>Every code fix as hosts find it (MEF export, C#), fixing only the analyzer's IDs, with Fix All, documented on its rule page.</summary>
    public class CodeFixMetadataTests
    {
        public static IEnumerable<object[]> Providers() =>
            typeof(AddContainerFilterCodeFixProvider).Assembly.GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => new object[] { t.Name });

        [Fact]
        public void EveryFixableRuleOfTheAnalyzer_HasOneProvider()
        {
            var fixedIds = Types().SelectMany(t => Create(t).FixableDiagnosticIds).ToList();
            // PROMQL041 has two, both offered: the one hole made invariant, or the whole string.
            Assert.Equal(new[] { DiagnosticIds.ContainerFilterMissing, DiagnosticIds.RedundantSum, DiagnosticIds.RemovedCadvisorLabel, DiagnosticIds.RemovedKubeStateMetric, DiagnosticIds.NetworkContainerFilter, DiagnosticIds.CounterFunctionOverGauge, DiagnosticIds.GaugeFunctionOverCounter, DiagnosticIds.CounterReadRaw, DiagnosticIds.HistogramWithoutLe, DiagnosticIds.QuantileOutOfRange, DiagnosticIds.CounterFunctionOverAggregation, DiagnosticIds.RegexWithoutMetacharacters, DiagnosticIds.RedundantAnchors, DiagnosticIds.TrivialRegexMatcher, DiagnosticIds.EqualityWithRegexValue, DiagnosticIds.RenamedFunction, DiagnosticIds.IntegerBucketValue, DiagnosticIds.ValueNotPromQl, DiagnosticIds.CultureSensitiveNumber, DiagnosticIds.CultureSensitiveNumber, DiagnosticIds.SortInRangeQuery }, fixedIds.OrderBy(id => id, StringComparer.Ordinal));
            var supported = new PromQlAnalyzer().SupportedDiagnostics.Select(d => d.Id);
            Assert.All(fixedIds, id => Assert.Contains(id, supported));
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public void Provider_IsAPublicSealedSharedCSharpExport(string name)
        {
            var type = Types().Single(t => t.Name == name);
            Assert.True(type.IsPublic && type.IsSealed, name + " must be public sealed");
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.Equal(name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public void Provider_FixesAllInDocumentProjectAndSolution(string name)
        {
            var fixAll = Create(Types().Single(t => t.Name == name)).GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Subset(fixAll!.GetSupportedFixAllScopes().ToHashSet(), new HashSet<FixAllScope> { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution });
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public void Provider_TitleAndKeyAreOnItsRulePage(string name)
        {
            var type = Types().Single(t => t.Name == name);
            var id = Assert.Single(Create(type).FixableDiagnosticIds);
            var title = (string)type.GetField("Title")!.GetValue(null)!;
            var key = (string)type.GetField("EquivalenceKey")!.GetValue(null)!;
            Assert.StartsWith(id + ".", key, StringComparison.Ordinal);

            var page = File.ReadAllText(PromQL.Tests.Shared.RepositoryPaths.Combine("docs", "rules", id + ".md"));
            var row = page.Split('\n').Single(line => line.StartsWith("| Code fix | Yes", StringComparison.Ordinal));
            Assert.Contains("**" + title + "**", row, StringComparison.Ordinal);
            Assert.Contains("## Code fix: " + title, page, StringComparison.Ordinal);
        }

        private static IEnumerable<Type> Types() =>
            typeof(AddContainerFilterCodeFixProvider).Assembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract);

        private static CodeFixProvider Create(Type type) => (CodeFixProvider)Activator.CreateInstance(type)!;
    }
}
