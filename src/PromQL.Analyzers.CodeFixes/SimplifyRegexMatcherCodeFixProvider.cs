using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL022: removes a <c>=~".*"</c> matcher (with a comma beside it, or the braces after a metric name when it is
    /// alone), and writes <c>=~".+"</c> as <c>!=""</c> and <c>!~".+"</c> as <c>=""</c>. The rule places the edit
    /// (<see cref="TrivialRegexMatcherRule"/>); the fixer maps it and checks that the edited query parses and, for an
    /// equality, that an empty-valued equality now stands where the regex did.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SimplifyRegexMatcherCodeFixProvider)), Shared]
    public sealed class SimplifyRegexMatcherCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.TrivialRegexMatcher + ".Simplify";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove the matcher or write it as an equality";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public SimplifyRegexMatcherCodeFixProvider()
            : base(DiagnosticIds.TrivialRegexMatcher, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            // A removal may take the comma before the matcher or the braces around it, outside the matcher's span; its
            // promise is that the query still parses, which a selector left with no matcher that rejects "" would not.
            var removes = diagnostic.Properties.TryGetValue(FixProperties.ReplaceText, out var text) && text is { Length: 0 };
            var nodeStart = 0;
            var nodeEnd = 0;
            if (removes && !FixProperties.TryGetNode(diagnostic.Properties, out nodeStart, out nodeEnd, out _))
            {
                return Task.FromResult<IReadOnlyList<TextChange>?>(null);
            }

            return ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.TrivialRegexMatcher,
                (node, start) => removes
                    || (Matchers.At(node, start) is { Type: MatchType.Equal or MatchType.NotEqual, Value.Length: 0, ValueHasHole: false }),
                cancellationToken,
                insideNode: !removes,
                editsFit: removes ? (query, edits) => IsRemoval(query, edits, nodeStart, nodeEnd) : IsEqualityForRegex);
        }

        // The matcher deleted with nothing around it but spaces, a comma and the braces.
        private static bool IsRemoval(string text, IReadOnlyList<QueryEdit> edits, int nodeStart, int nodeEnd)
        {
            if (edits.Count != 1 || edits[0].NewText.Length != 0 || edits[0].Start > nodeStart || edits[0].End < nodeEnd)
            {
                return false;
            }

            for (var i = edits[0].Start; i < edits[0].End; i++)
            {
                if ((i < nodeStart || i >= nodeEnd) && text[i] is not (' ' or '\t' or '\n' or '\r' or ',' or '{' or '}'))
                {
                    return false;
                }
            }

            return true;
        }

        // An equality written over a regex matcher's operator and value: =~ by !=, !~ by =, and two quotes at the end.
        private static bool IsEqualityForRegex(string text, IReadOnlyList<QueryEdit> edits)
        {
            if (edits.Count != 1 || edits[0].End - edits[0].Start < 4)
            {
                return false;
            }

            var edit = edits[0];
            var op = text.Substring(edit.Start, 2);
            var equality = op == "=~" ? "!=" : op == "!~" ? "=" : null;
            var replacement = edit.NewText;
            return equality is not null && replacement.Length >= equality.Length + 2
                && replacement.StartsWith(equality, System.StringComparison.Ordinal)
                && replacement[replacement.Length - 1] == replacement[replacement.Length - 2]
                && replacement[replacement.Length - 1] is '"' or '\'' or '`'
                && replacement.Substring(equality.Length, replacement.Length - equality.Length - 2).Trim().Length == 0;
        }
    }
}
