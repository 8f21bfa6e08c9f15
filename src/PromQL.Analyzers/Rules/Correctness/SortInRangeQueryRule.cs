using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL042: <c>sort</c>, <c>sort_desc</c>, <c>sort_by_label</c> or <c>sort_by_label_desc</c> at the top of a query
    /// (under parentheses only) that the call site runs as a range query (<see cref="QueryKind.Range"/>): Prometheus
    /// sorts a range query's matrix by labels after evaluation, so the call changes nothing. Anywhere else, or where the
    /// call site does not tell, it stays silent. The finding carries its fix: delete everything of the call but its first
    /// argument (<see cref="FixProperties.OperandStart"/>, <see cref="FixProperties.OperandEnd"/>), the instant vector it
    /// orders.
    /// </summary>
    internal sealed class SortInRangeQueryRule : QueryRule
    {
        public static readonly SortInRangeQueryRule Instance = new SortInRangeQueryRule();

        private SortInRangeQueryRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.SortInRangeQuery);

        // Only a marked string has a call site that tells the kind.
        public override bool NeedsMarkedQuery => true;

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Kind == QueryKind.Range && query.Expression is { } root)
            {
                Find(root, query.Parse.HasErrors ? null : query.Parse.Text, findings);
            }
        }

        /// <summary>
        /// The rule over the tree of a query run as a range query. <paramref name="text"/> is the text the tree was
        /// parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, List<Finding> findings)
        {
            var top = root;
            while (top is ParenExpr paren)
            {
                top = paren.Expr;
            }

            if (top is not Call { NameHasHole: false, Args.Count: > 0 } call || !IsSort(call.Name))
            {
                return;
            }

            var properties = FixProperties.None;
            if (text is not null)
            {
                var builder = FixProperties.AtNode(call.Start, call.End, text.Length);
                builder[FixProperties.OperandStart] = FixProperties.Offset(call.Args[0].Start);
                builder[FixProperties.OperandEnd] = FixProperties.Offset(call.Args[0].End);
                properties = builder.ToImmutable();
            }

            findings.Add(new Finding(PromQL.Analyzers.Descriptors.SortInRangeQuery, call.Start, call.End, properties, call.Name));
        }

        /// <summary>The four functions that order an instant vector's series (function names are case-sensitive in PromQL).</summary>
        internal static bool IsSort(string name) =>
            string.Equals(name, "sort", StringComparison.Ordinal)
            || string.Equals(name, "sort_desc", StringComparison.Ordinal)
            || string.Equals(name, "sort_by_label", StringComparison.Ordinal)
            || string.Equals(name, "sort_by_label_desc", StringComparison.Ordinal);
    }
}
