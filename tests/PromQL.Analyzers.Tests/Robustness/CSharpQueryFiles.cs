using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis.Text;
using PromQL.Parsing.Tests.Conformance;

namespace PromQL.Analyzers.Tests.Robustness
{
    /// <summary>How a generated query is written in C#.</summary>
    internal enum LiteralKind
    {
        Regular,
        Verbatim,
        RawSingleLine,
        RawMultiLine,
        Interpolated,
        InterpolatedVerbatim,
        RawInterpolated,
        Concatenation,
    }

    /// <summary>How a generated query is marked as PromQL.</summary>
    internal enum QueryMarker
    {
        LangComment,
        StringSyntax,
        Unmarked,
    }

    /// <summary>One query of a generated file: the text C# gives it (holes of unknown value as U+E000) and where its expression is.</summary>
    internal sealed class GeneratedQuery
    {
        public GeneratedQuery(string text, LiteralKind kind, QueryMarker marker, TextSpan span)
        {
            Text = text;
            Kind = kind;
            Marker = marker;
            Span = span;
        }

        /// <summary>What <c>StringExpressions.Read</c> must give for the expression (constants substituted, other holes U+E000).</summary>
        public string Text { get; }

        /// <summary>The literal kind asked for (a kind that cannot hold the text falls back to a regular literal).</summary>
        public LiteralKind Kind { get; }

        public QueryMarker Marker { get; }

        /// <summary>The span of the whole string expression (literal, interpolated string or concatenation) in the file.</summary>
        public TextSpan Span { get; set; }
    }

    /// <summary>A generated C# file; broken files have C# errors in or around a query on purpose.</summary>
    internal sealed class GeneratedFile
    {
        public GeneratedFile(string source, IReadOnlyList<GeneratedQuery> queries, bool isBroken)
        {
            Source = source;
            Queries = queries;
            IsBroken = isBroken;
        }

        public string Source { get; }

        public IReadOnlyList<GeneratedQuery> Queries { get; }

        public bool IsBroken { get; }

        public override string ToString() => (IsBroken ? "// broken\n" : string.Empty) + Source;
    }

    /// <summary>
    /// Random C# files holding PromQL (mutated conformance-corpus queries, cAdvisor queries, random text with
    /// quotes, braces, backslashes, line breaks, holes and surrogates) in every literal kind, escaped correctly for
    /// that kind, marked by a <c>lang=promql</c> comment, a <c>[StringSyntax("PromQL")]</c> parameter, or not at all.
    /// The layout of a file comes from one generated seed; the query texts are generated (and shrink) on their own.
    /// </summary>
    internal static class CSharpQueryFiles
    {
        /// <summary>Holes whose value is unknown: string parameters of the method.</summary>
        private static readonly string[] HoleVariables = { "pod", "ns" };

        /// <summary>Constants a query may use in a hole or a concatenation: name and value.</summary>
        private static readonly (string Name, string Value)[] Constants =
        {
            ("Metric", "container_memory_rss"),
            ("Window", "5m"),
            ("Label", "pod"),
        };

