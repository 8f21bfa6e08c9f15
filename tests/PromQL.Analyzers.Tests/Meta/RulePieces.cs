using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Tests.Meta
{
    /// <summary>
    /// The pieces a rule needs besides its code, as CONTRIBUTING.md's "Adding a rule" lists them: an ID constant,
    /// a complete descriptor whose help link is its page, the page, and one release row with its category and
    /// severity. <see cref="Missing"/> names each piece a descriptor lacks.
    /// </summary>
    internal static class RulePieces
    {
        public static List<string> Missing(DiagnosticDescriptor descriptor)
        {
            var id = descriptor.Id;
            var missing = new List<string>();
            if (!IdConstants().Contains(id))
            {
                missing.Add("no constant in DiagnosticIds");
            }

            if (string.IsNullOrWhiteSpace(descriptor.Title.ToString()) || string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString())
                || string.IsNullOrWhiteSpace(descriptor.Description.ToString()))
            {
                missing.Add("no title, message or description");
            }

            if (descriptor.HelpLinkUri != Descriptors.HelpLinkBase + id + ".md")
            {
                missing.Add("help link is not " + Descriptors.HelpLinkBase + id + ".md");
            }

            var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
            if (!File.Exists(page) || !File.ReadAllText(page).Contains(id, StringComparison.Ordinal))
            {
                missing.Add("no page docs/rules/" + id + ".md");
            }

            var rows = ReleaseRows().Where(r => r.Id == id).ToList();
            if (rows.Count != 1)
            {
                missing.Add(rows.Count + " release rows");
            }
            else if (rows[0].Category != descriptor.Category || rows[0].Severity != descriptor.DefaultSeverity.ToString())
            {
                missing.Add("release row has another category or severity");
            }

            return missing;
        }

        private static IEnumerable<string> IdConstants() =>
            typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!);

        private static IEnumerable<(string Id, string Category, string Severity)> ReleaseRows()
        {
            foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (var line in File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "PromQL.Analyzers", name)))
                {
                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length >= 3 && cells[0].StartsWith("PROMQL", StringComparison.Ordinal))
                    {
                        yield return (cells[0], cells[1], cells[2]);
                    }
                }
            }
        }
    }
}
