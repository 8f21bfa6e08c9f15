using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// What the analyzer reported for every string of a member, kept across compilations so that re-analysing an
    /// unchanged member after an edit elsewhere costs no screening, no binding, no reading and no rule. Keyed on
    /// everything the results depend on: the declaration epoch (<see cref="DeclarationEpochs"/>), the member's full
    /// text (its comments included) and the options' values; each string is found by its offset in the member. A
    /// look-up hashes the member's text straight from the source text and compares it there: it allocates nothing.
    /// Bounded: past <see cref="Capacity"/> members or <see cref="MaxMemberChars"/> characters of member text held,
    /// it starts afresh.
    /// </summary>
    internal sealed class ResultCache
    {
        public const int Capacity = 4096;

        /// <summary>About 8 MB of member text: a few large members must not make the cache large.</summary>
        public const long MaxMemberChars = 4 * 1024 * 1024;

        private const int ChunkLength = 1024;

        [ThreadStatic]
        private static char[]? s_chunk;

        private readonly ConcurrentDictionary<int, MemberResults> _entries = new ConcurrentDictionary<int, MemberResults>();
        private int _hits;
        private long _heldChars;

        /// <summary>How many strings were answered from the cache, for tests of the cache.</summary>
        public int Hits => _hits;

        /// <summary>
        /// The member whose text decides <paramref name="root"/>'s result, or null when it may depend on more: a
        /// string in a top-level statement (locals of other statements are in scope), or outside any member but a
        /// type declaration (an attribute on a type, a base-type argument).
        /// </summary>
        public static MemberDeclarationSyntax? MemberOf(ExpressionSyntax root)
        {
            for (var node = root.Parent; node is not null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax member)
                {
                    return member is GlobalStatementSyntax or BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax ? null : member;
                }
            }

            return null;
        }

        /// <summary>Where <paramref name="member"/>'s results would be kept; null for a tree without its text.</summary>
        public MemberProbe? Probe(object epoch, MemberDeclarationSyntax member, PromQlAnalyzerOptions options)
        {
            if (!member.SyntaxTree.TryGetText(out var source))
            {
                return null;
            }

            var span = member.FullSpan;
            unchecked
            {
                var hash = RuntimeHelpers.GetHashCode(epoch);
                hash = (hash * 31) + options.GetHashCode();
                hash = (hash * 31) + HashOf(source, span);
                return new MemberProbe(epoch, source, span, options, hash);
            }
        }

        public MemberResults? TryGet(MemberProbe probe) =>
            _entries.TryGetValue(probe.Hash, out var entry) && entry.Matches(probe) ? entry : null;

        /// <summary>Counts a string answered from the cache.</summary>
        public void CountHit() => Interlocked.Increment(ref _hits);

        public MemberResults Add(MemberProbe probe, ImmutableArray<int> offsets, ImmutableArray<ImmutableArray<CachedDiagnostic>> diagnostics)
        {
            if (_entries.Count >= Capacity || Interlocked.Read(ref _heldChars) + probe.MemberSpan.Length > MaxMemberChars)
            {
                _entries.Clear();
                Interlocked.Exchange(ref _heldChars, 0);
            }

            // A colliding entry is replaced: the look-up compares everything, so a collision only costs a miss.
            var entry = new MemberResults(probe, offsets, diagnostics);
            _entries[probe.Hash] = entry;
            Interlocked.Add(ref _heldChars, probe.MemberSpan.Length);
            return entry;
        }

        private static int HashOf(SourceText source, TextSpan span)
        {
            // Four characters at a time in four independent lanes: the member's text is hashed for every string that
            // asks, and the editor's second pass is mostly this and the comparison below.
            const ulong prime = 0x100000001B3UL;
            var buffer = s_chunk ??= new char[ChunkLength];
            ulong a = (ulong)span.Length, b = 0x9E3779B97F4A7C15UL, c = 0xC2B2AE3D27D4EB4FUL, d = 0x165667B19E3779F9UL;
            for (var start = span.Start; start < span.End; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength, span.End - start);
                source.CopyTo(start, buffer, 0, count);
                var words = MemoryMarshal.Cast<char, ulong>(buffer.AsSpan(0, count & ~3));
                var i = 0;
                for (; i + 4 <= words.Length; i += 4)
                {
                    a = (a ^ words[i]) * prime;
                    b = (b ^ words[i + 1]) * prime;
                    c = (c ^ words[i + 2]) * prime;
                    d = (d ^ words[i + 3]) * prime;
                }

                for (; i < words.Length; i++)
                {
                    a = (a ^ words[i]) * prime;
                }

                for (var j = count & ~3; j < count; j++)
                {
                    b = (b ^ buffer[j]) * prime;
                }
            }

            var hash = (a * 31) ^ (b * 17) ^ (c * 13) ^ d;
            return unchecked((int)hash ^ (int)(hash >> 32));
        }

        internal static bool SameText(string text, SourceText source, TextSpan span)
        {
            if (text.Length != span.Length)
            {
                return false;
            }

            var buffer = s_chunk ??= new char[ChunkLength];
            for (var start = 0; start < span.Length; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength, span.Length - start);
                source.CopyTo(span.Start + start, buffer, 0, count);
                if (!text.AsSpan(start, count).SequenceEqual(buffer.AsSpan(0, count)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The results of every string of one member: by offset from the member's start, sorted.</summary>
    internal sealed class MemberResults
    {
        private readonly object _epoch;
        private readonly string _memberText;
        private readonly PromQlAnalyzerOptions _options;
        private readonly ImmutableArray<int> _offsets;
        private readonly ImmutableArray<ImmutableArray<CachedDiagnostic>> _diagnostics;

        public MemberResults(MemberProbe probe, ImmutableArray<int> offsets, ImmutableArray<ImmutableArray<CachedDiagnostic>> diagnostics)
        {
            _epoch = probe.Epoch;
            _memberText = probe.Source.ToString(probe.MemberSpan);
            _options = probe.Options;
            _offsets = offsets;
            _diagnostics = diagnostics;
        }

        /// <summary>The diagnostics of the string at <paramref name="offset"/> (spans relative to the member's start).</summary>
        public bool TryGet(int offset, out ImmutableArray<CachedDiagnostic> found)
        {
            var index = _offsets.BinarySearch(offset);
            found = index >= 0 ? _diagnostics[index] : default;
            return index >= 0;
        }

        public bool Matches(MemberProbe probe) =>
            ReferenceEquals(_epoch, probe.Epoch)
            && _options.Equals(probe.Options)
            && ResultCache.SameText(_memberText, probe.Source, probe.MemberSpan);
    }

    /// <summary>A member's place in the cache, computed without allocating. <see cref="MemberStart"/> places the cached spans.</summary>
    internal readonly struct MemberProbe
    {
        public MemberProbe(object epoch, SourceText source, TextSpan memberSpan, PromQlAnalyzerOptions options, int hash)
        {
            Epoch = epoch;
            Source = source;
            MemberSpan = memberSpan;
            Options = options;
            Hash = hash;
        }

        public object Epoch { get; }

        public SourceText Source { get; }

        public TextSpan MemberSpan { get; }

        /// <summary>The options the results were computed with: compared by value.</summary>
        public PromQlAnalyzerOptions Options { get; }

        public int Hash { get; }

        /// <summary>Where the member starts in this compilation's tree: cached spans and offsets are relative to it.</summary>
        public int MemberStart => MemberSpan.Start;
    }

    /// <summary>
    /// A diagnostic found in a string: its span is absolute when just computed, and relative to the start of the
    /// enclosing member once kept (see <see cref="MemberResults"/>). Its properties hold offsets in the query's logical
    /// text only (<see cref="Rules.FixProperties"/>), so they stay true wherever the member moves.
    /// </summary>
    internal readonly struct CachedDiagnostic
    {
        public CachedDiagnostic(DiagnosticDescriptor descriptor, TextSpan span, ImmutableDictionary<string, string?> properties, string[] messageArgs)
        {
            Descriptor = descriptor;
            Span = span;
            Properties = properties;
            MessageArgs = messageArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public string[] MessageArgs { get; }

        /// <summary>The same diagnostic at <paramref name="span"/>.</summary>
        public CachedDiagnostic At(TextSpan span) => new CachedDiagnostic(Descriptor, span, Properties, MessageArgs);

        /// <summary>The diagnostic to report, at <paramref name="span"/> of <paramref name="tree"/>.</summary>
        public Diagnostic ToDiagnostic(SyntaxTree tree, TextSpan span) => Diagnostic.Create(Descriptor, Location.Create(tree, span), Properties, MessageArgs);
    }
}
