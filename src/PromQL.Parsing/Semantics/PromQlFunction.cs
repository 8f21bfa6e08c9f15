using System.Collections.Generic;
using PromQL.Parsing.Syntax;

namespace PromQL.Parsing.Semantics
{
    /// <summary>One entry of Prometheus's function table (<c>promql/parser/functions.go</c>).</summary>
    public sealed class PromQlFunction
    {
        /// <summary>Creates a function description.</summary>
        public PromQlFunction(string name, ValueType[] argTypes, int variadic, ValueType returnType, bool experimental = false)
        {
            Name = name;
            ArgTypes = argTypes;
            Variadic = variadic;
            ReturnType = returnType;
            Experimental = experimental;
        }

        /// <summary>The name.</summary>
        public string Name { get; }

        /// <summary>The argument types; with <see cref="Variadic"/> ≠ 0 the last one repeats or is optional.</summary>
        public IReadOnlyList<ValueType> ArgTypes { get; }

        /// <summary>
        /// As in Prometheus: 0, a fixed argument count; n &gt; 0, the last argument type may be given up to n
        /// times (or left out); -1, any number of times.
        /// </summary>
        public int Variadic { get; }

        /// <summary>The return type.</summary>
        public ValueType ReturnType { get; }

        /// <summary>Whether the function needs experimental functions enabled.</summary>
        public bool Experimental { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
