using PromQL.Parsing.Syntax;

namespace PromQL.Parsing.Grammar
{
    /// <summary>What the grammar gives: a tree, or the first syntax error; and the flagged features used.</summary>
    internal readonly struct SyntaxResult
    {
        public SyntaxResult(Expr? expression, PromQlDiagnostic? error, PromQlFeatures features)
        {
            Expression = expression;
            Error = error;
            Features = features;
        }

        public Expr? Expression { get; }

        public PromQlDiagnostic? Error { get; }

        public PromQlFeatures Features { get; }
    }
}
