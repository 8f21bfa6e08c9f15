using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers
{
    /// <summary>
    /// Finds PromQL in C# strings and reports PROMQL001, PROMQL002 and PROMQL100.
    /// A string is PromQL when it is marked (a <c>lang=promql</c> comment, or it flows into a
    /// <c>[StringSyntax("PromQL")]</c> target, a known query API or a configured one), or, for the container
    /// rules only, when its text holds a watched metric and parses. Strings that are neither cost one scan of
    /// their text: no semantic model, no parse.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PromQlAnalyzer : DiagnosticAnalyzer
    {
        // Kept by the analyzer instance, which hosts keep across compilations; all entries are immutable.
        private readonly AnalyzerCaches _caches = new AnalyzerCaches();
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions> _options = new ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions>();

        /// <summary>How many times this instance ran the parser (tests read it to show the cache at work).</summary>
        internal int ParseCount => _caches.Parses.Parses;

        /// <summary>How many strings this instance answered from its result cache (tests read it).</summary>
        internal int ReusedResultCount => _caches.Results.Hits;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleRegistry.SupportedDiagnostics;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Without Analyze the driver never calls us in generated files or [GeneratedCode] code, and every diagnostic
            // lies inside the string it was called for. ReportDiagnostics only spares the driver checking again when we
            // report: that check walks every token of the file for "GeneratedCode" once per new tree, about 1 ms for
            // 500 lines, which an editor would pay after each keystroke.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var facts = new CompilationFacts(start.Compilation, _caches);
                start.RegisterSyntaxNodeAction(
                    c => AnalyzeString(c, facts),
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.InterpolatedStringExpression,
                    SyntaxKind.AddExpression);
                start.RegisterCompilationEndAction(end => ReportOptionProblems(end));
            });
        }

        /// <summary>
        /// PROMQL900, once per bad value in the compilation: options are per tree, but one .editorconfig section
        /// usually covers every file, and one warning per file would bury the others.
        /// </summary>
        private void ReportOptionProblems(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            HashSet<OptionProblem>? reported = null;
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                var config = _options.GetValue(provider.GetOptions(tree), static o => PromQlAnalyzerOptions.Read(o));
                foreach (var problem in config.Problems)
                {
                    if ((reported ??= new HashSet<OptionProblem>()).Add(problem))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, problem.Key, problem.Value, problem.Reason));
                    }
                }
            }
        }

        private void AnalyzeString(SyntaxNodeAnalysisContext context, CompilationFacts facts)
        {
            var root = (ExpressionSyntax)context.Node;
            if (!StringExpressions.IsRoot(root))
            {
                return;
            }

            var config = _options.GetValue(context.Options.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree), static o => PromQlAnalyzerOptions.Read(o));

            // Re-analysis after an edit elsewhere (the IDE's case): a string of an unchanged member is answered from
            // the results kept for the member's text, before any screening.
            if (facts.IsReanalysis && TryReportKept(context, root, facts.MemberSlotFor(root, config)))
            {
                return;
            }

            if (Screen(root, config, facts, context) is not { } screening)
            {
                return;
            }

            // From here the semantic model or the parser is needed: another string of this member may have done it.
            var slot = facts.MemberSlotFor(root, config);
            if (TryReportKept(context, root, slot))
            {
                return;
            }

            var result = Analyze(root, screening, config, facts, context);
            foreach (var diagnostic in result.Diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(root.SyntaxTree, diagnostic.Span));
            }

            if (slot is not null && result.WorthKeeping)
            {
                KeepMember(slot, root, result, config, facts, context);
            }
        }

        /// <summary>
        /// Syntax alone decides whether anything more is worth doing: null for a string that cannot be PromQL, which
        /// then costs one scan of its text.
        /// </summary>
        private Screening? Screen(ExpressionSyntax root, PromQlAnalyzerOptions config, CompilationFacts facts, SyntaxNodeAnalysisContext context)
        {
            var scan = TextScan.Of(root, config);
            var byComment = _caches.LanguageCommentsOf(root.SyntaxTree).IsMarked(root);
            var targetName = string.Empty;
            var targetKind = byComment ? TargetKind.None : TargetSyntax.Find(root, out targetName);
            var maybeTarget = !byComment && facts.IsCandidate(targetKind, targetName, config);
            // By content: a watched prefix in the text, or (with a query's shape) a constant holding one in a hole.
            var maybeContent = config.DetectByContent && scan.HasBracket
                && (scan.HasWatchedPrefix
                    || (scan.HasQueryShape && scan.HasOtherParts && AnyNamesWatchedConstant(TextScan.OtherParts(root), facts, config, context)));

            // A query held in a local first and passed on later: only worth following when it has a query's shape.
            var maybeLocal = !byComment && targetKind == TargetKind.None && scan.HasQueryShape;
            return byComment || maybeTarget || maybeContent || maybeLocal
                ? new Screening(scan, byComment, maybeTarget, maybeContent, maybeLocal)
                : null;
        }

        /// <summary>The diagnostics of a screened string, with absolute spans.</summary>
        private StringResult Analyze(ExpressionSyntax root, Screening screening, PromQlAnalyzerOptions config, CompilationFacts facts, SyntaxNodeAnalysisContext context)
        {
            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var marked = screening.ByComment
                || (screening.MaybeTarget && QueryTargets.IsPromQlTarget(root, model, config, cancellationToken))
                || (screening.MaybeLocal && LocalFlow.FlowsIntoPromQlTarget(root, facts, model, config, cancellationToken));
            if (!marked && !screening.MaybeContent)
            {
                // Kept only when the semantic model was asked for sure: a local that is never passed on is cheap to redo.
                return new StringResult(ImmutableArray<CachedDiagnostic>.Empty, screening.MaybeTarget);
            }

            var text = StringExpressions.Read(root, screening.Scan.HasOtherParts ? StringExpressions.ConstantValuesFrom(model, cancellationToken) : null, cancellationToken);
            var result = _caches.Parses.Parse(text.Text);

            // Strings found by content alone are PromQL only if they parse, and never get PROMQL100.
            if (!marked && result.HasErrors)
            {
                return new StringResult(ImmutableArray<CachedDiagnostic>.Empty, true);
            }

            var findings = new List<Finding>();
            var query = new QueryContext(result, marked, config);
            foreach (var rule in RuleRegistry.All)
            {
                if ((marked || !rule.NeedsMarkedQuery) && (result.Expression is not null || rule.RunsOnInvalidQuery))
                {
                    rule.Analyze(query, findings);
                }
            }

            var diagnostics = ImmutableArray.CreateBuilder<CachedDiagnostic>(findings.Count);
            foreach (var finding in findings)
            {
                diagnostics.Add(new CachedDiagnostic(finding.Descriptor, text.GetSourceSpan(finding.Start, finding.End), finding.Properties, finding.MessageArgs));
            }

            return new StringResult(diagnostics.MoveToImmutable(), true);
        }

        /// <summary>
        /// Keeps the results of every string of <paramref name="root"/>'s member, so that after an edit elsewhere
        /// none of them is screened, bound or read again. Done once per member, by the first string that needed
        /// more than syntax: the others mostly cost one scan each.
        /// </summary>
        private void KeepMember(MemberSlot slot, ExpressionSyntax root, StringResult rootResult, PromQlAnalyzerOptions config, CompilationFacts facts, SyntaxNodeAnalysisContext context)
        {
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

                var result = expression == root ? rootResult
                    : Screen(expression, config, facts, context) is { } screening ? Analyze(expression, screening, config, facts, context)
                    : new StringResult(ImmutableArray<CachedDiagnostic>.Empty, false);
                offsets.Add(expression.SpanStart - memberStart);
                diagnostics.Add(Relative(result.Diagnostics, memberStart));
            }

            slot.Store(offsets.ToImmutable(), diagnostics.ToImmutable());
        }

        private bool TryReportKept(SyntaxNodeAnalysisContext context, ExpressionSyntax root, MemberSlot? slot)
        {
            if (slot?.Results is not { } kept)
            {
                return false;
            }

            var memberStart = slot.Probe!.Value.MemberStart;
            if (!kept.TryGet(root.SpanStart - memberStart, out var diagnostics))
            {
                return false;
            }

            if (slot.Reused)
            {
                _caches.Results.CountHit();
            }

            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(root.SyntaxTree, new TextSpan(memberStart + diagnostic.Span.Start, diagnostic.Span.Length)));
            }

            return true;
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

        private static bool AnyNamesWatchedConstant(List<ExpressionSyntax> parts, CompilationFacts facts, PromQlAnalyzerOptions config, SyntaxNodeAnalysisContext context)
        {
            foreach (var part in parts)
            {
                if (facts.NamesWatchedConstant(part, config, context.CancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the syntax said about a string that may be PromQL.</summary>
        private readonly struct Screening
        {
            public Screening(TextScan scan, bool byComment, bool maybeTarget, bool maybeContent, bool maybeLocal)
            {
                Scan = scan;
                ByComment = byComment;
                MaybeTarget = maybeTarget;
                MaybeContent = maybeContent;
                MaybeLocal = maybeLocal;
            }

            public TextScan Scan { get; }

            public bool ByComment { get; }

            public bool MaybeTarget { get; }

            public bool MaybeContent { get; }

            public bool MaybeLocal { get; }
        }

        /// <summary>
        /// A string's diagnostics (absolute spans), and whether its member
        /// is worth keeping: not for a local that is never passed on, which is cheap to redo.
        /// </summary>
        private readonly struct StringResult
        {
            public StringResult(ImmutableArray<CachedDiagnostic> diagnostics, bool worthKeeping)
            {
                Diagnostics = diagnostics;
                WorthKeeping = worthKeeping;
            }

            public ImmutableArray<CachedDiagnostic> Diagnostics { get; }

            public bool WorthKeeping { get; }
        }
    }
}
