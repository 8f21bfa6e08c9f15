using System;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>Go's regexp/syntax parse flags (same bits, same meaning).</summary>
    [Flags]
    internal enum Re2ParseFlags : ushort
    {
        None = 0,
        FoldCase = 1 << 0,
        Literal = 1 << 1,
        ClassNL = 1 << 2,
        DotNL = 1 << 3,
        OneLine = 1 << 4,
        NonGreedy = 1 << 5,
        PerlX = 1 << 6,
        UnicodeGroups = 1 << 7,
        WasDollar = 1 << 8,
        Simple = 1 << 9,

        /// <summary>Go's syntax.Perl: as close to Perl as possible.</summary>
        Perl = ClassNL | OneLine | PerlX | UnicodeGroups,
    }
}
