using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
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
    /// included), the string's offset in it, and the options' values. Bounded: past <see cref="Capacity"/> entries or
    /// <see cref="MaxMemberChars"/> characters of member text held in keys, it starts afresh.
    /// </summary>
    internal sealed class ResultCache
    {
        public const int Capacity = 4096;

        /// <summary>About 8 MB of keys: a few large members must not make the cache large.</summary>
        public const long MaxMemberChars = 4 * 1024 * 1024;

        private readonly ConcurrentDictionary<ResultKey, ImmutableArray<CachedDiagnostic>> results = new ConcurrentDictionary<ResultKey, ImmutableArray<CachedDiagnostic>>();
        private int hits;
        private long heldChars;

        /// <summary>How many strings were answered from the cache, for tests of the cache.</summary>
        public int Hits => hits;

        public bool TryGet(ResultKey key, out ImmutableArray<CachedDiagnostic> diagnostics)
        {
            if (results.TryGetValue(key, out diagnostics))
            {
                Interlocked.Increment(ref hits);
                return true;
            }

            return false;
        }

        public void Add(ResultKey key, ImmutableArray<CachedDiagnostic> diagnostics)
        {
            if (results.Count >= Capacity || Interlocked.Read(ref heldChars) + key.MemberLength > MaxMemberChars)
            {
                results.Clear();
                Interlocked.Exchange(ref heldChars, 0);
            }

            if (results.TryAdd(key, diagnostics))
            {
                Interlocked.Add(ref heldChars, key.MemberLength);
            }
        }

        /// <summary>
        /// The key for <paramref name="root"/>, or null when its result may depend on more than its member: a string
        /// in a top-level statement (locals of other statements are in scope), or outside any member but a type
        /// declaration (an attribute on a type, a base-type argument).
        /// </summary>
        public static ResultKey? KeyFor(object epoch, ExpressionSyntax root, PromQlAnalyzerOptions options)
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

            if (member is null or GlobalStatementSyntax or BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            {
                return null;
            }

            // A copy out of the source text: cheaper than rebuilding the member's text from its tokens.
            var span = member.FullSpan;
            var text = root.SyntaxTree.TryGetText(out var source) ? source.ToString(span) : member.ToFullString();
            return new ResultKey(epoch, text, span.Start, root.SpanStart - span.Start, OptionsKey(options));
        }

        /// <summary>The options' values as text (the options object may be new for every compilation).</summary>
        private static string OptionsKey(PromQlAnalyzerOptions options)
        {
            if (ReferenceEquals(options, PromQlAnalyzerOptions.Default))
            {
                return string.Empty;
            }

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
    }

    /// <summary>See <see cref="ResultCache"/>. <see cref="MemberStart"/> places the cached spans and is not part of the key.</summary>
    internal sealed class ResultKey : IEquatable<ResultKey>
    {
        private readonly object epoch;
        private readonly string memberText;
        private readonly int offset;
        private readonly string options;

        public ResultKey(object epoch, string memberText, int memberStart, int offset, string options)
        {
            this.epoch = epoch;
            this.memberText = memberText;
            MemberStart = memberStart;
            this.offset = offset;
            this.options = options;
        }

        /// <summary>The length of the member's text, which the key holds.</summary>
        public int MemberLength => memberText.Length;

        /// <summary>Where the member starts in this compilation's tree: cached spans are relative to it.</summary>
        public int MemberStart { get; }

        public bool Equals(ResultKey? other) =>
            other is not null && ReferenceEquals(epoch, other.epoch) && offset == other.offset
            && string.Equals(options, other.options, StringComparison.Ordinal)
            && string.Equals(memberText, other.memberText, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as ResultKey);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(epoch);
                hash = (hash * 31) + offset;
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(options);
                return (hash * 31) + StringComparer.Ordinal.GetHashCode(memberText);
            }
        }
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
