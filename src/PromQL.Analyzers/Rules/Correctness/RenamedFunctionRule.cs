using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// PROMQL030: a call of a function Prometheus renamed: <c>holt_winters</c>, <c>double_exponential_smoothing</c> since
    /// Prometheus 3.0. The parser follows Prometheus 3, whose function table has no <c>holt_winters</c>, so such a query does
    /// not parse ("unknown function with name"). This rule reads that error: it runs on invalid queries, recognises the
    /// unknown-function error whose name is a renamed function, and reports the rename with its fix instead of the bare
    /// PROMQL100, which leaves that error to it (<see cref="Explains"/>): one mistake, one diagnostic.
    /// </summary>
    /// <remarks>
    /// Only on marked strings, as PROMQL100 (a string found by its content is PromQL only when it parses). Silent where a hole
    /// outside quotes stands before the name (it may have changed what the name is), as PROMQL100 is.
    /// </remarks>
    internal sealed class RenamedFunctionRule : QueryRule
    {
        public static readonly RenamedFunctionRule Instance = new RenamedFunctionRule();

        private const string UnknownFunction = "unknown function with name ";

        /// <summary>Every function Prometheus renamed, with the version and the new name, and what the new name needs.</summary>
        private static readonly (string Old, string New, string Version, string Note)[] Renames =
        {
            ("holt_winters", "double_exponential_smoothing", "3.0", " (an experimental function: --enable-feature=promql-experimental-functions)"),
        };

        private RenamedFunctionRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.RenamedFunction);

        public override bool NeedsMarkedQuery => true;

        public override bool RunsOnInvalidQuery => true;

        public override void Analyze(QueryContext query, List<Finding> findings) => Find(query.Parse, findings);

        /// <summary>The rule over a parse result: each unknown-function error on a renamed function's name, with its fix.</summary>
        public static void Find(PromQlParseResult result, List<Finding> findings)
        {
            var structuralHole = -2;
            foreach (var diagnostic in result.Diagnostics)
            {
                if (RenameOf(result.Text, diagnostic) is not { } rename)
                {
                    continue;
                }

                if (structuralHole == -2)
                {
                    structuralHole = result.Expression is null ? InvalidQueryRule.FirstStructuralHole(result.Text) : -1;
                }

                if (structuralHole >= 0 && diagnostic.Start >= structuralHole)
                {
                    continue;
                }

                var properties = FixProperties.AtNode(diagnostic.Start, diagnostic.End, result.Text.Length);
                properties[FixProperties.ReplaceStart] = FixProperties.Offset(diagnostic.Start);
                properties[FixProperties.ReplaceEnd] = FixProperties.Offset(diagnostic.End);
                properties[FixProperties.ReplaceText] = rename.New;
                findings.Add(new Finding(PromQL.Analyzers.Descriptors.RenamedFunction, diagnostic.Start, diagnostic.End, properties.ToImmutable(),
                    rename.Version, rename.Old, rename.New, rename.Note));
            }
        }

        /// <summary>Whether <paramref name="name"/> is the new name of a renamed function, the only text this rule's fix writes.</summary>
        internal static bool IsNewName(string name)
        {
            foreach (var rename in Renames)
            {
                if (rename.New == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether this rule reports <paramref name="diagnostic"/> of <paramref name="text"/> in place of PROMQL100.</summary>
        internal static bool Explains(string text, PromQlDiagnostic diagnostic) => RenameOf(text, diagnostic) is not null;

        /// <summary>The rename of the function an unknown-function error names, or null for any other error.</summary>
        private static (string Old, string New, string Version, string Note)? RenameOf(string text, PromQlDiagnostic diagnostic)
        {
            if (!diagnostic.Message.StartsWith(UnknownFunction, StringComparison.Ordinal)
                || diagnostic.Start < 0 || diagnostic.End > text.Length || diagnostic.Length <= 0)
            {
                return null;
            }

            foreach (var rename in Renames)
            {
                // The error's span is the name's token: the name as written, with no hole or escape in it.
                if (diagnostic.Length == rename.Old.Length && string.CompareOrdinal(text, diagnostic.Start, rename.Old, 0, rename.Old.Length) == 0)
                {
                    return rename;
                }
            }

            return null;
        }
    }
}
