namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>Source templates shared by the analyzer tests: a PromQL target, an unmarked local, stub query APIs.</summary>
    internal static class Sources
    {
        /// <summary>
        /// A class whose <c>Run</c> takes PromQL (<c>[StringSyntax("PromQL")]</c>) and whose method <c>M</c> has string
        /// parameters to use as holes (<c>ns</c>, <c>pod</c>, <c>container</c>, <c>matcher</c>, <c>metric</c>, <c>window</c>)
        /// and runs <paramref name="statements"/>.
        /// </summary>
        public static string InMethod(string statements) => """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                const string Metric = "container_memory_rss";

                void Run([StringSyntax("PromQL")] string query) { }

                void M(string ns, string pod, string container, string matcher, string metric, string window)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        /// <summary><see cref="InMethod"/> calling <c>Run</c> with <paramref name="argument"/> (C# expression text).</summary>
        public static string Marked(string argument) => InMethod("Run(" + argument + ");");

        /// <summary><see cref="InMethod"/> assigning <paramref name="expression"/> to a local that no marker reaches.</summary>
        public static string Unmarked(string expression) => InMethod("var text = " + expression + ";");

        /// <summary>PromQL text (with markup) passed to <c>Run</c> as a single-line raw string, so it needs no C# escapes.</summary>
        public static string Query(string promql) => Marked("\"\"\"" + promql + "\"\"\"");

        /// <summary>PromQL text (with markup) in an unmarked single-line raw string.</summary>
        public static string UnmarkedQuery(string promql) => Unmarked("\"\"\"" + promql + "\"\"\"");
    }
}
