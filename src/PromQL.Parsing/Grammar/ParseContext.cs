using System.Collections.Generic;
using PromQL.Parsing.Lexing;

namespace PromQL.Parsing.Grammar
{
    /// <summary>
    /// The state one parse shares between its inputs: the tokens, the options, the features seen, the
    /// nesting depth, and the errors the grammar's actions raised (a Sprache failure message only names one).
    /// </summary>
    internal sealed class ParseContext
    {
        /// <summary>Failure messages that start with this character name an entry of <see cref="_errors"/>.</summary>
        public const char ErrorKeyMarker = '\u0001';

        private readonly TokenInput?[] _inputs;
        private readonly List<PromQlDiagnostic> _errors = new List<PromQlDiagnostic>();

        public ParseContext(TokenList tokens, PromQlParserOptions options)
        {
            Tokens = tokens;
            Options = options;
            _inputs = new TokenInput?[tokens.Count];
        }

        public TokenList Tokens { get; }

        public string Text => Tokens.Text;

        public PromQlParserOptions Options { get; }

        public PromQlFeatures Features { get; set; }

        /// <summary>The context "unexpected …" names inside the duration being parsed (null: none).</summary>
        public string? DurationErrorContext { get; set; }

        /// <summary>What "unexpected …" says was expected inside the duration being parsed.</summary>
        public string? DurationErrorExpected { get; set; }

        /// <summary>How many guarded grammar rules are open right now.</summary>
        public int Depth { get; set; }

        /// <summary>The input positioned at a token; one object per token, made once.</summary>
        public TokenInput InputAt(int index)
        {
            if (index >= _inputs.Length)
            {
                index = _inputs.Length - 1;
            }

            return _inputs[index] ??= new TokenInput(this, index);
        }

        /// <summary>Records an error and returns the failure message that names it.</summary>
        public string RecordError(string message, int start, int end)
        {
            _errors.Add(new PromQlDiagnostic(message, start, end - start));
            return ErrorKeyMarker + (_errors.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The error a failure message names, or null when it names none.</summary>
        public PromQlDiagnostic? ErrorFor(string? message)
        {
            if (message is null || message.Length < 2 || message[0] != ErrorKeyMarker)
            {
                return null;
            }

            return int.TryParse(message.Substring(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < _errors.Count ? _errors[index] : null;
        }
    }
}
