using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL014: a quantile outside [0, 1] written as a number literal, the first argument of
    /// <c>histogram_quantile</c>, <c>quantile_over_time</c> or the <c>quantile</c> aggregation: Prometheus returns
    /// +Inf for φ &gt; 1 and -Inf for φ &lt; 0. Only literals (in parentheses too): a hole, a scalar expression or a
    /// duration leave φ to run time, and NaN is not outside the range (it gives NaN). Where φ is clearly a percentage
    /// (1 &lt; φ ≤ 100, written as plain decimal digits), the finding carries its fix, φ/100 written in decimal as
    /// Prometheus reads it back (<see cref="FixProperties.ReplaceStart"/>, <see cref="FixProperties.ReplaceEnd"/>,
    /// <see cref="FixProperties.ReplaceText"/>): <c>95</c> becomes <c>0.95</c>, <c>99.9</c> becomes <c>0.999</c>.
    /// </summary>
    internal sealed class QuantileOutOfRangeRule : QueryRule
    {
        public static readonly QuantileOutOfRangeRule Instance = new QuantileOutOfRangeRule();

        private QuantileOutOfRangeRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.QuantileOutOfRange);

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Expression is { } expression)
            {
                Find(expression, query.Parse.HasErrors ? null : query.Parse.Text, query.Options, findings);
            }
        }

        /// <summary>
        /// The rule over a tree: every quantile argument below <paramref name="root"/>. <paramref name="text"/> is the text
        /// the tree was parsed from, for the fix; null when no fix may be offered.
        /// </summary>
        public static void Find(Expr root, string? text, PromQlAnalyzerOptions options, List<Finding> findings)
        {
            foreach (var node in root.DescendantsAndSelf())
            {
                Expr? quantile;
                string function;
                switch (node)
                {
                    case Call { NameHasHole: false, Name: "histogram_quantile" or "quantile_over_time" } call when call.Args.Count == 2:
                        quantile = call.Args[0];
                        function = call.Name;
                        break;
                    case AggregateExpr { Op: AggregateOperator.Quantile, Param: { } param }:
                        quantile = param;
                        function = "quantile";
                        break;
                    default:
                        continue;
                }

                while (quantile is ParenExpr paren)
                {
                    quantile = paren.Expr;
                }

                if (quantile is not NumberLiteral { IsDuration: false } literal || !(literal.Value < 0 || literal.Value > 1))
                {
                    continue;
                }

                var properties = FixProperties.None;
                if (text is not null)
                {
                    var builder = FixProperties.AtNode(literal.Start, literal.End, text.Length);
                    if (TryAsFraction(text.Substring(literal.Start, literal.Length), literal.Value, out var fraction))
                    {
                        builder[FixProperties.ReplaceStart] = FixProperties.Offset(literal.Start);
                        builder[FixProperties.ReplaceEnd] = FixProperties.Offset(literal.End);
                        builder[FixProperties.ReplaceText] = fraction;
                    }

                    properties = builder.ToImmutable();
                }

                findings.Add(new Finding(
                    PromQL.Analyzers.Descriptors.QuantileOutOfRange,
                    literal.Start,
                    literal.End,
                    properties,
                    text is null ? literal.Value.ToString("R", CultureInfo.InvariantCulture) : text.Substring(literal.Start, literal.Length),
                    function,
                    literal.Value > 1 ? "+Inf" : "-Inf"));
            }
        }

        /// <summary>
        /// φ/100 in decimal, for a percentage written as plain decimal digits (1 &lt; φ ≤ 100): <c>95</c> → <c>0.95</c>,
        /// <c>99.90</c> → <c>0.999</c>, <c>100</c> → <c>1</c>. False for anything else (hex, exponents, underscores, Inf).
        /// </summary>
        internal static bool TryAsFraction(string written, double value, out string fraction)
        {
            fraction = string.Empty;
            if (!(value > 1 && value <= 100) || written.Length == 0 || written.Length > 20)
            {
                return false;
            }

            var dots = 0;
            foreach (var c in written)
            {
                if (c == '.')
                {
                    dots++;
                }
                else if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            if (dots > 1 || written[0] == '.' || written[written.Length - 1] == '.'
                || !decimal.TryParse(written, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                return false;
            }

            fraction = (percent / 100m).ToString("0.############################", CultureInfo.InvariantCulture);
            return fraction.Length > 0 && fraction != "0";
        }
    }
}
