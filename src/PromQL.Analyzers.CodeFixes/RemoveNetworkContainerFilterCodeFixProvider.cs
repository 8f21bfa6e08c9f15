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
    /// PROMQL005: deletes the <c>container</c> matcher of a <c>container_network_*</c> selector, with its comma (or the
    /// braces it was alone in). The rule gives the deletion (<see cref="FixProperties.ReplaceStart"/>,
    /// <see cref="FixProperties.ReplaceEnd"/>, an empty <see cref="FixProperties.ReplaceText"/>), which covers the reported
    /// matcher; the fixer maps it into the literal and checks that the edited query parses and the rule finds one
    /// matcher fewer. A grouping label is reported without a fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveNetworkContainerFilterCodeFixProvider)), Shared]
    public sealed class RemoveNetworkContainerFilterCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.NetworkContainerFilter + ".RemoveContainerMatcher";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Remove the container matcher";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RemoveNetworkContainerFilterCodeFixProvider()
            : base(DiagnosticIds.NetworkContainerFilter, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that remove the matcher, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.NetworkContainerFilter
                || !FixProperties.TryGetReplacement(diagnostic.Properties, out var start, out var end, out var replacement)
                || replacement.Length != 0)
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
            {
                return null;
            }

            var (query, nodeStart, nodeEnd) = located;
            var text = query.Text.Text;
            if (start > nodeStart || end < nodeEnd || end > text.Length || start >= end || !OnlySeparators(text, start, nodeStart, nodeEnd, end))
            {
                return null;
            }

            var edits = new[] { QueryEdit.Delete(start, end) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            if (changes is null)
            {
                return null;
            }

            // What the title promises: the query still parses and has one reported matcher fewer. Keeps hands the root
            // first; the rule walks it whole, so no other node needs asking.
            var before = Count(PromQL.Parsing.PromQlParser.Parse(text).Expression, text);
            var edited = query.Apply(edits);
            var root = true;
            return LocatedQuery.Keeps(edited, node =>
            {
                var isRoot = root;
                root = false;
                return isRoot && Count(node, edited) < before;
            })
                ? changes
                : null;
        }

        /// <summary>
        /// Whether what the deletion takes beside the matcher is what the rule deletes: commas and spaces, or the braces
        /// around the matcher alone.
        /// </summary>
        private static bool OnlySeparators(string text, int start, int nodeStart, int nodeEnd, int end)
        {
            if (text[start] == '{' && text[end - 1] == '}')
            {
                start++;
                end--;
            }

            for (var i = start; i < end; i++)
            {
                if ((i < nodeStart || i >= nodeEnd) && text[i] != ',' && !char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static int Count(Expr? root, string text)
        {
            if (root is null)
            {
                return 0;
            }

            var findings = new List<Finding>();
            NetworkContainerFilterRule.Find(root, text, Configuration.PromQlAnalyzerOptions.Default, findings);
            var matchers = 0;
            foreach (var finding in findings)
            {
                matchers += finding.Properties.ContainsKey(FixProperties.ReplaceStart) ? 1 : 0;
            }

            return matchers;
        }
    }
}
