using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL022 (a suggestion): a regex matcher that does nothing or says it the long way, as the RE2 port reads it
    /// (<see cref="PromQL.Parsing.Semantics.PromQlRegex.MatchesEverything"/>, <see cref="PromQL.Parsing.Semantics.PromQlRegex.MatchesAnyNonEmpty"/>):
    /// <c>=~".*"</c> selects every value, the empty one of a series without the label too, so it filters nothing (fix:
    /// remove it with a comma beside it, or the braces after a metric name; not reported where the selector would be left
    /// with no matcher that rejects the empty string); <c>=~".+"</c> is <c>!=""</c> and
    /// <c>!~".+"</c> is <c>=""</c> (fix: the equality). Reported on the matcher; silent on holes. <c>!~".*"</c>, which
    /// rejects everything, is PROMQL024's.
    /// </summary>
    internal sealed class TrivialRegexMatcherRule : QueryRule
    {
        public static readonly TrivialRegexMatcherRule Instance = new TrivialRegexMatcherRule();

        private TrivialRegexMatcherRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.TrivialRegexMatcher);

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

                for (var i = 0; i < selector.Matchers.Count; i++)
                {
                    var matcher = selector.Matchers[i];
                    if (!SelectorMatchers.IsKnown(matcher) || matcher.Type is not (MatchType.Regexp or MatchType.NotRegexp) || !matcher.TryGetRegex(out var regex))
                    {
                        continue;
                    }

                    var shown = "'" + matcher + "'";
                    var properties = FixProperties.AtNode(matcher.Start, matcher.End, text?.Length ?? 0);
                    if (matcher.Type == MatchType.Regexp && regex!.MatchesEverything)
                    {
                        if (!StaysValidWithout(selector, matcher))
                        {
                            // {job=~".*"} alone is no selector to Prometheus (PROMQL100 says so); removing it would not help.
                            continue;
                        }

                        if (SelectorMatchers.TryGetRemoval(text, selector, i, out var start, out var end))
                        {
                            properties[FixProperties.ReplaceStart] = FixProperties.Offset(start);
                            properties[FixProperties.ReplaceEnd] = FixProperties.Offset(end);
                            properties[FixProperties.ReplaceText] = string.Empty;
                        }

                        findings.Add(new Finding(
                            PromQL.Analyzers.Descriptors.TrivialRegexMatcher,
                            matcher.Start,
                            matcher.End,
                            Properties(text, properties),
                            shown,
                            "matches every value, the empty one of a series without the label too, so it filters nothing: remove it"));
                    }
                    else if (regex!.MatchesAnyNonEmpty)
                    {
                        var equality = matcher.Type == MatchType.Regexp ? "!=" : "=";
                        var quote = matcher.ValueQuote.ToString();
                        if (SelectorMatchers.TryGetOperator(text, matcher, out var op))
                        {
                            properties[FixProperties.ReplaceStart] = FixProperties.Offset(op);
                            properties[FixProperties.ReplaceEnd] = FixProperties.Offset(matcher.ValueEnd);
                            properties[FixProperties.ReplaceText] = equality + text!.Substring(op + 2, matcher.ValueStart - op - 2) + quote + quote;
                        }

                        findings.Add(new Finding(
                            PromQL.Analyzers.Descriptors.TrivialRegexMatcher,
                            matcher.Start,
                            matcher.End,
                            Properties(text, properties),
                            shown,
                            (matcher.Type == MatchType.Regexp ? "matches every non-empty value" : "rejects every non-empty value")
                                + ": write " + Equality(matcher, equality)));
                    }
                }
            }
        }

        /// <summary>
        /// Whether the selector without <paramref name="matcher"/> is still one Prometheus accepts: a metric name before
        /// the braces, or another matcher that surely rejects the empty string.
        /// </summary>
        private static bool StaysValidWithout(VectorSelector selector, LabelMatcher matcher)
        {
            if (selector.Name is not null)
            {
                return true;
            }

            foreach (var other in selector.Matchers)
            {
                if (!ReferenceEquals(other, matcher) && other.MatchesEmpty() == false)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The node keys always (when the text is known), the edit where one was placed.</summary>
        private static ImmutableDictionary<string, string?> Properties(string? text, ImmutableDictionary<string, string?>.Builder properties) =>
            text is null ? FixProperties.None : properties.ToImmutable();

        private static string Equality(LabelMatcher matcher, string op) =>
            "'" + new LabelMatcher(matcher.Name, op == "=" ? MatchType.Equal : MatchType.NotEqual, string.Empty, 0, 0, 0, 0, 0, 0) + "'";
    }
}
