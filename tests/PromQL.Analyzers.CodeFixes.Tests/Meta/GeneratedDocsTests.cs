using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CodeFixes;
using PromQL.Analyzers.CodeFixes;
using PromQL.Analyzers.Rules;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.CodeFixes.Tests.Meta
{
    /// <summary>
    /// The rules and options tables of docs/README.md and the README are generated from the rule registry and the
    /// code fixes. A stale table fails here with the table it should be; <c>PROMQL_UPDATE_DOCS=1 dotnet test</c>
    /// rewrites the files.
    /// </summary>
    public class GeneratedDocsTests
    {
        [Fact]
        public void DocsReadme_RulesTable_IsGenerated() =>
            AssertGenerated(RepositoryPaths.Combine("docs", "README.md"), "rules", DocsRulesTable());

        [Fact]
        public void DocsReadme_OptionsTable_IsGenerated() =>
            AssertGenerated(RepositoryPaths.Combine("docs", "README.md"), "options", OptionsTable());

        [Fact]
        public void Readme_RulesTable_IsGenerated() =>
            AssertGenerated(RepositoryPaths.Combine("README.md"), "rules", ReadmeRulesTable());

        [Fact]
        public void EveryOption_DocumentedOnThePageOfEachRuleThatReadsIt()
        {
            foreach (var rule in RuleRegistry.All)
            {
                foreach (var descriptor in rule.Descriptors)
                {
                    var page = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md"));
                    foreach (var option in rule.Options)
                    {
                        Assert.True(page.Contains(option.Key, StringComparison.Ordinal), $"docs/rules/{descriptor.Id}.md does not document {option.Key}");
                    }
                }
            }
        }

        /// <summary>The fix titles by diagnostic ID, from the code fix providers the package ships (several joined with "or", in title order).</summary>
        internal static IReadOnlyDictionary<string, string> FixTitles()
        {
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            var providers = typeof(PromQlCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null);
            foreach (var type in providers)
            {
                var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
                var title = (string)type.GetField("Title", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                foreach (var id in provider.FixableDiagnosticIds)
                {
                    titles[id] = titles.TryGetValue(id, out var other)
                        ? string.Join(" or ", new[] { other, title }.OrderBy(t => t, StringComparer.Ordinal))
                        : title;
                }
            }

            return titles;
        }

        private static string DocsRulesTable()
        {
            var fixes = FixTitles();
            var table = new StringBuilder();
            table.Append("| ID | Severity | Category | Title | Code fix |\n|---|---|---|---|---|\n");
            foreach (var descriptor in RuleRegistry.SupportedDiagnostics)
            {
                table.Append($"| [{descriptor.Id}](rules/{descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Category} | {descriptor.Title} | {Fix(fixes, descriptor.Id)} |\n");
            }

            return table.ToString();
        }

        private static string ReadmeRulesTable()
        {
            var fixes = FixTitles();
            var table = new StringBuilder();
            table.Append("| ID | What it finds | Code fix |\n|---|---|---|\n");
            foreach (var descriptor in RuleRegistry.SupportedDiagnostics)
            {
                table.Append($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {Fix(fixes, descriptor.Id)} |\n");
            }

            return table.ToString();
        }

        private static string OptionsTable()
        {
            var table = new StringBuilder();
            table.Append("| key | default | effect |\n|---|---|---|\n");
            foreach (var option in RuleRegistry.Options)
            {
                var shownDefault = option.DefaultText.StartsWith("(", StringComparison.Ordinal) ? option.DefaultText : "`" + option.DefaultText + "`";
                table.Append($"| `{option.Key}` | {shownDefault} | {option.Description} |\n");
            }

            return table.ToString();
        }

        private static string Fix(IReadOnlyDictionary<string, string> fixes, string id) => fixes.TryGetValue(id, out var title) ? title : "none";

        /// <summary>The text between <c>&lt;!-- generated: name --&gt;</c> and <c>&lt;!-- end generated --&gt;</c> must be <paramref name="expected"/>.</summary>
        private static void AssertGenerated(string path, string name, string expected)
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var begin = "<!-- generated: " + name + " (GeneratedDocsTests; PROMQL_UPDATE_DOCS=1 dotnet test rewrites it) -->\n";
            const string endMarker = "<!-- end generated -->";
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            Assert.True(start >= 0, $"{path} has no line `{begin.TrimEnd()}`");
            start += begin.Length;
            var end = text.IndexOf(endMarker, start, StringComparison.Ordinal);
            Assert.True(end >= 0, $"{path}: no `{endMarker}` after the `{name}` marker");
            var actual = text.Substring(start, end - start);
            if (actual == expected)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable("PROMQL_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, text.Substring(0, start) + expected + text.Substring(end));
                return;
            }

            Assert.Fail($"The {name} table of {path} is stale; it should read:\n{expected}\n(PROMQL_UPDATE_DOCS=1 dotnet test rewrites it.)");
        }
    }
}
