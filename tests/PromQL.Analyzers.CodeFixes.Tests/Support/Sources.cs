namespace PromQL.Analyzers.CodeFixes.Tests.Support
{
    /// <summary>Source templates for the code-fix tests: a <c>[StringSyntax("PromQL")]</c> target and string parameters to use as holes.</summary>
    internal static class Sources
    {
        /// <summary>
        /// A class whose <c>Run</c> takes PromQL and whose method <c>M</c> has string parameters <c>ns</c>, <c>pod</c>,
        /// <c>container</c>, <c>matcher</c> and <c>metric</c> (holes), and a constant <c>Metric</c>, and runs <paramref name="statements"/>.
        /// </summary>
        public static string InMethod(string statements) => """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                const string Metric = "container_memory_rss";

                void Run([StringSyntax("PromQL")] string query) { }

                void M(string ns, string pod, string container, string matcher, string metric)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;

        /// <summary><see cref="InMethod"/> calling <c>Run</c> with <paramref name="argument"/> (C# expression text).</summary>
        public static string Marked(string argument) => InMethod("Run(" + argument + ");");
    }
}
