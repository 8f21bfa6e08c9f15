using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL023: an <c>=</c> or <c>!=</c> matcher whose value is clearly a regex (<c>code="5.."</c>, <c>pod="api-.*"</c>,
    /// <c>instance="a|b"</c>) or a glob (<c>job="*-api"</c>). Prometheus compares an equality with the string as written,
    /// so such a matcher matches only a label value spelled with those metacharacters. "Clearly" is a short list of
    /// shapes (<see cref="RegexFor"/>); in every case the regex must compile with the RE2 port and mean something else
    /// than the string. Never for plain values with dots, dashes, colons, slashes, plus signs or brackets (IPs,
    /// host:port, versions, paths, <c>+Inf</c>), for Grafana variables, or for holes. The fix writes <c>=~</c> or <c>!~</c>
    /// (<see cref="Properties"/>).
    /// </summary>
    internal sealed class EqualityWithRegexValueRule : QueryRule
    {
        public static readonly EqualityWithRegexValueRule Instance = new EqualityWithRegexValueRule();

        private EqualityWithRegexValueRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.EqualityWithRegexValue);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>The rule over a tree: every matcher of every selector below <paramref name="root"/>.</summary>
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
                    if (matcher.IsBareMetricName || !SelectorMatchers.IsKnown(matcher) || matcher.Type is not (MatchType.Equal or MatchType.NotEqual)
                        || RegexFor(matcher.Value, out var glob) is not { } regex)
                    {
                        continue;
                    }

                    var rewritten = new LabelMatcher(matcher.Name, matcher.Type == MatchType.Equal ? MatchType.Regexp : MatchType.NotRegexp, regex, 0, 0, 0, 0, 0, 0, valueQuote: matcher.ValueQuote);
                    findings.Add(new Finding(
                        PromQL.Analyzers.Descriptors.EqualityWithRegexValue,
                        matcher.Start,
                        matcher.End,
                        Properties(text, matcher, regex, glob),
                        "'" + matcher + "'",
                        glob ? "glob" : "regex",
                        "'" + rewritten + "'"));
                }
            }
        }

        /// <summary>
        /// The fix's one replacement, from just after the <c>=</c> of <c>=</c> (or at the <c>=</c> of <c>!=</c>) up to the
        /// value's closing quote: <c>~</c>, the spaces and the opening quote as written, then the regex written for that
        /// quote (a backslash doubled between double or single quotes). A regex written as it stands keeps its value
        /// untouched (the edit is the operator alone); a leading <c>~</c> is deleted; a glob's value is rewritten, only
        /// where its text is the value itself (no escape in it). No edit where the operator or the text cannot be read.
        /// </summary>
        private static System.Collections.Immutable.ImmutableDictionary<string, string?> Properties(string? text, LabelMatcher matcher, string regex, bool glob)
        {
            if (text is null || !SelectorMatchers.TryGetOperator(text, matcher, out var op) || matcher.ValueEnd > text.Length
                || matcher.ValueEnd - matcher.ValueStart < 2 || matcher.ValueHasHole || matcher.NameHasHole)
            {
                return text is null ? FixProperties.None : FixProperties.AtNode(matcher.Start, matcher.End, text.Length).ToImmutable();
            }

            var builder = FixProperties.AtNode(matcher.Start, matcher.End, text.Length);
            var at = op + 1;
            var afterOperator = matcher.Type == MatchType.Equal ? op + 1 : op + 2;
            var written = text.Substring(matcher.ValueStart + 1, matcher.ValueEnd - matcher.ValueStart - 2);
            string replacement;
            int end;
            if (!glob && regex == matcher.Value)
            {
                end = afterOperator;
                replacement = "~";
            }
            else if (written == matcher.Value && (glob || (regex.Length + 1 == written.Length && written[0] == '~')))
            {
                end = matcher.ValueEnd - 1;
                var quote = text[matcher.ValueStart];
                replacement = "~" + text.Substring(afterOperator, matcher.ValueStart + 1 - afterOperator) + (quote == '`' ? regex : regex.Replace("\\", "\\\\"));
            }
            else
            {
                return builder.ToImmutable();
            }

            builder[FixProperties.ReplaceStart] = FixProperties.Offset(at);
            builder[FixProperties.ReplaceEnd] = FixProperties.Offset(end);
            builder[FixProperties.ReplaceText] = replacement;
            return builder.ToImmutable();
        }

        /// <summary>
        /// The regex a plain <paramref name="value"/> of an equality clearly means, or null when it is not clearly one.
        /// A regex: a <c>.</c> quantified (<c>.*</c>, <c>.+</c>, <c>.?</c>, <c>.{n}</c>), a class with a range
        /// (<c>[0-9]</c>, <c>[^a-z]</c>), <c>\d</c>, <c>\w</c> or <c>\s</c> quantified, an escaped dot between word characters
        /// (<c>api\.example</c>), a run of two or more dots after digits at the end of an alternative (<c>5..</c>), or a
        /// <c>|</c> between non-empty alternatives; every quantifier must follow a regex atom (so <c>1.28+|1.29</c>, whose
        /// <c>+</c> follows a digit, is no regex), every bracket must open such a class (so no IPv6 <c>[::1]</c>), and a
        /// leading <c>~</c> (<c>="~.*"</c>, the tilde on the wrong side) is dropped. A glob (<paramref name="glob"/>): letters,
        /// digits and <c>-_.:@</c> with a <c>*</c> at the start, the end or beside a separator, or a <c>?</c> between
        /// separators, translated to RE2 (<c>*</c> to <c>.*</c>, <c>?</c> to <c>.</c>, <c>.</c> to <c>\.</c>). Never with
        /// whitespace, a <c>$</c> before the end (Grafana's <c>$var</c>, <c>${var}</c>), <c>[[</c>, <c>{{</c>, a Windows
        /// path (<c>:\</c>, <c>\\</c>), a <c>/</c> in a glob (routes such as <c>/**</c>, MIME types), or <c>**</c>. The
        /// result compiles with the RE2 port and does not match just the value itself.
        /// </summary>
        internal static string? RegexFor(string value, out bool glob)
        {
            glob = false;
            if (value.Length == 0 || value.Contains("[[") || value.Contains("{{") || value.Contains(":\\") || value.Contains("\\\\"))
            {
                return null;
            }

            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == PromQL.Parsing.PromQlParser.HoleCharacter || (c == '$' && i != value.Length - 1))
                {
                    return null;
                }
            }

            var body = value[0] == '~' && value.Length > 1 ? value.Substring(1) : value;
            if (HasRegexEvidence(body))
            {
                return QuantifiersFollowAtoms(body) && BracketsAreRangeClasses(body) && BracesAreRepetitions(body) && Differs(body, value) ? body : null;
            }

            if (body.Length == value.Length && IsGlob(value))
            {
                var translated = Translate(value);
                glob = true;
                return Differs(translated, value) ? translated : null;
            }

            return null;
        }

        private static bool Differs(string regex, string value) =>
            PromQlRegex.TryParse(regex, out var parsed) && !(parsed!.IsLiteral(out var literal) && literal == value);

        private static bool HasRegexEvidence(string v)
        {
            for (var i = 0; i < v.Length; i++)
            {
                var c = v[i];
                var next = i + 1 < v.Length ? v[i + 1] : '\0';
                if (c == '.' && (next is '*' or '+' or '?' || (next == '{' && i + 2 < v.Length && char.IsDigit(v[i + 2]))))
                {
                    return true;
                }

                if (c == '\\' && next is 'd' or 'D' or 'w' or 'W' or 's' or 'S' && i + 2 < v.Length && v[i + 2] is '+' or '*' or '?' or '{')
                {
                    return true;
                }

                if (c == '\\' && next == '.' && i > 0 && IsWord(v[i - 1]) && i + 2 < v.Length && IsWord(v[i + 2]))
                {
                    return true;
                }

                if (c == '[' && RangeClassEnd(v, i) > 0)
                {
                    return true;
                }
            }

            var parts = v.Split('|');
            if (parts.Length > 1)
            {
                var allNonEmpty = true;
                foreach (var part in parts)
                {
                    allNonEmpty &= part.Length > 0;
                }

                if (allNonEmpty)
                {
                    return true;
                }
            }

            foreach (var part in parts)
            {
                if (IsStatusClass(part))
                {
                    return true;
                }
            }

            return false;
        }

        // 5.., 2..., 50..: digits, then two dots or more, alone in their alternative.
        private static bool IsStatusClass(string part)
        {
            var digits = 0;
            while (digits < part.Length && part[digits] is >= '0' and <= '9')
            {
                digits++;
            }

            var dots = part.Length - digits;
            if (digits == 0 || dots < 2)
            {
                return false;
            }

            for (var i = digits; i < part.Length; i++)
            {
                if (part[i] != '.')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Where a class that holds a range (and only letters, digits and ranges, perhaps negated) ends, after its <c>]</c>; 0 when the bracket opens no such class.</summary>
        private static int RangeClassEnd(string v, int open)
        {
            var i = open + 1;
            if (i < v.Length && v[i] == '^')
            {
                i++;
            }

            var first = i;
            var hasRange = false;
            for (; i < v.Length && v[i] != ']'; i++)
            {
                var c = v[i];
                if (c == '-')
                {
                    if (i == first || i + 1 >= v.Length || v[i + 1] == ']' || !SameKindAscending(v[i - 1], v[i + 1]))
                    {
                        return 0;
                    }

                    hasRange = true;
                }
                else if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'))
                {
                    return 0;
                }
            }

            return i < v.Length && hasRange ? i + 1 : 0;
        }

        private static bool SameKindAscending(char a, char b) =>
            a < b && ((a is >= '0' and <= '9' && b is >= '0' and <= '9') || (a is >= 'a' and <= 'z' && b is >= 'a' and <= 'z') || (a is >= 'A' and <= 'Z' && b is >= 'A' and <= 'Z'));

        private static bool BracketsAreRangeClasses(string v)
        {
            for (var i = 0; i < v.Length; i++)
            {
                if (v[i] == ']' && (i == 0 || v[i - 1] != '\\'))
                {
                    return false;
                }

                if (v[i] == '[' && (i == 0 || v[i - 1] != '\\'))
                {
                    var end = RangeClassEnd(v, i);
                    if (end == 0)
                    {
                        return false;
                    }

                    i = end - 1;
                }
            }

            return true;
        }

        // Every { opens a repetition {n}, {n,} or {n,m} after a regex atom.
        private static bool BracesAreRepetitions(string v)
        {
            for (var i = 0; i < v.Length; i++)
            {
                if (v[i] == '}')
                {
                    return false;
                }

                if (v[i] != '{')
                {
                    continue;
                }

                if (i == 0 || !FollowsAtom(v, i))
                {
                    return false;
                }

                var j = i + 1;
                var digits = 0;
                while (j < v.Length && (char.IsDigit(v[j]) || v[j] == ','))
                {
                    digits += char.IsDigit(v[j]) ? 1 : 0;
                    j++;
                }

                if (j >= v.Length || v[j] != '}' || digits == 0 || !char.IsDigit(v[i + 1]))
                {
                    return false;
                }

                i = j;
            }

            return true;
        }

        private static bool QuantifiersFollowAtoms(string v)
        {
            for (var i = 0; i < v.Length; i++)
            {
                if (v[i] is '*' or '+' or '?' && (i == 0 || v[i - 1] != '\\'))
                {
                    if (i == 0 || !(FollowsAtom(v, i) || (v[i] == '?' && v[i - 1] is '*' or '+' or '?')))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // The character before i ends a regex atom: . ] ) } or an escape such as \d.
        private static bool FollowsAtom(string v, int i) =>
            v[i - 1] is '.' or ']' or ')' or '}' || (i >= 2 && v[i - 2] == '\\');

        private static bool IsGlob(string v)
        {
            var wildcards = 0;
            for (var i = 0; i < v.Length; i++)
            {
                var c = v[i];
                var before = i == 0 ? ' ' : v[i - 1];
                var after = i + 1 == v.Length ? ' ' : v[i + 1];
                switch (c)
                {
                    case '*':
                        if (before == '*' || after == '*' || !(IsEdge(before) || IsEdge(after)))
                        {
                            return false;
                        }

                        wildcards++;
                        break;
                    case '?':
                        if (v.Length == 1 || !IsEdge(before) || !IsEdge(after))
                        {
                            return false;
                        }

                        wildcards++;
                        break;
                    default:
                        if (!(char.IsLetterOrDigit(c) || IsSeparator(c)))
                        {
                            return false;
                        }

                        break;
                }
            }

            return wildcards > 0;
        }

        // ' ' stands for the start or the end of the value.
        private static bool IsEdge(char c) => c == ' ' || IsSeparator(c);

        private static bool IsSeparator(char c) => c is '-' or '_' or '.' or ':' or '@';

        private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary>A glob as RE2: <c>*</c> is <c>.*</c>, <c>?</c> is <c>.</c>, a dot is escaped; the other characters of a glob are no metacharacters.</summary>
        internal static string Translate(string glob)
        {
            var builder = new StringBuilder(glob.Length + 8);
            foreach (var c in glob)
            {
                builder.Append(c switch
                {
                    '*' => ".*",
                    '?' => ".",
                    '.' => "\\.",
                    _ => c.ToString(),
                });
            }

            return builder.ToString();
        }
    }
}
