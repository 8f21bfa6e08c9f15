using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PromQL.Analyzers.Analysis
{
    /// <summary>
    /// Gives compilations that differ only inside member bodies the same epoch object. What an expression in a member
    /// binds to depends on that member's own text and on the compilation's declarations (types, signatures,
    /// attributes, constants, usings, directives), its options and references; not on other members' bodies. So a
    /// result computed for a string in one compilation holds in another of the same epoch wherever the enclosing
    /// member's text is unchanged: the IDE's case after an edit inside a method.
    /// </summary>
    /// <remarks>
    /// Exact, not hashed: two compilations share an epoch when their options are equal, their references are the
    /// same objects, and each syntax tree is the same object or has the same path, parse options and text outside
    /// member bodies. Compilations whose trees changed in more than <see cref="MaxChangedTrees"/> files get a new
    /// epoch (a conservative miss). The last <see cref="MaxSnapshots"/> compilations are remembered (one analyzer
    /// instance serves several projects in the IDE); each holds its syntax trees until replaced.
    /// </remarks>
    internal sealed class DeclarationEpochs
    {
        public const int MaxSnapshots = 8;
        public const int MaxChangedTrees = 8;

        private readonly object _gate = new object();
        private readonly List<Snapshot> _snapshots = new List<Snapshot>();
        private readonly ConditionalWeakTable<SyntaxTree, DeclarationShape> _shapes = new ConditionalWeakTable<SyntaxTree, DeclarationShape>();

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
        /// Whether two trees have the same text outside member bodies (blocks and <c>=&gt;</c> bodies of methods,
        /// constructors, operators, accessors, properties and indexers). A body that holds preprocessor directives
        /// counts as declaration text, since its directives may reach past it.
        /// </summary>
        internal static bool SameDeclarations(DeclarationShape before, DeclarationShape after)
        {
            if (before.Bodies.Length != after.Bodies.Length || before.Text.Length - before.BodyLength != after.Text.Length - after.BodyLength)
            {
                return false;
            }

            var buffers = new char[2][] { new char[1024], new char[1024] };
            var beforeStart = 0;
            var afterStart = 0;
            for (var i = 0; i <= before.Bodies.Length; i++)
            {
                var beforeEnd = i < before.Bodies.Length ? before.Bodies[i].Start : before.Text.Length;
                var afterEnd = i < after.Bodies.Length ? after.Bodies[i].Start : after.Text.Length;
                if (beforeEnd - beforeStart != afterEnd - afterStart
                    || !SameText(before.Text, beforeStart, after.Text, afterStart, beforeEnd - beforeStart, buffers))
                {
                    return false;
                }

                if (i < before.Bodies.Length)
                {
                    if (before.Bodies[i].Kind != after.Bodies[i].Kind)
                    {
                        return false;
                    }

                    beforeStart = before.Bodies[i].End;
                    afterStart = after.Bodies[i].End;
                }
            }

            return true;
        }

        private static bool SameText(SourceText before, int beforeStart, SourceText after, int afterStart, int length, char[][] buffers)
        {
            while (length > 0)
            {
                var count = Math.Min(length, buffers[0].Length);
                before.CopyTo(beforeStart, buffers[0], 0, count);
                after.CopyTo(afterStart, buffers[1], 0, count);
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
                    || !SameDeclarations(ShapeOf(before), ShapeOf(after)))
                {
                    return false;
                }
            }

            return true;
        }

        private DeclarationShape ShapeOf(SyntaxTree tree) => _shapes.GetValue(tree, static t => DeclarationShape.Of(t));

        /// <summary>A tree's text and the spans of its member bodies, in order: found by walking declarations only.</summary>
        internal sealed class DeclarationShape
        {
            private DeclarationShape(SourceText text, ImmutableArray<Body> bodies)
            {
                Text = text;
                Bodies = bodies;
                foreach (var body in bodies)
                {
                    BodyLength += body.End - body.Start;
                }
            }

            public SourceText Text { get; }

            public ImmutableArray<Body> Bodies { get; }

            public int BodyLength { get; }

            public static DeclarationShape Of(SyntaxTree tree)
            {
                var bodies = ImmutableArray.CreateBuilder<Body>();
                var pending = new Stack<SyntaxNode>();
                pending.Push(tree.GetRoot());
                while (pending.Count > 0)
                {
                    var node = pending.Pop();
                    switch (node)
                    {
                        case CompilationUnitSyntax unit:
                            PushMembers(pending, unit.Members);
                            break;
                        case BaseNamespaceDeclarationSyntax ns:
                            PushMembers(pending, ns.Members);
                            break;
                        case TypeDeclarationSyntax type:
                            PushMembers(pending, type.Members);
                            break;
                        case BaseMethodDeclarationSyntax method:
                            Add(bodies, method.Body);
                            Add(bodies, method.ExpressionBody);
                            break;
                        case BasePropertyDeclarationSyntax property:
                            if (property is PropertyDeclarationSyntax p)
                            {
                                Add(bodies, p.ExpressionBody);
                            }
                            else if (property is IndexerDeclarationSyntax indexer)
                            {
                                Add(bodies, indexer.ExpressionBody);
                            }

                            if (property.AccessorList is { } accessors)
                            {
                                foreach (var accessor in accessors.Accessors)
                                {
                                    Add(bodies, accessor.Body);
                                    Add(bodies, accessor.ExpressionBody);
                                }
                            }

                            break;
                    }
                }

                bodies.Sort(static (a, b) => a.Start.CompareTo(b.Start));
                return new DeclarationShape(tree.GetText(), bodies.ToImmutable());
            }

            private static void PushMembers(Stack<SyntaxNode> pending, SyntaxList<MemberDeclarationSyntax> members)
            {
                for (var i = members.Count - 1; i >= 0; i--)
                {
                    pending.Push(members[i]);
                }
            }

            private static void Add(ImmutableArray<Body>.Builder bodies, CSharpSyntaxNode? body)
            {
                if (body is not null && !body.ContainsDirectives)
                {
                    bodies.Add(new Body(body.Span.Start, body.Span.End, body is BlockSyntax));
                }
            }
        }

        /// <summary>A member body's span; blocks and arrows are told apart.</summary>
        internal readonly struct Body
        {
            public Body(int start, int end, bool isBlock)
            {
                Start = start;
                End = end;
                Kind = isBlock ? 1 : 2;
            }

            public int Start { get; }

            public int End { get; }

            public int Kind { get; }
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
