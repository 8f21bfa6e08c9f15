// PLACEHOLDER: replaced by the semantic-check work.
using System.Collections.Generic;
using PromQL.Parsing.Syntax;
namespace PromQL.Parsing.Semantics
{
    internal static class SemanticChecker
    {
        public static IReadOnlyList<PromQlDiagnostic> Check(Expr root, string text, PromQlParserOptions options) => new PromQlDiagnostic[0];
    }
}
