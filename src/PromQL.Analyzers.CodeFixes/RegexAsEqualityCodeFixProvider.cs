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
    /// PROMQL020: writes a regex matcher without metacharacters as the equality it is, <c>=~</c> as <c>=</c> and
    /// <c>!~</c> as <c>!=</c>; the value, free of every character a regex escapes, stays as written. The rule places the
    /// edit (<see cref="RegexWithoutMetacharactersRule"/>); the fixer maps it and checks that an equality of the same value
    /// now stands there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegexAsEqualityCodeFixProvider)), Shared]
    public sealed class RegexAsEqualityCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RegexWithoutMetacharacters + ".UseEquality";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use = or != for a plain value";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RegexAsEqualityCodeFixProvider()
            : base(DiagnosticIds.RegexWithoutMetacharacters, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that turn the operator into an equality, or null when none is safe or the diagnostic does not say.</summary>
        internal static Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            ReplacementFix.ComputeAsync(
                document,
                diagnostic,
                DiagnosticIds.RegexWithoutMetacharacters,
                (node, start) => Matchers.At(node, start) is { Type: MatchType.Equal or MatchType.NotEqual, ValueHasHole: false, NameHasHole: false } matcher
                    && matcher.Value.Length > 0,
                cancellationToken,
                editsFit: (text, edits) => edits.Count == 1 && edits[0].End == edits[0].Start + 1 && edits[0].Start > 0 && text[edits[0].Start] == '~'
                    && ((text[edits[0].Start - 1] == '=' && edits[0].NewText.Length == 0) || (text[edits[0].Start - 1] == '!' && edits[0].NewText == "=")));
    }
}
