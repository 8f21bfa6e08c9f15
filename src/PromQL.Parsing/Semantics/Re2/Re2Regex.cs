// PLACEHOLDER: replaced by the RE2 work.
namespace PromQL.Parsing.Semantics.Re2
{
    internal static class Re2Regex
    {
        public static string? Validate(string pattern) => null;
        public static bool? MatchesEmpty(string pattern) => pattern.Length == 0 || pattern == ".*";
    }
}
