using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PromQL.Parsing.Syntax;
using ValueType = PromQL.Parsing.Syntax.ValueType;

namespace PromQL.Parsing.Semantics
{
    /// <summary>
    /// The semantic checks Prometheus runs on a syntactically valid query (<c>checkAST</c> in
    /// <c>promql/parser/parse.go</c>): operand and argument types, arity, vector matching, <c>bool</c>,
    /// set operators, subqueries, the metric name and the non-empty matcher rule. Messages and positions
    /// are Prometheus's, and they come in the order Prometheus reports them.
    /// </summary>
    /// <remarks>
    /// Prometheus recurses; this walks the tree with an explicit stack of work items so that deep trees
    /// and long operator chains cannot exhaust the call stack. A node's own errors are reported either
    /// before its children are checked (as for a call's arity) or after (as for a binary operation's
    /// operand types), just as in Prometheus's recursion.
    /// <para>
    /// Holes (<see cref="ValueType.Unknown"/>, <see cref="HoleExpr"/>, matchers and names with a hole, calls
    /// of an unknown function) satisfy every check: an error is only reported when it does not depend on
    /// what a hole stands for.
    /// </para>
    /// </remarks>
    internal static class SemanticChecker
    {
        /// <summary>Checks <paramref name="root"/>, parsed from <paramref name="text"/>, and returns every error found.</summary>
        internal static IReadOnlyList<PromQlDiagnostic> Check(Expr root, string text, PromQlParserOptions options)
        {
            var walker = new Walker(text ?? string.Empty);
            if (root is not null)
            {
                walker.Run(root);
            }

            return walker.Diagnostics;
        }

        private enum Step
        {
            /// <summary>Check a node (and schedule its children).</summary>
            Visit,

            /// <summary>Check a vector selector that is the label-selector argument of <c>info</c>.</summary>
            VisitInfoSelector,

            /// <summary>After an aggregation's operand: it must be an instant vector.</summary>
            ExpectAggregationOperand,

            /// <summary>After an aggregation's parameter: it must be a scalar (or a string for count_values).</summary>
            ExpectAggregationParameter,

            /// <summary>After a call's argument: it must have the declared type.</summary>
            ExpectCallArgument,

            /// <summary>After both operands of a binary operation: the operation's own checks.</summary>
            FinishBinary,

            /// <summary>After a unary operation's operand.</summary>
            FinishUnary,

            /// <summary>After a subquery's inner expression.</summary>
            FinishSubquery,
        }

        private readonly struct Work
        {
            public Work(Step step, Expr node, Expr? owner = null, int index = 0)
            {
                Step = step;
                Node = node;
                Owner = owner;
                Index = index;
            }

            public Step Step { get; }

            /// <summary>The node visited or whose type is checked.</summary>
            public Expr Node { get; }

            /// <summary>The aggregation or call the checked node belongs to.</summary>
            public Expr? Owner { get; }

            /// <summary>The argument's index in the call.</summary>
            public int Index { get; }
        }

        private sealed class Walker
        {
            private readonly string _text;
            private readonly Stack<Work> _stack = new Stack<Work>();
            private readonly List<Work> _children = new List<Work>();

            public Walker(string text) => _text = text;

            public List<PromQlDiagnostic> Diagnostics { get; } = new List<PromQlDiagnostic>();

            public void Run(Expr root)
            {
                _stack.Push(new Work(Step.Visit, root));
                while (_stack.Count > 0)
                {
                    var work = _stack.Pop();
                    switch (work.Step)
                    {
                        case Step.Visit:
                            Visit(work.Node, bypassEmptyMatcherCheck: false);
                            break;
                        case Step.VisitInfoSelector:
                            Visit(work.Node, bypassEmptyMatcherCheck: true);
                            break;
                        case Step.ExpectAggregationOperand:
                            ExpectType(work.Node, ValueType.Vector, "aggregation expression");
                            break;
                        case Step.ExpectAggregationParameter:
                            var op = ((AggregateExpr)work.Owner!).Op;
                            ExpectType(work.Node, op == AggregateOperator.CountValues ? ValueType.String : ValueType.Scalar, "aggregation parameter");
                            break;
                        case Step.ExpectCallArgument:
                            ExpectCallArgument((Call)work.Owner!, work.Node, work.Index);
                            break;
                        case Step.FinishBinary:
                            FinishBinary((BinaryExpr)work.Node);
                            break;
                        case Step.FinishUnary:
                            FinishUnary((UnaryExpr)work.Node);
                            break;
                        case Step.FinishSubquery:
                            FinishSubquery((SubqueryExpr)work.Node);
                            break;
                    }
                }
            }

