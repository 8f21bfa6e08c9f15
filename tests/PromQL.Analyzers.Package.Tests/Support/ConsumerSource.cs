using System;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>The one C# file of every consumer project: the double-count query and a correct one.</summary>
    public static class ConsumerSource
    {
        public const string FileName = "PodQueries.cs";

        /// <summary>The C# expression of the naive query, exactly as it stands in <see cref="Text"/>.</summary>
        public const string NaiveQueryExpression = "$\"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}'}})\"";

        public const string Text =
            "namespace Consumer\n" +
            "{\n" +
            "    public static class PodQueries\n" +
            "    {\n" +
            "        // Counts the pod twice: its pod-level cgroup series plus each container's.\n" +
            "        public static string PodWorkingSetNaive(string ns, string pod) =>\n" +
            "            " + NaiveQueryExpression + ";\n" +
            "\n" +
            "        // The pod total as kubectl top pod shows it: container!=\"\" drops the pod-level series.\n" +
            "        public static string PodWorkingSet(string ns, string pod) =>\n" +
            "            $\"sum(container_memory_working_set_bytes{{namespace='{ns}',pod='{pod}',container!=\\\"\\\"}})\";\n" +
            "    }\n" +
            "}\n";

        /// <summary>Where PROMQL002 starts: the <c>sum</c> of the naive query (1-based line and column).</summary>
        public static (int Line, int Column) RedundantSumPosition => PositionInNaiveQuery("sum(");

        /// <summary>Where PROMQL001 starts: the selector's metric name in the naive query.</summary>
        public static (int Line, int Column) SelectorPosition => PositionInNaiveQuery("container_memory_working_set_bytes");

        private static (int Line, int Column) PositionInNaiveQuery(string fragment)
        {
            var lines = Text.Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                var queryStart = lines[index].IndexOf(NaiveQueryExpression, StringComparison.Ordinal);
                if (queryStart >= 0)
                {
                    return (index + 1, lines[index].IndexOf(fragment, queryStart, StringComparison.Ordinal) + 1);
                }
            }

            throw new InvalidOperationException("The naive query is not in the consumer source.");
        }
    }
}
