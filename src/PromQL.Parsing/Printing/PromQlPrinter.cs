using System;
using System.Collections.Generic;
using System.Text;
using PromQL.Parsing.Syntax;

namespace PromQL.Parsing.Printing
{
    /// <summary>
    /// Prints Prometheus's canonical form of an expression, byte for byte what the Go <c>String()</c> methods
    /// of <c>promql/parser/printer.go</c> give for the same tree. Works with an explicit stack into one
    /// <see cref="StringBuilder"/>, so arbitrarily deep trees and long operator chains print without recursion.
    /// </summary>
    public static class PromQlPrinter
    {
        /// <summary>Prints an expression; an empty string for null.</summary>
        public static string Print(Expr expr)
        {
            if (expr is null)
            {
                return string.Empty;
            }

            var sb = new StringBuilder();
            new Writer(sb).Write(expr);
            return sb.ToString();
        }

        /// <summary>
        /// Prints a matcher as <c>labels.Matcher.String()</c> does: the name (quoted when not a legacy label
        /// name), the operator, the value quoted with Go's <c>strconv.Quote</c>.
        /// </summary>
        public static string PrintMatcher(LabelMatcher matcher)
        {
            if (matcher is null)
            {
                return string.Empty;
            }

            var sb = new StringBuilder();
            AppendMatcher(sb, matcher);
            return sb.ToString();
        }

        internal static void AppendMatcher(StringBuilder sb, LabelMatcher matcher)
        {
            GoFormat.AppendLabelName(sb, matcher.Name ?? string.Empty, matcher.NameHasHole);
            sb.Append(matcher.Type.Text());
            GoFormat.AppendQuoted(sb, matcher.Value ?? string.Empty, matcher.ValueHasHole);
        }

        /// <summary>The order Go prints a node's modifiers in; it differs between node kinds.</summary>
        private enum ModifierOrder
        {
            /// <summary>VectorSelector: <c>@</c>, anchored/smoothed, offset.</summary>
            Vector,

            /// <summary>MatrixSelector: anchored/smoothed, <c>@</c>, offset.</summary>
            Matrix,

            /// <summary>SubqueryExpr: <c>@</c>, offset (it has no anchored or smoothed).</summary>
            Subquery,
        }

        private enum WorkKind : byte
        {
            Text,
            Node,

            // A selector inside a range selector: printed without its own modifiers, as Go clears them.
            BareSelector,
        }

        private readonly struct Work
        {
            private Work(WorkKind kind, string? text, Expr? node)
            {
                Kind = kind;
                Text = text;
                Node = node;
            }

            public WorkKind Kind { get; }

            public string? Text { get; }

            public Expr? Node { get; }

            public static Work Of(string text) => new Work(WorkKind.Text, text, null);

            public static Work Of(Expr? node) => new Work(WorkKind.Node, null, node);

            public static Work Bare(Expr node) => new Work(WorkKind.BareSelector, null, node);
        }

        /// <summary>
        /// Expands one node at a time: leaves are written straight away, inner nodes push their pieces (text
        /// and children) on the stack in reverse so they pop in print order.
        /// </summary>
        private sealed class Writer
        {
            private readonly StringBuilder _sb;
            private readonly Stack<Work> _stack = new Stack<Work>();

            // The pieces of the node being expanded, in print order; reused, as expansions never nest.
            private readonly List<Work> _pieces = new List<Work>();

            public Writer(StringBuilder sb) => _sb = sb;

            public void Write(Expr root)
            {
                _stack.Push(Work.Of(root));
                while (_stack.Count > 0)
                {
                    var work = _stack.Pop();
                    switch (work.Kind)
                    {
                        case WorkKind.Text:
                            _sb.Append(work.Text);
                            break;
                        case WorkKind.BareSelector:
                            WriteBareSelector(work.Node!);
                            break;
                        default:
                            Expand(work.Node);
                            break;
                    }
                }
            }

