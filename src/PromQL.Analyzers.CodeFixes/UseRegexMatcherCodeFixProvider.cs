using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;
using PromQL.Parsing.Semantics;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL023: writes an equality whose value is clearly a regex or a glob as the regex matcher it meant, <c>=</c> as
    /// <c>=~</c> and <c>!=</c> as <c>!~</c>; a regex value stays as written, a glob becomes its RE2 form (<c>*</c> to
    /// <c>.*</c>, <c>?</c> to <c>.</c>, a dot escaped). The rule places the edit (<see cref="EqualityWithRegexValueRule"/>);
    /// the fixer maps it and checks that a regex matcher with a valid regex now stands there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRegexMatcherCodeFixProvider)), Shared]
    public sealed class UseRegexMatcherCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.EqualityWithRegexValue + ".UseRegex";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use =~ or !~ for a regex value";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public UseRegexMatcherCodeFixProvider()
            : base(DiagnosticIds.EqualityWithRegexValue, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that turn the equality into a regex matcher, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.EqualityWithRegexValue,
                (node, start) => Matchers.At(node, start) is { Type: MatchType.Regexp or MatchType.NotRegexp, ValueHasHole: false, NameHasHole: false } matcher
                    && matcher.Value.Length > 0 && PromQlRegex.TryParse(matcher.Value, out _),
                cancellationToken,
                editsFit: IsRegexOperator);

        // One edit that starts with the ~ of the operator: after the = of an equality, or over the = of !=.
        private static bool IsRegexOperator(string text, IReadOnlyList<QueryEdit> edits)
        {
            if (edits.Count != 1 || edits[0].Start <= 0 || edits[0].NewText.Length == 0 || edits[0].NewText[0] != '~')
            {
                return false;
            }

            var edit = edits[0];
            var equality = text[edit.Start - 1] == '=' && (edit.Start < 2 || text[edit.Start - 2] != '!');
            var inequality = edit.End > edit.Start && text[edit.Start] == '=' && text[edit.Start - 1] == '!';
            return equality || inequality;
        }
    }
}
