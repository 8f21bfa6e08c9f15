using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Detection;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// Gives compilations that differ only inside member bodies, or in whitespace and ordinary comments outside them,
    /// the same epoch object. What an expression in a member
    /// binds to depends on that member's own text and on the compilation's declarations (types, signatures,
    /// attributes, constants, usings, directives), its options and references; not on other members' bodies. So a
    /// result computed for a string in one compilation holds in another of the same epoch wherever the enclosing
    /// member's text is unchanged: the IDE's case after an edit inside a method.
    /// </summary>
    /// <remarks>
    /// Exact, not hashed: two compilations share an epoch when their options are equal, their references are the
    /// same objects, and each syntax tree is the same object or has the same path, parse options and declarations
    /// (<see cref="SameDeclarations"/>: the tokens outside member bodies, with their directives and
    /// <c>lang=</c> comments). Compilations whose trees changed in more than <see cref="MaxChangedTrees"/> files get a new
    /// epoch (a conservative miss). The last <see cref="MaxSnapshots"/> compilations are remembered (one analyzer
    /// instance serves several projects in the IDE); each holds its syntax trees until replaced.
    /// </remarks>
    internal sealed class DeclarationEpochs
    {
        public const int MaxSnapshots = 8;
        public const int MaxChangedTrees = 8;

        [ThreadStatic]
        private static char[][]? s_buffers;

        private readonly object _gate = new object();
        private readonly List<Snapshot> _snapshots = new List<Snapshot>();
        private readonly Func<SyntaxTree, SyntaxTree, bool>? _sameBodyFacts;

        /// <summary>Epochs by declarations alone.</summary>
        public DeclarationEpochs()
        {
        }

        /// <summary>
        /// Epochs by declarations and by what <paramref name="sameBodyFacts"/> says two versions of a changed tree tell
        /// other members from inside their bodies (the inferred wrappers: <see cref="TreeWrappers.SameFacts"/>).
        /// </summary>
        public DeclarationEpochs(Func<SyntaxTree, SyntaxTree, bool> sameBodyFacts)
        {
            _sameBodyFacts = sameBodyFacts;
        }

        /// <summary>The epoch of <paramref name="compilation"/>: the same object as an earlier compilation's when they may share results.</summary>
        public object EpochOf(Compilation compilation) => EpochOf(compilation, out _);

        /// <summary>As <see cref="EpochOf(Compilation)"/>; <paramref name="reused"/> tells whether an earlier compilation has it too.</summary>
        public object EpochOf(Compilation compilation, out bool reused)
        {
            reused = false;
            var trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
            // Not References, which binds them: #r directives are declaration text anyway.
            var references = compilation.ExternalReferences;
            lock (_gate)
            {
                for (var i = 0; i < _snapshots.Count; i++)
                {
                    var snapshot = _snapshots[i];
                    if (Equivalent(snapshot, compilation, trees, references))
                    {
                        // Compare the next compilation with these trees, which the IDE will keep where unchanged.
                        _snapshots.RemoveAt(i);
                        _snapshots.Insert(0, new Snapshot(snapshot.Epoch, compilation.Options, compilation.AssemblyName, trees, references));
                        reused = true;
                        return snapshot.Epoch;
                    }
                }

                var created = new Snapshot(new object(), compilation.Options, compilation.AssemblyName, trees, references);
                _snapshots.Insert(0, created);
                if (_snapshots.Count > MaxSnapshots)
                {
                    _snapshots.RemoveAt(_snapshots.Count - 1);
                }

                return created.Epoch;
            }
        }

        /// <summary>
        /// Whether two trees declare the same things: the same nodes and tokens outside member bodies (blocks and
        /// <c>=&gt;</c> bodies of methods, constructors, operators, accessors, properties and indexers), with the same
        /// significant trivia around those tokens (see <see cref="IsSignificant"/>). Whitespace, line ends, ordinary
        /// comments and documentation comments there may differ: they change what nothing binds to. A body that holds
        /// preprocessor directives counts as declaration text, since its directives may reach past it.
        /// </summary>
        /// <remarks>
        /// The trees are walked in step and compared node by node, kinds and token texts, so the relation is equality
        /// of what is compared, and transitive. A node the incremental parser took over from the other tree (the
        /// IDE's case: every member but the edited one) is the same at once; a member with the same text is too.
        /// </remarks>
        internal static bool SameDeclarations(SyntaxNode before, SyntaxNode after)
        {
            var pending = new Stack<(SyntaxNodeOrToken Before, SyntaxNodeOrToken After)>();
            pending.Push((before, after));
            while (pending.Count > 0)
            {
                var (b, a) = pending.Pop();
                if (b.RawKind != a.RawKind || b.IsToken != a.IsToken)
                {
                    return false;
                }

                if (b.IsIncrementallyIdenticalTo(a))
                {
                    continue;
                }

                if (b.IsToken)
                {
                    var bt = b.AsToken();
                    var at = a.AsToken();
                    if (!string.Equals(bt.Text, at.Text, StringComparison.Ordinal)
                        || !SameTrivia(bt.LeadingTrivia, at.LeadingTrivia) || !SameTrivia(bt.TrailingTrivia, at.TrailingTrivia))
                    {
                        return false;
                    }

                    continue;
                }

                var bn = b.AsNode()!;
                var an = a.AsNode()!;
                if (bn is MemberDeclarationSyntax && SameFullText(bn, an))
                {
                    continue;
                }

                if (IsBody(bn) && !bn.ContainsDirectives && !an.ContainsDirectives)
                {
                    // Its text is the member's to key; only the trivia around it is looked at, as around any token.
                    if (!SameTrivia(bn.GetLeadingTrivia(), an.GetLeadingTrivia()) || !SameTrivia(bn.GetTrailingTrivia(), an.GetTrailingTrivia()))
                    {
                        return false;
                    }

                    continue;
                }

                var bc = bn.ChildNodesAndTokens();
                var ac = an.ChildNodesAndTokens();
                if (bc.Count != ac.Count)
                {
                    return false;
                }

                var be = bc.Reverse().GetEnumerator();
                var ae = ac.Reverse().GetEnumerator();
                while (be.MoveNext() && ae.MoveNext())
                {
                    pending.Push((be.Current, ae.Current));
                }
            }

            return true;
        }

        /// <summary>A member body: what <see cref="SameDeclarations"/> does not read (the result cache keys it by the member's text).</summary>
        private static bool IsBody(SyntaxNode node) =>
            (node.IsKind(SyntaxKind.Block) || node.IsKind(SyntaxKind.ArrowExpressionClause))
            && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax;

        /// <summary>
        /// Trivia that counts as declaration text: preprocessor directives (they decide what compiles), comments with
        /// a language marker (<c>lang=promql</c> decides what is PromQL), and anything else that is not whitespace,
        /// a line end, an ordinary comment or a documentation comment (disabled text, skipped tokens, conflict markers).
        /// </summary>
        private static bool IsSignificant(SyntaxTrivia trivia)
        {
            switch ((SyntaxKind)trivia.RawKind)
            {
                case SyntaxKind.WhitespaceTrivia:
                case SyntaxKind.EndOfLineTrivia:
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                    return false;
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                    return LanguageComment.HasLanguageMarker(trivia.ToString());
                default:
                    return true;
            }
        }

        /// <summary>Whether two trivia lists hold the same significant trivia, in the same order.</summary>
        private static bool SameTrivia(SyntaxTriviaList before, SyntaxTriviaList after)
        {
            if (before.Count == 0 && after.Count == 0)
            {
                return true;
            }

            var b = before.GetEnumerator();
            var a = after.GetEnumerator();
            while (true)
            {
                var hasBefore = NextSignificant(ref b);
                var hasAfter = NextSignificant(ref a);
                if (!hasBefore || !hasAfter)
                {
                    return hasBefore == hasAfter;
                }

                // Comments and disabled text hold their text; directives are rare enough to be printed.
                if (b.Current.RawKind != a.Current.RawKind
                    || !string.Equals(b.Current.ToFullString(), a.Current.ToFullString(), StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        private static bool NextSignificant(ref SyntaxTriviaList.Enumerator trivia)
        {
            while (trivia.MoveNext())
            {
                if (IsSignificant(trivia.Current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether two nodes have the same full text: a member of a tree parsed afresh rather than incrementally.</summary>
        private static bool SameFullText(SyntaxNode before, SyntaxNode after)
        {
            var length = before.FullSpan.Length;
            if (length != after.FullSpan.Length
                || !before.SyntaxTree.TryGetText(out var beforeText) || !after.SyntaxTree.TryGetText(out var afterText))
            {
                return false;
            }

            var buffers = s_buffers ??= new char[2][] { new char[1024], new char[1024] };
            var beforeStart = before.FullSpan.Start;
            var afterStart = after.FullSpan.Start;
            while (length > 0)
            {
                var count = Math.Min(length, buffers[0].Length);
                beforeText.CopyTo(beforeStart, buffers[0], 0, count);
                afterText.CopyTo(afterStart, buffers[1], 0, count);
                if (!buffers[0].AsSpan(0, count).SequenceEqual(buffers[1].AsSpan(0, count)))
                {
                    return false;
                }

                beforeStart += count;
                afterStart += count;
                length -= count;
            }

            return true;
        }

        private bool Equivalent(Snapshot snapshot, Compilation compilation, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        {
            if (snapshot.Trees.Length != trees.Length || snapshot.References.Length != references.Length
                || !string.Equals(snapshot.AssemblyName, compilation.AssemblyName, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 0; i < references.Length; i++)
            {
                if (!ReferenceEquals(snapshot.References[i], references[i]))
                {
                    return false;
                }
            }

            if (!ReferenceEquals(snapshot.Options, compilation.Options) && !snapshot.Options.Equals(compilation.Options))
            {
                return false;
            }

            var changed = 0;
            for (var i = 0; i < trees.Length; i++)
            {
                var before = snapshot.Trees[i];
                var after = trees[i];
                if (ReferenceEquals(before, after))
                {
                    continue;
                }

                if (++changed > MaxChangedTrees
                    || !string.Equals(before.FilePath, after.FilePath, StringComparison.Ordinal)
                    || !before.Options.Equals(after.Options)
                    || !SameDeclarations(before.GetRoot(), after.GetRoot())
                    || (_sameBodyFacts is not null && !_sameBodyFacts(before, after)))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Snapshot
        {
            public Snapshot(object epoch, CompilationOptions options, string? assemblyName, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
            {
                Epoch = epoch;
                Options = options;
                AssemblyName = assemblyName;
                Trees = trees;
                References = references;
            }

            public object Epoch { get; }

            public CompilationOptions Options { get; }

            public string? AssemblyName { get; }

            public ImmutableArray<SyntaxTree> Trees { get; }

            public ImmutableArray<MetadataReference> References { get; }
        }
    }
}