        private static readonly string[] CadvisorSeeds =
        {
            "container_memory_working_set_bytes{namespace=\"default\", pod=\"api-0\"}",
            "container_memory_rss",
            "sum(container_memory_working_set_bytes{pod=\"api-0\"})",
            "sum by (pod) (container_memory_rss{namespace=\"\uE000\"})",
            "sum(container_memory_rss{pod=\"\uE000\", container=\"\uE000\"})",
            "sum(rate(container_memory_usage_bytes{pod=~\"web-.*\"}[5m]))",
            "max(container_memory_working_set_bytes{container!=\"\", pod=~\"api-.*\"})",
            "container_memory_cache{image!=\"\"}",
            "{__name__=\"container_memory_rss\", pod='x'}",
            "{__name__=~\"container_memory_.*\"}",
            "topk(3, sum by (pod) (container_memory_working_set_bytes))",
            "container_memory_working_set_bytes{pod=\"a\"} / on(pod) kube_pod_container_resource_limits{resource=\"memory\"}",
            "sum(container_memory_rss{pod=\"a\"}) / sum(container_memory_rss{pod=\"a\", container!=\"\"})",
            "avg_over_time(container_memory_working_set_bytes{pod=`p`}[1h:5m])",
            "sum(container_memory_rss{pod=\"a\",container=~\".*\"}) by (namespace)",
            "container_memory_rss{container!=\"POD\", namespace=\"kube-system\"} > 1e9",
            "sum without (container) (container_memory_rss{pod=\"\uE000\"})",
            "container_memory_rss{\uE000}",
            "\uE000{pod=\"x\"}",
            "sum(container_memory_rss{pod=\"x\"}) * 2 + count(up)",
        };

        /// <summary>Corpus queries short enough to mutate quickly, and the cAdvisor queries, in a fixed order.</summary>
        private static readonly string[] Seeds = ConformanceCorpus.Cases
            .Select(c => c.Input)
            .Where(q => q.Length <= 300)
            .Concat(CadvisorSeeds)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(q => q, StringComparer.Ordinal)
            .ToArray();

        /// <summary>What random text and mutations are made of: the characters every literal kind escapes differently.</summary>
        private static readonly string[] Fragments =
        {
            "\"", "\"\"", "\"\"\"", "\"\"\"\"", "'", "`", "\\", "\\\\", "\\\"", "{", "}", "{{", "}}", "{{{", "$", "$\"", "@\"", "\n", "\r\n", "\r", "\t", " ",
            "\uE000", "\uD83D\uDE00", "\uD800", "\uDC00", "é", "\u2028", "\u0085", "\u0001", "(", ")", "[", "]", ",", "=", "!=", "=~", "!~", "a", "0", "_", "x",
            "container_memory_rss", "container_memory_working_set_bytes", "{pod=\"p\"}", "sum(", "by (pod)", "[5m]", "5m", "pod", "\\u0041", "\\x41", "/*", "//", "#",
        };

        private static readonly Gen<string> RandomText =
            Gen.OneOf(Fragments).Array[0, 24].Select(parts => string.Concat(parts));

        private static readonly Gen<string> SeedText = Gen.Int[0, Seeds.Length - 1].Select(i => Seeds[i]);

        private static readonly Gen<string> CadvisorText = Gen.Int[0, CadvisorSeeds.Length - 1].Select(i => CadvisorSeeds[i]);

