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
    /// PROMQL040: converts the hole's value to what PromQL takes where it stands, as the rule says
    /// (<see cref="FixProperties.Conversion"/>): a <c>TimeSpan</c> alone in a duration, <c>{w}</c>, becomes
    /// <c>{(long)w.TotalSeconds}s</c>; a <c>DateTime</c> after <c>@</c> becomes
    /// <c>{new System.DateTimeOffset(t).ToUnixTimeSeconds()}</c>, a <c>DateTimeOffset</c> <c>{t.ToUnixTimeSeconds()}</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertHoleValueCodeFixProvider)), Shared]
    public sealed class ConvertHoleValueCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.ValueNotPromQl + ".Convert";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Write the value as PromQL takes it here";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public ConvertHoleValueCodeFixProvider()
            : base(DiagnosticIds.ValueNotPromQl, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The one change that rewrites the hole's interpolation, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.ValueNotPromQl
                || !diagnostic.Properties.TryGetValue(FixProperties.Conversion, out var conversion)
                || conversion is not (ValueNotPromQlRule.Seconds or ValueNotPromQlRule.UnixSeconds))
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || located.NodeEnd != located.NodeStart + 1
                || HoleEdits.InterpolationAt(located.Query.Text, located.NodeStart) is not { } interpolation
                || interpolation.Span != diagnostic.Location.SourceSpan
                || interpolation.FormatClause is not null || interpolation.AlignmentClause is not null)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var type = model?.GetTypeInfo(interpolation.Expression, cancellationToken).Type;
            if (type is not INamedTypeSymbol { ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true } named)
            {
                return null;
            }

            var expression = interpolation.Expression;
            var receiver = expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax
                ? expression.ToString()
                : "(" + expression + ")";
            string replacement;
            string? afterHole = null;
            switch (conversion)
            {
                case ValueNotPromQlRule.Seconds when named.Name == "TimeSpan":
                    replacement = "{(long)" + receiver + ".TotalSeconds}s";
                    afterHole = "s";
                    break;
                case ValueNotPromQlRule.UnixSeconds when named.Name == "DateTimeOffset":
                    replacement = "{" + receiver + ".ToUnixTimeSeconds()}";
                    break;
                case ValueNotPromQlRule.UnixSeconds when named.Name == "DateTime":
                    replacement = "{new System.DateTimeOffset(" + expression + ").ToUnixTimeSeconds()}";
                    break;
                default:
                    return null;
            }

            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return HoleEdits.Prove(located.Query.Text, source, interpolation.Span, replacement, cancellationToken, afterHole);
        }
    }
}
