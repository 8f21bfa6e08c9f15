// PLACEHOLDER: replaced by the function-table work.
using System.Collections.Generic;
namespace PromQL.Parsing.Semantics
{
    /// <summary>Prometheus's function table.</summary>
    public static class PromQlFunctions
    {
        /// <summary>Looks a function up by name (case-sensitive, as Prometheus).</summary>
        public static bool TryGet(string name, out PromQlFunction? function) { function = null; return false; }

        /// <summary>Every function.</summary>
        public static IReadOnlyCollection<PromQlFunction> All => new PromQlFunction[0];
    }
}
