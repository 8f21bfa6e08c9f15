using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// What the analyzer learns once per compilation, lazily, so that strings that cannot be PromQL never pay
    /// for it: the names that carry <c>[StringSyntax("PromQL")]</c>, and the values of constants by name.
    /// </summary>
    internal sealed class CompilationFacts
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerCaches _caches;
        private readonly Lazy<ImmutableHashSet<string>> _stringSyntaxNames;
        private readonly Lazy<ConcurrentDictionary<string, ImmutableArray<string>>> _constantsByName;
        private readonly Lazy<(object Epoch, bool Reused)> _epoch;
        private readonly ConcurrentDictionary<MemberDeclarationSyntax, MemberSlot> _members = new ConcurrentDictionary<MemberDeclarationSyntax, MemberSlot>();
        private readonly Lazy<KnownApiTypes> _knownApiTypes;

        public CompilationFacts(Compilation compilation, AnalyzerCaches caches)
        {
            _compilation = compilation;
            _caches = caches;
            // The names depend on declarations and references only: compilations of one epoch share them.
            _stringSyntaxNames = new Lazy<ImmutableHashSet<string>>(
                () => caches.NamesByEpoch.GetValue(_epoch!.Value.Epoch, _ => CollectStringSyntaxNames()), LazyThreadSafetyMode.ExecutionAndPublication);
            // Source field constants are declarations too: compilations of one epoch share them.
            _constantsByName = new Lazy<ConcurrentDictionary<string, ImmutableArray<string>>>(
                () => caches.ConstantsByEpoch.GetValue(_epoch!.Value.Epoch, static _ => new ConcurrentDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)),
                LazyThreadSafetyMode.ExecutionAndPublication);
            // Type names in source and the references: compilations of one epoch share them. Asking a new compilation's
            // declaration table instead would merge the names of every file again, per keystroke.
            _knownApiTypes = new Lazy<KnownApiTypes>(
                () => caches.KnownApiTypesByEpoch.GetValue(_epoch!.Value.Epoch, _ => new StrongBox<KnownApiTypes>(CollectKnownApiTypes())).Value,
                LazyThreadSafetyMode.ExecutionAndPublication);
            _epoch = new Lazy<(object, bool)>(
                () => (caches.Declarations.EpochOf(compilation, out var reused), reused), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// Whether this compilation shares its declarations with one this analyzer instance saw before (the IDE's
        /// compilation after an edit inside a member): only then is a member's cached result worth asking for first.
        /// </summary>
        public bool IsReanalysis => _epoch.Value.Reused;

        /// <summary>
        /// The member whose text decides <paramref name="root"/>'s result, with where that result is kept; null when
        /// it cannot be kept (see <see cref="ResultCache.MemberOf"/>). One per member in this compilation, so a member
        /// is hashed once however many of its strings ask.
        /// </summary>
        public MemberSlot? MemberSlotFor(ExpressionSyntax root, PromQlAnalyzerOptions options)
        {
            if (ResultCache.MemberOf(root) is not { } member)
            {
                return null;
            }

            if (!_members.TryGetValue(member, out var slot))
            {
                slot = _members.GetOrAdd(member, new MemberSlot(_caches.Results, member, _caches.Results.Probe(_epoch.Value.Epoch, member, options)));
            }

            return slot.Probe is null ? null : slot;
        }

        /// <summary>Whether a syntactic target name may be PromQL, so the semantic model is worth asking.</summary>
        public bool IsCandidate(TargetKind kind, string name, PromQlAnalyzerOptions options)
        {
            if (kind == TargetKind.None)
            {
                return false;
            }

            if (name.Length == 0)
            {
                // new(...) or : base(...): the type is not written.
                return kind == TargetKind.ConstructorArgument && !_stringSyntaxNames.Value.IsEmpty;
            }

            if (kind is TargetKind.MethodArgument or TargetKind.MemberAssignment)
            {
                // A known API's member name counts only when a type of that API is in sight.
                if ((name is "QueryAsync" or "QueryRangeAsync" && (_knownApiTypes.Value & KnownApiTypes.Clients) != 0)
                    || (name == "Query" && (_knownApiTypes.Value & KnownApiTypes.Requests) != 0))
                {
                    return true;
                }

                foreach (var member in options.QueryMembers)
                {
                    if (member.MemberName == name)
                    {
                        return true;
                    }
                }
            }

            return _stringSyntaxNames.Value.Contains(name);
        }

        /// <summary>
        /// Whether an interpolation or operand names a constant whose value holds a watched metric prefix: a source
        /// field constant anywhere in the compilation (found by name through the declaration index, without
        /// binding), or a local constant in an enclosing block.
        /// </summary>
        public bool NamesWatchedConstant(ExpressionSyntax part, PromQlAnalyzerOptions options, CancellationToken cancellationToken)
        {
            var name = TargetSyntax.RightmostName(part);
            if (name.Length == 0)
            {
                return false;
            }

            var constants = _constantsByName.Value;
            if (!constants.TryGetValue(name, out var values))
            {
                values = constants.GetOrAdd(name, FieldConstants(name, cancellationToken));
            }

            foreach (var value in values)
            {
                if (HoldsWatchedPrefix(value, options))
                {
                    return true;
                }
            }

            if (part is IdentifierNameSyntax)
            {
                for (var node = part.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
                {
                    if (node is not BlockSyntax block)
                    {
                        continue;
                    }

                    foreach (var statement in block.Statements)
                    {
                        if (statement is LocalDeclarationStatementSyntax { IsConst: true } local)
                        {
                            foreach (var variable in local.Declaration.Variables)
                            {
                                if (variable.Identifier.ValueText == name && variable.Initializer?.Value is LiteralExpressionSyntax literal
                                    && HoldsWatchedPrefix(literal.Token.ValueText, options))
                                {
                                    return true;
                                }
                            }
                        }
                    }
                }
            }

            return false;
        }

        internal static bool HoldsWatchedPrefix(string text, PromQlAnalyzerOptions options)
        {
            foreach (var prefix in options.ContentTriggers)
            {
                if (text.IndexOf(prefix, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableArray<string> FieldConstants(string name, CancellationToken cancellationToken)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var symbol in _compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is IFieldSymbol { IsConst: true, HasConstantValue: true, ConstantValue: string value })
                {
                    builder.Add(value);
                }
            }

            return builder.ToImmutable();
        }

        private KnownApiTypes CollectKnownApiTypes()
        {
            var found = KnownApiTypeNames.InSource(_compilation);
            foreach (var reference in _compilation.References)
            {
                if (found == (KnownApiTypes.Clients | KnownApiTypes.Requests))
                {
                    break;
                }

                switch (reference)
                {
                    case CompilationReference project:
                        found |= KnownApiTypeNames.InSource(project.Compilation);
                        break;
                    case PortableExecutableReference file:
                        found |= _caches.KnownApiTypesOf(file);
                        break;
                }
            }

            return found;
        }

        private ImmutableHashSet<string> CollectStringSyntaxNames()
        {
            var names = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                names = names.Union(_caches.NamesOf(tree));
            }

            foreach (var reference in _compilation.References)
            {
                switch (reference)
                {
                    case CompilationReference project:
                        foreach (var tree in project.Compilation.SyntaxTrees)
                        {
                            names = names.Union(_caches.NamesOf(tree));
                        }

                        break;
                    case PortableExecutableReference file:
                        names = names.Union(_caches.NamesOf(file));
                        break;
                }
            }

            return names;
        }
    }

    /// <summary>A member of one compilation and its cached results, once found or stored.</summary>
    internal sealed class MemberSlot
    {
        private readonly ResultCache _cache;
        private volatile MemberResults? _results;

        public MemberSlot(ResultCache cache, MemberDeclarationSyntax member, MemberProbe? probe)
        {
            _cache = cache;
            Member = member;
            Probe = probe;
        }

        public MemberDeclarationSyntax Member { get; }

        public MemberProbe? Probe { get; }

        /// <summary>The results kept for this member's text, or null while there are none.</summary>
        public MemberResults? Results
        {
            get
            {
                if (_results is null && Probe is { } probe && _cache.TryGet(probe) is { } found)
                {
                    Reused = true;
                    _results = found;
                }

                return _results;
            }
        }

        /// <summary>Whether <see cref="Results"/> were found in the cache rather than stored by this compilation.</summary>
        public bool Reused { get; private set; }

        public void Store(ImmutableArray<int> offsets, ImmutableArray<ImmutableArray<CachedDiagnostic>> diagnostics)
        {
            if (Probe is { } probe)
            {
                _results = _cache.Add(probe, offsets, diagnostics);
            }
        }
    }

    /// <summary>
    /// Caches that outlive a compilation (the IDE makes a new one per edit): keyed by syntax tree and by metadata,
    /// both immutable and reused while unchanged, and held weakly so they go with them.
    /// </summary>
    internal sealed class AnalyzerCaches
    {
        private readonly ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>> _treeNames = new ConditionalWeakTable<SyntaxTree, ImmutableHashSet<string>>();
        private readonly ConditionalWeakTable<SyntaxTree, TreeLanguageComments> _treeComments = new ConditionalWeakTable<SyntaxTree, TreeLanguageComments>();
        private readonly ConditionalWeakTable<Metadata, ImmutableHashSet<string>> _metadataNames = new ConditionalWeakTable<Metadata, ImmutableHashSet<string>>();
        private readonly ConditionalWeakTable<Metadata, StrongBox<KnownApiTypes>> _knownApiTypes = new ConditionalWeakTable<Metadata, StrongBox<KnownApiTypes>>();

        public ParseCache Parses { get; } = new ParseCache();

        /// <summary>The <c>[StringSyntax("PromQL")]</c> names by declaration epoch (see <see cref="DeclarationEpochs"/>).</summary>
        public ConditionalWeakTable<object, ImmutableHashSet<string>> NamesByEpoch { get; } = new ConditionalWeakTable<object, ImmutableHashSet<string>>();

        /// <summary>The values of source field constants by name, by declaration epoch.</summary>
        public ConditionalWeakTable<object, ConcurrentDictionary<string, ImmutableArray<string>>> ConstantsByEpoch { get; } =
            new ConditionalWeakTable<object, ConcurrentDictionary<string, ImmutableArray<string>>>();

        /// <summary>The known query API types in sight (<see cref="KnownApiTypeNames"/>), by declaration epoch.</summary>
        public ConditionalWeakTable<object, StrongBox<KnownApiTypes>> KnownApiTypesByEpoch { get; } = new ConditionalWeakTable<object, StrongBox<KnownApiTypes>>();

        public ResultCache Results { get; } = new ResultCache();

        public DeclarationEpochs Declarations { get; } = new DeclarationEpochs();

        /// <summary>The <c>lang=promql</c> comments of a tree (see <see cref="TreeLanguageComments"/>).</summary>
        public TreeLanguageComments LanguageCommentsOf(SyntaxTree tree) => _treeComments.GetValue(tree, static t => new TreeLanguageComments(t));

        public ImmutableHashSet<string> NamesOf(SyntaxTree tree) =>
            _treeNames.GetValue(tree, static t => StringSyntaxNames.FromTree(t, CancellationToken.None));

        public KnownApiTypes KnownApiTypesOf(PortableExecutableReference reference)
        {
            Metadata metadata;
            try
            {
                metadata = reference.GetMetadata();
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
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

        public ImmutableHashSet<string> NamesOf(PortableExecutableReference reference)
        {
            Metadata metadata;
            try
            {
                metadata = reference.GetMetadata();
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
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
    }
}
