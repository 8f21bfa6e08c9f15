using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using AddFilter = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.AddContainerFilterCodeFixProvider>;
using RemoveSum = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.RemoveRedundantSumCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.Composition
{
    /// <summary>
    /// The double-count query of the story, fixed in either order or all at once. Removing the sum first leads to one
    /// series per container (<c>kubectl top pod --containers</c>); adding the filter first leads to the real pod total
    /// (<c>kubectl top pod</c>), after which the sum is no longer redundant.
    /// </summary>
    public class BothRulesTests
    {
        private const string Original = """$"{|PROMQL002:sum({|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|})|}" """;
        private const string SumRemoved = """$"{|PROMQL001:container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}}|}" """;
        private const string PerContainer = """$"container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}}" """;
        private const string PodTotal = """$"sum(container_memory_working_set_bytes{{container!='', namespace='{ns}',pod='{pod}'}})" """;

        [Fact]
        public Task RemoveSum_LeavesTheFilterToAdd() =>
            new RemoveSum.Test
            {
                TestCode = Sources.Marked(Original),
                FixedState = { Sources = { Sources.Marked(SumRemoved) }, MarkupHandling = MarkupMode.Allow },
            }.RunAsync();

        [Fact]
        public Task RemoveSumThenAddFilter_OneSeriesPerContainer() =>
            new AddFilter.Test { TestCode = Sources.Marked(SumRemoved), FixedCode = Sources.Marked(PerContainer) }.RunAsync();

        [Fact]
        public Task AddFilterFirst_PodTotalAndTheSumIsNoLongerReported() =>
            // The fixed code carries no markup: after the filter, neither rule reports anything.
            new AddFilter.Test { TestCode = Sources.Marked(Original), FixedCode = Sources.Marked(PodTotal) }.RunAsync();

        [Fact]
        public Task BothProvidersIteratively_SumFirstThenFilter() =>
            new BothProvidersTest
            {
                TestCode = Sources.Marked(Original),
                FixedCode = Sources.Marked(PerContainer),
                NumberOfIncrementalIterations = 2,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
            }.RunAsync();

        [Fact]
        public async Task BothFixesComputedOnTheSameDocument_MergeIntoOneSeriesPerContainer()
        {
            var source = Unmarked(Sources.Marked(Original));

            var fixedSource = await FixHarness.FixAllMergedAsync(source);

            Assert.Equal(Sources.Marked(PerContainer), fixedSource);
            Assert.Empty(await FixHarness.GetDiagnosticsAsync(FixHarness.CreateDocument(fixedSource)));
        }

        [Fact]
        public async Task BothFixes_AreMinimalEditsInsideTheLiteral()
        {
            var document = FixHarness.CreateDocument(Unmarked(Sources.Marked(Original)));
            var diagnostics = await FixHarness.GetDiagnosticsAsync(document);
            var changes = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                changes.AddRange((await FixHarness.GetFixChangesAsync(document, diagnostic)).Select(c => c.Span.Length + ":" + c.NewText));
            }

            // PROMQL002 deletes "sum(" and ")"; PROMQL001 inserts the matcher; nothing else is rewritten.
            Assert.Equal(new[] { "4:", "1:", "0:container!='', " }, changes);
        }

        private static string Unmarked(string markup) => markup
            .Replace("{|PROMQL001:", "", System.StringComparison.Ordinal)
            .Replace("{|PROMQL002:", "", System.StringComparison.Ordinal)
            .Replace("|}", "", System.StringComparison.Ordinal);

        // The framework's test with both providers: each iteration applies the first fix of the first diagnostic.
        private sealed class BothProvidersTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<PromQlAnalyzer, AddContainerFilterCodeFixProvider, DefaultVerifier>
        {
            public BothProvidersTest()
            {
                TestState.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
                FixedState.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                FixedState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            }

            protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => FixHarness.Providers;
        }
    }
}
