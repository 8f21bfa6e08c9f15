namespace PromQL.Parsing
{
    /// <summary>An error in a query, worded like Prometheus's, with its span in the input string (UTF-16 offsets).</summary>
    public sealed class PromQlDiagnostic
    {
        /// <summary>Creates a diagnostic.</summary>
        public PromQlDiagnostic(string message, int start, int length)
        {
            Message = message;
            Start = start;
            Length = length < 0 ? 0 : length;
        }

        /// <summary>The message, as Prometheus words it (without its <c>1:7: parse error:</c> prefix).</summary>
        public string Message { get; }

        /// <summary>Where the error starts in the input string.</summary>
        public int Start { get; }

        /// <summary>How many characters it covers (0 at the end of input).</summary>
        public int Length { get; }

        /// <summary>Where the error ends (exclusive).</summary>
        public int End => Start + Length;

        /// <inheritdoc />
        public override string ToString() => $"{Start}..{End}: {Message}";
    }
}
