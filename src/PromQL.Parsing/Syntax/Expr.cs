using System.Collections.Generic;
using PromQL.Parsing.Printing;

namespace PromQL.Parsing.Syntax
{
    /// <summary>
    /// A PromQL expression: an immutable node with its span in the parsed text (UTF-16 offsets, end
    /// exclusive). <see cref="ToString"/> prints Prometheus's canonical form (its <c>String()</c>).
    /// </summary>
    public abstract class Expr
    {
        private protected Expr(int start, int end)
        {
            Start = start;
            End = end;
        }

        /// <summary>Where the node starts in the parsed text.</summary>
        public int Start { get; }

        /// <summary>Where the node ends (exclusive).</summary>
        public int End { get; }

        /// <summary>How many characters the node covers.</summary>
        public int Length => End - Start;

        /// <summary>The node's value type, as Prometheus's <c>Expr.Type()</c> gives it (<see cref="ValueType.Unknown"/> where a hole decides).</summary>
        public abstract ValueType Type { get; }

        /// <summary>The direct children, in Prometheus's <c>Children</c> order.</summary>
        public abstract IEnumerable<Expr> Children { get; }

        /// <summary>This node and every node below it, depth first, without recursion.</summary>
        public IEnumerable<Expr> DescendantsAndSelf()
        {
            var stack = new Stack<Expr>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                var children = new List<Expr>(node.Children);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }

        /// <summary>Prometheus's canonical form of the expression.</summary>
        public override string ToString() => PromQlPrinter.Print(this);
    }
}
