// PLACEHOLDER: replaced by the lexer work.
namespace PromQL.Parsing.Lexing
{
    internal static class Literals
    {
        public static bool TryUnquote(string tokenText, out string value, out string? error) { value = tokenText.Length >= 2 ? tokenText.Substring(1, tokenText.Length - 2) : ""; error = null; return true; }
        public static bool TryParseNumber(string text, out double value, out string? error) { error = null; return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value); }
        public static bool TryParseDuration(string text, out double seconds, out string? error) { error = null; seconds = 60; return true; }
    }
}
