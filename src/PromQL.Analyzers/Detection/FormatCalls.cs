using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.Detection
{
    /// <summary>The formatting calls a string can be given to, where its text is read or flows through the call.</summary>
    internal enum FormatCallKind
    {
        /// <summary>No such call.</summary>
        None,

        /// <summary>The format of <c>string.Format</c>: read as a composite format, and the call's result is what flows.</summary>
        StringFormat,

        /// <summary>The format of <c>CompositeFormat.Parse</c> (.NET 8): read as a composite format; the result is no string.</summary>
        CompositeFormatParse,

        /// <summary>
        /// An interpolated string given to <c>FormattableString.Invariant</c>, <c>FormattableString.CurrentCulture</c> or
        /// <c>string.Create(provider, …)</c>: read as it is, and the call's result is what flows.
        /// </summary>
        InterpolationFactory,
    }

    /// <summary>
    /// What syntax says of a string that is given to a formatting call (<see cref="FormatCallKind"/>): a parent check,
    /// so that a string that is not in such a place costs nothing more. <see cref="Confirm"/> asks the semantic model
    /// whether the call is the BCL's.
    /// </summary>
    internal readonly struct FormatCall
    {
        private FormatCall(FormatCallKind kind, InvocationExpressionSyntax call, ArgumentSyntax argument)
        {
            Kind = kind;
            Call = call;
            Argument = argument;
        }

        public FormatCallKind Kind { get; }

        public bool IsFound => Kind != FormatCallKind.None;

        /// <summary>The call the string is given to.</summary>
        public InvocationExpressionSyntax? Call { get; }

        /// <summary>The argument that holds the string.</summary>
        public ArgumentSyntax? Argument { get; }

        /// <summary>
        /// The formatting call <paramref name="root"/> (a root string expression) is given to, by syntax: the first
        /// argument of <c>string.Format</c>, or the second when the first is not a string (an <c>IFormatProvider</c>),
        /// or the argument named <c>format</c>; the argument of <c>CompositeFormat.Parse</c>; an interpolated string given
        /// to <c>FormattableString.Invariant</c> or <c>CurrentCulture</c>, or as the last argument of <c>string.Create</c>.
        /// </summary>
        public static FormatCall Find(ExpressionSyntax root)
        {
            SyntaxNode value = root;
            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } list } argument
                || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access)
            {
                return default;
            }

            switch (name)
            {
                case "Format" when HttpApiTargets.IsStringTypeName(access):
                    if (argument.NameColon is { } named)
                    {
                        return named.Name.Identifier.ValueText == "format" ? new FormatCall(FormatCallKind.StringFormat, call, argument) : default;
                    }

                    var position = list.Arguments.IndexOf(argument);
                    return position == 0 || (position == 1 && list.Arguments[0].NameColon is null && !StringExpressions.IsRoot(list.Arguments[0].Expression))
                        ? new FormatCall(FormatCallKind.StringFormat, call, argument)
                        : default;
                case "Parse" when list.Arguments.Count == 1 && TargetSyntax.RightmostName(access.Expression) == "CompositeFormat":
                    return new FormatCall(FormatCallKind.CompositeFormatParse, call, argument);
                case "Invariant" or "CurrentCulture" when list.Arguments.Count == 1 && IsInterpolated(root)
                    && TargetSyntax.RightmostName(access.Expression) == "FormattableString":
                    return new FormatCall(FormatCallKind.InterpolationFactory, call, argument);
                case "Create" when list.Arguments.Count is 2 or 3 && list.Arguments[list.Arguments.Count - 1] == argument && IsInterpolated(root)
                    && HttpApiTargets.IsStringTypeName(access):
                    return new FormatCall(FormatCallKind.InterpolationFactory, call, argument);
                default:
                    return default;
            }
        }

        /// <summary>
        /// Whether the call is the BCL's and the string stands where <see cref="Find"/> took it to (the <c>format</c>
        /// parameter, the interpolated-string handler), and so how the string is read and what flows.
        /// </summary>
        public FormatReading Confirm(SemanticModel model, CancellationToken cancellationToken)
        {
            if (Call is null || Argument is null || model.GetSymbolInfo(Call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return FormatReading.Plain;
            }

            var invocation = OperationOf(Call, model, cancellationToken);
            var parameter = ParameterOf(invocation, Argument);
            switch (Kind)
            {
                case FormatCallKind.StringFormat
                    when method.Name == "Format" && method.ContainingType.SpecialType == SpecialType.System_String
                        && parameter is { Name: "format", Type.SpecialType: SpecialType.System_String }:
                    return new FormatReading(isCompositeFormat: true, ArgumentCount(invocation!, parameter), Call);
                case FormatCallKind.CompositeFormatParse
                    when method.Name == "Parse" && IsType(method.ContainingType, "CompositeFormat", "System.Text"):
                    return new FormatReading(isCompositeFormat: true, argumentCount: -1, flow: null);
                case FormatCallKind.InterpolationFactory
                    when (method.Name is "Invariant" or "CurrentCulture" && IsType(method.ContainingType, "FormattableString", "System"))
                        || (method.Name == "Create" && method.ContainingType.SpecialType == SpecialType.System_String
                            && parameter?.Type is INamedTypeSymbol handler && IsType(handler, "DefaultInterpolatedStringHandler", "System.Runtime.CompilerServices")):
                    return new FormatReading(isCompositeFormat: false, argumentCount: -1, Call);
                default:
                    return FormatReading.Plain;
            }
        }

        private static bool IsInterpolated(ExpressionSyntax root)
        {
            while (root is ParenthesizedExpressionSyntax parenthesized)
            {
                root = parenthesized.Expression;
            }

            return root.IsKind(SyntaxKind.InterpolatedStringExpression);
        }

        private static IInvocationOperation? OperationOf(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        {
            try
            {
                return model.GetOperation(call, cancellationToken) as IInvocationOperation;
            }
            catch (InvalidOperationException)
            {
                // Roslyn cannot build the operation tree of some broken members: the call is not read then.
                return null;
            }
        }

        private static IParameterSymbol? ParameterOf(IInvocationOperation? invocation, ArgumentSyntax argument)
        {
            if (invocation is null)
            {
                return null;
            }

            foreach (var bound in invocation.Arguments)
            {
                if (bound.Syntax == argument)
                {
                    return bound.Parameter;
                }
            }

            return null;
        }

        /// <summary>
        /// How many arguments the format's items can name, when the call lists them (<c>Format(f, a, b)</c>, a
        /// <c>params</c> array written out); -1 when an array is passed as it is, or the call is not understood.
        /// </summary>
        private static int ArgumentCount(IInvocationOperation invocation, IParameterSymbol format)
        {
            var count = 0;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    return -1;
                }

                if (parameter.Ordinal <= format.Ordinal)
                {
                    // The provider and the format.
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    if (argument.Value is not IArrayCreationOperation { Initializer: { } elements })
                    {
                        return -1;
                    }

                    count += elements.ElementValues.Length;
                }
                else if (parameter.IsParams || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    return -1;
                }
                else
                {
                    count++;
                }
            }

            return count;
        }

        private static bool IsType(INamedTypeSymbol? type, string name, string containingNamespace) =>
            type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;
    }

    /// <summary>How <see cref="FormatCall.Confirm"/> says a string is read, and what flows where it goes.</summary>
    internal readonly struct FormatReading
    {
        /// <summary>A string read as it is, which flows itself: no formatting call, or one that is not the BCL's.</summary>
        public static readonly FormatReading Plain = new FormatReading(isCompositeFormat: false, argumentCount: -1, flow: null);

        public FormatReading(bool isCompositeFormat, int argumentCount, ExpressionSyntax? flow)
        {
            IsCompositeFormat = isCompositeFormat;
            ArgumentCount = argumentCount;
            Flow = flow;
        }

        /// <summary>Items are holes and <c>{{</c>, <c>}}</c> braces (<see cref="CompositeFormat.Decode"/>).</summary>
        public bool IsCompositeFormat { get; }

        /// <summary>How many arguments the items may name; -1 when unknown.</summary>
        public int ArgumentCount { get; }

        /// <summary>The call whose result is the string's text, and flows where the string would; null: the string itself.</summary>
        public ExpressionSyntax? Flow { get; }

        /// <summary>
        /// The query text of <paramref name="root"/> read this way: <see cref="StringExpressions.Read"/>, then the
        /// composite format decoded. Null when the format is malformed (.NET throws: there is no query).
        /// </summary>
        public PromQlSourceText? Read(ExpressionSyntax root, Func<ExpressionSyntax, Optional<object?>>? constantValue, CancellationToken cancellationToken)
        {
            var text = StringExpressions.Read(root, constantValue, cancellationToken);
            return IsCompositeFormat ? CompositeFormat.Decode(text, ArgumentCount) : text;
        }
    }
}
