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
    /// What the analyzer reported for a string, kept across compilations so that re-analysing an unchanged member
    /// after an edit elsewhere costs no binding, no reading and no rule. Keyed on everything the result depends on:
    /// the declaration epoch (<see cref="DeclarationEpochs"/>), the enclosing member's full text (its comments
    /// included), the string's offset in it, and the options' values. A look-up hashes the member's text straight
    /// from the source text and compares it there: it allocates nothing, so a build that never reuses a result pays
    /// only for what it stores. Bounded: past <see cref="Capacity"/> entries or <see cref="MaxMemberChars"/>
    /// characters of member text held, it starts afresh.
    /// </summary>
    internal sealed class ResultCache
    {
        public const int Capacity = 4096;

        /// <summary>About 8 MB of member text: a few large members must not make the cache large.</summary>
        public const long MaxMemberChars = 4 * 1024 * 1024;

        private const int ChunkLength = 1024;

        [ThreadStatic]
        private static char[]? chunk;

        private readonly ConcurrentDictionary<int, Entry> entries = new ConcurrentDictionary<int, Entry>();
        private readonly ConditionalWeakTable<PromQlAnalyzerOptions, string> optionsKeys = new ConditionalWeakTable<PromQlAnalyzerOptions, string>();
        private int hits;
        private long heldChars;

        /// <summary>How many strings were answered from the cache, for tests of the cache.</summary>
        public int Hits => hits;

        /// <summary>
        /// Where <paramref name="root"/>'s result would be kept, or null when its result may depend on more than its
        /// member: a string in a top-level statement (locals of other statements are in scope), or outside any member
        /// but a type declaration (an attribute on a type, a base-type argument), or a tree without its text.
        /// </summary>
        public ResultProbe? Probe(object epoch, ExpressionSyntax root, PromQlAnalyzerOptions options)
        {
            MemberDeclarationSyntax? member = null;
            for (var node = root.Parent; node is not null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax found)
                {
                    member = found;
                    break;
                }
            }

            if (member is null or GlobalStatementSyntax or BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax
                || !root.SyntaxTree.TryGetText(out var source))
            {
                return null;
            }

            var span = member.FullSpan;
            var optionsKey = ReferenceEquals(options, PromQlAnalyzerOptions.Default) ? string.Empty : optionsKeys.GetValue(options, OptionsKey);
            var offset = root.SpanStart - span.Start;
            unchecked
            {
                var hash = RuntimeHelpers.GetHashCode(epoch);
                hash = (hash * 31) + offset;
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(optionsKey);
                hash = (hash * 31) + HashOf(source, span);
                return new ResultProbe(epoch, source, span, offset, optionsKey, hash);
            }
        }

        public bool TryGet(ResultProbe probe, out ImmutableArray<CachedDiagnostic> diagnostics)
        {
            if (entries.TryGetValue(probe.Hash, out var entry) && entry.Matches(probe))
            {
                Interlocked.Increment(ref hits);
                diagnostics = entry.Diagnostics;
                return true;
            }

            diagnostics = default;
            return false;
        }

        public void Add(ResultProbe probe, ImmutableArray<CachedDiagnostic> diagnostics)
        {
            if (entries.Count >= Capacity || Interlocked.Read(ref heldChars) + probe.MemberSpan.Length > MaxMemberChars)
            {
                entries.Clear();
                Interlocked.Exchange(ref heldChars, 0);
            }

            // A colliding entry is replaced: the look-up compares everything, so a collision only costs a miss.
            entries[probe.Hash] = new Entry(probe, diagnostics);
            Interlocked.Add(ref heldChars, probe.MemberSpan.Length);
        }

        private static int HashOf(SourceText source, TextSpan span)
        {
            // Four characters at a time in four independent lanes: the member's text is hashed for every string that
            // asks, and the editor's second pass is mostly this and the comparison below.
            const ulong Prime = 0x100000001B3UL;
            var buffer = chunk ??= new char[ChunkLength];
            ulong a = (ulong)span.Length, b = 0x9E3779B97F4A7C15UL, c = 0xC2B2AE3D27D4EB4FUL, d = 0x165667B19E3779F9UL;
            for (var start = span.Start; start < span.End; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength, span.End - start);
                source.CopyTo(start, buffer, 0, count);
                var words = MemoryMarshal.Cast<char, ulong>(buffer.AsSpan(0, count & ~3));
                var i = 0;
                for (; i + 4 <= words.Length; i += 4)
                {
                    a = (a ^ words[i]) * Prime;
                    b = (b ^ words[i + 1]) * Prime;
                    c = (c ^ words[i + 2]) * Prime;
                    d = (d ^ words[i + 3]) * Prime;
                }

                for (; i < words.Length; i++)
                {
                    a = (a ^ words[i]) * Prime;
                }

                for (var j = count & ~3; j < count; j++)
                {
                    b = (b ^ buffer[j]) * Prime;
                }
            }

            var hash = (a * 31) ^ (b * 17) ^ (c * 13) ^ d;
            return unchecked((int)hash ^ (int)(hash >> 32));
        }

        private static bool SameText(string text, SourceText source, TextSpan span)
        {
            if (text.Length != span.Length)
            {
                return false;
            }

            var buffer = chunk ??= new char[ChunkLength];
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

        /// <summary>The options' values as text (the options object may be new for every compilation).</summary>
        private static string OptionsKey(PromQlAnalyzerOptions options)
        {
            var key = new StringBuilder();
            key.Append(options.RequireContainerFilter ? 'R' : 'r').Append(options.DetectByContent ? 'D' : 'd');
            foreach (var prefix in options.WatchedPrefixes)
            {
                key.Append('\u0001').Append(prefix);
            }

            foreach (var member in options.QueryMembers)
            {
                key.Append('\u0002').Append(member.ContainingNamespace).Append('\u0003').Append(member.TypeName)
                    .Append('\u0003').Append(member.MemberName).Append('\u0003').Append(member.ParameterName ?? "\u0004");
            }

            return key.ToString();
        }

        private sealed class Entry
        {
            private readonly object epoch;
            private readonly string memberText;
            private readonly int offset;
            private readonly string optionsKey;

            public Entry(ResultProbe probe, ImmutableArray<CachedDiagnostic> diagnostics)
            {
                epoch = probe.Epoch;
                memberText = probe.Source.ToString(probe.MemberSpan);
                offset = probe.Offset;
                optionsKey = probe.OptionsKey;
                Diagnostics = diagnostics;
            }

            public ImmutableArray<CachedDiagnostic> Diagnostics { get; }

            public bool Matches(ResultProbe probe) =>
                ReferenceEquals(epoch, probe.Epoch) && offset == probe.Offset
                && string.Equals(optionsKey, probe.OptionsKey, StringComparison.Ordinal)
                && SameText(memberText, probe.Source, probe.MemberSpan);
        }
    }

    /// <summary>A string's place in the cache, computed without allocating. <see cref="MemberStart"/> places the cached spans.</summary>
    internal readonly struct ResultProbe
    {
        public ResultProbe(object epoch, SourceText source, TextSpan memberSpan, int offset, string optionsKey, int hash)
        {
            Epoch = epoch;
            Source = source;
            MemberSpan = memberSpan;
            Offset = offset;
            OptionsKey = optionsKey;
            Hash = hash;
        }

        public object Epoch { get; }

        public SourceText Source { get; }

        public TextSpan MemberSpan { get; }

        public int Offset { get; }

        public string OptionsKey { get; }

        public int Hash { get; }

        /// <summary>Where the member starts in this compilation's tree: cached spans are relative to it.</summary>
        public int MemberStart => MemberSpan.Start;
    }

    /// <summary>A diagnostic to report again: its span is relative to the start of the enclosing member.</summary>
    internal readonly struct CachedDiagnostic
    {
        public CachedDiagnostic(DiagnosticDescriptor descriptor, TextSpan relativeSpan, string[] messageArgs)
        {
            Descriptor = descriptor;
            RelativeSpan = relativeSpan;
            MessageArgs = messageArgs;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan RelativeSpan { get; }

        public string[] MessageArgs { get; }
    }
}
