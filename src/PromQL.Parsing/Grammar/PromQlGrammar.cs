// PLACEHOLDER
using PromQL.Parsing.Lexing;
namespace PromQL.Parsing.Grammar
{
    internal static class PromQlGrammar
    {
        public static SyntaxResult ParseTokens(TokenList tokens, PromQlParserOptions options) =>
            new SyntaxResult(null, new PromQlDiagnostic("not yet", 0, 0), PromQlFeatures.None);
    }
}
