// PLACEHOLDER: stands in for the RE2 validator being written separately; replaced at merge.
using System;
using System.Text.RegularExpressions;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>Temporary approximation of RE2 semantics with .NET regular expressions.</summary>
    internal static class Re2Regex
    {
        /// <summary>Null when the pattern is valid, else the error message.</summary>
        internal static string? Validate(string pattern) => null;

        /// <summary>Whether <c>^(?s:pattern)$</c> matches the empty string; null if the pattern is invalid.</summary>
        internal static bool? MatchesEmpty(string pattern)
        {
            try
            {
                return Regex.IsMatch(string.Empty, "^(?s:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
#pragma warning disable CA1031 // Any failure means "unknown", never an exception for the caller.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }
    }
}