            /// <summary>A node's checks that come before its children, then its children and the checks after them, scheduled in order.</summary>
            private void Visit(Expr node, bool bypassEmptyMatcherCheck)
            {
                _children.Clear();
                switch (node)
                {
                    case AggregateExpr aggregate:
                        _children.Add(new Work(Step.Visit, aggregate.Expr));
                        _children.Add(new Work(Step.ExpectAggregationOperand, aggregate.Expr, aggregate));
                        if (aggregate.Param is not null && TakesCheckedParameter(aggregate.Op))
                        {
                            _children.Add(new Work(Step.Visit, aggregate.Param));
                            _children.Add(new Work(Step.ExpectAggregationParameter, aggregate.Param, aggregate));
                        }

                        break;

                    case BinaryExpr binary:
                        _children.Add(new Work(Step.Visit, binary.Left));
                        _children.Add(new Work(Step.Visit, binary.Right));
                        _children.Add(new Work(Step.FinishBinary, binary));
                        break;

                    case Call call:
                        StartCall(call);
                        break;

                    case ParenExpr paren:
                        _children.Add(new Work(Step.Visit, paren.Expr));
                        break;

                    case UnaryExpr unary:
                        _children.Add(new Work(Step.Visit, unary.Expr));
                        _children.Add(new Work(Step.FinishUnary, unary));
                        break;

                    case SubqueryExpr subquery:
                        _children.Add(new Work(Step.Visit, subquery.Expr));
                        _children.Add(new Work(Step.FinishSubquery, subquery));
                        break;

                    case MatrixSelector matrix:
                        _children.Add(new Work(Step.Visit, matrix.VectorSelector));
                        break;

                    case VectorSelector selector:
                        CheckVectorSelector(selector, bypassEmptyMatcherCheck);
                        break;

                    default:
                        // Number and string literals, holes and duration expressions have nothing to check.
                        break;
                }

                for (var i = _children.Count - 1; i >= 0; i--)
                {
                    _stack.Push(_children[i]);
                }
            }

            /// <summary>The node's type; nodes compute it once at construction, so asking is O(1) even on long chains.</summary>
            private static ValueType TypeOf(Expr node) => node.Type;

            private static bool TakesCheckedParameter(AggregateOperator op) =>
                op is AggregateOperator.Topk or AggregateOperator.Bottomk or AggregateOperator.Quantile
                    or AggregateOperator.Limitk or AggregateOperator.LimitRatio or AggregateOperator.CountValues;

            private void ExpectType(Expr node, ValueType want, string context)
            {
                var type = TypeOf(node);
                if (type != want && type != ValueType.Unknown)
                {
                    Report(node, "expected type " + want.DocumentedName() + " in " + context + ", got " + type.DocumentedName());
                }
            }

            private void StartCall(Call call)
            {
                var function = call.Function;
                if (function is null)
                {
                    // An unknown name (the grammar reported it) or a name with a hole: only the arguments can be checked.
                    foreach (var arg in call.Args)
                    {
                        _children.Add(new Work(Step.Visit, arg));
                    }

                    return;
                }

                var declared = function.ArgTypes.Count;
                var given = call.Args.Count;
                if (function.Variadic == 0)
                {
                    if (declared != given)
                    {
                        Report(call, "expected " + Int(declared) + " argument(s) in call to " + GoQuote(function.Name) + ", got " + Int(given));
                    }
                }
                else
                {
                    var required = declared - 1;
                    if (required > given)
                    {
                        Report(call, "expected at least " + Int(required) + " argument(s) in call to " + GoQuote(function.Name) + ", got " + Int(given));
                    }
                    else if (function.Variadic > 0 && required + function.Variadic < given)
                    {
                        Report(call, "expected at most " + Int(required + function.Variadic) + " argument(s) in call to " + GoQuote(function.Name) + ", got " + Int(given));
                    }
                }

                var infoSelector = function.Name == "info" && given > 1 ? CheckInfoLabelSelector(call, function) : null;

                for (var i = 0; i < given; i++)
                {
                    var typeIndex = i;
                    if (i >= declared)
                    {
                        if (function.Variadic == 0 || declared == 0)
                        {
                            // Extra arguments of a fixed-arity function are not checked at all.
                            break;
                        }

                        typeIndex = declared - 1;
                    }

                    var arg = call.Args[i];
                    _children.Add(new Work(ReferenceEquals(arg, infoSelector) ? Step.VisitInfoSelector : Step.Visit, arg));
                    _children.Add(new Work(Step.ExpectCallArgument, arg, call, typeIndex));
                }
            }

