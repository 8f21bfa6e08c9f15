using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL020 (a suggestion): a <c>=~</c> or <c>!~</c> matcher whose value is a plain string
    /// (<see cref="SelectorMatchers.IsPlainRegex"/>): Prometheus anchors matcher regexes, so it is <c>=</c> or
    /// <c>!=</c> of that string. Reported on the matcher; silent on holes, on <c>=~""</c> and on anything RE2 reads
    /// as more than one string. The fix turns the operator into <c>=</c> or <c>!=</c> (the value, free of metacharacters,
    /// is already the plain string).
    /// </summary>
    internal sealed class RegexWithoutMetacharactersRule : QueryRule
    {
        public static readonly RegexWithoutMetacharactersRule Instance = new RegexWithoutMetacharactersRule();

        private RegexWithoutMetacharactersRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.RegexWithoutMetacharacters);

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
                    if (SelectorMatchers.IsPlainRegex(matcher))
                    {
                        // The value has no character a regex escapes, so it is the string as it stands: only the ~ goes
                        // (=~ becomes =) or turns into = (!~ becomes !=).
                        var properties = FixProperties.None;
                        if (SelectorMatchers.TryGetOperator(text, matcher, out var op))
                        {
                            var builder = FixProperties.AtNode(matcher.Start, matcher.End, text!.Length);
                            builder[FixProperties.ReplaceStart] = FixProperties.Offset(op + 1);
                            builder[FixProperties.ReplaceEnd] = FixProperties.Offset(op + 2);
                            builder[FixProperties.ReplaceText] = matcher.Type == MatchType.Regexp ? string.Empty : "=";
                            properties = builder.ToImmutable();
                        }

                        findings.Add(new Finding(
                            PromQL.Analyzers.Descriptors.RegexWithoutMetacharacters,
                            matcher.Start,
                            matcher.End,
                            properties,
                            "'" + matcher + "'",
                            matcher.Type == MatchType.Regexp ? "=" : "!="));
                    }
                }
            }
        }
    }
}
