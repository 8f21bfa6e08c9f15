using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL040: a hole whose value .NET prints as something that is not PromQL where the hole stands: a <c>TimeSpan</c>
    /// (<c>00:05:00</c>), <c>DateTime</c> or <c>DateTimeOffset</c> (a date), <c>bool</c> (<c>True</c>, a metric name to
    /// PromQL), an enum (its member's name) or a type that prints its own name, in a duration, after <c>@</c> or where a
    /// number stands. Silent in a quoted string and in a name (where such text may well be meant), with a format
    /// specifier (one may make the value valid), where how the string is formatted is not known, and for every other type.
    /// </summary>
    internal sealed class ValueNotPromQlRule : QueryRule
    {
        public static readonly ValueNotPromQlRule Instance = new ValueNotPromQlRule();

        /// <summary><see cref="FixProperties.Conversion"/>: a TimeSpan alone in a duration, written as whole seconds.</summary>
        public const string Seconds = "Seconds";

        /// <summary><see cref="FixProperties.Conversion"/>: a DateTime or DateTimeOffset after @, written as Unix seconds.</summary>
        public const string UnixSeconds = "UnixSeconds";

        private ValueNotPromQlRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.ValueNotPromQl);

        public override void Analyze(QueryContext query, List<Finding> findings) => Find(query.Parse, query.Holes, findings);

        /// <summary>The rule over a parse and the facts of its holes.</summary>
        public static void Find(PromQlParseResult parse, QueryHoles holes, List<Finding> findings)
        {
            if (holes.Holes.Count == 0 || holes.Formatting == StringFormatting.Unknown)
            {
                return;
            }

            var text = parse.Text;
            foreach (var hole in holes.Holes)
            {
                if (!parse.TryGetHolePosition(hole.Offset, out var position)
                    || position is not (HolePosition.Duration or HolePosition.At or HolePosition.Number)
                    || (hole.Format is not null && hole.Type != HoleType.Boolean)
                    || Printed(hole) is not { } printed)
                {
                    continue;
                }

                var expected = position switch
                {
                    HolePosition.Duration => "a PromQL duration",
                    HolePosition.At => "the Unix timestamp @ takes",
                    _ => hole.Type == HoleType.Boolean ? "a number (PromQL reads it as a metric name)" : "a PromQL number",
                };

                var builder = FixProperties.AtNode(hole.Offset, hole.Offset + 1, text.Length);
                if (hole.IsInterpolation && hole.Alignment is null && hole.Format is null)
                {
                    if (hole.Type == HoleType.TimeSpan && position == HolePosition.Duration && StandsAlone(text, hole.Offset))
                    {
                        builder[FixProperties.Conversion] = Seconds;
                    }
                    else if (hole.Type is HoleType.DateTime or HoleType.DateTimeOffset && position == HolePosition.At)
                    {
                        builder[FixProperties.Conversion] = UnixSeconds;
                    }
                }

                findings.Add(new Finding(PromQL.Analyzers.Descriptors.ValueNotPromQl, hole.Offset, hole.Offset + 1, builder.ToImmutable(), hole.TypeName ?? "value", printed, expected));
            }
        }

        /// <summary>What .NET prints for the hole, for the message; null for a type this rule does not claim.</summary>
        private static string? Printed(HoleFact hole) => hole.Type switch
        {
            HoleType.TimeSpan => "00:05:00 (hh:mm:ss)",
            HoleType.DateTime or HoleType.DateTimeOffset => "a date such as 12/7/2026 12:00:00 PM",
            HoleType.Boolean => "True or False",
            HoleType.Enum => "its member's name",
            HoleType.ObjectWithoutToString => "its type's name",
            _ => null,
        };

        // The hole is the whole amount: no digit, letter or hole next to it, so a unit may follow it (rate(x[{w}])).
        private static bool StandsAlone(string text, int offset) =>
            (offset == 0 || !IsAmountChar(text[offset - 1])) && (offset + 1 >= text.Length || !IsAmountChar(text[offset + 1]));

        private static bool IsAmountChar(char c) =>
            char.IsLetterOrDigit(c) || c == PromQlParser.HoleCharacter || c == '_' || c == '.';
    }
}