            /// <summary>
            /// <c>info</c>'s second argument must be label matchers alone (<c>{k="v"}</c>). Returns that selector when it
            /// is one, so that it is spared the non-empty matcher rule, as Prometheus spares it.
            /// </summary>
            private VectorSelector? CheckInfoLabelSelector(Call call, PromQlFunction function)
            {
                var selector = call.Args[1];
                var type = TypeOf(selector);
                if (type != ValueType.Vector && type != ValueType.Unknown)
                {
                    Report(call, "expected type " + ValueType.Vector.DocumentedName() + " in call to function " + GoQuote(function.Name) + ", got " + type.DocumentedName());
                }

                switch (selector)
                {
                    case VectorSelector vectorSelector when !string.IsNullOrEmpty(vectorSelector.Name):
                        if (!vectorSelector.NameHasHole)
                        {
                            Report(selector, "expected label selectors only, got vector selector instead");
                        }

                        return null;
                    case VectorSelector vectorSelector:
                        return vectorSelector;
                    case HoleExpr:
                        return null;
                    default:
                        Report(selector, "expected label selectors only");
                        return null;
                }
            }

            private void ExpectCallArgument(Call call, Expr arg, int typeIndex)
            {
                var function = call.Function!;
                var want = function.ArgTypes[typeIndex];
                var type = TypeOf(arg);
                if (type != want && type != ValueType.Unknown)
                {
                    Report(arg, "expected type " + want.DocumentedName() + " in call to function " + GoQuote(function.Name) + ", got " + type.DocumentedName());
                }
            }

            private void FinishBinary(BinaryExpr binary)
            {
                var left = TypeOf(binary.Left);
                var right = TypeOf(binary.Right);
                var op = binary.Op;
                var matching = binary.Matching;

                if (binary.ReturnBool && !op.IsComparison())
                {
                    ReportOperator(binary, "bool modifier can only be used on comparison operators");
                }

                if (op.IsComparison() && !binary.ReturnBool && left == ValueType.Scalar && right == ValueType.Scalar)
                {
                    ReportOperator(binary, "comparisons between scalars must use BOOL modifier");
                }

                // Prometheus always has vector matching here (one-to-one unless written otherwise) and turns
                // one-to-one into many-to-many for set operators; the tree is left as written.
                var card = matching?.Card ?? VectorMatchCardinality.OneToOne;
                if (op.IsSetOperator() && card == VectorMatchCardinality.OneToOne)
                {
                    card = VectorMatchCardinality.ManyToMany;
                }

                if (matching is not null && matching.On)
                {
                    foreach (var label in matching.MatchingLabels)
                    {
                        if (label.IndexOf(PromQlParser.HoleCharacter) >= 0)
                        {
                            continue;
                        }

                        foreach (var included in matching.Include)
                        {
                            if (label == included)
                            {
                                ReportOperator(binary, "label " + GoQuote(label) + " must not occur in ON and GROUP clause at once");
                            }
                        }
                    }
                }

                if (!IsScalarOrVectorOrUnknown(left))
                {
                    Report(binary.Left, "binary expression must contain only scalar and instant vector types");
                }

                if (!IsScalarOrVectorOrUnknown(right))
                {
                    Report(binary.Right, "binary expression must contain only scalar and instant vector types");
                }

                var hasFill = matching is not null && matching.Fill.Any;
                if (IsKnownNotVector(left) || IsKnownNotVector(right))
                {
                    if (matching is not null && matching.MatchingLabels.Count > 0)
                    {
                        Report(binary, "vector matching only allowed between instant vectors");
                    }

                    if (hasFill)
                    {
                        Report(binary, "filling in missing series only allowed between instant vectors");
                    }
                }
                else if (left == ValueType.Vector && right == ValueType.Vector && op.IsSetOperator())
                {
                    if (card is VectorMatchCardinality.OneToMany or VectorMatchCardinality.ManyToOne)
                    {
                        Report(binary, "no grouping allowed for " + GoQuote(op.Text()) + " operation");
                    }

                    if (card != VectorMatchCardinality.ManyToMany)
                    {
                        Report(binary, "set operations must always be many-to-many");
                    }

                    if (hasFill)
                    {
                        Report(binary, "filling in missing series not allowed for set operators");
                    }
                }

                if ((left == ValueType.Scalar || right == ValueType.Scalar) && op.IsSetOperator())
                {
                    Report(binary, "set operator " + GoQuote(op.Text()) + " not allowed in binary scalar expression");
                }
            }

