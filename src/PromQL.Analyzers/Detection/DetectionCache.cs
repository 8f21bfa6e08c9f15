using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// What detection learns that outlives a compilation (the IDE makes a new one per edit): keyed by syntax tree, by
    /// referenced assembly's metadata (both immutable and reused while unchanged, held weakly so they go with them),
    /// and by declaration epoch (see <see cref="Analysis.DeclarationEpochs"/>) for what depends on every tree.
    /// </summary>
    internal sealed class DetectionCache
    {
        private readonly ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>> _treeNames = new ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>>();
        private readonly ConditionalWeakTable<SyntaxTree, TreeWrappers> _treeWrappers = new ConditionalWeakTable<SyntaxTree, TreeWrappers>();
        private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, IReadOnlyList<int>?>> _nameHits =
            new ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, IReadOnlyList<int>?>>();
        private readonly ConditionalWeakTable<SyntaxTree, TreeMetricDefinitions> _treeMetrics = new ConditionalWeakTable<SyntaxTree, TreeMetricDefinitions>();
        private readonly ConditionalWeakTable<SyntaxTree, TreeLanguageComments> _treeComments = new ConditionalWeakTable<SyntaxTree, TreeLanguageComments>();
        private readonly ConditionalWeakTable<Metadata, ImmutableHashSet<string>> _metadataNames = new ConditionalWeakTable<Metadata, ImmutableHashSet<string>>();
        private readonly ConditionalWeakTable<Metadata, StrongBox<KnownApiTypes>> _knownApiTypes = new ConditionalWeakTable<Metadata, StrongBox<KnownApiTypes>>();

        /// <summary>The <c>[StringSyntax("PromQL")]</c> names by declaration epoch.</summary>
        public ConditionalWeakTable<object, ImmutableHashSet<string>> NamesByEpoch { get; } = new ConditionalWeakTable<object, ImmutableHashSet<string>>();

        /// <summary>The values of source field constants by name, by declaration epoch.</summary>
        public ConditionalWeakTable<object, ConcurrentDictionary<string, ImmutableArray<string>>> ConstantsByEpoch { get; } =
            new ConditionalWeakTable<object, ConcurrentDictionary<string, ImmutableArray<string>>>();

        /// <summary>
        /// The names of the inferred wrappers (<see cref="InferredWrappers.NamesFrom"/>) by declaration epoch, which
        /// includes every tree's wrapper facts, and by options (configured query methods are targets too).
        /// </summary>
        public ConditionalWeakTable<object, ConcurrentDictionary<PromQlAnalyzerOptions, ImmutableHashSet<string>>> WrapperNamesByEpoch { get; } =
            new ConditionalWeakTable<object, ConcurrentDictionary<PromQlAnalyzerOptions, ImmutableHashSet<string>>>();

        /// <summary>The known query API types in sight (<see cref="KnownApiTypeNames"/>), by declaration epoch.</summary>
        public ConditionalWeakTable<object, StrongBox<KnownApiTypes>> KnownApiTypesByEpoch { get; } = new ConditionalWeakTable<object, StrongBox<KnownApiTypes>>();

        /// <summary>The metrics the compilation's own code defines (<see cref="CompilationMetrics"/>), by declaration epoch, which includes every tree's definition calls.</summary>
        public ConditionalWeakTable<object, EpochMetrics> MetricsByEpoch { get; } = new ConditionalWeakTable<object, EpochMetrics>();

        /// <summary>The calls of a tree that may define a metric (<see cref="TreeMetricDefinitions"/>).</summary>
        public TreeMetricDefinitions MetricDefinitionsOf(SyntaxTree tree) => _treeMetrics.GetValue(tree, static t => new TreeMetricDefinitions(t));

        /// <summary>The <c>lang=promql</c> comments of a tree (see <see cref="TreeLanguageComments"/>).</summary>
        public TreeLanguageComments LanguageCommentsOf(SyntaxTree tree) => _treeComments.GetValue(tree, static t => new TreeLanguageComments(t));

        /// <summary>Where a tree's methods may pass a string parameter on to a PromQL target (see <see cref="WrapperSyntax"/>).</summary>
        public TreeWrappers WrappersOf(SyntaxTree tree) => _treeWrappers.GetValue(tree, static t => new TreeWrappers(t));

        /// <summary>
        /// Where a name stands as a whole word in a tree's text (<see cref="SourceTextSearch"/>), null when nowhere;
        /// asked for the names of constants that hold a query (<see cref="ConstFlow"/>), kept per tree.
        /// </summary>
        public IReadOnlyList<int>? NameHitsOf(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            var byName = _nameHits.GetValue(tree, static _ => new ConcurrentDictionary<string, IReadOnlyList<int>?>(StringComparer.Ordinal));
            if (!byName.TryGetValue(name, out var hits))
            {
                hits = byName.GetOrAdd(name, SourceTextSearch.Find(tree.GetText(cancellationToken), new[] { name }, wholeWord: true, cancellationToken));
            }

            return hits;
        }

        /// <summary>
        /// Every name a wrapper search asked the trees about, so that an edit is compared on all of them
        /// (<see cref="TreeWrappers.SameFacts"/>). Bounded by the names of targets and wrappers: a handful.
        /// </summary>
        public ConcurrentDictionary<string, byte> WrapperSearchNames { get; } = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        /// <summary>The names a tree declares with <c>[StringSyntax("PromQL")]</c>.</summary>
        public ImmutableHashSet<string> NamesOf(SyntaxTree tree) =>
            _treeNames.GetValue(tree, static t => StringSyntaxNames.FromTree(t, CancellationToken.None));

        /// <summary>Which known query API types an assembly defines; none for one that cannot be read.</summary>
        public KnownApiTypes KnownApiTypesOf(PortableExecutableReference reference)
        {
            if (MetadataOf(reference) is not { } metadata)
            {
                return KnownApiTypes.None;
            }

            return _knownApiTypes.GetValue(metadata, static m =>
            {
                try
                {
                    return new StrongBox<KnownApiTypes>(KnownApiTypeNames.InMetadata(m));
                }
                catch (BadImageFormatException)
                {
                    return new StrongBox<KnownApiTypes>(KnownApiTypes.None);
                }
            }).Value;
        }

        /// <summary>The names an assembly declares with <c>[StringSyntax("PromQL")]</c>; none for one that cannot be read.</summary>
        public ImmutableHashSet<string> NamesOf(PortableExecutableReference reference)
        {
            if (MetadataOf(reference) is not { } metadata)
            {
                return ImmutableHashSet<string>.Empty;
            }

            return _metadataNames.GetValue(metadata, static m =>
            {
                try
                {
                    return StringSyntaxNames.FromMetadata(m);
                }
                catch (BadImageFormatException)
                {
                    return ImmutableHashSet<string>.Empty;
                }
            });
        }

        private static Metadata? MetadataOf(PortableExecutableReference reference)
        {
            try
            {
                return reference.GetMetadata();
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
