using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;

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
            // A body edit that changes which methods are query wrappers changes what their callers' strings are.
            Declarations = new DeclarationEpochs((before, after) =>
                TreeWrappers.SameFacts(Detection.WrappersOf(before), Detection.WrappersOf(after), Detection.WrapperSearchNames.Keys, CancellationToken.None));
        }

        public DeclarationEpochs Declarations { get; }

        public DetectionCache Detection { get; } = new DetectionCache();

        /// <summary>The options of one tree, read once per <c>.editorconfig</c> section object.</summary>
        public PromQlAnalyzerOptions OptionsOf(AnalyzerConfigOptions options) => _options.GetValue(options, static o => PromQlAnalyzerOptions.Read(o));

        /// <summary>A compilation's view of the cache, and the pipeline its strings go through.</summary>
        public CompilationCache Start(Compilation compilation) => new CompilationCache(compilation, this);
    }
}
