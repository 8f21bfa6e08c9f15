using System;
using System.IO;

namespace PromQL.Tests.Shared
{
    /// <summary>
    /// Paths inside the repository the tests were built from, found by walking up from the test binaries to
    /// the folder holding Analyzers.sln. Linked into each test project that needs it as <c>Shared\RepositoryPaths.cs</c>.
    /// </summary>
    public static class RepositoryPaths
    {
        // Lazy, not a static initializer: a missing Analyzers.sln then fails the test that asks, with this
        // message, instead of a TypeInitializationException in every later one.
        private static readonly Lazy<string> RootValue = new Lazy<string>(FindRoot);

        /// <summary>The folder holding Analyzers.sln.</summary>
        public static string Root => RootValue.Value;

        /// <summary>A path under <see cref="Root"/>, one part per folder level.</summary>
        public static string Combine(params string[] relativeParts)
        {
            var path = Root;
            foreach (var part in relativeParts)
            {
                path = Path.Combine(path, part);
            }

            return path;
        }

        /// <summary>
        /// A file of the conformance corpus vendored in <c>tests/Conformance/</c> (see the README there), e.g.
        /// <c>parser-cases.jsonl</c>. Tests read the corpus only from the repository, never from beside it.
        /// </summary>
        public static string Conformance(string fileName)
        {
            var path = Combine("tests", "Conformance", fileName);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The conformance corpus file {path} is missing; it is part of the repository (tests/Conformance/README.md).", path);
            }

            return path;
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
        }
    }
}
