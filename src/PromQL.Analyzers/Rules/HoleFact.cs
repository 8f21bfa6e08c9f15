using System.Collections.Generic;

namespace PromQL.Analyzers.Rules
{
    /// <summary>What .NET prints for a hole's value, by the hole's static type (docs/detection.md, "Holes").</summary>
    internal enum HoleType
    {
        /// <summary>Not known: no type (broken code), a type parameter, <c>dynamic</c>. Never a reason to report.</summary>
        Unknown,

        /// <summary>Any other type: <c>object</c>, an interface, a type that formats itself. Never a reason to report.</summary>
        Other,

        /// <summary><c>TimeSpan</c>: <c>00:05:00</c>.</summary>
        TimeSpan,

        /// <summary><c>DateTime</c>: a date in the current culture's pattern.</summary>
        DateTime,

        /// <summary><c>DateTimeOffset</c>: a date in the current culture's pattern, with its offset.</summary>
        DateTimeOffset,

        /// <summary><c>bool</c>: <c>True</c> or <c>False</c>.</summary>
        Boolean,

        /// <summary>An enum: its member's name.</summary>
        Enum,

        /// <summary><c>double</c>, <c>float</c>, <c>Half</c>: the current culture's decimal separator.</summary>
        Floating,

        /// <summary><c>decimal</c>: the current culture's decimal separator.</summary>
        Decimal,

        /// <summary><c>sbyte</c>, <c>short</c>, <c>int</c>, <c>long</c>, <c>nint</c>, <c>Int128</c>, <c>BigInteger</c>: the culture's minus sign.</summary>
        SignedInteger,

        /// <summary><c>byte</c>, <c>ushort</c>, <c>uint</c>, <c>ulong</c>, <c>nuint</c>, <c>UInt128</c>: digits only.</summary>
        UnsignedInteger,

        /// <summary><c>string</c> (or a value already converted to one).</summary>
        String,

        /// <summary><c>char</c>.</summary>
        Char,

        /// <summary>A class or struct that neither overrides <c>ToString()</c> nor formats itself: it prints its type's name.</summary>
        ObjectWithoutToString,
    }

    /// <summary>
    /// One hole of a query (a <c>PromQlParser.HoleCharacter</c>): what C# puts there, gathered with the semantic model
    /// only for a string already found to be PromQL. Rules read it through <see cref="QueryContext.Holes"/>.
    /// </summary>
    internal sealed class HoleFact
    {
        public HoleFact(int offset, HoleType type, string? format, string? alignment, bool convertedInvariantly, bool hasSign, bool isInterpolation, string? typeName)
        {
            Offset = offset;
            Type = type;
            Format = format;
            Alignment = alignment;
            ConvertedInvariantly = convertedInvariantly;
            HasSign = hasSign;
            IsInterpolation = isInterpolation;
            TypeName = typeName;
        }

        /// <summary>The hole's offset in the query's logical text.</summary>
        public int Offset { get; }

        public HoleType Type { get; }

        /// <summary>The hole's <c>:format</c> as written (an interpolation's or a composite format item's); null when none.</summary>
        public string? Format { get; }

        /// <summary>The hole's <c>,alignment</c> as written; null when none.</summary>
        public string? Alignment { get; }

        /// <summary>
        /// The hole is a call that already chose the invariant culture (<c>x.ToString(CultureInfo.InvariantCulture)</c>,
        /// <c>Convert.ToString(x, CultureInfo.InvariantCulture)</c>, <c>XmlConvert.ToString(x)</c>); its type is then
        /// <see cref="HoleType.String"/>.
        /// </summary>
        public bool ConvertedInvariantly { get; }

        /// <summary>The hole's expression is a unary minus (<c>{-x}</c>): a signed number that is negative unless x is.</summary>
        public bool HasSign { get; }

        /// <summary>The hole is an interpolation <c>{…}</c> of an interpolated string (not a concatenation operand or a format item).</summary>
        public bool IsInterpolation { get; }

        /// <summary>The type's name as C# shows it (for messages); null when unknown.</summary>
        public string? TypeName { get; }
    }

    /// <summary>The holes of one query and how the whole string is formatted.</summary>
    internal sealed class QueryHoles
    {
        /// <summary>No facts: a string without holes, or one read where holes are not looked at. Rules stay silent.</summary>
        public static readonly QueryHoles None = new QueryHoles(System.Array.Empty<HoleFact>(), formatting: StringFormatting.Unknown);

        public QueryHoles(IReadOnlyList<HoleFact> holes, StringFormatting formatting)
        {
            Holes = holes;
            Formatting = formatting;
        }

        /// <summary>One fact per hole whose expression is known, in text order.</summary>
        public IReadOnlyList<HoleFact> Holes { get; }

        /// <summary>How the string's holes are formatted: with the current culture, the invariant one, or unknown.</summary>
        public StringFormatting Formatting { get; }

        /// <summary>Whether the whole string formats invariantly (<c>FormattableString.Invariant</c>, <c>string.Create(CultureInfo.InvariantCulture, …)</c>, …).</summary>
        public bool FormatsInvariantly => Formatting == StringFormatting.Invariant;
    }

    /// <summary>How the holes of a string are formatted.</summary>
    internal enum StringFormatting
    {
        /// <summary>Not known: another provider, a <c>FormattableString</c> or handler formatted elsewhere. Rules stay silent.</summary>
        Unknown,

        /// <summary>The invariant culture: <c>FormattableString.Invariant</c>, <c>string.Create(CultureInfo.InvariantCulture, …)</c>, <c>string.Format(CultureInfo.InvariantCulture, …)</c>.</summary>
        Invariant,

        /// <summary>A plain <c>$"…"</c> to a string: the current culture. The whole-string fix can wrap it.</summary>
        CurrentCultureInterpolation,

        /// <summary><c>+</c> concatenation, <c>string.Format</c> without a provider, <c>FormattableString.CurrentCulture</c>: the current culture.</summary>
        CurrentCulture,
    }
}