            private void Expand(Expr? node)
            {
                switch (node)
                {
                    case null:
                        return;
                    case NumberLiteral number:
                        WriteNumber(number);
                        return;
                    case StringLiteral str:
                        GoFormat.AppendQuoted(_sb, str.Value ?? string.Empty, str.HasHole);
                        return;
                    case VectorSelector selector:
                        WriteSelectorBody(selector);
                        AddModifiers(selector.Modifiers, ModifierOrder.Vector);
                        break;
                    case HoleExpr hole:
                        _sb.Append(PromQlParser.HoleCharacter);
                        AddModifiers(hole.Modifiers, ModifierOrder.Vector);
                        break;
                    case MatrixSelector matrix:
                        AddMatrix(matrix);
                        break;
                    case SubqueryExpr subquery:
                        AddSubquery(subquery);
                        break;
                    case AggregateExpr aggregate:
                        AddAggregate(aggregate);
                        break;
                    case BinaryExpr binary:
                        AddBinary(binary);
                        break;
                    case Call call:
                        AddCall(call);
                        break;
                    case ParenExpr paren:
                        _pieces.Add(Work.Of("("));
                        _pieces.Add(Work.Of(paren.Expr));
                        _pieces.Add(Work.Of(")"));
                        break;
                    case UnaryExpr unary:
                        _pieces.Add(Work.Of(unary.Op == UnaryOperator.Minus ? "-" : "+"));
                        _pieces.Add(Work.Of(unary.Expr));
                        break;
                    case DurationExpr duration:
                        AddDuration(duration);
                        break;
                }

                for (var i = _pieces.Count - 1; i >= 0; i--)
                {
                    _stack.Push(_pieces[i]);
                }

                _pieces.Clear();
            }

            private void WriteNumber(NumberLiteral number)
            {
                var value = number.Value;
                if (!number.IsDuration)
                {
                    GoFormat.AppendFloatF(_sb, value);
                    return;
                }

                // Go: model.Duration(v*1e9), with the sign written separately for negative values.
                if (value < 0)
                {
                    _sb.Append('-');
                    GoFormat.AppendDurationNanoseconds(_sb, GoFormat.FloatToInt64(-value * 1e9));
                }
                else
                {
                    GoFormat.AppendDurationNanoseconds(_sb, GoFormat.FloatToInt64(value * 1e9));
                }
            }

            private void WriteBareSelector(Expr node)
            {
                switch (node)
                {
                    case VectorSelector selector:
                        WriteSelectorBody(selector);
                        break;
                    case HoleExpr:
                        _sb.Append(PromQlParser.HoleCharacter);
                        break;
                    default:
                        Expand(node);
                        break;
                }
            }

            // The name, then the matchers' strings sorted and joined by ",", skipping an __name__ equality
            // matcher that repeats the name (Go adds one for the name outside braces; we do not).
            private void WriteSelectorBody(VectorSelector selector)
            {
                var name = selector.Name ?? string.Empty;
                var matchers = selector.Matchers;
                List<string>? strings = null;
                if (matchers is not null)
                {
                    var one = new StringBuilder();
                    foreach (var matcher in matchers)
                    {
                        if (matcher is null)
                        {
                            continue;
                        }

                        if (matcher.Name == LabelMatcher.MetricNameLabel && matcher.Type == MatchType.Equal && matcher.Value == name && name.Length != 0)
                        {
                            continue;
                        }

                        one.Clear();
                        AppendMatcher(one, matcher);
                        (strings ??= new List<string>(matchers.Count)).Add(one.ToString());
                    }
                }

                _sb.Append(name);
                if (strings is null)
                {
                    return;
                }

                strings.Sort(Utf8OrderComparer.Instance);
                _sb.Append('{');
                for (var i = 0; i < strings.Count; i++)
                {
                    if (i > 0)
                    {
                        _sb.Append(',');
                    }

                    _sb.Append(strings[i]);
                }

                _sb.Append('}');
            }

            private void AddMatrix(MatrixSelector matrix)
            {
                _pieces.Add(matrix.VectorSelector is null ? Work.Of(string.Empty) : Work.Bare(matrix.VectorSelector));
                _pieces.Add(Work.Of("["));
                if (matrix.RangeExpr is not null)
                {
                    _pieces.Add(Work.Of(matrix.RangeExpr));
                }
                else
                {
                    _pieces.Add(Work.Of(Duration(matrix.Range)));
                }

                _pieces.Add(Work.Of("]"));
                AddModifiers(matrix.Modifiers, ModifierOrder.Matrix);
            }

