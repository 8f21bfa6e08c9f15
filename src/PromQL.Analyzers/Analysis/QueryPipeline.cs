using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Metrics;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using PromQL.Parsing;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// The path of one C# string expression: screened by syntax, confirmed as PromQL, read into PromQL text, parsed,
    /// given to every rule, and its findings mapped back to source. It keeps nothing itself: what it learns across
    /// strings lives in <see cref="DetectionFacts"/> and the parse function it is given, both owned by
    /// <see cref="CompilationCache"/>.
    /// </summary>
    internal sealed class QueryPipeline
    {
        private readonly DetectionFacts _detection;
        private readonly Func<string, PromQlParseResult> _parse;
        private readonly Func<PromQlAnalyzerOptions, MetricKnowledge> _metrics;

        public QueryPipeline(DetectionFacts detection, Func<string, PromQlParseResult> parse)
        {
            _detection = detection;
            _parse = parse;
            _metrics = detection.MetricsFor;
        }

        /// <summary>
        /// Syntax alone decides whether anything more is worth doing: null for a string that cannot be PromQL, which
        /// then costs one scan of its text.
        /// </summary>
        public StringScreening? Screen(ExpressionSyntax root, PromQlAnalyzerOptions options, CancellationToken cancellationToken) =>
            StringScreening.Of(root, options, _detection, cancellationToken);

        /// <summary>The diagnostics of a screened string, with absolute spans.</summary>
        public StringResult Analyze(ExpressionSyntax root, StringScreening screening, PromQlAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken)
        {
            var result = AnalyzeWhereItStands(root, screening, options, model, cancellationToken);

            // A constant's literal is PromQL by its uses in other members: its member's result must not outlive them.
            return screening.MaybeConst ? new StringResult(result.Diagnostics, worthKeeping: false, followsUses: true) : result;
        }

        private StringResult AnalyzeWhereItStands(ExpressionSyntax root, StringScreening screening, PromQlAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken)
        {
            var format = FormatReading.Plain;
            if (screening.Format.IsFound)
            {
                format = screening.Format.Confirm(model, cancellationToken);
                if (!format.IsCompositeFormat && format.Flow is null)
                {
                    // Not the BCL's call after all: the string is read, and flows, where it stands.
                    return screening.WithoutFormat(root, options, _detection, cancellationToken) is { } plain
                        ? Analyze(root, plain, options, model, cancellationToken)
                        : new StringResult(ImmutableArray<CachedDiagnostic>.Empty, true);
                }
            }

            PromQlSourceText? text = null;
            if (screening.MaybeUrl)
            {
                // A URL with the query written in it: that query is PromQL, whatever else marks the string.
                text = Read(root, screening, format, model, cancellationToken);
                if (text is not null && UrlQueryLiterals.Find(text) is { } queries)
                {
                    return new StringResult(RunRules(queries, options), true);
                }
            }

            var marked = screening.IsMarked(format.Flow ?? root, _detection, model, options, cancellationToken, out var kind);
            if (!marked && !screening.MaybeContent)
            {
                // Kept only when the semantic model was asked for sure: a local that is never passed on is cheap to redo.
                return new StringResult(ImmutableArray<CachedDiagnostic>.Empty, screening.MaybeTarget || screening.MaybeUrl || screening.Format.IsFound);
            }

            text ??= Read(root, screening, format, model, cancellationToken);
            if (text is null || TextScan.IsBlank(text.Text))
            {
                // A malformed composite format (.NET throws: no query), or empty once its constants are read
                // (Empty + "", $"{Blank}"): nothing to report.
                return new StringResult(ImmutableArray<CachedDiagnostic>.Empty, true);
            }

            var parse = _parse(text.Text);

            // Strings found by content alone are PromQL only if they parse, and never get PROMQL100.
            if (!marked && parse.HasErrors)
            {
                return new StringResult(ImmutableArray<CachedDiagnostic>.Empty, true);
            }

            // The holes' types only now, for a string found to be PromQL: one GetTypeInfo per hole, none without holes.
            var holes = text.HasHoles ? HoleReader.Read(text, format, model, cancellationToken) : null;
            return new StringResult(RunRules(RuleRegistry.All, text, parse, marked, options, kind, _metrics, holes), true);
        }

        /// <summary>The string's result whether or not it passes screening: for the other strings of a member being kept.</summary>
        public StringResult AnalyzeAny(ExpressionSyntax root, PromQlAnalyzerOptions options, SemanticModel model, CancellationToken cancellationToken) =>
            Screen(root, options, cancellationToken) is { } screening
                ? Analyze(root, screening, options, model, cancellationToken)
                : new StringResult(ImmutableArray<CachedDiagnostic>.Empty, false);

        /// <summary>The string's text as the screening and the formatting call say to read it; null when there is none.</summary>
        private static PromQlSourceText? Read(ExpressionSyntax root, StringScreening screening, FormatReading format, SemanticModel model, CancellationToken cancellationToken) =>
            format.Read(root, screening.Scan.HasOtherParts ? StringExpressions.ConstantValuesFrom(model, cancellationToken) : null, cancellationToken);

        /// <summary>The queries written in a URL, each a marked query of its endpoint's kind.</summary>
        private ImmutableArray<CachedDiagnostic> RunRules(List<UrlQuery> queries, PromQlAnalyzerOptions options)
        {
            var diagnostics = ImmutableArray<CachedDiagnostic>.Empty;
            foreach (var query in queries)
            {
                if (!TextScan.IsBlank(query.Text.Text))
                {
                    diagnostics = diagnostics.AddRange(RunRules(RuleRegistry.All, query.Text, _parse(query.Text.Text), marked: true, options, query.Kind, _metrics));
                }
            }

            return diagnostics;
        }

        /// <summary>
        /// Every registered rule over one parsed query, its findings mapped to source spans: a pure function of the
        /// text, the parse, whether the string is marked, the options and how the query runs.
        /// </summary>
        public static ImmutableArray<CachedDiagnostic> RunRules(PromQlSourceText text, PromQlParseResult parse, bool marked, PromQlAnalyzerOptions options, QueryKind kind = QueryKind.Unknown) =>
            RunRules(RuleRegistry.All, text, parse, marked, options, kind);

        /// <summary>As <see cref="RunRules(PromQlSourceText, PromQlParseResult, bool, PromQlAnalyzerOptions, QueryKind)"/>, with the given rules.</summary>
        internal static ImmutableArray<CachedDiagnostic> RunRules(ImmutableArray<QueryRule> rules, PromQlSourceText text, PromQlParseResult parse, bool marked, PromQlAnalyzerOptions options, QueryKind kind = QueryKind.Unknown, QueryHoles? holes = null) =>
            RunRules(rules, text, parse, marked, options, kind, MetricKnowledge.FromOptions, holes);

        /// <summary>As above, with the compilation's metric knowledge, asked for only by a rule that reads it.</summary>
        internal static ImmutableArray<CachedDiagnostic> RunRules(ImmutableArray<QueryRule> rules, PromQlSourceText text, PromQlParseResult parse, bool marked, PromQlAnalyzerOptions options, QueryKind kind, Func<PromQlAnalyzerOptions, MetricKnowledge> metrics, QueryHoles? holes = null)
        {
            var findings = new List<Finding>();
            var query = new QueryContext(parse, marked, options, kind, metrics, holes);
            foreach (var rule in rules)
            {
                if ((marked || !rule.NeedsMarkedQuery) && (parse.Expression is not null || rule.RunsOnInvalidQuery))
                {
                    rule.Analyze(query, findings);
                }
            }

            if (findings.Count == 0)
            {
                return ImmutableArray<CachedDiagnostic>.Empty;
            }

            var diagnostics = ImmutableArray.CreateBuilder<CachedDiagnostic>(findings.Count);
            foreach (var finding in findings)
            {
                diagnostics.Add(new CachedDiagnostic(finding.Descriptor, text.GetSourceSpan(finding.Start, finding.End), finding.Properties, finding.MessageArgs));
            }

            return diagnostics.MoveToImmutable();
        }
    }

    /// <summary>
    /// A string's diagnostics (absolute spans), and whether its member is worth keeping: not for a local that is
    /// never passed on, which is cheap to redo.
    /// </summary>
    internal readonly struct StringResult
    {
        public StringResult(ImmutableArray<CachedDiagnostic> diagnostics, bool worthKeeping, bool followsUses = false)
        {
            Diagnostics = diagnostics;
            WorthKeeping = worthKeeping;
            FollowsUses = followsUses;
        }

        /// <summary>The result depends on uses in other members (a constant's, <see cref="ConstFlow"/>): its member is never kept.</summary>
        public bool FollowsUses { get; }

        public ImmutableArray<CachedDiagnostic> Diagnostics { get; }

        public bool WorthKeeping { get; }
    }
}