            private static bool IsScalarOrVectorOrUnknown(ValueType type) =>
                type is ValueType.Scalar or ValueType.Vector or ValueType.Unknown;

            private static bool IsKnownNotVector(ValueType type) => type != ValueType.Vector && type != ValueType.Unknown;

            private void FinishUnary(UnaryExpr unary)
            {
                var type = TypeOf(unary.Expr);
                if (!IsScalarOrVectorOrUnknown(type))
                {
                    Report(unary, "unary expression only allowed on expressions of type scalar or instant vector, got " + GoQuote(type.DocumentedName()));
                }
            }

            private void FinishSubquery(SubqueryExpr subquery)
            {
                var type = TypeOf(subquery.Expr);
                if (type != ValueType.Vector && type != ValueType.Unknown)
                {
                    Report(subquery, "subquery is only allowed on instant vector, got " + type.PrometheusName() + " instead");
                }
            }

            private void CheckVectorSelector(VectorSelector selector, bool bypassEmptyMatcherCheck)
            {
                if (!string.IsNullOrEmpty(selector.Name))
                {
                    // A name before the braces is a non-empty matcher; it must not be set again inside them.
                    foreach (var matcher in selector.Matchers)
                    {
                        if (matcher.IsMetricName && !matcher.NameHasHole)
                        {
                            Report(selector, "metric name must not be set twice: " + GoQuote(selector.Name!) + " or " + GoQuote(matcher.Value));
                        }
                    }

                    return;
                }

                if (bypassEmptyMatcherCheck)
                {
                    return;
                }

                foreach (var matcher in selector.Matchers)
                {
                    if (matcher.NameHasHole || matcher.MatchesEmpty() != true)
                    {
                        // Either it surely needs a non-empty value, or a hole or an invalid regex leaves it open.
                        return;
                    }
                }

                Report(selector, "vector selector must contain at least one non-empty matcher");
            }

            private void Report(Expr node, string message) => Diagnostics.Add(new PromQlDiagnostic(message, node.Start, node.End - node.Start));

            /// <summary>
            /// Reports at the operator part of a binary operation, computed as Prometheus's <c>opRange</c> does: from the
            /// first non-space after the left operand to the last non-space before the right operand, that last
            /// index taken as the (exclusive) end, so the range stops one character short.
            /// </summary>
            private void ReportOperator(BinaryExpr binary, string message)
            {
                var text = _text;
                var start = Clamp(binary.Left.End, 0, text.Length);
                var limit = Clamp(binary.Right.Start, start, text.Length);
                while (start < limit && IsSpace(text[start]))
                {
                    start++;
                }

                var end = limit - 1;
                while (end > start && IsSpace(text[end]))
                {
                    end--;
                }

                if (end < start)
                {
                    end = start;
                }

                Diagnostics.Add(new PromQlDiagnostic(message, start, end - start));
            }

            private static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

            // The lexer's isSpace.
            private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

            private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Formats a string as Go's <c>%q</c> (<c>strconv.Quote</c>) does.</summary>
        internal static string GoQuote(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                int rune = value[i];
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    rune = char.ConvertToUtf32(value[i], value[i + 1]);
                    i++;
                }
                else if (char.IsSurrogate(value[i]))
                {
                    // A lone surrogate is not valid text; Go would see the replacement character.
                    rune = 0xFFFD;
                }

                switch (rune)
                {
                    case '"':
                        builder.Append("\\\"");
                        continue;
                    case '\\':
                        builder.Append("\\\\");
                        continue;
                    case '\a':
                        builder.Append("\\a");
                        continue;
                    case '\b':
                        builder.Append("\\b");
                        continue;
                    case '\f':
                        builder.Append("\\f");
                        continue;
                    case '\n':
                        builder.Append("\\n");
                        continue;
                    case '\r':
                        builder.Append("\\r");
                        continue;
                    case '\t':
                        builder.Append("\\t");
                        continue;
                    case '\v':
                        builder.Append("\\v");
                        continue;
                }

                if (IsGoPrintable(rune))
                {
                    builder.Append(char.ConvertFromUtf32(rune));
                }
                else if (rune < 0x80)
                {
                    builder.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
                }
                else if (rune < 0x10000)
                {
                    builder.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
                }
            }

            builder.Append('"');
            return builder.ToString();
        }

        // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
        private static bool IsGoPrintable(int rune)
        {
            if (rune == ' ')
            {
                return true;
            }

            var category = rune < 0x10000
                ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
                : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
            switch (category)
            {
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return false;
                default:
                    return true;
            }
        }
    }
}
