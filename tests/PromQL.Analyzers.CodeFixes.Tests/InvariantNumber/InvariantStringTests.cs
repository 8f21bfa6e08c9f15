using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static PromQL.Analyzers.CodeFixes.Tests.InvariantNumber.InvariantNumberSources;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.InvariantStringCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.InvariantNumber
{
    /// <summary>
    /// PROMQL041's second fix: the whole interpolated string formatted with CultureInfo.InvariantCulture through
    /// <c>string.Create</c> (the test references are .NET 8's, which have it), in every interpolated literal kind; none
    /// for <c>string.Format</c>, <c>+</c> or a string already given to a formatting call.
    /// </summary>
    public class InvariantStringTests
    {
        [Fact]
        public Task EveryInterpolatedKind_StringWrapped() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod(""""
                    Run($"histogram_quantile({|PROMQL041:{q}|}, rate(x_bucket{{pod='{pod}'}}[5m]))");
                    Run($@"up > {|PROMQL041:{d}|}");
                    Run($"""up > {|PROMQL041:{q}|}""");
                    """"),
                InMethod(""""
                    Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"histogram_quantile({q}, rate(x_bucket{{pod='{pod}'}}[5m]))"));
                    Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $@"up > {d}"));
                    Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""up > {q}"""));
                    """"));

        [Fact]
        public Task TwoHolesOneString_WrappedOnce() =>
            VerifyCS.VerifyCodeFixAsync(
                InMethod("""
                    Run($"clamp(up, {|PROMQL041:{q}|}, {|PROMQL041:{d}|})");
                    """),
                InMethod("""
                    Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"clamp(up, {q}, {d})"));
                    """));

        [Fact]
        public Task FormatConcatenationOrCurrentCultureCall_NoFix() =>
            VerifyCS.VerifyNoFixAsync(InMethod("""
                Run(string.Format("up > {|PROMQL041:{0}|}", q));
                Run("up > " + {|PROMQL041:q|});
                Run(FormattableString.CurrentCulture($"up > {|PROMQL041:{q}|}"));
                """));

        [Fact]
        public void TargetWithoutStringCreateWithProvider_FallsBackToFormattableStringInvariant()
        {
            // netstandard2.0 and .NET Framework lack string.Create(IFormatProvider, ref DefaultInterpolatedStringHandler).
            var withNet8 = CSharpCompilation.Create("a", references: Basic.Reference.Assemblies.Net80.References.All);
            var withNothing = CSharpCompilation.Create("b");
            Assert.True(InvariantStringCodeFixProvider.HasStringCreateWithProvider(withNet8));
            Assert.False(InvariantStringCodeFixProvider.HasStringCreateWithProvider(withNothing));
        }
    }
}
