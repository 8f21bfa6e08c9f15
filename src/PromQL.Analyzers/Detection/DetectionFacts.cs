using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Metrics;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// What detection learns once per compilation, lazily, so that strings that cannot be PromQL never pay for it:
    /// the names that carry <c>[StringSyntax("PromQL")]</c>, the known query API types in sight, and the values of
    /// constants by name. The first two depend on declarations only and are shared by the compilations of one
    /// declaration epoch.
    /// </summary>
    internal sealed class DetectionFacts
    {
        private readonly Compilation _compilation;
        private readonly DetectionCache _cache;
        private readonly Lazy<ImmutableHashSet<string>> _stringSyntaxNames;
        private readonly Lazy<ConcurrentDictionary<string, ImmutableArray<string>>> _constantsByName;
        private readonly Lazy<KnownApiTypes> _knownApiTypes;
        private readonly Func<object> _epoch;

        /// <param name="compilation">The compilation being analysed.</param>
        /// <param name="cache">The tables that outlive it.</param>
        /// <param name="epoch">Its declaration epoch, computed on first use.</param>
        public DetectionFacts(Compilation compilation, DetectionCache cache, Func<object> epoch)
        {
            _compilation = compilation;
            _cache = cache;
            _epoch = epoch;
            Wrappers = new InferredWrappers(compilation, this, WrapperNames);
            _stringSyntaxNames = new Lazy<ImmutableHashSet<string>>(
                () => cache.NamesByEpoch.GetValue(epoch(), _ => CollectStringSyntaxNames()), LazyThreadSafetyMode.ExecutionAndPublication);
            _constantsByName = new Lazy<ConcurrentDictionary<string, ImmutableArray<string>>>(
                () => cache.ConstantsByEpoch.GetValue(epoch(), static _ => new ConcurrentDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)),
                LazyThreadSafetyMode.ExecutionAndPublication);
            // Type names in source and the references: compilations of one epoch share them. Asking a new compilation's
            // declaration table instead would merge the names of every file again, per keystroke.
            _knownApiTypes = new Lazy<KnownApiTypes>(
                () => cache.KnownApiTypesByEpoch.GetValue(epoch(), _ => new StrongBox<KnownApiTypes>(CollectKnownApiTypes())).Value,
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// What is known of metric names for these options, with the metrics this compilation defines itself: collected
        /// once per declaration epoch, on the first query a rule reads, so code without PromQL never pays for it.
        /// </summary>
        public MetricKnowledge MetricsFor(PromQlAnalyzerOptions options)
        {
            var epoch = _cache.MetricsByEpoch.GetValue(_epoch(), _ => new EpochMetrics(() => CollectMetricDefinitions()));
            return epoch.KnowledgeFor(options);
        }

        /// <summary>The methods whose string parameter this compilation's own code sends on to a PromQL target.</summary>
        public InferredWrappers Wrappers { get; }

        /// <summary>Where a name stands as a whole word in a tree's text, kept per tree.</summary>
        public IReadOnlyList<int>? NameHitsOf(SyntaxTree tree, string name, CancellationToken cancellationToken) => _cache.NameHitsOf(tree, name, cancellationToken);

        /// <summary>The compilation's trees.</summary>
        public IEnumerable<SyntaxTree> Trees => _compilation.SyntaxTrees;

        /// <summary>The <c>lang=promql</c> comments of a tree.</summary>
        public TreeLanguageComments LanguageCommentsOf(SyntaxTree tree) => _cache.LanguageCommentsOf(tree);

        /// <summary>Whether a syntactic target name may be PromQL, so the semantic model is worth asking.</summary>
        public bool IsCandidate(TargetKind kind, string name, PromQlAnalyzerOptions options) =>
            IsDeclaredCandidate(kind, name, options)
            || (kind == TargetKind.MethodArgument && name.Length > 0 && Wrappers.IsCandidateName(name, options));

        /// <summary>Whether a wrapper fact's target may be PromQL by what is declared (not by other wrappers).</summary>
        public bool IsDeclaredCandidate(WrapperFact fact, PromQlAnalyzerOptions options) => fact.Flow switch
        {
            WrapperFlow.Argument => IsDeclaredCandidate(TargetKind.MethodArgument, fact.TargetName, options)
                || (fact.TargetName.Length > 0 && IsDeclaredCandidate(TargetKind.ConstructorArgument, fact.TargetName, options)),
            WrapperFlow.Assignment => IsDeclaredCandidate(TargetKind.MemberAssignment, fact.TargetName, options),
            _ => false,
        };

        /// <summary>As <see cref="IsCandidate"/>, by what is declared: <c>[StringSyntax]</c> names, known APIs, configured members.</summary>
        private bool IsDeclaredCandidate(TargetKind kind, string name, PromQlAnalyzerOptions options)
        {
            if (kind == TargetKind.None)
            {
                return false;
            }

            // A known API's member name counts only when a type of that API is in sight (asked only for such a name).
            var families = KnownQueryApis.FamiliesNamed(kind, name);
            if (families != KnownApiTypes.None && (families & _knownApiTypes.Value) != 0)
            {
                return true;
            }

            if (name.Length == 0)
            {
                // new(...) or : base(...): the type is not written.
                return kind == TargetKind.ConstructorArgument && !_stringSyntaxNames.Value.IsEmpty;
            }

            if (kind is TargetKind.MethodArgument or TargetKind.MemberAssignment)
            {
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

            var values = FieldConstantsNamed(name, cancellationToken);
            foreach (var value in values)
            {
                if (options.HasContentTrigger(value))
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
                                    && options.HasContentTrigger(literal.Token.ValueText))
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


        /// <summary>
        /// Whether an interpolation or operand names a source field constant whose value has a query's shape (found by
        /// name through the declaration index, without binding): <c>const string Q = Rate + "up)";</c>.
        /// </summary>
        public bool NamesQueryShapedConstant(ExpressionSyntax part, CancellationToken cancellationToken)
        {
            var name = TargetSyntax.RightmostName(part);
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var value in FieldConstantsNamed(name, cancellationToken))
            {
                if (TextScan.TextHasQueryShape(value))
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableArray<string> FieldConstantsNamed(string name, CancellationToken cancellationToken)
        {
            var constants = _constantsByName.Value;
            if (!constants.TryGetValue(name, out var values))
            {
                values = constants.GetOrAdd(name, FieldConstants(name, cancellationToken));
            }

            return values;
        }

        /// <summary>The wrapper names of this compilation's epoch, for these options.</summary>
        private ImmutableHashSet<string> WrapperNames(PromQlAnalyzerOptions options)
        {
            var byOptions = _cache.WrapperNamesByEpoch.GetValue(_epoch(), static _ => new ConcurrentDictionary<PromQlAnalyzerOptions, ImmutableHashSet<string>>());
            if (!byOptions.TryGetValue(options, out var names))
            {
                var trees = new List<TreeWrappers>();
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    trees.Add(_cache.WrappersOf(tree));
                }

                var searched = _cache.WrapperSearchNames;
                names = byOptions.GetOrAdd(
                    options,
                    InferredWrappers.NamesFrom(trees, DeclaredCandidateNames(options), fact => IsDeclaredCandidate(fact, options), name => searched.TryAdd(name, 0), CancellationToken.None));
            }

            return names;
        }

        /// <summary>The names <see cref="IsDeclaredCandidate(TargetKind, string, PromQlAnalyzerOptions)"/> accepts for a call or an assignment.</summary>
        private IEnumerable<string> DeclaredCandidateNames(PromQlAnalyzerOptions options)
        {
            var names = new HashSet<string>(_stringSyntaxNames.Value, StringComparer.Ordinal);
            foreach (var member in KnownQueryApis.Members)
            {
                // A known API's member counts only when a type of its family is in sight, as in IsDeclaredCandidate.
                if ((member.Family & _knownApiTypes.Value) != 0)
                {
                    names.Add(member.Name);
                }
            }

            foreach (var member in options.QueryMembers)
            {
                names.Add(member.MemberName);
            }

            names.Remove("this[]");
            return names;
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

        private IReadOnlyDictionary<string, MetricFact> CollectMetricDefinitions()
        {
            var trees = new List<(SyntaxTree, TreeMetricDefinitions)>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                trees.Add((tree, _cache.MetricDefinitionsOf(tree)));
            }

            return CompilationMetrics.Collect(_compilation, trees, CancellationToken.None);
        }

        private KnownApiTypes CollectKnownApiTypes()
        {
            var found = KnownApiTypeNames.InSource(_compilation);
            foreach (var reference in _compilation.References)
            {
                if (found == KnownApiTypes.All)
                {
                    break;
                }

                switch (reference)
                {
                    case CompilationReference project:
                        found |= KnownApiTypeNames.InSource(project.Compilation);
                        break;
                    case PortableExecutableReference file:
                        found |= _cache.KnownApiTypesOf(file);
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
                names = names.Union(_cache.NamesOf(tree));
            }

            foreach (var reference in _compilation.References)
            {
                switch (reference)
                {
                    case CompilationReference project:
                        foreach (var tree in project.Compilation.SyntaxTrees)
                        {
                            names = names.Union(_cache.NamesOf(tree));
                        }

                        break;
                    case PortableExecutableReference file:
                        names = names.Union(_cache.NamesOf(file));
                        break;
                }
            }

            return names;
        }
    }
}
