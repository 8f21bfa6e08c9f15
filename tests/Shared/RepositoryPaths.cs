using System;
using System.IO;

namespace PromQL.Tests.Shared
{
    /// <summary>
    /// Paths inside the repository the tests were built from, and files beside it, all found by walking up
    /// from the test binaries. Linked into each test project that needs it as <c>Shared\RepositoryPaths.cs</c>.
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
        /// The first existing file <paramref name="relativePath"/> below a folder at or above the test binaries.
        /// For <c>shared/conformance/</c>: <c>/work/shared</c> beside a worktree, or the <c>shared/</c> cloned
        /// beside the repository in CI.
        /// </summary>
        public static string FindAbove(string relativePath)
        {
            var start = AppContext.BaseDirectory;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"No directory above {start} contains {relativePath}; the conformance corpus must sit beside the repository.");
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
