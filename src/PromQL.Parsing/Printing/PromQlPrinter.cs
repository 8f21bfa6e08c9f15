// PLACEHOLDER: replaced by the printer work.
using PromQL.Parsing.Syntax;
namespace PromQL.Parsing.Printing
{
    /// <summary>Prints Prometheus's canonical form.</summary>
    public static class PromQlPrinter
    {
        /// <summary>Prints an expression.</summary>
        public static string Print(Expr expr) => expr.GetType().Name;
        /// <summary>Prints a matcher.</summary>
        public static string PrintMatcher(LabelMatcher matcher) => matcher.Name;
    }
}
