using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PromQL.Parsing.Syntax;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// Whether a sum can give way to its operand without breaking what is built on it. A sum has no labels and one
    /// series; its operand has one series per container with their labels. That is the point of the fix when the
    /// query shows those series, through operations that work series by series. It breaks the query when the sum's
    /// result is matched against another vector (<c>sum(a) / sum(b)</c> then pairs nothing), aggregated again, or
    /// handed to a function that wants one series (<c>scalar</c>).
    /// </summary>
    internal static class SumContext
    {
        // Functions that map each series to one series of the same labels (or drop them all alike).
        private static readonly HashSet<string> SeriesBySeriesFunctions = new HashSet<string>
        {
            "abs", "absent", "ceil", "clamp", "clamp_max", "clamp_min", "exp", "floor", "ln", "log2", "log10",
            "round", "sgn", "sqrt", "sort", "sort_desc", "label_replace", "label_join", "timestamp",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
            "quantile_over_time", "stddev_over_time", "stdvar_over_time", "present_over_time", "absent_over_time",
            "deriv", "delta", "idelta", "predict_linear", "changes", "resets",
        };

        public static bool OperandCanStandAlone(Expr root, AggregateExpr sum)
        {
            var parents = Parents(root);
            Expr child = sum;
            while (parents.TryGetValue(child, out var parent))
            {
                switch (parent)
                {
                    case ParenExpr:
                    case UnaryExpr:
                    case SubqueryExpr:
                        break;
                    case BinaryExpr binary:
                        var other = ReferenceEquals(binary.Left, child) ? binary.Right : binary.Left;
                        if (other.Type != ValueType.Scalar)
                        {
                            return false;
                        }

                        break;
                    case Call call when SeriesBySeriesFunctions.Contains(call.Name):
                        break;
                    default:
                        return false;
                }

                child = parent;
            }

            return true;
        }

        // No parent pointers in the tree: one iterative walk records them.
        private static Dictionary<Expr, Expr> Parents(Expr root)
        {
            var parents = new Dictionary<Expr, Expr>(ReferenceComparer.Instance);
            var stack = new Stack<Expr>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                foreach (var child in node.Children)
                {
                    parents[child] = node;
                    stack.Push(child);
                }
            }

            return parents;
        }

        private sealed class ReferenceComparer : IEqualityComparer<Expr>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(Expr? x, Expr? y) => ReferenceEquals(x, y);

            public int GetHashCode(Expr obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
