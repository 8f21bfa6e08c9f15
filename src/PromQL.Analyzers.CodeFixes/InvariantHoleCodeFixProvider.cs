using System.Collections.Generic;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.CodeFixes.Editing;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.CodeFixes
{
    /// <summary>
    /// PROMQL041: formats the one hole invariantly. <c>{q}</c> becomes <c>{q.ToString(CultureInfo.InvariantCulture)}</c>,
    /// <c>{q:F2}</c> becomes <c>{q.ToString("F2", CultureInfo.InvariantCulture)}</c> (the format its first argument, the
    /// alignment kept), a nullable <c>{x}</c> becomes <c>{x?.ToString(…)}</c> (null prints nothing either way). Offered where
    /// the rule says so (<see cref="FixProperties.InvariantHole"/>: an interpolation hole).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvariantHoleCodeFixProvider)), Shared]
    public sealed class InvariantHoleCodeFixProvider : PromQlCodeFixProvider
    {
        /// <summary>The equivalence key of the fix: Fix All applies every fix with this key.</summary>
        public const string EquivalenceKey = DiagnosticIds.CultureSensitiveNumber + ".InvariantHole";

        /// <summary>The title the IDE shows.</summary>
        public const string Title = "Format this value with CultureInfo.InvariantCulture";

        /// <summary>Creates the fixer (hosts find it through its export).</summary>
        public InvariantHoleCodeFixProvider()
            : base(DiagnosticIds.CultureSensitiveNumber, Title, EquivalenceKey, ComputeChangesAsync)
        {
        }

        /// <summary>The one change that rewrites the hole's interpolation, or null when none is safe or the diagnostic does not say.</summary>
        internal static async Task<IReadOnlyList<TextChange>?> ComputeChangesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Id != DiagnosticIds.CultureSensitiveNumber
                || !diagnostic.Properties.TryGetValue(FixProperties.InvariantHole, out var offered) || offered != "true")
            {
                return null;
            }

            if (await LocatedQuery.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } located
                || located.NodeEnd != located.NodeStart + 1
                || HoleEdits.InterpolationAt(located.Query.Text, located.NodeStart) is not { } interpolation
                || interpolation.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            var expression = interpolation.Expression;
            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            var nullable = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            var receiver = NeedsParentheses(expression) ? "(" + expression + ")" : expression.ToString();
            var format = interpolation.FormatClause is { } clause
                ? SymbolDisplay.FormatLiteral(clause.FormatStringToken.ValueText, quote: true) + ", "
                : string.Empty;
            var call = receiver + (nullable ? "?." : ".") + "ToString(" + format + HoleEdits.InvariantCulture + ")";
            var alignment = interpolation.AlignmentClause is { } aligned ? aligned.ToString() : string.Empty;
            var replacement = "{" + call + alignment + "}";
            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return HoleEdits.Prove(located.Query.Text, source, interpolation.Span, replacement, cancellationToken);
        }

        // A member access binds tighter than any operator: anything but a name, a member access, a call, an element
        // access or a literal goes in parentheses (-n, q * 100, a ? b : c, a cast).
        private static bool NeedsParentheses(ExpressionSyntax expression) =>
            expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or LiteralExpressionSyntax)
            || expression.IsKind(SyntaxKind.NumericLiteralExpression);
    }
}
