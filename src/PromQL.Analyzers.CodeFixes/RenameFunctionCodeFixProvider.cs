using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL030: renames a function Prometheus renamed (<c>holt_winters</c> to <c>double_exponential_smoothing</c>). The rule
    /// gives the new name as its one replacement of the name; the fixer maps it into the literal and checks that the edited
    /// query parses, with a call of the new name where the old one stood.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameFunctionCodeFixProvider)), Shared]
    public sealed class RenameFunctionCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RenamedFunction + ".RenameFunction";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use the function's new name";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public RenameFunctionCodeFixProvider()
            : base(DiagnosticIds.RenamedFunction, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes that rename the call, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.RenamedFunction
                || !FixProperties.TryGetReplacement(properties, out var start, out var end, out var name) || !RenamedFunctionRule.IsNewName(name))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || start != located.NodeStart || end != located.NodeEnd || end > located.Query.Text.Text.Length)
            {
                return null;
            }

            var query = located.Query;
            var edits = new[] { new QueryEdit(start, end, name) };
            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            return changes is not null && Keeps(query.Apply(edits), start, name) ? changes : null;
        }

        /// <summary>
        /// What the title promises: the edited query parses with a known call of the new name where the old name stood, or its
        /// first error is a later call of a renamed function, which the parser reaches only now (the rule reports it next).
        /// </summary>
        private static bool Keeps(string edited, int start, string name)
        {
            var result = PromQlParser.Parse(edited);
            if (result.Expression is null)
            {
                return result.Diagnostics.Count > 0 && result.Diagnostics[0].Start > start + name.Length
                    && RenamedFunctionRule.Explains(edited, result.Diagnostics[0])
                    && string.CompareOrdinal(edited, start, name + "(", 0, name.Length + 1) == 0;
            }

            return LocatedQuery.Keeps(edited, node => node is Call { Function: not null } call && call.Start == start && call.Name == name);
        }
    }
}