        private static readonly Gen<string> MutatedText =
            Gen.Select(Gen.Frequency((3, SeedText), (2, CadvisorText)), Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1 << 20], Gen.Int[0, Fragments.Length - 1]).Array[1, 4])
                .Select((seed, edits) => edits.Aggregate(seed, Mutate));

        /// <summary>Query texts: corpus and cAdvisor queries as they are, mutated, and random text.</summary>
        public static Gen<string> QueryText { get; } =
            Gen.Frequency((3, SeedText), (3, CadvisorText), (4, MutatedText), (2, RandomText));

        /// <summary>Query texts that mostly give PROMQL001/PROMQL002 findings: what the code fixes are offered for.</summary>
        public static Gen<string> FindingText { get; } =
            Gen.Frequency((5, CadvisorText), (4, MutatedText), (1, RandomText));

        /// <summary>Files that compile without errors in their strings.</summary>
        public static Gen<GeneratedFile> Valid { get; } = Files(QueryText, broken: false);

        /// <summary>Files made mostly of cAdvisor queries, for the code fixes.</summary>
        public static Gen<GeneratedFile> WithFindings { get; } = Files(FindingText, broken: false);

        /// <summary>Files with C# broken in a query: unterminated strings, stray braces and quotes, truncation.</summary>
        public static Gen<GeneratedFile> Broken { get; } = Files(QueryText, broken: true);

        /// <summary>Mostly valid files, some broken.</summary>
        public static Gen<GeneratedFile> Any { get; } = Gen.Frequency((4, Valid), (1, Broken));

        private static Gen<GeneratedFile> Files(Gen<string> text, bool broken) =>
            Gen.Select(text.Array[1, 4], Gen.Int[0, int.MaxValue]).Select((texts, seed) => Build(texts, seed, broken));

        /// <summary>The file for <paramref name="texts"/>, laid out from <paramref name="seed"/>.</summary>
        public static GeneratedFile Build(IReadOnlyList<string> texts, int seed, bool broken)
        {
            var random = new Random(seed);
            var builder = new StringBuilder();
            builder.Append(Header);
            var queries = new List<GeneratedQuery>();
            for (var i = 0; i < texts.Count; i++)
            {
                var kind = (LiteralKind)random.Next(Enum.GetValues<LiteralKind>().Length);
                var marker = (QueryMarker)random.Next(Enum.GetValues<QueryMarker>().Length);
                var expression = Encode(texts[i], kind, random);
                switch (marker)
                {
                    case QueryMarker.LangComment:
                        builder.Append("        // lang=promql\n        var q").Append(i).Append(" = ");
                        break;
                    case QueryMarker.StringSyntax:
                        builder.Append("        Run(");
                        break;
                    default:
                        builder.Append("        var q").Append(i).Append(" = ");
                        break;
                }

                queries.Add(new GeneratedQuery(texts[i], kind, marker, new TextSpan(builder.Length, expression.Length)));
                builder.Append(expression).Append(marker == QueryMarker.StringSyntax ? ");\n" : ";\n");
            }

            builder.Append(Footer);
            var source = builder.ToString();
            return broken ? Break(source, queries, random) : new GeneratedFile(source, queries, isBroken: false);
        }

        private const string Header =
            "using System.Diagnostics.CodeAnalysis;\n\nclass C\n{\n"
            + "    const string Metric = \"container_memory_rss\";\n    const string Window = \"5m\";\n    const string Label = \"pod\";\n\n"
            + "    void Run([StringSyntax(\"PromQL\")] string query) { }\n\n"
            + "    void M(string pod, string ns)\n    {\n";

        private const string Footer = "    }\n}\n";

        /// <summary>The C# expression of kind <paramref name="kind"/> whose value is <paramref name="text"/>.</summary>
        public static string Encode(string text, LiteralKind kind, Random random)
        {
            var atoms = Atoms(text, random, kind is LiteralKind.Interpolated or LiteralKind.InterpolatedVerbatim or LiteralKind.RawInterpolated or LiteralKind.Concatenation);
            return kind switch
            {
                LiteralKind.Concatenation => Concatenation(atoms, random),
                _ => EncodeLeaf(atoms, kind, random),
            };
        }

        // A text as characters, holes (U+E000 written as a variable) and constants (a constant's value written as its name).
        private static List<Atom> Atoms(string text, Random random, bool allowHoles)
        {
            var atoms = new List<Atom>();
            for (var i = 0; i < text.Length; i++)
            {
                if (allowHoles && text[i] == '\uE000' && random.Next(4) > 0)
                {
                    atoms.Add(Atom.Hole(HoleVariables[random.Next(HoleVariables.Length)]));
                    continue;
                }

                if (allowHoles && random.Next(2) == 0)
                {
                    var constant = Constants.FirstOrDefault(c => string.CompareOrdinal(text, i, c.Value, 0, c.Value.Length) == 0);
                    if (constant.Name is not null)
                    {
                        atoms.Add(Atom.Constant(constant.Name, constant.Value));
                        i += constant.Value.Length - 1;
                        continue;
                    }
                }

                atoms.Add(Atom.Char(text[i]));
            }

            return atoms;
        }

        private static string EncodeLeaf(List<Atom> atoms, LiteralKind kind, Random random)
        {
            var chars = string.Concat(atoms.Select(a => a.Text));
            switch (kind)
            {
                case LiteralKind.Verbatim when !HasLoneSurrogate(chars):
                    return "@\"" + chars.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                case LiteralKind.RawSingleLine when CanBeRawSingleLine(chars):
                {
                    var quotes = RawQuotes(chars, random);
                    return quotes + chars + quotes;
                }

                case LiteralKind.RawMultiLine when CanBeRawMultiLine(chars):
                    return RawMultiLine(chars, random);
                case LiteralKind.Interpolated:
                    return "$\"" + string.Concat(Runs(atoms).Select(r => r.Hole is { } hole ? HoleText(hole, 1, random) : EscapeRegular(r.Chars!, true, random))) + "\"";
                case LiteralKind.InterpolatedVerbatim when !HasLoneSurrogate(chars):
                    return (random.Next(2) == 0 ? "$@\"" : "@$\"")
                        + string.Concat(atoms.Select(a => a.IsChar ? EscapeVerbatim(a.Value, true) : HoleText(a, 1, random))) + "\"";
                case LiteralKind.RawInterpolated when !HasLoneSurrogate(chars) && !chars.Any(IsOtherLineBreak):
                    return RawInterpolated(atoms, random);
                default:
                    return "\"" + EscapeRegular(chars, false, random) + "\"";
            }
        }

        private static string Concatenation(List<Atom> atoms, Random random)
        {
            // Cut into 2..5 operands: a hole or constant may stand alone as a variable or constant operand.
            var operands = new List<string>();
            var current = new List<Atom>();
            var literalOperands = 0;
            void Flush()
            {
                if (current.Count == 0)
                {
                    return;
                }

                var kind = (LiteralKind)random.Next((int)LiteralKind.Concatenation);
                operands.Add(EncodeLeaf(current, kind, random));
                literalOperands++;
                current = new List<Atom>();
            }

            foreach (var atom in atoms)
            {
                // Operands before the first string literal read as one part (C# may add them as numbers), so only
                // the first operand may be a lone variable until a literal has come.
                if (!atom.IsChar && random.Next(2) == 0 && (literalOperands > 0 || operands.Count == 0))
                {
                    Flush();
                    operands.Add(atom.Name);
                    continue;
                }

                current.Add(atom);
                if (random.Next(Math.Max(2, atoms.Count / 3)) == 0 && !(current[^1].IsChar && char.IsHighSurrogate(current[^1].Value)))
                {
                    Flush();
                }
            }

            Flush();
            if (literalOperands == 0)
            {
                // Otherwise it is no string concatenation by syntax.
                operands.Add(random.Next(2) == 0 ? "\"\"" : "@\"\"");
            }

            if (operands.Count == 1)
            {
                operands.Insert(0, "\"\"");
            }

            // Parentheses around a run of operands: still one concatenation.
            // Two lone variables in parentheses would be one part, as above: one of the two is a literal.
            var at = random.Next(Math.Max(1, operands.Count - 1));
            if (operands.Count > 2 && random.Next(3) == 0 && (IsLiteralOperand(operands[at]) || IsLiteralOperand(operands[at + 1])))
            {
                operands[at] = "(" + operands[at];
                operands[at + 1] += ")";
            }

            return string.Join(random.Next(2) == 0 ? " + " : "\n            + ", operands);
        }

        private static bool IsLiteralOperand(string operand) => operand[0] is '"' or '@' or '$';

        private static string HoleText(Atom atom, int braces, Random random)
        {
            var open = new string('{', braces);
            var close = new string('}', braces);
            var suffix = atom.IsConstant || random.Next(4) > 0 ? string.Empty : random.Next(2) == 0 ? ",5" : ":x";
            return open + atom.Name + suffix + close;
        }

        private static string RawInterpolated(List<Atom> atoms, Random random)
        {
            // A hole next to a literal brace would make a longer brace run: keep such holes as their text.
            for (var i = 0; i < atoms.Count; i++)
            {
                if (!atoms[i].IsChar
                    && ((i > 0 && atoms[i - 1].IsChar && atoms[i - 1].Value is '{' or '}')
                        || (i + 1 < atoms.Count && atoms[i + 1].IsChar && atoms[i + 1].Value is '{' or '}')))
                {
                    atoms = atoms.Take(i).Concat(atoms[i].Text.Select(Atom.Char)).Concat(atoms.Skip(i + 1)).ToList();
                }
            }

            var chars = string.Concat(atoms.Where(a => a.IsChar).Select(a => a.Value));
            var dollars = Math.Max(1 + random.Next(2), LongestRun(chars, '{', '}') + 1);
            var multiLine = chars.Contains('\n', StringComparison.Ordinal) || random.Next(3) == 0
                || (atoms.Count > 0 && ((atoms[0].IsChar && atoms[0].Value == '"') || (atoms[^1].IsChar && atoms[^1].Value == '"')))
                || atoms.Count == 0;
            var quotes = RawQuotes(chars, random);
            var body = new StringBuilder();
            var indent = new string(' ', 4 * random.Next(4));
            var atLineStart = true;
            foreach (var atom in atoms)
            {
                if (multiLine && atLineStart && !(atom.IsChar && atom.Value == '\n'))
                {
                    body.Append(indent);
                }

                body.Append(atom.IsChar ? atom.Value.ToString() : HoleText(atom, dollars, random));
                atLineStart = atom.IsChar && atom.Value == '\n';
            }

            var start = new string('$', dollars) + quotes;
            if (!multiLine)
            {
                return start + body + quotes;
            }

            if (atoms.Count == 0)
            {
                // An empty multi-line raw string: one blank content line would be an empty value too.
                body.Append(indent);
            }

            return start + "\n" + body + "\n" + indent + quotes;
        }

        private static string RawMultiLine(string chars, Random random)
        {
            var quotes = RawQuotes(chars, random);
            var indent = new string(' ', 4 * random.Next(4));
            var lines = chars.Split('\n').Select(line => line.Length == 0 ? line : indent + line);
            return quotes + "\n" + string.Join("\n", lines) + "\n" + indent + quotes;
        }

        // Three or four quotes, or one more than the longest run of quotes in the text.
        private static string RawQuotes(string chars, Random random) =>
            new string('"', Math.Max(3 + random.Next(2), LongestRun(chars, '"', '"') + 1));

        private static bool CanBeRawSingleLine(string chars) =>
            chars.Length > 0 && chars[0] != '"' && chars[^1] != '"' && !chars.Any(IsLineBreak) && !HasLoneSurrogate(chars);

        private static bool CanBeRawMultiLine(string chars) =>
            chars.Length > 0 && !chars.Any(IsOtherLineBreak) && !HasLoneSurrogate(chars);

        private static bool IsLineBreak(char c) => c == '\n' || IsOtherLineBreak(c);

        // Line breaks C# knows besides \n: a raw multi-line literal would turn them (or \r\n) into lines of its own.
        private static bool IsOtherLineBreak(char c) => c is '\r' or '\u0085' or '\u2028' or '\u2029';

        private static bool HasLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static int LongestRun(string text, char a, char b)
        {
            int longest = 0, run = 0;
            char previous = '\0';
            foreach (var c in text)
            {
                run = (c == a || c == b) && (run == 0 || c == previous) ? run + 1 : (c == a || c == b) ? 1 : 0;
                previous = c;
                longest = Math.Max(longest, run);
            }

            return longest;
        }

        // Consecutive characters as one string, each hole or constant on its own.
        private static IEnumerable<(string? Chars, Atom? Hole)> Runs(List<Atom> atoms)
        {
            var run = new StringBuilder();
            foreach (var atom in atoms)
            {
                if (atom.IsChar)
                {
                    run.Append(atom.Value);
                    continue;
                }

                if (run.Length > 0)
                {
                    yield return (run.ToString(), null);
                    run.Clear();
                }

                yield return (null, atom);
            }

            if (run.Length > 0)
            {
                yield return (run.ToString(), null);
            }
        }

        // The characters of a regular (or interpolated regular) literal, each escaped in one of the ways C# allows.
        private static string EscapeRegular(string text, bool braces, Random random)
        {
            var builder = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); continue;
                    case '\\': builder.Append("\\\\"); continue;
                    case '\n': builder.Append("\\n"); continue;
                    case '\r': builder.Append("\\r"); continue;
                    case '\t': builder.Append(random.Next(2) == 0 ? "\\t" : "\t"); continue;
                    case '{' when braces: builder.Append("{{"); continue;
                    case '}' when braces: builder.Append("}}"); continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    switch (random.Next(3))
                    {
                        case 0: builder.Append("\\U").Append(char.ConvertToUtf32(c, text[i + 1]).ToString("X8", CultureInfo.InvariantCulture)); break;
                        case 1: builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append("\\u").Append(((int)text[i + 1]).ToString("x4", CultureInfo.InvariantCulture)); break;
                        default: builder.Append(c).Append(text[i + 1]); break;
                    }

                    i++;
                    continue;
                }

                if (char.IsSurrogate(c) || char.IsControl(c) || IsOtherLineBreak(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else if (char.IsLetterOrDigit(c) && c < 128 && random.Next(6) == 0)
                {
                    // \x takes up to four hex digits: always four, so the next character cannot join the escape.
                    builder.Append(random.Next(2) == 0 ? "\\u" : "\\x").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static string EscapeVerbatim(char c, bool braces) => c switch
        {
            '"' => "\"\"",
            '{' when braces => "{{",
            '}' when braces => "}}",
            _ => c.ToString(),
        };

        private static string Mutate(string text, (int Kind, int Position, int Fragment) edit)
        {
            var at = text.Length == 0 ? 0 : edit.Position % (text.Length + 1);
            return edit.Kind switch
            {
                0 => text.Remove(Math.Min(at, text.Length), Math.Min(text.Length - Math.Min(at, text.Length), 1 + (edit.Position % 6))),
                1 or 2 => text.Insert(at, Fragments[edit.Fragment]),
                3 => text.Substring(0, at),
                _ => text.Insert(at, text.Substring(0, Math.Min(at, 30))),
            };
        }

        /// <summary>Breaks the C# of one query: unterminated strings, stray braces, quotes and backslashes, truncation.</summary>
        private static GeneratedFile Break(string source, List<GeneratedQuery> queries, Random random)
        {
            var query = queries[random.Next(queries.Count)];
            var span = query.Span;
            var at = span.Start + random.Next(span.Length + 1);
            string broken = random.Next(6) switch
            {
                // Unterminated: the last character (a quote, usually) gone.
                0 => source.Remove(span.End - 1, 1),
                // The file ends inside the string.
                1 => source.Substring(0, at),
                2 => source.Insert(at, "{"),
                3 => source.Insert(at, random.Next(2) == 0 ? "\"" : "\\"),
                4 => source.Insert(at, random.Next(2) == 0 ? "\n" : "}"),
                _ => source.Insert(at, Fragments[random.Next(Fragments.Length)]),
            };
            return new GeneratedFile(broken, queries, isBroken: true);
        }

        private readonly record struct Atom(char Value, string Name, string Text)
        {
            public bool IsChar => Name is null;

            public bool IsConstant => Name is not null && Text != "\uE000";

            public static Atom Char(char c) => new Atom(c, null!, c.ToString());

            public static Atom Hole(string variable) => new Atom('\uE000', variable, "\uE000");

            public static Atom Constant(string name, string value) => new Atom('\0', name, value);
        }
    }
}
