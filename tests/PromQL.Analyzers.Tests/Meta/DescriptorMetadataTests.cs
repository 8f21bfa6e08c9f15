using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Tests.Meta
{
    /// <summary>IDs, descriptors, help links, rule pages and release notes agree with one another.</summary>
    public class DescriptorMetadataTests
    {
        private static readonly IReadOnlyList<DiagnosticDescriptor> Supported = new PromQlAnalyzer().SupportedDiagnostics;

        public static TheoryData<string> SupportedIds()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in Supported)
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        public static TheoryData<string> DeclaredIds()
        {
            var data = new TheoryData<string>();
            foreach (var id in IdConstants())
            {
                data.Add(id);
            }

            return data;
        }

        [Fact]
        public void SupportedDiagnostics_NotEmptyAndUnique()
        {
            Assert.NotEmpty(Supported);
            Assert.Equal(Supported.Count, Supported.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        }

        [Theory]
        [MemberData(nameof(SupportedIds))]
        public void Descriptor_HasRulePage(string id)
        {
            var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
            Assert.True(File.Exists(page), "Missing rule page " + page);
            Assert.Contains(id, File.ReadAllText(page), StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(SupportedIds))]
        public void Descriptor_HelpLinkPointsAtRulePage(string id)
        {
            var descriptor = Supported.Single(d => d.Id == id);
            Assert.StartsWith(Descriptors.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.EndsWith("docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(SupportedIds))]
        public void Descriptor_HasTitleMessageAndEnabledByDefault(string id)
        {
            var descriptor = Supported.Single(d => d.Id == id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.True(descriptor.IsEnabledByDefault);
        }

        [Theory]
        [MemberData(nameof(SupportedIds))]
        public void Descriptor_ListedInReleaseNotesWithCategoryAndSeverity(string id)
        {
            var descriptor = Supported.Single(d => d.Id == id);
            var rows = ReleaseRows().Where(r => r.Id == id).ToList();
            Assert.True(rows.Count == 1, id + " appears " + rows.Count + " times in AnalyzerReleases.Shipped.md/Unshipped.md");
            Assert.Equal(descriptor.Category, rows[0].Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), rows[0].Severity);
        }

        [Fact]
        public void ReleaseNotes_ListOnlySupportedIds()
        {
            var supported = Supported.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(ReleaseRows(), row => Assert.Contains(row.Id, supported));
        }

        [Theory]
        [MemberData(nameof(DeclaredIds))]
        public void DiagnosticIdConstant_HasSupportedDescriptor(string id) =>
            Assert.Contains(Supported, d => d.Id == id);

        [Fact]
        public void SupportedDescriptor_HasIdConstant() =>
            Assert.All(Supported, d => Assert.Contains(d.Id, IdConstants()));

        private static IEnumerable<string> IdConstants() =>
            typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!);

        /// <summary>The rule rows of both release files: <c>ID | Category | Severity | Notes</c>.</summary>
        private static List<(string Id, string Category, string Severity)> ReleaseRows()
        {
            var rows = new List<(string, string, string)>();
            foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                var path = Path.Combine(RepositoryPaths.Root, "src", "PromQL.Analyzers", name);
                Assert.True(File.Exists(path), "Missing " + path);
                foreach (var line in File.ReadAllLines(path))
                {
                    var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.Length >= 3 && cells[0].StartsWith("PROMQL", StringComparison.Ordinal))
                    {
                        rows.Add((cells[0], cells[1], cells[2]));
                    }
                }
            }

            return rows;
        }
    }
}
