using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using PromQL.Parsing.Tests.Conformance;

namespace PromQL.Parsing.Tests.Properties
{
    /// <summary>
    /// Random edits of conformance corpus queries: deletions, insertions of PromQL fragments, duplicated and
    /// swapped slices, replaced characters. Shapes with a documented round-trip difference are left out.
    /// </summary>
    internal static class CorpusMutations
    {
        private static readonly string[] Fragments =
        {
            "(", ")", "{", "}", "[", "]", ",", ":", " ", "\n", "5m", "1h30m", "-", "+", "*", "/", "^", "%", "==", "!=", ">=", "=~", "!~", "=",
            "and", "or", "unless", "bool", "on()", "ignoring(job)", "group_left", "group_right(a)", "fill(0)", "offset 5m", "offset -(1m)",
            "@ start()", "@ 100", "[5m:1m]", "[1h]", "by (job)", "without ()", "sum", "rate(", "topk(3,", "0x1F", "Inf", "NaN", "1e-3",
            "\"v\"", "'s'", "`r`", "\"\\u00e9\"", "\"\\\"\"", "step()", "min_of(1m,", "anchored", "smoothed", "# c\n", "\uE000", "é", "😀",
            "{job=\"x\"}", "{\"a.b\"}", "foo", "__name__", "count_values(\"l\",", "label_replace(", "\"(a*)*b\"", "\"x{1001}\"", "\\",
        };

        /// <summary>Corpus queries small enough to mutate quickly, without the listed round-trip exceptions.</summary>
        private static readonly string[] Seeds = ConformanceCorpus.Cases
            .Select(c => c.Input)
            .Where(q => q.Length <= 400 && !ParseInvariants.IsKnownRoundTripException(q))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(q => q, StringComparer.Ordinal)
            .ToArray();

        private enum Edit
        {
            Delete,
            Insert,
            Duplicate,
            Swap,
            Replace,
            Truncate,
        }

        private static readonly Gen<(Edit Kind, int A, int B, int Fragment, char Char)> EditGen =
            Gen.Select(Gen.Enum<Edit>(), Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, Fragments.Length - 1], Gen.Char["(){}[]\",'`\\ =!~+-*/^%@:#\n\t0a_.\uE000\uFFFD"]);

        /// <summary>A corpus query with one to five edits.</summary>
        public static Gen<string> Mutated { get; } =
            Gen.Select(Gen.Int[0, Seeds.Length - 1], EditGen.Array[1, 5], (index, edits) => edits.Aggregate(Seeds[index], Apply))
                .Where(q => !ParseInvariants.IsKnownRoundTripException(q));

        private static string Apply(string text, (Edit Kind, int A, int B, int Fragment, char Char) edit)
        {
            var length = text.Length;
            var a = length == 0 ? 0 : edit.A % (length + 1);
            var b = length == 0 ? 0 : edit.B % (length + 1);
            var (from, to) = a <= b ? (a, b) : (b, a);
            switch (edit.Kind)
            {
                case Edit.Delete:
                    return text.Remove(from, Math.Min(to - from, 8));
                case Edit.Insert:
                    return text.Insert(a, Fragments[edit.Fragment]);
                case Edit.Duplicate:
                    return text.Insert(b, text.Substring(from, Math.Min(to - from, 40)));
                case Edit.Swap:
                    if (to - from < 2)
                    {
                        return text;
                    }

                    var middle = from + ((to - from) / 2);
                    return text.Substring(0, from) + text.Substring(middle, to - middle) + text.Substring(from, middle - from) + text.Substring(to);
                case Edit.Replace:
                    return a < length ? text.Remove(a, 1).Insert(a, edit.Char.ToString()) : text + edit.Char;
                default:
                    return text.Substring(0, a);
            }
        }
    }
}
