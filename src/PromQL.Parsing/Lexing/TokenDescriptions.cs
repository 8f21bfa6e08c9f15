// PLACEHOLDER: replaced by the lexer work.
namespace PromQL.Parsing.Lexing
{
    internal static class TokenDescriptions
    {
        public static string Describe(TokenList tokens, int index) => tokens[index].Kind == TokenKind.EndOfInput ? "end of input" : "\"" + tokens.TextOf(tokens[index]) + "\"";
    }
}
