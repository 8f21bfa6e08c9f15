namespace PromQL.Analyzers.CodeFixes.Tests.InvariantNumber
{
    internal static class InvariantNumberSources
    {
        /// <summary>A PromQL target <c>Run</c> and a method with number parameters to use as holes, running <paramref name="statements"/>.</summary>
        public static string InMethod(string statements) => """
            using System;
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                void Run([StringSyntax("PromQL")] string query) { }

                void M(double q, decimal d, int n, double? maybe, string pod)
                {
            """ + "\n" + statements + "\n" + """
                }
            }
            """;
    }
}
