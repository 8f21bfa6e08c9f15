using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL021 (a suggestion): a <c>=~</c> or <c>!~</c> value that begins with <c>^</c> or ends with <c>$</c> where the
    /// RE2 port shows the anchor binds to the whole regex (<see cref="PromQL.Parsing.Semantics.PromQlRegex.HasRedundantAnchors"/>):
    /// Prometheus matches <c>^(?s:value)$</c>, so the anchor adds nothing. Not for <c>^a|b$</c>, <c>\\$</c>, <c>[$]</c>.
    /// Reported on the matcher; the fix deletes the anchor characters where they stand as themselves in the string
    /// literal. Silent on holes.
    /// </summary>
    internal sealed class RedundantAnchorsRule : QueryRule
    {
        public static readonly RedundantAnchorsRule Instance = new RedundantAnchorsRule();

        private RedundantAnchorsRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.RedundantAnchors);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>The rule over a tree: every matcher of every selector below <paramref name="root"/>; <paramref name="text"/> (null: no fix) places the edit.</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not VectorSelector selector)
                {
                    continue;
                }

                foreach (var matcher in selector.Matchers)
                {
                    if (!SelectorMatchers.IsKnown(matcher) || matcher.Type is not (MatchType.Regexp or MatchType.NotRegexp)
                        || !matcher.TryGetRegex(out var regex) || !regex!.HasRedundantAnchors(out var rest, out var atStart, out var atEnd))
                    {
                        continue;
                    }

                    var properties = FixProperties.None;
                    if (text is not null && Edits(text, matcher, atStart, atEnd) is { } edits)
                    {
                        var builder = FixProperties.AtNode(matcher.Start, matcher.End, text.Length);
                        builder[FixProperties.ReplaceStart] = FixProperties.Offset(edits.First);
                        builder[FixProperties.ReplaceEnd] = FixProperties.Offset(edits.First + 1);
                        builder[FixProperties.ReplaceText] = string.Empty;
                        if (edits.Second >= 0)
                        {
                            builder[FixProperties.DeleteStart] = FixProperties.Offset(edits.Second);
                            builder[FixProperties.DeleteEnd] = FixProperties.Offset(edits.Second + 1);
                        }

                        properties = builder.ToImmutable();
                    }

                    var which = atStart && atEnd ? "the ^ and the $" : atStart ? "the leading ^" : "the trailing $";
                    var rewritten = new LabelMatcher(matcher.Name, matcher.Type, rest, 0, 0, 0, 0, 0, 0);
                    findings.Add(new Finding(
                        PromQL.Analyzers.Descriptors.RedundantAnchors,
                        matcher.Start,
                        matcher.End,
                        properties,
                        "'" + matcher + "'",
                        which,
                        "'" + rewritten + "'"));
                }
            }
        }

        /// <summary>
        /// Where the anchors stand in the query's text: the first character after the opening quote for <c>^</c>, the
        /// last before the closing quote for <c>$</c>, each only when it is written as itself (not as an escape such as
        /// <c>\x24</c>). Null when one is not.
        /// </summary>
        private static (int First, int Second)? Edits(string text, LabelMatcher matcher, bool atStart, bool atEnd)
        {
            var caret = matcher.ValueStart + 1;
            var dollar = matcher.ValueEnd - 2;
            if (matcher.ValueEnd > text.Length || dollar <= caret
                || (atStart && text[caret] != '^') || (atEnd && text[dollar] != '$'))
            {
                return null;
            }

            return atStart ? (caret, atEnd ? dollar : -1) : (dollar, -1);
        }
    }
}
