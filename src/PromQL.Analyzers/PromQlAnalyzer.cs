using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers
{
    /// <summary>
    /// Finds PromQL in C# strings and reports what the rules of <see cref="RuleRegistry"/> find in it. A string is
    /// PromQL when it is marked (a <c>lang=promql</c> comment, or it flows into a <c>[StringSyntax("PromQL")]</c>
    /// target, a known query API or a configured one), or, for the rules that run on content, when its text holds a
    /// content trigger and parses. Strings that are neither cost one scan of their text: no semantic model, no parse.
    /// The path of a string is <see cref="QueryPipeline"/>; what is kept across compilations is <see cref="AnalysisCache"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PromQlAnalyzer : DiagnosticAnalyzer
    {
        // Kept by the analyzer instance, which hosts keep across compilations.
        private readonly AnalysisCache _cache = new AnalysisCache();

        /// <summary>How many times this instance ran the parser (tests read it to show the cache at work).</summary>
        internal int ParseCount => _cache.Parses.Parses;

        /// <summary>How many strings this instance answered from its result cache (tests read it).</summary>
        internal int ReusedResultCount => _cache.Results.Hits;

        /// <summary>How often a changed tree's wrapper facts were read again and compared in full.</summary>
        internal int FullWrapperComparisonCount => _cache.FullWrapperComparisons;

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
                var compilation = _cache.Start(start.Compilation);
                start.RegisterSyntaxNodeAction(
                    c => AnalyzeString(c, compilation),
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.InterpolatedStringExpression,
                    SyntaxKind.AddExpression);
                start.RegisterCompilationEndAction(ReportOptionProblems);
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
                foreach (var problem in _cache.OptionsOf(provider.GetOptions(tree)).Problems)
                {
                    if ((reported ??= new HashSet<OptionProblem>()).Add(problem))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidOption, Location.None, problem.Key, problem.Value, problem.Reason));
                    }
                }
            }
        }

        /// <summary>One string expression through the pipeline, with the cache asked where it can save the rest.</summary>
        private void AnalyzeString(SyntaxNodeAnalysisContext context, CompilationCache compilation)
        {
            var root = (ExpressionSyntax)context.Node;
            if (!StringExpressions.IsRoot(root))
            {
                return;
            }

            var options = _cache.OptionsOf(context.Options.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
            var cancellationToken = context.CancellationToken;

            // Re-analysis after an edit elsewhere (the IDE's case): a string of an unchanged member is answered from
            // the results kept for the member's text, before any screening.
            if (compilation.IsReanalysis && compilation.TryGetKept(root, options, out var kept, out var memberStart))
            {
                Report(context, kept, memberStart);
                return;
            }

            // Detection by syntax alone: most strings stop here, after one scan of their text.
            if (compilation.Pipeline.Screen(root, options, cancellationToken) is not { } screening)
            {
                return;
            }

            // From here the semantic model or the parser is needed: another string of this member may have done it.
            if (compilation.TryGetKept(root, options, out kept, out memberStart))
            {
                Report(context, kept, memberStart);
                return;
            }

            // Confirmed as PromQL, read, parsed, given to every rule.
            var result = compilation.Pipeline.Analyze(root, screening, options, context.SemanticModel, cancellationToken);
            Report(context, result.Diagnostics, 0);
            compilation.KeepMember(root, result, options, context.SemanticModel, cancellationToken);
        }

        private static void Report(SyntaxNodeAnalysisContext context, ImmutableArray<CachedDiagnostic> diagnostics, int offset)
        {
            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Node.SyntaxTree, new TextSpan(offset + diagnostic.Span.Start, diagnostic.Span.Length)));
            }
        }
    }
}
