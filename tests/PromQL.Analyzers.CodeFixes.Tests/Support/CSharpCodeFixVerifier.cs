using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace PromQL.Analyzers.CodeFixes.Tests.Support
{
    /// <summary>
    /// The code-fix verifier the tests use (alias it: <c>using VerifyCS = CSharpCodeFixVerifier&lt;AddContainerFilterCodeFixProvider&gt;;</c>).
    /// The analyzer is always <see cref="PromQlAnalyzer"/>; references come from Basic.Reference.Assemblies on both
    /// the test and the fixed state, so no test touches the network. The framework checks the fix one diagnostic at
    /// a time and through Fix All in document, project and solution scope.
    /// </summary>
    public static class CSharpCodeFixVerifier<TCodeFix>
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<PromQlAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        /// <summary>Checks the diagnostics of <paramref name="source"/> (markup) and that fixing them all gives <paramref name="fixedSource"/>.</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
            new Test { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

        /// <summary>Checks that the diagnostics of <paramref name="source"/> (markup) get no fix from <typeparamref name="TCodeFix"/>.</summary>
        public static Task VerifyNoFixAsync(string source) =>
            new Test { TestCode = source, FixedCode = source }.RunAsync(CancellationToken.None);

        public sealed class Test : CSharpCodeFixTest<PromQlAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                TestState.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
                FixedState.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
                FixedState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);

                // PROMQL032 (info, no fix) names the --enable-feature flag of experimental functions such as
                // double_exponential_smoothing and sort_by_label, which fixes here write or keep; its own tests are in
                // PromQL.Analyzers.Tests, and these check the fixes.
                DisabledDiagnostics.Add(DiagnosticIds.UndeclaredFeature);
            }
        }
    }
}
