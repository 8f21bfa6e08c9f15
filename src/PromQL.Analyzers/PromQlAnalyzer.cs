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
        private readonly AnalyzerCaches caches = new AnalyzerCaches();
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions> options = new ConditionalWeakTable<AnalyzerConfigOptions, PromQlAnalyzerOptions>();

        /// <summary>How many times this instance ran the parser (tests read it to show the cache at work).</summary>
        internal int ParseCount => caches.Parses.Parses;

        /// <summary>How many strings this instance answered from its result cache (tests read it).</summary>
        internal int ReusedResultCount => caches.Results.Hits;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ContainerFilterMissing, Descriptors.RedundantSum, Descriptors.InvalidQuery);

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
                var facts = new CompilationFacts(start.Compilation, caches);
                start.RegisterSyntaxNodeAction(
                    c => AnalyzeString(c, facts),
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.InterpolatedStringExpression,
                    SyntaxKind.AddExpression);
            });
        }

        private void AnalyzeString(SyntaxNodeAnalysisContext context, CompilationFacts facts)
        {
            var root = (ExpressionSyntax)context.Node;
            if (!StringExpressions.IsRoot(root))
            {
                return;
            }

            var config = options.GetValue(context.Options.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree), static o => PromQlAnalyzerOptions.Read(o));
            var scan = TextScan.Of(root, config);

            // Cheap first: syntax alone decides whether anything more is worth doing.
            var byComment = LanguageComment.IsMarked(root, caches.LanguageCommentReachOf(root.SyntaxTree));
            var targetName = string.Empty;
            var targetKind = byComment ? TargetKind.None : TargetSyntax.Find(root, out targetName);
            var maybeTarget = !byComment && facts.IsCandidate(targetKind, targetName, config);
            // By content: a watched prefix in the text, or (with a query's shape) a constant holding one in a hole.
            var maybeContent = config.DetectByContent && scan.HasBracket
                && (scan.HasWatchedPrefix
                    || (scan.HasQueryShape && scan.HasOtherParts && AnyNamesWatchedConstant(TextScan.OtherParts(root), facts, config, context)));

            // A query held in a local first and passed on later: only worth following when it has a query's shape.
            var maybeLocal = !byComment && targetKind == TargetKind.None && scan.HasQueryShape;
            if (!byComment && !maybeTarget && !maybeContent && !maybeLocal)
            {
                return;
            }

            // Re-analysis of an unchanged member after an edit elsewhere (the IDE's case): no binding, no reading.
            var probe = facts.ResultProbeFor(root, config);
            if (probe is { } found && caches.Results.TryGet(found, out var cached))
            {
                Report(context, root, found.MemberStart, cached);
                return;
            }

            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var marked = byComment
                || (maybeTarget && QueryTargets.IsPromQlTarget(root, model, config, cancellationToken))
                || (maybeLocal && LocalFlow.FlowsIntoPromQlTarget(root, facts, model, config, cancellationToken));
            if (!marked && !maybeContent)
            {
                // Kept only when the semantic model was asked for sure: a local that is never passed on is cheap to redo.
                Remember(maybeTarget ? probe : null, ImmutableArray<CachedDiagnostic>.Empty);
                return;
            }

            var text = StringExpressions.Read(root, scan.HasOtherParts ? StringExpressions.ConstantValuesFrom(model, cancellationToken) : null, cancellationToken);
            var result = caches.Parses.Parse(text.Text);

            // Strings found by content alone are PromQL only if they parse, and never get PROMQL100.
            if (!marked && result.HasErrors)
            {
                Remember(probe, ImmutableArray<CachedDiagnostic>.Empty);
                return;
            }

            var findings = new List<Finding>();
            if (marked)
            {
                InvalidQueryRule.Analyze(result, findings);
            }

            if (result.Expression is { } expression)
            {
                ContainerFilterRule.Analyze(expression, config, findings);
                RedundantSumRule.Analyze(expression, config, findings);
            }

            var diagnostics = ImmutableArray.CreateBuilder<CachedDiagnostic>(findings.Count);
            foreach (var finding in findings)
            {
                var span = text.GetSourceSpan(finding.Start, finding.End);
                context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, Location.Create(root.SyntaxTree, span), finding.MessageArgs));
                if (probe is { } kept)
                {
                    diagnostics.Add(new CachedDiagnostic(finding.Descriptor, new TextSpan(span.Start - kept.MemberStart, span.Length), finding.MessageArgs));
                }
            }

            Remember(probe, diagnostics.ToImmutable());
        }

        private void Remember(ResultProbe? probe, ImmutableArray<CachedDiagnostic> diagnostics)
        {
            if (probe is { } kept)
            {
                caches.Results.Add(kept, diagnostics);
            }
        }

        private static void Report(SyntaxNodeAnalysisContext context, ExpressionSyntax root, int memberStart, ImmutableArray<CachedDiagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                var span = new TextSpan(memberStart + diagnostic.RelativeSpan.Start, diagnostic.RelativeSpan.Length);
                context.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, Location.Create(root.SyntaxTree, span), diagnostic.MessageArgs));
            }
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
    }
}
