using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PromQL.Parsing.Syntax;

namespace PromQL.Parsing.Tests.Support
{
    /// <summary>What a <see cref="TreeDump"/> shows besides the tree's meaning.</summary>
    public sealed class TreeDumpOptions
    {
        /// <summary>Everything: spans and spellings (golden snapshots).</summary>
        public static readonly TreeDumpOptions Full = new TreeDumpOptions(includeSpans: true, includeSpelling: true);

        /// <summary>
        /// Meaning only: no positions and none of the spellings the canonical printer does not keep (quote
        /// characters, an empty <c>by ()</c> or <c>ignoring ()</c>, a bare quoted metric name). Go's own tree does
        /// not record those either, so this is what a print-and-parse round trip must preserve.
        /// </summary>
        public static readonly TreeDumpOptions Semantic = new TreeDumpOptions(includeSpans: false, includeSpelling: false);

        /// <summary>Creates options.</summary>
        public TreeDumpOptions(bool includeSpans, bool includeSpelling)
        {
            IncludeSpans = includeSpans;
            IncludeSpelling = includeSpelling;
        }

        /// <summary>Whether node, matcher and clause positions are shown.</summary>
        public bool IncludeSpans { get; }

        /// <summary>Whether properties that only record how the query was spelled are shown.</summary>
        public bool IncludeSpelling { get; }
    }

    /// <summary>
    /// A deterministic, line-per-node textual dump of the public syntax tree: every node type and every
    /// property. Iterative (explicit stack), so a tree of any depth dumps without risk to the stack.
    /// </summary>
    public static class TreeDump
    {
        private const string Indent = "  ";

        /// <summary>Deeper lines name their depth instead of indenting further, so a very deep tree's dump stays linear in size.</summary>
        private const int MaxIndentDepth = 40;

        /// <summary>Dumps a tree with spans and spellings.</summary>
        public static string Dump(Expr? root) => Dump(root, TreeDumpOptions.Full);

        /// <summary>Dumps a tree.</summary>
        public static string Dump(Expr? root, TreeDumpOptions options)
        {
            if (root is null)
            {
                return "(no tree)\n";
            }

            var output = new StringBuilder();
            var stack = new Stack<Frame>();
            stack.Push(Frame.ForNode("root", root, 0));
            while (stack.Count > 0)
            {
                var frame = stack.Pop();
                AppendIndent(output, frame.Depth);

                if (frame.Node is null)
                {
                    output.Append(frame.Text).Append('\n');
                    continue;
                }

                var node = frame.Node;
                var items = new List<Frame>();
                output.Append(frame.Label).Append(": ").Append(Describe(node, frame.Depth + 1, options, items));
                output.Append(" type=").Append(node.Type.PrometheusName());
                if (options.IncludeSpans)
                {
                    output.Append(' ').Append(Span(node.Start, node.End));
                }

                output.Append('\n');
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    stack.Push(items[i]);
                }
            }

            return output.ToString();
        }

