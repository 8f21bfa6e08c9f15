namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>The error code texts of Go's regexp/syntax (ErrorCode.String()).</summary>
    internal static class Re2ErrorCodes
    {
        internal const string InvalidCharClass = "invalid character class";
        internal const string InvalidCharRange = "invalid character class range";
        internal const string InvalidEscape = "invalid escape sequence";
        internal const string InvalidNamedCapture = "invalid named capture";
        internal const string InvalidPerlOp = "invalid or unsupported Perl syntax";
        internal const string InvalidRepeatOp = "invalid nested repetition operator";
        internal const string InvalidRepeatSize = "invalid repeat count";
        internal const string InvalidUtf8 = "invalid UTF-8";
        internal const string MissingBracket = "missing closing ]";
        internal const string MissingParen = "missing closing )";
        internal const string MissingRepeatArgument = "missing argument to repetition operator";
        internal const string TrailingBackslash = "trailing backslash at end of expression";
        internal const string UnexpectedParen = "unexpected )";
        internal const string NestingDepth = "expression nests too deeply";
        internal const string Large = "expression too large";

        /// <summary>Formats an error the way Go's <c>*syntax.Error</c> does.</summary>
        internal static string Format(string code, string expr) => "error parsing regexp: " + code + ": `" + expr + "`";
    }
}