            private void AddSubquery(SubqueryExpr subquery)
            {
                _pieces.Add(Work.Of(subquery.Expr));
                _pieces.Add(Work.Of("["));
                _pieces.Add(subquery.RangeExpr is not null ? Work.Of(subquery.RangeExpr) : Work.Of(Duration(subquery.Range)));
                _pieces.Add(Work.Of(":"));
                if (subquery.Step != TimeSpan.Zero)
                {
                    _pieces.Add(Work.Of(Duration(subquery.Step)));
                }
                else if (subquery.StepExpr is not null)
                {
                    _pieces.Add(Work.Of(subquery.StepExpr));
                }

                _pieces.Add(Work.Of("]"));
                AddModifiers(subquery.Modifiers, ModifierOrder.Subquery);
            }

            private void AddModifiers(Modifiers? modifiers, ModifierOrder order)
            {
                if (modifiers is null || modifiers.IsEmpty)
                {
                    return;
                }

                string? at = null;
                if (modifiers.Timestamp is { } timestamp)
                {
                    var sb = new StringBuilder(" @ ");
                    GoFormat.AppendFloatFixed(sb, timestamp / 1000.0, 3);
                    at = sb.ToString();
                }
                else if (modifiers.AtKind == AtModifierKind.Start)
                {
                    at = " @ start()";
                }
                else if (modifiers.AtKind == AtModifierKind.End)
                {
                    at = " @ end()";
                }

                var extended = order == ModifierOrder.Subquery ? null
                    : modifiers.Anchored ? " anchored"
                    : modifiers.Smoothed ? " smoothed"
                    : null;

                if (order == ModifierOrder.Matrix)
                {
                    AddIfAny(extended);
                    AddIfAny(at);
                }
                else
                {
                    AddIfAny(at);
                    AddIfAny(extended);
                }

                if (modifiers.OffsetExpr is not null)
                {
                    _pieces.Add(Work.Of(" offset "));
                    _pieces.Add(Work.Of(modifiers.OffsetExpr));
                }
                else if (modifiers.Offset > TimeSpan.Zero)
                {
                    _pieces.Add(Work.Of(" offset " + Duration(modifiers.Offset)));
                }
                else if (modifiers.Offset < TimeSpan.Zero)
                {
                    // Go: " offset -" + model.Duration(-offset); the ticks are negated after the division
                    // to milliseconds so that TimeSpan.MinValue cannot overflow.
                    var sb = new StringBuilder(" offset -");
                    GoFormat.AppendDurationMilliseconds(sb, -(modifiers.Offset.Ticks / TimeSpan.TicksPerMillisecond));
                    _pieces.Add(Work.Of(sb.ToString()));
                }
            }

            private void AddIfAny(string? text)
            {
                if (text is not null)
                {
                    _pieces.Add(Work.Of(text));
                }
            }

            private void AddAggregate(AggregateExpr aggregate)
            {
                var head = new StringBuilder(aggregate.Op.Text());
                var grouping = aggregate.Grouping ?? Array.Empty<string>();
                if (aggregate.Without)
                {
                    head.Append(" without (");
                    AppendLabels(head, grouping);
                    head.Append(") ");
                }
                else if (grouping.Count > 0)
                {
                    head.Append(" by (");
                    AppendLabels(head, grouping);
                    head.Append(") ");
                }

                head.Append('(');
                _pieces.Add(Work.Of(head.ToString()));

                // Go prints the parameter of every parameterised aggregation; a missing one (only in a tree
                // built by hand) is left out rather than printed as nothing followed by a comma.
                if (aggregate.Op.HasParameter() && aggregate.Param is not null)
                {
                    _pieces.Add(Work.Of(aggregate.Param));
                    _pieces.Add(Work.Of(", "));
                }

                _pieces.Add(Work.Of(aggregate.Expr));
                _pieces.Add(Work.Of(")"));
            }

            private void AddBinary(BinaryExpr binary)
            {
                var middle = new StringBuilder(" ");
                middle.Append(binary.Op.Text());
                if (binary.ReturnBool)
                {
                    middle.Append(" bool");
                }

                if (binary.Matching is { } matching)
                {
                    AppendMatching(middle, matching);
                }

                middle.Append(' ');
                _pieces.Add(Work.Of(binary.Left));
                _pieces.Add(Work.Of(middle.ToString()));
                _pieces.Add(Work.Of(binary.Right));
            }

