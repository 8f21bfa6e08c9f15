using System.Collections.Concurrent;
using PromQL.Parsing;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// Parse results by query text, kept by the analyzer instance, which the IDE keeps across edits: analysing an
    /// unchanged query again does not reparse it. Bounded: past <see cref="Capacity"/> entries it starts afresh.
    /// </summary>
    internal sealed class ParseCache
    {
        public const int Capacity = 4096;

        private readonly ConcurrentDictionary<string, PromQlParseResult> _results = new ConcurrentDictionary<string, PromQlParseResult>();
        private int _parses;

        /// <summary>How many times the parser ran (cache misses), for tests of the cache.</summary>
        public int Parses => _parses;

        public PromQlParseResult Parse(string text)
        {
            if (_results.TryGetValue(text, out var cached))
            {
                return cached;
            }

            var result = PromQlParser.Parse(text);
            System.Threading.Interlocked.Increment(ref _parses);
            if (_results.Count >= Capacity)
            {
                _results.Clear();
            }

            _results.TryAdd(text, result);
            return result;
        }
    }
}
