using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// What syntax says about a string that may be PromQL, and the semantic check that confirms it is marked. A string
    /// is PromQL when it is marked (a <c>lang=promql</c> comment, or it flows into a <c>[StringSyntax("PromQL")]</c>
    /// target, a known query API or a configured one), or, for the rules that run on content, when its text holds
    /// a content trigger and parses.
    /// </summary>
    internal readonly struct StringScreening
    {
        private StringScreening(TextScan scan, FormatCall format, bool byComment, bool maybeTarget, bool maybeContent, bool maybeLocal, HttpApiUse http, bool maybeUrl, bool maybeConst)
        {
            MaybeConst = maybeConst;
            Scan = scan;
            Format = format;
            ByComment = byComment;
            MaybeTarget = maybeTarget;
            MaybeContent = maybeContent;
            MaybeLocal = maybeLocal;
            Http = http;
            MaybeUrl = maybeUrl;
        }

        public TextScan Scan { get; }

        /// <summary>
        /// The formatting call the string is given to, if any (<c>string.Format</c>, <c>FormattableString.Invariant</c>):
        /// it decides how the string is read, and when the call's result is the string's text, the flags below were read
        /// where that result goes.
        /// </summary>
        public FormatCall Format { get; }

        /// <summary>A <c>lang=promql</c> comment marks the string.</summary>
        public bool ByComment { get; }

        /// <summary>The string flows into a name that may be a PromQL target: the semantic model decides.</summary>
        public bool MaybeTarget { get; }

        /// <summary>The text holds a content trigger (or a constant in a hole does): PromQL if it parses.</summary>
        public bool MaybeContent { get; }

        /// <summary>A query held in a local first and passed on later: only followed when it has a query's shape.</summary>
        public bool MaybeLocal { get; }

        /// <summary>
        /// A query kept in a <c>const</c> or <c>static readonly</c> field, which may be passed whole to a target
        /// elsewhere (<see cref="ConstFlow"/>): only followed when it has a query's shape. Its result then depends on
        /// other members, so it is never kept with its own member's.
        /// </summary>
        public bool MaybeConst { get; }

        /// <summary>The string is sent as the query of a Prometheus HTTP API URL, if the calls syntax saw are the BCL's.</summary>
        public HttpApiUse Http { get; }

        /// <summary>The string may be a Prometheus HTTP API URL with a query written in it (<see cref="UrlQueryLiterals"/>).</summary>
        public bool MaybeUrl { get; }

        /// <summary>Null for a string that syntax shows cannot be PromQL, an empty or blank one among them.</summary>
        public static StringScreening? Of(ExpressionSyntax root, PromQlAnalyzerOptions options, DetectionFacts facts, CancellationToken cancellationToken)
        {
            var scan = TextScan.Of(root, options);
            if (!scan.HasText && !scan.HasOtherParts)
            {
                // "", @"", $"", """ """ or white space alone: the default of a query property, never a query.
                return null;
            }

            // A parent check: the format of string.Format is read with its items as holes, and the call's result flows.
            return Of(root, scan, FormatCall.Find(root), options, facts, cancellationToken);
        }

        /// <summary>The screening of a string whose formatting call the semantic model did not confirm: read where it stands.</summary>
        public StringScreening? WithoutFormat(ExpressionSyntax root, PromQlAnalyzerOptions options, DetectionFacts facts, CancellationToken cancellationToken) =>
            Of(root, TextScan.Of(root, options), default, options, facts, cancellationToken);

        private static StringScreening? Of(ExpressionSyntax root, TextScan scan, FormatCall format, PromQlAnalyzerOptions options, DetectionFacts facts, CancellationToken cancellationToken)
        {
            var flow = format.Kind is FormatCallKind.StringFormat or FormatCallKind.InterpolationFactory ? format.Call! : root;
            if (scan.HasQueryShape && format.Kind is FormatCallKind.StringFormat or FormatCallKind.CompositeFormatParse)
            {
                // "{0} of {1} users": items are holes, not brackets; without this every such local would be followed.
                scan.HasQueryShape = TextScan.FormatHasQueryShape(root);
            }

            var byComment = facts.LanguageCommentsOf(root.SyntaxTree).IsMarked(root);
            var targetName = string.Empty;
            var targetKind = byComment ? TargetKind.None : TargetSyntax.Find(flow, out targetName);
            var maybeTarget = !byComment && facts.IsCandidate(targetKind, targetName, options);
            var maybeContent = options.DetectByContent && scan.HasBracket
                && (scan.HasWatchedPrefix
                    || (scan.HasQueryShape && scan.HasOtherParts && AnyNamesWatchedConstant(TextScan.OtherParts(root), facts, options, cancellationToken)));
            var maybeLocal = !byComment && targetKind == TargetKind.None && scan.HasQueryShape;
            var maybeConst = !byComment && targetKind == TargetKind.Initializer && format.Kind == FormatCallKind.None
                && (scan.HasQueryShape || scan.HasOtherParts) && ConstFlow.DeclaratorOf(root) is not null
                && (scan.HasQueryShape || AnyNamesQueryShapedConstant(TextScan.OtherParts(root), facts, cancellationToken));
            var http = byComment ? default : HttpApiTargets.Find(flow);
            var maybeUrl = scan.HasApiPath && UrlQueryLiterals.MayHoldQuery(root);
            return byComment || maybeTarget || maybeContent || maybeLocal || http.IsFound || maybeUrl || maybeConst
                ? new StringScreening(scan, format, byComment, maybeTarget, maybeContent, maybeLocal, http, maybeUrl, maybeConst)
                : null;
        }

        /// <summary>
        /// Whether the string is marked as PromQL: the comment, or what the semantic model says of where
        /// <paramref name="flow"/> (the string, or the formatting call whose result it is) goes; and
        /// <paramref name="kind"/>, how it runs where the call site tells (a known client API's member, a wrapper, the
        /// HTTP API endpoint).
        /// </summary>
        public bool IsMarked(ExpressionSyntax flow, DetectionFacts facts, SemanticModel model, PromQlAnalyzerOptions options, CancellationToken cancellationToken, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (ByComment || (MaybeTarget && QueryTargets.IsPromQlTarget(flow, model, options, facts.Wrappers, InferredWrappers.MaxDepth, cancellationToken, out kind)))
            {
                return true;
            }

            if (Http.IsFound && HttpApiTargets.Confirm(Http, model, cancellationToken))
            {
                kind = Http.Kind;
                return true;
            }

            if (MaybeLocal && LocalFlow.FlowsIntoPromQlTarget(flow, facts, model, options, cancellationToken, out kind))
            {
                return true;
            }

            return MaybeConst && ConstFlow.DeclaratorOf(flow) is { } declarator
                && ConstFlow.FlowsIntoPromQlTarget(declarator, facts, model, options, cancellationToken, out kind);
        }

        private static bool AnyNamesQueryShapedConstant(List<ExpressionSyntax> parts, DetectionFacts facts, CancellationToken cancellationToken)
        {
            foreach (var part in parts)
            {
                if (facts.NamesQueryShapedConstant(part, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyNamesWatchedConstant(List<ExpressionSyntax> parts, DetectionFacts facts, PromQlAnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var part in parts)
            {
                if (facts.NamesWatchedConstant(part, options, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
