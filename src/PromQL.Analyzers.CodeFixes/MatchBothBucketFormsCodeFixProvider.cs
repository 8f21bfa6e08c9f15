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
    /// PROMQL031: matches both forms of an integer <c>le</c> or <c>quantile</c> value, the one written before Prometheus 3
    /// and the float form it stores since: <c>le="1"</c> becomes <c>le=~"1(\\.0)?"</c> (kubernetes-mixin's form),
    /// <c>le=~"1|5"</c> becomes <c>le=~"1(\\.0)?|5"</c>, and <c>le="1000000"</c> becomes <c>le=~"1000000|1e\\+06"</c>. The rule gives the alternative to insert and, for an equality, where its operator stands; the
    /// fixer maps both edits into the literal and checks that the edited query parses and the rule reports nothing there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MatchBothBucketFormsCodeFixProvider)), Shared]
    public sealed class MatchBothBucketFormsCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.IntegerBucketValue + ".MatchBothForms";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Match the integer and the Prometheus 3 float form";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public MatchBothBucketFormsCodeFixProvider()
            : base(DiagnosticIds.IntegerBucketValue, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that add the stored form, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.IntegerBucketValue
                || !FixProperties.TryGetReplacement(properties, out var insertAt, out var insertEnd, out var alternative)
                || insertAt != insertEnd || alternative.Length == 0)
            {
                return null;
            }

            var hasOperator = properties.ContainsKey(FixProperties.RegexOperatorAt);
            var operatorAt = -1;
            if (hasOperator && !FixProperties.TryGetOffset(properties, FixProperties.RegexOperatorAt, out operatorAt))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || insertAt != located.NodeEnd)
            {
                return null;
            }

            var (query, start, _) = located;
            var text = query.Text.Text;

            // The added form is the stored form of this integer: written only where the integer is too, in a literal of the
            // string, never beside a constant or a hole whose value may change.
            for (var i = start; i < insertAt; i++)
            {
                if (!LiteralEditor.IsLiteral(query.Text.GetPiece(i)))
                {
                    return null;
                }
            }
            var edits = new List<QueryEdit>(2);
            if (hasOperator)
            {
                // "=" gains a "~"; "!=" has its "=" replaced. The operator stands before the value, so the edits keep order.
                if (operatorAt >= start || operatorAt + 1 >= text.Length)
                {
                    return null;
                }

                if (text[operatorAt] == '=' && text[operatorAt + 1] != '~')
                {
                    edits.Add(QueryEdit.Insert(operatorAt + 1, "~"));
                }
                else if (text[operatorAt] == '!' && text[operatorAt + 1] == '=' && operatorAt + 2 < text.Length && text[operatorAt + 2] != '~')
                {
                    edits.Add(new QueryEdit(operatorAt + 1, operatorAt + 2, "~"));
                }
                else
                {
                    return null;
                }
            }

            edits.Add(QueryEdit.Insert(insertAt, alternative));
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            var edited = query.Apply(edits);
            var shift = hasOperator ? 1 : 0;

            // What the title promises: the query still parses, a regex matcher stands where the matcher stood, the added text is
            // the integer's stored form written for that matcher's quotes, and the rule reports nothing at the value any more.
            // Keeps hands the root first; the rule walks it whole.
            var value = text.Substring(start, insertAt - start);
            if (IntegerBucketValueRule.StoredForm(value) is not { } stored)
            {
                return null;
            }

            var addition = IntegerBucketValueRule.Addition(value, stored);
            var root = true;
            return changes is not null
                && LocatedQuery.Keeps(edited, node =>
                {
                    var isRoot = root;
                    root = false;
                    return isRoot && RegexAt(node, start + shift) is { } m
                        && alternative == (m.ValueQuote == '`' ? addition : addition.Replace("\\", "\\\\"))
                        && !Reports(node, edited, start + shift);
                })
                ? changes
                : null;
        }

        /// <summary>The regex matcher whose value holds the character at <paramref name="valueCharacter"/>, or null.</summary>
        private static LabelMatcher? RegexAt(Expr root, int valueCharacter)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                if (node is VectorSelector selector)
                {
                    foreach (var m in selector.Matchers)
                    {
                        if (m.ValueStart < valueCharacter && valueCharacter < m.ValueEnd)
                        {
                            return m.Type is MatchType.Regexp or MatchType.NotRegexp ? m : null;
                        }
                    }
                }
            }

            return null;
        }

        private static bool Reports(Expr root, string text, int start)
        {
            var findings = new List<Finding>();
            IntegerBucketValueRule.Find(root, text, Configuration.PromQlAnalyzerOptions.Default, findings);
            foreach (var finding in findings)
            {
                if (finding.Start == start)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
