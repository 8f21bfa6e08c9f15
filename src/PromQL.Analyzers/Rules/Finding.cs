using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What a rule found in a query: the descriptor, the span in the query's logical text (UTF-16 offsets,
    /// end exclusive), the message arguments, and what a fix needs (<see cref="FixProperties"/>; empty for a rule
    /// without one). The analyzer maps the span back to C# source and reports the properties as they are.
    /// </summary>
    internal readonly struct Finding
    {
        public Finding(DiagnosticDescriptor descriptor, int start, int end, params string[] messageArgs)
            : this(descriptor, start, end, ImmutableDictionary<string, string?>.Empty, messageArgs)
        {
        }

        public Finding(DiagnosticDescriptor descriptor, int start, int end, ImmutableDictionary<string, string?> properties, params string[] messageArgs)
        {
            Descriptor = descriptor;
            Start = start;
            End = end;
            Properties = properties;
            MessageArgs = messageArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public int Start { get; }

        public int End { get; }

        /// <summary>The diagnostic's properties: keys of <see cref="FixProperties"/>, offsets in the query's logical text.</summary>
        public ImmutableDictionary<string, string?> Properties { get; }

        public string[] MessageArgs { get; }
    }
}
