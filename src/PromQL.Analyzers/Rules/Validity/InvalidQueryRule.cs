using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL100: the parser's errors, as it words them, at their characters. Only for strings marked as
    /// PromQL (never for strings found by content). Never because of a hole: the parser accepts a hole wherever
    /// a name, value, number, duration, matcher or sub-expression may stand, but a hole outside quotes may also
    /// hold an operator, a keyword or brackets, so a syntax error at or after such a hole is not reported. The unknown-function
    /// error on a function Prometheus renamed is left to PROMQL030 (<see cref="RenamedFunctionRule"/>), which names the new one.
    /// </summary>
    internal sealed class InvalidQueryRule : QueryRule
    {
        public static readonly InvalidQueryRule Instance = new InvalidQueryRule();

        private InvalidQueryRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.InvalidQuery);

        // A string found by its content is PromQL only if it parses: only a marked one can be invalid PromQL.
        public override bool NeedsMarkedQuery => true;

        public override bool RunsOnInvalidQuery => true;

        public override void Analyze(QueryContext query, List<Finding> findings) => Find(query.Parse, findings);

        /// <summary>The rule over a parse result: its errors, but those a hole may have caused.</summary>
        public static void Find(PromQlParseResult result, List<Finding> findings)
        {
            var structuralHole = result.Expression is null ? FirstStructuralHole(result.Text) : -1;
            foreach (var diagnostic in result.Diagnostics)
            {
                // A hole may have caused it; a renamed function's name is PROMQL030's, with its fix.
                if ((structuralHole >= 0 && diagnostic.Start >= structuralHole) || RenamedFunctionRule.Explains(result.Text, diagnostic))
                {
                    continue;
                }

                findings.Add(new Finding(PromQL.Analyzers.Descriptors.InvalidQuery, diagnostic.Start, diagnostic.End, diagnostic.Message));
            }
        }

        /// <summary>
        /// Where the first hole outside a PromQL string literal or comment stands, or -1. A hole inside quotes is part
        /// of a value and cannot change the query's structure.
        /// </summary>
        internal static int FirstStructuralHole(string text)
        {
            var quote = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\' && quote != '`')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }

                    continue;
                }

                switch (c)
                {
                    case PromQlParser.HoleCharacter:
                        return i;
                    case '"' or '\'' or '`':
                        quote = c;
                        break;
                    case '#':
                        // A comment runs to the end of the line.
                        while (i + 1 < text.Length && text[i + 1] != '\n')
                        {
                            i++;
                        }

                        break;
                }
            }

            return -1;
        }
    }
}
