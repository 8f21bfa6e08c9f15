using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Engine.Tests.Sample
{
    /// <summary>One query of the sample: where it is, what the analyzer reports on it, and its PromQL as the engine gets it.</summary>
    public sealed class SampleQuery
    {
        public SampleQuery(string file, int line, string member, int rootStart, string text, IReadOnlyList<Diagnostic> diagnostics, string? engineText, string? skipReason)
        {
            File = file;
            Line = line;
            Member = member;
            RootStart = rootStart;
            Text = text;
            Diagnostics = diagnostics;
            EngineText = engineText;
            SkipReason = skipReason;
        }

        /// <summary>The file name, such as <c>PodMemoryQueries.cs</c>.</summary>
        public string File { get; }

        /// <summary>The 1-based line where the string expression starts.</summary>
        public int Line { get; }

        /// <summary>The method or property that holds the string.</summary>
        public string Member { get; }

        /// <summary>Where the string expression starts in its file (code fixes edit inside it, so it stays put).</summary>
        public int RootStart { get; }

        /// <summary>The PromQL text as the analyzer reads it, holes as U+E000.</summary>
        public string Text { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>The query with every hole replaced by the fixture's value, or null when a hole has no value.</summary>
        public string? EngineText { get; }

        /// <summary>Why the engine cannot evaluate the query, or null.</summary>
        public string? SkipReason { get; }

        /// <summary>The ids the analyzer reports on this query, sorted and distinct.</summary>
        public IReadOnlyList<string> Ids => Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();

        public bool Has(string id) => Diagnostics.Any(d => d.Id == id);

        /// <summary><c>File.cs(line) Member</c>, as the tests print it.</summary>
        public string Name => $"{File}({Line}) {Member}";

        public override string ToString() => Name;
    }
}
