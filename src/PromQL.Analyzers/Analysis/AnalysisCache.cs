using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Metrics;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// Everything the analyzer instance keeps across compilations (hosts keep the instance; the IDE makes a new
    /// compilation per edit), in one object: options by <c>.editorconfig</c> section, parse results by query text,
    /// results by member, declaration epochs, and detection's own tables. <see cref="Start"/> gives a compilation
    /// its view of it. All entries are immutable, or concurrent and bounded.
    /// </summary>
    internal sealed class AnalysisCache
    {
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions> _options = new ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions>();

        public ParseCache Parses { get; } = new ParseCache();

        public ResultCache Results { get; } = new ResultCache();

        public AnalysisCache()
        {
            // A body edit that changes which methods are query wrappers changes what their callers' strings are; one
            // that changes a metric definition changes what the rules know of every query's metrics.
            Declarations = new DeclarationEpochs(SameBodyFacts);
        }

        /// <summary>How often two versions of a tree had their wrapper facts read and compared in full (for tests).</summary>
        internal int FullWrapperComparisons => _fullWrapperComparisons;

        private int _fullWrapperComparisons;

        private bool SameBodyFacts(SyntaxTree before, SyntaxTree after)
        {
            var names = Detection.WrapperSearchNames.Keys;
            if (TreeWrappers.OnlyAMemberWithoutHitsChanged(before, after, names.Concat(TreeMetricDefinitions.Needles), CancellationToken.None))
            {
                // Typing in a member that holds no HTTP marker, no asked name and no metric definition: nothing to read again.
                return true;
            }

            Interlocked.Increment(ref _fullWrapperComparisons);
            return TreeWrappers.SameFacts(Detection.WrappersOf(before), Detection.WrappersOf(after), names, CancellationToken.None)
                && TreeMetricDefinitions.SameCalls(Detection.MetricDefinitionsOf(before), Detection.MetricDefinitionsOf(after), CancellationToken.None);
        }

        public DeclarationEpochs Declarations { get; }

        public DetectionCache Detection { get; } = new DetectionCache();

        /// <summary>The options of one tree, read once per <c>.editorconfig</c> section object.</summary>
        public PromQlAnalyzerOptions OptionsOf(AnalyzerConfigOptions options) => _options.GetValue(options, static o => PromQlAnalyzerOptions.Read(o));

        /// <summary>A compilation's view of the cache, and the pipeline its strings go through.</summary>
        public CompilationCache Start(Compilation compilation) => new CompilationCache(compilation, this);
    }
}
