using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL041: formats the whole interpolated string invariantly: <c>$"…"</c> becomes
    /// <c>string.Create(CultureInfo.InvariantCulture, $"…")</c> where the target framework has that overload (.NET 6 and
    /// later), else <c>FormattableString.Invariant($"…")</c>. Offered where the rule says so
    /// (<see cref="FixProperties.InvariantString"/>: a plain interpolated string converted to <c>string</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvariantStringCodeFixProvider)), Shared]
    public sealed class InvariantStringCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.CultureSensitiveNumber + ".InvariantString";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Format the whole string with CultureInfo.InvariantCulture";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public InvariantStringCodeFixProvider()
            : base(DiagnosticIds.CultureSensitiveNumber, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The one change that wraps the string, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.CultureSensitiveNumber
                || !diagnostic.Properties.TryGetValue(FixProperties.InvariantString, out var offered) || offered != "true")
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || located.Query.Text.Root is not InterpolatedStringExpressionSyntax interpolated
                || HoleEdits.InterpolationAt(located.Query.Text, located.NodeStart) is null)
            {
                return null;
            }

            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return null;
            }

            var call = HasStringCreateWithProvider(compilation)
                ? "string.Create(" + HoleEdits.InvariantCulture + ", "
                : "System.FormattableString.Invariant(";
            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return HoleEdits.Prove(located.Query.Text, source, interpolated.Span, call + interpolated + ")", cancellationToken);
        }

        /// <summary>Whether <c>string.Create(IFormatProvider, ref DefaultInterpolatedStringHandler)</c> exists (.NET 6 and later; not netstandard2.0).</summary>
        internal static bool HasStringCreateWithProvider(Compilation compilation)
        {
            foreach (var member in compilation.GetSpecialType(SpecialType.System_String).GetMembers("Create"))
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 2 } method
                    && method.Parameters[0].Type is { Name: "IFormatProvider" }
                    && method.Parameters[1].Type is { Name: "DefaultInterpolatedStringHandler" })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
