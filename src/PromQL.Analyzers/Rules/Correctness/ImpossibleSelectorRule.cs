using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL024: a selector two of whose matchers on one label no value can both satisfy, so that it selects no series
    /// (Prometheus ANDs a selector's matchers, and a series without the label has the value ""). Only what the matchers
    /// show: one matcher that requires a single value (<see cref="SelectorMatchers.TryGetRequiredValue"/>) and another on
    /// the same label that surely rejects it (<see cref="SelectorMatchers.Rejects"/>), or a <c>!~</c> whose regex
    /// matches every string. Matchers with a hole in their name or value are never part of a finding; the others'
    /// contradiction holds whatever the holes are, since more matchers only select less. Reported on the selector up
    /// to its closing brace; no fix (which matcher is wrong is the author's call).
    /// </summary>
    internal sealed class ImpossibleSelectorRule : QueryRule
    {
        public static readonly ImpossibleSelectorRule Instance = new ImpossibleSelectorRule();

        private ImpossibleSelectorRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.ImpossibleSelector);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>The rule over a tree: every selector below <paramref name="root"/>. The rule offers no fix, so <paramref name="text"/> is unused.</summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is not VectorSelector selector)
                {
                    continue;
                }

                var reason = Contradiction(selector.Matchers);
                if (reason is not null)
                {
                    findings.Add(new Finding(
                        PromQL.Analyzers.Descriptors.ImpossibleSelector,
                        selector.Start,
                        CadvisorSelectors.SelectorEnd(selector),
                        reason));
                }
            }
        }

        /// <summary>The first contradiction among <paramref name="matchers"/>, in words; null when none is shown.</summary>
        internal static string? Contradiction(IReadOnlyList<LabelMatcher> matchers)
        {
            for (var i = 0; i < matchers.Count; i++)
            {
                var m = matchers[i];
                if (!SelectorMatchers.IsKnown(m))
                {
                    continue;
                }

                if (m.Type == MatchType.NotRegexp && m.TryGetRegex(out var regex) && regex!.MatchesEverything)
                {
                    return Show(m) + " rejects every value, the empty one too";
                }

                if (!SelectorMatchers.TryGetRequiredValue(m, out var value))
                {
                    continue;
                }

                for (var j = 0; j < matchers.Count; j++)
                {
                    var other = matchers[j];
                    if (j != i && SelectorMatchers.IsKnown(other) && other.Name == m.Name && SelectorMatchers.Rejects(other, value))
                    {
                        var (first, second) = i < j ? (m, other) : (other, m);
                        return Show(first) + " and " + Show(second) + " cannot both hold"
                            + (value.Length == 0 ? " (a series without the label has the value \"\")" : string.Empty);
                    }
                }
            }

            return null;
        }

        // A bare quoted name shows as the __name__ matcher it is.
        private static string Show(LabelMatcher matcher) => "'" + matcher + "'";
    }
}
