using System;
using System.Collections.Generic;
using System.Composition;
using System.Globalization;
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
    /// PROMQL004: writes the kube-state-metrics v2 form of a removed v1 metric, keeping the other matchers: the new name
    /// (<see cref="FixProperties.ReplaceText"/> over the old one), the <c>resource</c> and <c>unit</c> matchers after
    /// <c>{</c> (<see cref="FixProperties.InsertAt"/>, <see cref="FixProperties.InsertText"/>, or in the replacement when
    /// the selector had no braces), and <c>hpa</c> matchers renamed (<see cref="FixProperties.RenameLabelsAt"/>). The
    /// fixer maps the edits into the literal and checks the edited selector: it parses, has the v2 name and selects
    /// the v2 series.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseKubeStateMetricsV2CodeFixProvider)), Shared]
    public sealed class UseKubeStateMetricsV2CodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.RemovedKubeStateMetric + ".UseV2Metric";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Use the kube-state-metrics v2 metric";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public UseKubeStateMetricsV2CodeFixProvider()
            : base(DiagnosticIds.RemovedKubeStateMetric, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The source changes to the v2 form, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (diagnostic.Id != DiagnosticIds.RemovedKubeStateMetric
                || !FixProperties.TryGetReplacement(properties, out var start, out var end, out var replacement))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located)
            {
                return null;
            }

            var (query, nodeStart, nodeEnd) = located;
            var text = query.Text.Text;
            if (start != nodeStart || end != nodeEnd || end > text.Length
                || KubeStateMetricsRenames.Of(text.Substring(start, end - start)) is not { } rename
                || !replacement.StartsWith(rename.Metric, StringComparison.Ordinal))
            {
                return null;
            }

            var edits = new List<QueryEdit> { Minimal(text, start, end, replacement) };
            if (properties.ContainsKey(FixProperties.InsertAt) || properties.ContainsKey(FixProperties.InsertText))
            {
                if (!FixProperties.TryGetOffset(properties, FixProperties.InsertAt, out var at) || at <= end || at > text.Length
                    || !properties.TryGetValue(FixProperties.InsertText, out var insert) || string.IsNullOrEmpty(insert) || text[at - 1] != '{')
                {
                    return null;
                }

                edits.Add(QueryEdit.Insert(at, insert!));
            }

            if (properties.TryGetValue(FixProperties.RenameLabelsAt, out var renames))
            {
                if (!rename.RenamesHpaLabel || string.IsNullOrEmpty(renames))
                {
                    return null;
                }

                foreach (var part in renames!.Split(','))
                {
                    const string old = KubeStateMetricsRenames.OldHpaLabel;
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var at) || at <= end || at + old.Length > text.Length
                        || string.CompareOrdinal(text, at, old, 0, old.Length) != 0
                        || (at + old.Length < text.Length && (char.IsLetterOrDigit(text[at + old.Length]) || text[at + old.Length] == '_')))
                    {
                        return null;
                    }

                    edits.Add(Minimal(text, at, at + old.Length, KubeStateMetricsRenames.NewHpaLabel));
                }
            }

            edits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            for (var i = 1; i < edits.Count; i++)
            {
                if (edits[i].Start < edits[i - 1].End)
                {
                    return null;
                }
            }

            var changes = LiteralEditor.TryMap(query, edits, cancellationToken);
            return changes is not null && LocatedQuery.Keeps(query.Apply(edits), node => node is VectorSelector selector && selector.Start == start && IsV2(selector, rename))
                ? changes
                : null;
        }

        /// <summary>
        /// The replacement of [<paramref name="start"/>, <paramref name="end"/>) by <paramref name="replacement"/> without the
        /// characters both share at their start and end, so only what changes is edited (the old name's characters stay in
        /// the literal piece that holds them, also when the name ends a part of a concatenation):
        /// <c>kube_daemonset_updated…</c> gets <c>status_</c> inserted, <c>…_requests_cpu_cores</c> loses <c>_cpu_cores</c>.
        /// </summary>
        private static QueryEdit Minimal(string text, int start, int end, string replacement)
        {
            var prefix = 0;
            while (start + prefix < end && prefix < replacement.Length && text[start + prefix] == replacement[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < end - start - prefix && suffix < replacement.Length - prefix && text[end - 1 - suffix] == replacement[replacement.Length - 1 - suffix])
            {
                suffix++;
            }

            return new QueryEdit(start + prefix, end - suffix, replacement.Substring(prefix, replacement.Length - prefix - suffix));
        }

        /// <summary>What the title promises: the selector has the v2 name, the resource and unit of the old series, and no hpa matcher left.</summary>
        private static bool IsV2(VectorSelector selector, KubeStateMetricsRenames.Rename rename)
        {
            if (selector.Name != rename.Metric)
            {
                return false;
            }

            bool resource = rename.Resource is null, unit = rename.Unit is null;
            foreach (var m in selector.Matchers)
            {
                resource |= m.Name == "resource" && m.Type == MatchType.Equal && m.Value == rename.Resource;
                unit |= m.Name == "unit" && m.Type == MatchType.Equal && m.Value == rename.Unit;
                if (rename.RenamesHpaLabel && m.Name == KubeStateMetricsRenames.OldHpaLabel)
                {
                    return false;
                }
            }

            return resource && unit;
        }
    }
}
