using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Text
{
    /// <summary>
    /// The facts about a query's holes (<see cref="QueryHoles"/>): each hole's static type, format and alignment, and how
    /// the whole string is formatted. Called only for a string already found to be PromQL and only when it has holes:
    /// one <c>GetTypeInfo</c> per hole, a symbol or two for the formatting call. Never throws for broken code.
    /// </summary>
    internal static class HoleReader
    {
        public static QueryHoles Read(PromQlSourceText text, FormatReading format, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!text.HasHoles || model.SyntaxTree != text.Root.SyntaxTree)
            {
                return QueryHoles.None;
            }

            var invocation = format.Flow as InvocationExpressionSyntax;
            var formatting = FormattingOf(text.Root, format, invocation, model, cancellationToken);
            List<HoleFact>? holes = null;
            foreach (var piece in text.Pieces)
            {
                if (piece.Kind != SourceTextPieceKind.Hole || piece.Length != 1)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                ExpressionSyntax? expression;
                string? itemFormat = null;
                string? alignment = null;
                var isInterpolation = false;
                switch (piece.Node)
                {
                    case InterpolationSyntax interpolation:
                        expression = interpolation.Expression;
                        itemFormat = interpolation.FormatClause?.FormatStringToken.ValueText;
                        alignment = interpolation.AlignmentClause?.Value.ToString();
                        isInterpolation = true;
                        break;
                    case ExpressionSyntax operand:
                        expression = operand;
                        break;
                    case null when format.IsCompositeFormat && invocation is not null:
                        expression = FormatArgument(text, piece, invocation, out itemFormat, out alignment, cancellationToken);
                        break;
                    default:
                        expression = null;
                        break;
                }

                if (expression is null)
                {
                    continue;
                }

                var fact = Describe(piece.Start, expression, itemFormat, alignment, isInterpolation, model, cancellationToken);
                (holes ??= new List<HoleFact>()).Add(fact);
            }

            return holes is null ? new QueryHoles(Array.Empty<HoleFact>(), formatting) : new QueryHoles(holes, formatting);
        }

        private static HoleFact Describe(int offset, ExpressionSyntax expression, string? format, string? alignment, bool isInterpolation, SemanticModel model, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            var kind = Classify(type);
            var bare = Skip(expression);
            var converted = kind == HoleType.String && bare is InvocationExpressionSyntax call && IsInvariantConversion(call, model, cancellationToken);
            var hasSign = bare.IsKind(SyntaxKind.UnaryMinusExpression);
            var name = type is null || type.TypeKind == TypeKind.Error ? null : type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return new HoleFact(offset, kind, format, alignment, converted, hasSign, isInterpolation, name);
        }

        /// <summary>What .NET prints for a value of <paramref name="type"/> in a hole.</summary>
        internal static HoleType Classify(ITypeSymbol? type)
        {
            if (type is null || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
            {
                return HoleType.Unknown;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                    return HoleType.Floating;
                case SpecialType.System_Decimal:
                    return HoleType.Decimal;
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_IntPtr:
                    return HoleType.SignedInteger;
                case SpecialType.System_Byte:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_UIntPtr:
                    return HoleType.UnsignedInteger;
                case SpecialType.System_String:
                    return HoleType.String;
                case SpecialType.System_Char:
                    return HoleType.Char;
                case SpecialType.System_Boolean:
                    return HoleType.Boolean;
                case SpecialType.System_DateTime:
                    return HoleType.DateTime;
                case SpecialType.System_Object:
                case SpecialType.System_ValueType:
                case SpecialType.System_Enum:
                    return HoleType.Other;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return HoleType.Enum;
            }

            if (type is not INamedTypeSymbol named)
            {
                return HoleType.Other;
            }

            if (IsSystemType(named, "System", "TimeSpan"))
            {
                return HoleType.TimeSpan;
            }

            if (IsSystemType(named, "System", "DateTimeOffset"))
            {
                return HoleType.DateTimeOffset;
            }

            if (IsSystemType(named, "System", "Half"))
            {
                return HoleType.Floating;
            }

            if (IsSystemType(named, "System", "Int128") || IsSystemType(named, "System.Numerics", "BigInteger"))
            {
                return HoleType.SignedInteger;
            }

            if (IsSystemType(named, "System", "UInt128"))
            {
                return HoleType.UnsignedInteger;
            }

            return PrintsTypeName(named) ? HoleType.ObjectWithoutToString : HoleType.Other;
        }

        /// <summary>
        /// A class or struct that prints its type's name: no <c>ToString()</c> override up to <c>object</c>, not
        /// <c>IFormattable</c> (an interpolation calls its <c>ToString(format, provider)</c>), not a record, tuple,
        /// anonymous type or delegate (those print their values).
        /// </summary>
        private static bool PrintsTypeName(INamedTypeSymbol type)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsRecord || type.IsTupleType || type.IsAnonymousType)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name == "IFormattable" && implemented.ContainingNamespace?.ToDisplayString() == "System")
                {
                    return false;
                }
            }

            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (current.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
                {
                    return true;
                }

                if (current.TypeKind == TypeKind.Error)
                {
                    return false;
                }

                foreach (var member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false } method && method.IsOverride)
                    {
                        return false;
                    }
                }
            }

            return false;
        }

        private static bool IsSystemType(INamedTypeSymbol type, string ns, string name) =>
            type.Name == name && type.Arity == 0 && type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == ns;

        /// <summary>How the string's holes are formatted, from the call its text goes through (or none).</summary>
        private static StringFormatting FormattingOf(ExpressionSyntax root, FormatReading format, InvocationExpressionSyntax? call, SemanticModel model, CancellationToken cancellationToken)
        {
            var bare = Skip(root);
            if (call is null)
            {
                if (bare.IsKind(SyntaxKind.AddExpression))
                {
                    // string + value calls the value's ToString(): the current culture.
                    return StringFormatting.CurrentCulture;
                }

                return bare.IsKind(SyntaxKind.InterpolatedStringExpression)
                    && model.GetTypeInfo(bare, cancellationToken).ConvertedType?.SpecialType == SpecialType.System_String
                    ? StringFormatting.CurrentCultureInterpolation
                    : StringFormatting.Unknown;
            }

            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return StringFormatting.Unknown;
            }

            var arguments = call.ArgumentList.Arguments;
            var takesProvider = method.Parameters.Length > 0 && method.Parameters[0].Type.Name == "IFormatProvider";
            if (format.IsCompositeFormat || method.Name == "Create")
            {
                if (!takesProvider)
                {
                    return format.IsCompositeFormat ? StringFormatting.CurrentCulture : StringFormatting.Unknown;
                }

                return arguments.Count > 0 && arguments[0].NameColon is null && IsInvariantProvider(arguments[0].Expression, model, cancellationToken)
                    ? StringFormatting.Invariant
                    : StringFormatting.Unknown;
            }

            return method.Name switch
            {
                "Invariant" => StringFormatting.Invariant,
                "CurrentCulture" => StringFormatting.CurrentCulture,
                _ => StringFormatting.Unknown,
            };
        }

        /// <summary>The argument a composite format item names, with the item's format and alignment; null when not known.</summary>
        private static ExpressionSyntax? FormatArgument(PromQlSourceText text, SourceTextPiece piece, InvocationExpressionSyntax call, out string? format, out string? alignment, CancellationToken cancellationToken)
        {
            format = null;
            alignment = null;
            var span = text.GetSourceSpan(piece.Start, piece.End);
            var item = call.SyntaxTree.GetText(cancellationToken).ToString(span);
            if (!TryReadItem(item, out var index, out format, out alignment))
            {
                return null;
            }

            var arguments = call.ArgumentList.Arguments;
            var formatArgument = -1;
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon is not null)
                {
                    return null;
                }

                if (arguments[i].Span.Contains(text.Root.Span))
                {
                    formatArgument = i;
                }
            }

            var target = formatArgument + 1 + index;
            return formatArgument >= 0 && target < arguments.Count ? arguments[target].Expression : null;
        }

        /// <summary>An item <c>{index[,alignment][:format]}</c> as written in source (no escapes in it, or not read).</summary>
        internal static bool TryReadItem(string item, out int index, out string? format, out string? alignment)
        {
            index = 0;
            format = null;
            alignment = null;
            if (item.Length < 3 || item[0] != '{' || item[item.Length - 1] != '}' || item.IndexOf('\\') >= 0)
            {
                return false;
            }

            var body = item.Substring(1, item.Length - 2);
            var colon = body.IndexOf(':');
            if (colon >= 0)
            {
                format = body.Substring(colon + 1);
                body = body.Substring(0, colon);
            }

            var comma = body.IndexOf(',');
            if (comma >= 0)
            {
                alignment = body.Substring(comma + 1).Trim();
                body = body.Substring(0, comma);
            }

            return int.TryParse(body.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
        }

        /// <summary><c>x.ToString(…, CultureInfo.InvariantCulture)</c>, <c>Convert.ToString(x, CultureInfo.InvariantCulture)</c>, <c>XmlConvert.ToString(x)</c>.</summary>
        private static bool IsInvariantConversion(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "ToString" } method)
            {
                return false;
            }

            if (method.ContainingType is { Name: "XmlConvert" } xml && xml.ContainingNamespace?.ToDisplayString() == "System.Xml")
            {
                return true;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                if (IsInvariantProvider(argument.Expression, model, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>CultureInfo.InvariantCulture</c>, <c>NumberFormatInfo.InvariantInfo</c> or <c>DateTimeFormatInfo.InvariantInfo</c>.</summary>
        internal static bool IsInvariantProvider(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(Skip(expression), cancellationToken).Symbol is IPropertySymbol { IsStatic: true } property
            && property.ContainingType?.ContainingNamespace?.ToDisplayString() == "System.Globalization"
            && ((property.Name == "InvariantCulture" && property.ContainingType.Name == "CultureInfo")
                || (property.Name == "InvariantInfo" && property.ContainingType.Name is "NumberFormatInfo" or "DateTimeFormatInfo"));

        private static ExpressionSyntax Skip(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
