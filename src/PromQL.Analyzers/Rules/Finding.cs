using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// What a rule found in a query: the descriptor, the span in the query's logical text (UTF-16 offsets,
    /// end exclusive) and the message arguments. The analyzer maps the span back to C# source.
    /// </summary>
    internal readonly struct Finding
    {
        public Finding(DiagnosticDescriptor descriptor, int start, int end, params string[] messageArgs)
        {
            Descriptor = descriptor;
            Start = start;
            End = end;
            MessageArgs = messageArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public int Start { get; }

        public int End { get; }

        public string[] MessageArgs { get; }
    }
}