        /// <summary>
        /// Every node of the tree, including those only reachable through modifiers and ranges (duration
        /// expressions are not among Prometheus's <c>Children</c>). Iterative, depth first, parents first.
        /// </summary>
        public static IEnumerable<Expr> AllNodes(Expr root)
        {
            var stack = new Stack<Expr>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                var items = new List<Frame>();
                Describe(node, 0, TreeDumpOptions.Semantic, items);
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (items[i].Node is { } child)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>Every label matcher in the tree.</summary>
        public static IEnumerable<LabelMatcher> AllMatchers(Expr root) =>
            AllNodes(root).OfType<VectorSelector>().SelectMany(v => v.Matchers);

        /// <summary>A string quoted and escaped so that every character is visible and the dump stays one line per item.</summary>
        public static string Quote(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsControl(c) || char.IsSurrogate(c) || c == PromQlParser.HoleCharacter || c == '\uFFFD')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        private static string Describe(Expr node, int childDepth, TreeDumpOptions options, List<Frame> items)
        {
            var text = new StringBuilder();
            switch (node)
            {
                case NumberLiteral number:
                    text.Append("NumberLiteral value=").Append(Number(number.Value)).Append(" duration=").Append(Bool(number.IsDuration));
                    break;

                case StringLiteral str:
                    text.Append("StringLiteral value=").Append(Quote(str.Value)).Append(" hole=").Append(Bool(str.HasHole));
                    break;

                case VectorSelector vector:
                    text.Append("VectorSelector name=").Append(Quote(vector.Name)).Append(" nameHole=").Append(Bool(vector.NameHasHole))
                        .Append(" metricName=").Append(Quote(vector.MetricName));
                    if (options.IncludeSpans)
                    {
                        text.Append(" nameEnd=").Append(Int(vector.NameEnd)).Append(" openBrace=").Append(Int(vector.OpenBrace))
                            .Append(" closeBrace=").Append(Int(vector.CloseBrace));
                    }

                    // Prometheus's printer sorts matchers, and matching does not depend on their order: the semantic
                    // dump lists them sorted so a printed-then-parsed tree compares equal.
                    var matchers = vector.Matchers.Select(m => Matcher(m, options)).ToList();
                    if (!options.IncludeSpelling)
                    {
                        matchers.Sort(StringComparer.Ordinal);
                    }

                    for (var i = 0; i < matchers.Count; i++)
                    {
                        items.Add(Frame.ForText($"matcher[{i}]: {matchers[i]}", childDepth));
                    }

                    AddModifiers(vector.Modifiers, childDepth, items);
                    break;

                case MatrixSelector matrix:
                    text.Append("MatrixSelector range=").Append(Duration(matrix.Range));
                    AddOptional("rangeExpr", matrix.RangeExpr, childDepth, items);
                    AddModifiers(matrix.Modifiers, childDepth, items);
                    items.Add(Frame.ForNode("selector", matrix.VectorSelector, childDepth));
                    break;

                case SubqueryExpr subquery:
                    text.Append("SubqueryExpr range=").Append(Duration(subquery.Range)).Append(" step=").Append(Duration(subquery.Step));
                    AddOptional("rangeExpr", subquery.RangeExpr, childDepth, items);
                    AddOptional("stepExpr", subquery.StepExpr, childDepth, items);
                    AddModifiers(subquery.Modifiers, childDepth, items);
                    items.Add(Frame.ForNode("expr", subquery.Expr, childDepth));
                    break;

                case AggregateExpr aggregate:
                    text.Append("AggregateExpr op=").Append(aggregate.Op.Text()).Append(" without=").Append(Bool(aggregate.Without))
                        .Append(" grouping=").Append(List(aggregate.Grouping));
                    if (options.IncludeSpelling)
                    {
                        text.Append(" groupingClause=").Append(Bool(aggregate.HasGroupingClause));
                    }

                    if (options.IncludeSpans)
                    {
                        text.Append(" grouping@").Append(Span(aggregate.GroupingStart, aggregate.GroupingEnd));
                    }

                    AddOptional("param", aggregate.Param, childDepth, items);
                    items.Add(Frame.ForNode("expr", aggregate.Expr, childDepth));
                    break;

                case BinaryExpr binary:
                    text.Append("BinaryExpr op=").Append(binary.Op.Text()).Append(" bool=").Append(Bool(binary.ReturnBool));
                    if (options.IncludeSpans)
                    {
                        text.Append(" operator@").Append(Span(binary.OperatorStart, binary.OperatorEnd));
                    }

                    if (binary.Matching is { } matching)
                    {
                        items.Add(Frame.ForText("matching: " + Matching(matching, options), childDepth));
                    }

                    items.Add(Frame.ForNode("left", binary.Left, childDepth));
                    items.Add(Frame.ForNode("right", binary.Right, childDepth));
                    break;

                case Call call:
                    text.Append("Call name=").Append(Quote(call.Name)).Append(" function=").Append(Quote(call.Function?.Name))
                        .Append(" nameHole=").Append(Bool(call.NameHasHole));
                    for (var i = 0; i < call.Args.Count; i++)
                    {
                        items.Add(Frame.ForNode($"arg[{i}]", call.Args[i], childDepth));
                    }

                    break;

                case ParenExpr paren:
                    text.Append("ParenExpr");
                    items.Add(Frame.ForNode("expr", paren.Expr, childDepth));
                    break;

                case UnaryExpr unary:
                    text.Append("UnaryExpr op=").Append(Unary(unary.Op));
                    items.Add(Frame.ForNode("expr", unary.Expr, childDepth));
                    break;

                case DurationExpr duration:
                    text.Append("DurationExpr op=").Append(duration.Op.ToString()).Append(" wrapped=").Append(Bool(duration.Wrapped));
                    AddOptional("left", duration.Left, childDepth, items);
                    AddOptional("right", duration.Right, childDepth, items);
                    break;

                case HoleExpr hole:
                    text.Append("HoleExpr");
                    AddModifiers(hole.Modifiers, childDepth, items);
                    break;

                default:
                    // A node type added after this dump was written: still show it and everything under it.
                    text.Append(node.GetType().Name).Append(" (not described by TreeDump)");
                    var index = 0;
                    foreach (var child in node.Children)
                    {
                        items.Add(Frame.ForNode($"child[{index++}]", child, childDepth));
                    }

                    break;
            }

            return text.ToString();
        }

        private static void AppendIndent(StringBuilder output, int depth)
        {
            for (var i = 0; i < Math.Min(depth, MaxIndentDepth); i++)
            {
                output.Append(Indent);
            }

            if (depth > MaxIndentDepth)
            {
                output.Append("(depth ").Append(Int(depth)).Append(") ");
            }
        }

        private static void AddOptional(string label, Expr? node, int depth, List<Frame> items)
        {
            if (node is not null)
            {
                items.Add(Frame.ForNode(label, node, depth));
            }
        }

        private static void AddModifiers(Modifiers modifiers, int depth, List<Frame> items)
        {
            if (modifiers.IsEmpty && modifiers.Offset == TimeSpan.Zero)
            {
                return;
            }

            var text = new StringBuilder("modifiers:");
            text.Append(" offset=").Append(Duration(modifiers.Offset));
            text.Append(" at=");
            if (modifiers.Timestamp is { } timestamp)
            {
                text.Append(timestamp.ToString(CultureInfo.InvariantCulture)).Append("ms");
            }
            else
            {
                text.Append(modifiers.AtKind switch
                {
                    AtModifierKind.Start => "start()",
                    AtModifierKind.End => "end()",
                    _ => "none",
                });
            }

            text.Append(" anchored=").Append(Bool(modifiers.Anchored)).Append(" smoothed=").Append(Bool(modifiers.Smoothed));
            items.Add(Frame.ForText(text.ToString(), depth));
            AddOptional("offsetExpr", modifiers.OffsetExpr, depth, items);
        }

        private static string Matcher(LabelMatcher matcher, TreeDumpOptions options)
        {
            var text = new StringBuilder();
            text.Append(Quote(matcher.Name)).Append(' ').Append(matcher.Type.Text()).Append(' ').Append(Quote(matcher.Value))
                .Append(" nameHole=").Append(Bool(matcher.NameHasHole)).Append(" valueHole=").Append(Bool(matcher.ValueHasHole));
            if (options.IncludeSpelling)
            {
                text.Append(" bareName=").Append(Bool(matcher.IsBareMetricName)).Append(" quote=").Append(matcher.ValueQuote);
            }

            if (options.IncludeSpans)
            {
                text.Append(' ').Append(Span(matcher.Start, matcher.End))
                    .Append(" name@").Append(Span(matcher.NameStart, matcher.NameEnd))
                    .Append(" value@").Append(Span(matcher.ValueStart, matcher.ValueEnd));
            }

            return text.ToString();
        }

        private static string Matching(VectorMatching matching, TreeDumpOptions options)
        {
            var text = new StringBuilder();
            text.Append("card=").Append(matching.Card.ToString()).Append(" on=").Append(Bool(matching.On))
                .Append(" labels=").Append(List(matching.MatchingLabels)).Append(" include=").Append(List(matching.Include))
                .Append(" fillLeft=").Append(matching.Fill.Left is { } left ? Number(left) : "none")
                .Append(" fillRight=").Append(matching.Fill.Right is { } right ? Number(right) : "none");
            if (options.IncludeSpelling)
            {
                text.Append(" matchingClause=").Append(Bool(matching.HasMatchingClause));
            }

            return text.ToString();
        }

        private static string Unary(UnaryOperator op) => op == UnaryOperator.Minus ? "-" : "+";

        private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

        private static string Bool(bool value) => value ? "true" : "false";

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Span(int start, int end) => "[" + Int(start) + ".." + Int(end) + ")";

        private static string Number(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            if (double.IsInfinity(value))
            {
                return value > 0 ? "+Inf" : "-Inf";
            }

            if (value == 0 && double.IsNegative(value))
            {
                return "-0";
            }

            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        private static string Duration(TimeSpan value) =>
            value.Ticks % TimeSpan.TicksPerMillisecond == 0
                ? (value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms"
                : value.Ticks.ToString(CultureInfo.InvariantCulture) + "ticks";

        /// <summary>A line to write: a node with its label, or a text line.</summary>
        private readonly struct Frame
        {
            private Frame(string label, Expr? node, string? text, int depth)
            {
                Label = label;
                Node = node;
                Text = text;
                Depth = depth;
            }

            public string Label { get; }

            public Expr? Node { get; }

            public string? Text { get; }

            public int Depth { get; }

            public static Frame ForNode(string label, Expr node, int depth) => new Frame(label, node, null, depth);

            public static Frame ForText(string text, int depth) => new Frame(string.Empty, null, text, depth);
        }
    }
}
