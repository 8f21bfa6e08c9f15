using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL001: adds <c>container!=""</c> as the selector's first matcher (<c>{container!=""}</c> after a bare
    /// name), quoted like the selector's other matchers. Matchers already there stay, <c>container!="POD"</c>
    /// included: the new one drops the pod-level series beside them.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddContainerFilterCodeFixProvider)), Shared]
    public sealed class AddContainerFilterCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.ContainerFilterMissing + ".AddContainerFilter";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Add container!=\"\"";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public AddContainerFilterCodeFixProvider()
            : base(DiagnosticIds.ContainerFilterMissing, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that add the filter to the selector reported at <paramref name="span"/>, or null when none is safe.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            var found = await LocatedQuery.FindAsync(
                document,
                span,
                query => query.FindNode<VectorSelector>(s => query.Text.GetSourceSpan(s.Start, CadvisorSelectors.SelectorEnd(s)) == span),
                cancellationToken).ConfigureAwait(false);
            if (found is not { } located)
            {
                return null;
            }

            var (query, selector) = located;
            if (!CanAddFilter(query, selector))
            {
                return null;
            }

            var edit = FilterEdit(selector, query.Text.Text);
            var changes = LiteralEditor.TryMap(query, new[] { edit }, cancellationToken);
            // What the title promises: the selector no longer keeps the pod-level series.
            return changes is not null
                && LocatedQuery.Keeps(query.Apply(new[] { edit }), node => node is VectorSelector edited && edited.Start == selector.Start
                    && CadvisorSelectors.KeepsPodLevelSeries(edited, PromQlAnalyzerOptions.Default) == false)
                ? changes
                : null;
        }

        private static bool CanAddFilter(LocatedQuery query, VectorSelector selector)
        {
            var text = query.Text;
            var end = CadvisorSelectors.SelectorEnd(selector);
            if (selector.NameHasHole)
            {
                return false;
            }

            foreach (var matcher in selector.Matchers)
            {
                // A hole in a name may be anything; a container matcher that lets only "" through selects exactly the
                // pod-level series on purpose, and the filter would make it select nothing.
                if (matcher.NameHasHole
                    || (matcher.Name == CadvisorSelectors.ContainerLabel && !matcher.ValueHasHole
                        && (matcher.Type == MatchType.Equal || matcher.Type == MatchType.Regexp) && matcher.Value.Length == 0))
                {
                    return false;
                }
            }

            // Values unknown until run time (holes, operands of + that are not constants) may stand in label values
            // only: elsewhere they could hold braces, commas or whole matchers. Constants are known text.
            for (var i = selector.Start; i < end; i++)
            {
                if (text.Text[i] == PromQlParser.HoleCharacter && !InsideValue(selector, i))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool InsideValue(VectorSelector selector, int index)
        {
            foreach (var matcher in selector.Matchers)
            {
                if (index > matcher.ValueStart && index < matcher.ValueEnd - 1)
                {
                    return true;
                }
            }

            return false;
        }

        private static QueryEdit FilterEdit(VectorSelector selector, string text)
        {
            var quote = QuoteOf(selector);
            var matcher = CadvisorSelectors.ContainerLabel + "!=" + quote + quote;
            if (selector.OpenBrace >= 0)
            {
                // "{ns" gets "{container!=\"\", ns"; "{\n  ns" or "{ ns" keep their own spacing after the comma.
                var position = selector.OpenBrace + 1;
                var spaced = position < text.Length && char.IsWhiteSpace(text[position]);
                return QueryEdit.Insert(position, selector.Matchers.Count == 0 ? matcher : matcher + (spaced ? "," : ", "));
            }

            return QueryEdit.Insert(selector.NameEnd, "{" + matcher + "}");
        }

        // The quote of the selector's first quoted value, so the new matcher looks like its neighbours.
        private static char QuoteOf(VectorSelector selector)
        {
            foreach (var matcher in selector.Matchers)
            {
                if (matcher.ValueStart >= 0 && !matcher.IsBareMetricName)
                {
                    return matcher.ValueQuote;
                }
            }

            return '"';
        }
    }
}
