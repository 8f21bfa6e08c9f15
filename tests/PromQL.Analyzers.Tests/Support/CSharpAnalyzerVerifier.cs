using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Tests.Support
{
    /// <summary>
    /// The analyzer verifier every test uses (alias it: <c>using VerifyCS = CSharpAnalyzerVerifier&lt;PromQlAnalyzer&gt;;</c>).
    /// References come from Basic.Reference.Assemblies, restored at build time, so tests never touch the network.
    /// </summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>The path the framework gives the test's single source file.</summary>
        public const string DefaultFilePath = "/0/Test0.cs";

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

        /// <summary>Checks that <paramref name="source"/> (with markup) gives exactly the expected diagnostics.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) => VerifyAnalyzerAsync(source, editorConfig: null, expected);

        /// <summary>
        /// As <see cref="VerifyAnalyzerAsync(string, DiagnosticResult[])"/>, with an <c>.editorconfig</c> body for the source file.
        /// A source that holds <c>$$</c> (a raw interpolated string) is read with <see cref="DollarSafeMarkup"/>, since the
        /// framework's markup takes <c>$$</c> for a caret.
        /// </summary>
        public static Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Test();
            if (source.Contains("$$", StringComparison.Ordinal))
            {
                var markup = DollarSafeMarkup.Parse(source);
                test.TestState.MarkupHandling = MarkupMode.None;
                test.TestState.Sources.Add((DefaultFilePath, markup.Code));
                var lines = SourceText.From(markup.Code).Lines;
                foreach (var (id, span) in markup.Spans.OrderBy(s => s.Span.Start).ThenByDescending(s => s.Span.End))
                {
                    // Like the framework's markup: the ID, severity and span are checked, not the message.
                    var severity = Diagnostic(id).Severity;
                    test.ExpectedDiagnostics.Add(new DiagnosticResult(id, severity).WithSpan(new FileLinePositionSpan(DefaultFilePath, lines.GetLinePositionSpan(span))));
                }
            }
            else
            {
                test.TestCode = source;
            }

            test.WithEditorConfig(editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test type with offline references, for tests that need more than source and options.</summary>
        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                TestState.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            }

            /// <summary>Adds an <c>.editorconfig</c> with <paramref name="body"/> under <c>[*]</c> (nothing when null).</summary>
            public Test WithEditorConfig(string? body)
            {
                if (body is not null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + body));
                }

                return this;
            }
        }
    }

    /// <summary>
    /// The framework's diagnostic markup, <c>{|ID:text|}</c> (nestable), without its caret marker <c>$$</c>, which raw
    /// interpolated strings need literally. Spans are exact characters, as with the framework's markup.
    /// </summary>
    public static class DollarSafeMarkup
    {
        public static (string Code, List<(string Id, TextSpan Span)> Spans) Parse(string markup)
        {
            var code = new System.Text.StringBuilder(markup.Length);
            var open = new Stack<(string Id, int Start)>();
            var spans = new List<(string Id, TextSpan Span)>();
            for (var i = 0; i < markup.Length;)
            {
                if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
                {
                    var colon = markup.IndexOf(':', i + 2);
                    if (colon < 0)
                    {
                        throw new FormatException("Markup '{|' without 'ID:' at " + i);
                    }

                    open.Push((markup.Substring(i + 2, colon - i - 2), code.Length));
                    i = colon + 1;
                }
                else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0 && open.Count > 0)
                {
                    var (id, start) = open.Pop();
                    spans.Add((id, TextSpan.FromBounds(start, code.Length)));
                    i += 2;
                }
                else
                {
                    code.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException("Unclosed markup '{|" + open.Peek().Id + ":'");
            }

            return (code.ToString(), spans);
        }
    }
}
