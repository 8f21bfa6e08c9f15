using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// A method's string parameter that flows, inside the method, into a PromQL target (the Prometheus HTTP API, a
    /// known client API, a <c>[StringSyntax("PromQL")]</c> parameter or member, a configured query method, or another
    /// such wrapper) is a PromQL target for its callers in the same compilation: an inferred
    /// <c>[StringSyntax("PromQL")]</c>. An interface or abstract method counts when every implementation in the
    /// compilation forwards the parameter.
    /// </summary>
    /// <remarks>
    /// In two steps, so that code without PromQL pays for the first only. By name: <see cref="WrapperSyntax"/> reads
    /// each tree once (cached per tree) for the places a string parameter may flow; the names of the methods whose flow
    /// may end at a target are found by chaining those facts up to <see cref="MaxDepth"/> calls deep (per declaration
    /// epoch, which includes every tree's facts). A call to one of those names is a candidate; only then is the
    /// callee's body bound, once per compilation and parameter, to confirm the flow.
    /// </remarks>
    internal sealed class InferredWrappers
    {
        /// <summary>How many wrappers a query may pass through on its way to a target: a wrapper calling a wrapper calling …</summary>
        public const int MaxDepth = 4;

        private readonly Compilation _compilation;
        private readonly DetectionFacts _facts;
        private readonly Func<PromQlAnalyzerOptions, ImmutableHashSet<string>> _names;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Ordinal, int Depth), (bool IsTarget, QueryKind Kind)> _confirmed =
            new ConcurrentDictionary<(IMethodSymbol, int, int), (bool, QueryKind)>(new KeyComparer());

        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        public InferredWrappers(Compilation compilation, DetectionFacts facts, Func<PromQlAnalyzerOptions, ImmutableHashSet<string>> names)
        {
            _compilation = compilation;
            _facts = facts;
            _names = names;
        }

        /// <summary>Whether <paramref name="name"/> may be a wrapper: a call to it is worth the semantic model.</summary>
        public bool IsCandidateName(string name, PromQlAnalyzerOptions options) => _names(options).Contains(name);

        /// <summary>
        /// The names of the methods whose string parameter may reach a target: those with an HTTP API flow or a flow
        /// to a declared target (<paramref name="declaredNames"/>), then those that pass a parameter on to one of
        /// those, <see cref="MaxDepth"/> rounds. Each round asks the trees' text about the names it added only.
        /// </summary>
        public static ImmutableHashSet<string> NamesFrom(
            IReadOnlyList<TreeWrappers> trees,
            IEnumerable<string> declaredNames,
            Func<WrapperFact, bool> isDeclaredTarget,
            Action<string> searching,
            CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                foreach (var fact in tree.HttpFacts(cancellationToken))
                {
                    if (fact.Flow == WrapperFlow.Http || isDeclaredTarget(fact))
                    {
                        names.Add(fact.MethodName);
                    }
                }
            }

            foreach (var declared in declaredNames)
            {
                searching(declared);
                foreach (var tree in trees)
                {
                    foreach (var fact in tree.FactsMentioning(declared, cancellationToken))
                    {
                        if (fact.TargetName == declared && isDeclaredTarget(fact))
                        {
                            names.Add(fact.MethodName);
                        }
                    }
                }
            }

            // Round n adds the wrappers n calls away from a target, as the semantic check follows them.
            var frontier = new List<string>(names);
            for (var round = 1; round < MaxDepth && frontier.Count > 0; round++)
            {
                var added = new List<string>();
                foreach (var name in frontier)
                {
                    searching(name);
                    foreach (var tree in trees)
                    {
                        foreach (var fact in tree.FactsMentioning(name, cancellationToken))
                        {
                            if (fact.Flow == WrapperFlow.Argument && fact.TargetName == name && !names.Contains(fact.MethodName) && !added.Contains(fact.MethodName))
                            {
                                added.Add(fact.MethodName);
                            }
                        }
                    }
                }

                names.UnionWith(added);
                frontier = added;
            }

            return names.Count == 0 ? ImmutableHashSet<string>.Empty : names.ToImmutableHashSet(StringComparer.Ordinal);
        }

        /// <summary>
        /// Whether <paramref name="parameter"/> is a wrapper's query parameter, confirmed on the wrapper's body by the
        /// semantic model, and <paramref name="kind"/>, how the query runs where the wrapper tells.
        /// </summary>
        public bool IsWrapperParameter(IParameterSymbol parameter, PromQlAnalyzerOptions options, int depth, SemanticModel callerModel, CancellationToken cancellationToken, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (depth <= 0 || parameter.ContainingSymbol is not IMethodSymbol method || parameter.Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            var ordinal = parameter.Ordinal;
            if (method.ReducedFrom is { } extension)
            {
                // client.QueryAsync(q) on an extension method: its parameters count the receiver.
                method = extension;
                ordinal++;
            }

            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (!IsCandidateName(CallersName(method), options) || ordinal >= method.Parameters.Length)
            {
                return false;
            }

            var key = (method, ordinal, depth);
            if (!_confirmed.TryGetValue(key, out var result))
            {
                result = _confirmed.GetOrAdd(key, Confirm(method, ordinal, options, depth, callerModel, cancellationToken));
            }

            kind = result.Kind;
            return result.IsTarget;
        }

        private (bool, QueryKind) Confirm(IMethodSymbol method, int ordinal, PromQlAnalyzerOptions options, int depth, SemanticModel callerModel, CancellationToken cancellationToken)
        {
            if (method.IsAbstract)
            {
                return ConfirmImplementations(method, ordinal, options, depth, callerModel, cancellationToken);
            }

            var parameter = method.Parameters[ordinal];
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var edge in WrapperSyntax.EdgesOf(declaration, ordinal, cancellationToken))
                {
                    if (edge.Fact.Flow != WrapperFlow.Http && !_facts.IsDeclaredCandidate(edge.Fact, options) && !IsCandidateName(edge.Fact.TargetName, options))
                    {
                        continue;
                    }

                    model ??= ModelOf(declaration.SyntaxTree, callerModel);
                    if (!Reaches(edge, parameter, model, cancellationToken))
                    {
                        continue;
                    }

                    if (edge.Fact.Flow == WrapperFlow.Http)
                    {
                        var use = HttpApiTargets.Find(edge.Use);
                        if (use.IsFound && HttpApiTargets.Confirm(use, model, cancellationToken))
                        {
                            return (true, use.Kind);
                        }
                    }
                    else if (QueryTargets.IsPromQlTarget(edge.Use, model, options, this, depth - 1, cancellationToken, out var forwarded))
                    {
                        return (true, forwarded);
                    }
                }
            }

            return (false, QueryKind.Unknown);
        }

        /// <summary>An interface or abstract method: a target when it has implementations here and every one forwards the parameter.</summary>
        private (bool, QueryKind) ConfirmImplementations(IMethodSymbol method, int ordinal, PromQlAnalyzerOptions options, int depth, SemanticModel callerModel, CancellationToken cancellationToken)
        {
            var found = false;
            QueryKind? kind = null;
            foreach (var symbol in _compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member, cancellationToken))
            {
                if (symbol is not IMethodSymbol { IsAbstract: false } candidate || !Implements(candidate, method))
                {
                    continue;
                }

                if (!IsWrapperParameter(candidate.Parameters[ordinal], options, depth, callerModel, cancellationToken, out var implementationKind))
                {
                    return (false, QueryKind.Unknown);
                }

                found = true;
                kind = kind is null || kind == implementationKind ? implementationKind : QueryKind.Unknown;
            }

            return (found, found ? kind ?? QueryKind.Unknown : QueryKind.Unknown);
        }

        /// <summary>The name callers write: an explicit interface implementation's is the interface method's.</summary>
        private static string CallersName(IMethodSymbol method) =>
            method.ExplicitInterfaceImplementations.IsEmpty ? method.Name : method.ExplicitInterfaceImplementations[0].Name;

        /// <summary>Whether <paramref name="candidate"/> implements the interface method or overrides the abstract one.</summary>
        private static bool Implements(IMethodSymbol candidate, IMethodSymbol method)
        {
            if (candidate.Parameters.Length != method.Parameters.Length)
            {
                return false;
            }

            if (method.ContainingType.TypeKind == TypeKind.Interface)
            {
                return candidate.ContainingType.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, candidate.OriginalDefinition);
            }

            for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the edge's identifier holds the parameter: it binds to the parameter, or to the last of its locals,
        /// each declared from the one before (through a URL encoder of the BCL's, where one stands).
        /// </summary>
        private static bool Reaches(WrapperEdge edge, IParameterSymbol parameter, SemanticModel model, CancellationToken cancellationToken)
        {
            ISymbol expected = parameter;
            foreach (var alias in edge.Aliases)
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(alias.Source, cancellationToken).Symbol, expected)
                    || (alias.Encoder is { } encoder && !HttpApiTargets.IsUrlEncoderCall(encoder, model, cancellationToken))
                    || model.GetDeclaredSymbol(alias.Local, cancellationToken) is not { } local)
                {
                    return false;
                }

                expected = local;
            }

            return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(edge.Use, cancellationToken).Symbol, expected);
        }

        internal SemanticModel ModelOf(SyntaxTree tree, SemanticModel callerModel)
        {
            if (callerModel.SyntaxTree == tree)
            {
                return callerModel;
            }

            // The wrapper's body lies in another tree than the string being analysed: its model, once per compilation.
#pragma warning disable RS1030 // The driver's model is for the tree being analysed; the callee's body is elsewhere.
            return _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }

        private sealed class KeyComparer : IEqualityComparer<(IMethodSymbol Method, int Ordinal, int Depth)>
        {
            public bool Equals((IMethodSymbol Method, int Ordinal, int Depth) x, (IMethodSymbol Method, int Ordinal, int Depth) y) =>
                x.Ordinal == y.Ordinal && x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Ordinal, int Depth) key) =>
                SymbolEqualityComparer.Default.GetHashCode(key.Method) ^ (key.Ordinal * 31) ^ (key.Depth << 16);
        }
    }
}
