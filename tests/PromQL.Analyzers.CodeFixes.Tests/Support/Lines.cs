using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.CodeFixes.Tests.Support
{
    /// <summary>Line/column spans for tests that cannot use markup (raw interpolated strings with <c>$$</c>).</summary>
    internal static class Lines
    {
        public const string FilePath = "/0/Test0.cs";

        public static FileLinePositionSpan Span(string source, int start, int end) =>
            new FileLinePositionSpan(FilePath, SourceText.From(source).Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end)));

        /// <summary>A warning with <paramref name="id"/> at source characters [start, end); like markup, the message is not checked.</summary>
        public static DiagnosticResult Expect(string id, string source, int start, int end) =>
            new DiagnosticResult(id, DiagnosticSeverity.Warning).WithSpan(Span(source, start, end));
    }
}
