using System.Collections.Generic;

namespace PromQL.Parsing.Semantics.Re2
{
    /// <summary>
    /// One node of the parse tree, mirroring Go's <c>syntax.Regexp</c> closely enough to reproduce the
    /// parser's size and height limits. Nodes are mutable and recycled through a free list, as in Go.
    /// </summary>
    internal sealed class Re2Node
    {
        internal Re2Op Op;
        internal Re2ParseFlags Flags;

        /// <summary>Sub-expressions (Capture, Star, Plus, Quest, Repeat: one; Concat, Alternate: many).</summary>
        internal List<Re2Node>? Sub;

        /// <summary>Literal runes, or a character class as lo/hi pairs.</summary>
        internal List<int> Runes = new List<int>();

        /// <summary>
        /// Approximate rune-slice length contributed by Unicode tables (\pL, \p{Greek}) that are not
        /// expanded into <see cref="Runes"/>; only the size limits and equality depend on them.
        /// </summary>
        internal long TableRunes;

        /// <summary>Identity of the Unicode tables in a class, for equality.</summary>
        internal string? TableKey;

        internal int Min;
        internal int Max;
        internal int Cap;
        internal string? Name;

        /// <summary>Cached height (Go keeps it in a map, dropped on reuse).</summary>
        internal int Height;
        internal bool HeightKnown;

        /// <summary>Cached compiled size (Go keeps it in a map that survives reuse).</summary>
        internal long Size;
        internal bool SizeKnown;

        /// <summary>
        /// The nodes under <paramref name="root"/> in pre-order, without recursion (regexes can nest deeply), so
        /// that walking the list backwards visits children before parents. <paramref name="descend"/> decides
        /// whether a sub-expression is collected (its subtree with it); null collects all.
        /// </summary>
        internal static List<Re2Node> PreOrder(Re2Node root, System.Func<Re2Node, bool>? descend = null)
        {
            var order = new List<Re2Node>();
            var pending = new Stack<Re2Node>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                order.Add(node);
                if (node.Sub != null)
                {
                    foreach (var sub in node.Sub)
                    {
                        if (descend is null || descend(sub))
                        {
                            pending.Push(sub);
                        }
                    }
                }
            }

            return order;
        }

        /// <summary>Next node in the parser's free list.</summary>
        internal Re2Node? NextFree;

        /// <summary>The length of Go's Rune slice for this node.</summary>
        internal long RuneSliceLength => Runes.Count + TableRunes;

        /// <summary>Clears the node for reuse, keeping the cached size the way Go's size map does.</summary>
        internal void ResetForReuse()
        {
            Op = 0;
            Flags = Re2ParseFlags.None;
            Sub = null;
            Runes = new List<int>();
            TableRunes = 0;
            TableKey = null;
            Min = 0;
            Max = 0;
            Cap = 0;
            Name = null;
            NextFree = null;
        }
    }
}
