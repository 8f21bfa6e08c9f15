using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// One compilation's view of <see cref="AnalysisCache"/>: its declaration epoch, the results kept for its members,
    /// its detection facts, and the <see cref="QueryPipeline"/> that uses them. Everything is computed on first use,
    /// so a compilation without PromQL pays for none of it.
    /// </summary>
    internal sealed class CompilationCache
    {
        private readonly AnalysisCache _cache;
        private readonly Lazy<(object Epoch, bool Reused)> _epoch;
        private readonly ConcurrentDictionary<MemberDeclarationSyntax, MemberSlot> _members = new ConcurrentDictionary<MemberDeclarationSyntax, MemberSlot>();

        public CompilationCache(Compilation compilation, AnalysisCache cache)
        {
            _cache = cache;
            _epoch = new Lazy<(object, bool)>(
                () => (cache.Declarations.EpochOf(compilation, out var reused), reused), LazyThreadSafetyMode.ExecutionAndPublication);
            Detection = new DetectionFacts(compilation, cache.Detection, () => _epoch.Value.Epoch);
            Pipeline = new QueryPipeline(Detection, cache.Parses.Parse);
        }

        public DetectionFacts Detection { get; }

        public QueryPipeline Pipeline { get; }

        /// <summary>
        /// Whether this compilation shares its declarations with one this analyzer instance saw before (the IDE's
        /// compilation after an edit inside a member): only then is a member's kept result worth asking for first.
        /// </summary>
        public bool IsReanalysis => _epoch.Value.Reused;

        /// <summary>
        /// The diagnostics kept for <paramref name="root"/> (spans relative to <paramref name="memberStart"/>), when its
        /// member's results are kept for its text, declarations and options.
        /// </summary>
        public bool TryGetKept(ExpressionSyntax root, PromQlAnalyzerOptions options, out ImmutableArray<CachedDiagnostic> diagnostics, out int memberStart)
        {
            diagnostics = default;
            memberStart = 0;
            if (SlotFor(root, options) is not { Results: { } kept } slot)
            {
                return false;
            }

            memberStart = slot.Probe!.Value.MemberStart;
            if (!kept.TryGet(root.SpanStart - memberStart, out diagnostics))
            {
                return false;
            }

            if (slot.Reused)
            {
                _cache.Results.CountHit();
            }

            return true;
        }

        /// <summary>
        /// Keeps the results of every string of <paramref name="root"/>'s member, so that after an edit elsewhere
        /// none of them is screened, bound or read again. Done once per member, by the first string that needed
        /// more than syntax: the others mostly cost one scan each.
        /// </summary>
        public void KeepMember(ExpressionSyntax root, StringResult rootResult, PromQlAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!rootResult.WorthKeeping || SlotFor(root, options) is not { } slot)
            {
                return;
            }

            var memberStart = slot.Probe!.Value.MemberStart;
            var offsets = ImmutableArray.CreateBuilder<int>();
            var diagnostics = ImmutableArray.CreateBuilder<ImmutableArray<CachedDiagnostic>>();
            // Every node. Finding the strings from the quotes in the text instead was tried: it allocated 8 MB more on
            // the 2,000-file build with queries and gained nothing the editor report could measure.
            foreach (var node in slot.Member.DescendantNodes())
            {
                if (node is not ExpressionSyntax expression
                    || !(node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringExpression) || node.IsKind(SyntaxKind.AddExpression))
                    || !StringExpressions.IsRoot(expression))
                {
                    continue;
                }

                var result = expression == root ? rootResult : Pipeline.AnalyzeAny(expression, options, model, cancellationToken);
                if (result.FollowsUses)
                {
                    // A constant's literal in the member (const A = "…", B = "…"): what its uses say may change elsewhere.
                    return;
                }

                offsets.Add(expression.SpanStart - memberStart);
                diagnostics.Add(Relative(result.Diagnostics, memberStart));
            }

            slot.Store(offsets.ToImmutable(), diagnostics.ToImmutable());
        }

        /// <summary>
        /// The member whose text decides <paramref name="root"/>'s result, with where that result is kept; null when
        /// it cannot be kept (see <see cref="ResultCache.MemberOf"/>). One per member in this compilation, so a member
        /// is hashed once however many of its strings ask.
        /// </summary>
        private MemberSlot? SlotFor(ExpressionSyntax root, PromQlAnalyzerOptions options)
        {
            if (ResultCache.MemberOf(root) is not { } member)
            {
                return null;
            }

            if (!_members.TryGetValue(member, out var slot))
            {
                slot = _members.GetOrAdd(member, new MemberSlot(_cache.Results, member, _cache.Results.Probe(_epoch.Value.Epoch, member, options)));
            }

            return slot.Probe is null ? null : slot;
        }

        private static ImmutableArray<CachedDiagnostic> Relative(ImmutableArray<CachedDiagnostic> diagnostics, int memberStart)
        {
            if (diagnostics.IsEmpty)
            {
                return diagnostics;
            }

            var relative = ImmutableArray.CreateBuilder<CachedDiagnostic>(diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                relative.Add(diagnostic.At(new TextSpan(diagnostic.Span.Start - memberStart, diagnostic.Span.Length)));
            }

            return relative.MoveToImmutable();
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
}
