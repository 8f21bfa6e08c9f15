using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Text;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// The one scan a string costs when it is not PromQL: over the decoded text of its literal parts, looking for a
    /// watched metric prefix and a bracket, and noting the parts that are not literal text (holes, operands).
    /// </summary>
    internal sealed class TextScan
    {
        private readonly PromQlAnalyzerOptions options;

        private TextScan(PromQlAnalyzerOptions options) => this.options = options;

        /// <summary>A watched metric prefix stands in the literal text.</summary>
        public bool HasWatchedPrefix { get; private set; }

        /// <summary>A <c>{</c>, <c>(</c> or <c>[</c> stands in the literal text.</summary>
        public bool HasBracket { get; private set; }

        /// <summary>Interpolation expressions and non-literal operands, or null when there are none.</summary>
        public List<ExpressionSyntax>? OtherParts { get; private set; }

        public static TextScan Of(ExpressionSyntax root, PromQlAnalyzerOptions options)
        {
            var scan = new TextScan(options);
            if (root is LiteralExpressionSyntax literal)
            {
                // The common case, without the walk.
                scan.Visit(literal.Token);
            }
            else
            {
                StringExpressions.ForEachPart(root, scan.Visit, scan.AddOther);
            }

            return scan;
        }

        private void Visit(SyntaxToken token)
        {
            // The decoded text, which the compiler already holds: an escape such as \u005f must not hide a prefix.
            var text = token.ValueText;
            if (!HasBracket && text.IndexOfAny(Brackets) >= 0)
            {
                HasBracket = true;
            }

            if (!HasWatchedPrefix)
            {
                foreach (var prefix in options.WatchedPrefixes)
                {
                    if (text.IndexOf(prefix, StringComparison.Ordinal) >= 0)
                    {
                        HasWatchedPrefix = true;
                        break;
                    }
                }
            }
        }

        private void AddOther(ExpressionSyntax part) => (OtherParts ??= new List<ExpressionSyntax>()).Add(part);

        private static readonly char[] Brackets = { '{', '(', '[' };
    }
}