            private static void AppendMatching(StringBuilder sb, VectorMatching matching)
            {
                var labels = matching.MatchingLabels ?? Array.Empty<string>();
                var grouped = matching.Card == VectorMatchCardinality.ManyToOne || matching.Card == VectorMatchCardinality.OneToMany;
                if (labels.Count > 0 || matching.On || grouped)
                {
                    sb.Append(matching.On ? " on (" : " ignoring (");
                    AppendLabels(sb, labels);
                    sb.Append(')');
                }

                if (grouped)
                {
                    sb.Append(matching.Card == VectorMatchCardinality.ManyToOne ? " group_left (" : " group_right (");
                    AppendLabels(sb, matching.Include ?? Array.Empty<string>());
                    sb.Append(')');
                }

                var fill = matching.Fill;
                if (fill is null || !fill.Any)
                {
                    return;
                }

                // Go compares the two with ==, so NaN fills never merge into one fill (…).
                if (fill.Left is { } both && fill.Right is { } right && both == right)
                {
                    sb.Append(" fill (");
                    GoFormat.AppendFloatV(sb, both);
                    sb.Append(')');
                    return;
                }

                if (fill.Left is { } left)
                {
                    sb.Append(" fill_left (");
                    GoFormat.AppendFloatV(sb, left);
                    sb.Append(')');
                }

                if (fill.Right is { } rightOnly)
                {
                    sb.Append(" fill_right (");
                    GoFormat.AppendFloatV(sb, rightOnly);
                    sb.Append(')');
                }
            }

            private void AddCall(Call call)
            {
                _pieces.Add(Work.Of((call.Name ?? string.Empty) + "("));
                var args = call.Args;
                if (args is not null)
                {
                    for (var i = 0; i < args.Count; i++)
                    {
                        if (i > 0)
                        {
                            _pieces.Add(Work.Of(", "));
                        }

                        _pieces.Add(Work.Of(args[i]));
                    }
                }

                _pieces.Add(Work.Of(")"));
            }

            private void AddDuration(DurationExpr duration)
            {
                if (duration.Wrapped)
                {
                    _pieces.Add(Work.Of("("));
                }

                switch (duration.Op)
                {
                    case DurationOperator.Step:
                        _pieces.Add(Work.Of("step()"));
                        break;
                    case DurationOperator.Range:
                        _pieces.Add(Work.Of("range()"));
                        break;
                    case DurationOperator.MinOf:
                    case DurationOperator.MaxOf:
                        _pieces.Add(Work.Of(duration.Op == DurationOperator.MinOf ? "min_of(" : "max_of("));
                        _pieces.Add(Work.Of(duration.Left));
                        _pieces.Add(Work.Of(", "));
                        _pieces.Add(Work.Of(duration.Right));
                        _pieces.Add(Work.Of(")"));
                        break;
                    default:
                        if (duration.Left is null)
                        {
                            // Unary: Go prints "-" before the operand and nothing for "+". Other operators
                            // cannot be unary (Go would panic); their sign is kept so nothing is lost.
                            if (duration.Op != DurationOperator.Add)
                            {
                                _pieces.Add(Work.Of(OperatorText(duration.Op)));
                            }

                            _pieces.Add(Work.Of(duration.Right));
                        }
                        else
                        {
                            _pieces.Add(Work.Of(duration.Left));
                            _pieces.Add(Work.Of(" " + OperatorText(duration.Op) + " "));
                            _pieces.Add(Work.Of(duration.Right));
                        }

                        break;
                }

                if (duration.Wrapped)
                {
                    _pieces.Add(Work.Of(")"));
                }
            }

            private static string OperatorText(DurationOperator op) => op switch
            {
                DurationOperator.Add => "+",
                DurationOperator.Sub => "-",
                DurationOperator.Mul => "*",
                DurationOperator.Div => "/",
                DurationOperator.Mod => "%",
                DurationOperator.Pow => "^",
                DurationOperator.Step => "step",
                DurationOperator.Range => "range",
                DurationOperator.MinOf => "min_of",
                _ => "max_of",
            };

            private static string Duration(TimeSpan duration)
            {
                var sb = new StringBuilder();
                GoFormat.AppendDuration(sb, duration);
                return sb.ToString();
            }

            // Go's writeLabels: ", "-separated, quoted when not a legacy label name.
            private static void AppendLabels(StringBuilder sb, IReadOnlyList<string> labels)
            {
                for (var i = 0; i < labels.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    // Grouping labels carry no hole flag; the hole character never occurs in a real query, so keep it.
                    GoFormat.AppendLabelName(sb, labels[i] ?? string.Empty, keepHoles: true);
                }
            }
        }
    }
}
