using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL041: a hole whose value .NET formats with the current culture and that the culture can make not PromQL: a
    /// <c>double</c>, <c>float</c>, <c>Half</c> or <c>decimal</c> (<c>0,95</c> under de-DE), or a signed integer written with a
    /// minus (<c>{-x}</c>: U+2212 under sv-SE), outside a quoted string. Silent where the string formats invariantly or
    /// how it is formatted is not known, where the hole is converted already, where the project runs with invariant
    /// globalization, and for every hole whose type or position is not known.
    /// </summary>
    internal sealed class CultureSensitiveNumberRule : QueryRule
    {
        public static readonly CultureSensitiveNumberRule Instance = new CultureSensitiveNumberRule();

        private CultureSensitiveNumberRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.CultureSensitiveNumber);

        public override void Analyze(QueryContext query, List<Finding> findings) =>
            Find(query.Parse, query.Holes, query.Options, findings);

        /// <summary>The rule over a parse and the facts of its holes.</summary>
        public static void Find(PromQlParseResult parse, QueryHoles holes, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            if (holes.Holes.Count == 0 || options.InvariantGlobalization
                || holes.Formatting is not (StringFormatting.CurrentCulture or StringFormatting.CurrentCultureInterpolation))
            {
                return;
            }

            foreach (var hole in holes.Holes)
            {
                var example = Example(hole);
                if (example is null || !parse.TryGetHolePosition(hole.Offset, out var position) || position == HolePosition.QuotedString)
                {
                    continue;
                }

                var builder = FixProperties.AtNode(hole.Offset, hole.Offset + 1, parse.Text.Length);
                if (hole.IsInterpolation)
                {
                    builder[FixProperties.InvariantHole] = "true";
                }

                if (holes.Formatting == StringFormatting.CurrentCultureInterpolation)
                {
                    builder[FixProperties.InvariantString] = "true";
                }

                findings.Add(new Finding(PromQL.Analyzers.Descriptors.CultureSensitiveNumber, hole.Offset, hole.Offset + 1, builder.ToImmutable(), hole.TypeName ?? "number", example));
            }
        }

        /// <summary>What the hole prints where the culture breaks it; null for a hole the culture cannot break.</summary>
        private static string? Example(HoleFact hole)
        {
            if (hole.ConvertedInvariantly)
            {
                return null;
            }

            return hole.Type switch
            {
                HoleType.Floating or HoleType.Decimal => "0.95 prints 0,95 under de-DE",
                HoleType.SignedInteger when hole.HasSign => "-1 prints \u22121 under sv-SE",
                _ => null,
            };
        }
    }
}
