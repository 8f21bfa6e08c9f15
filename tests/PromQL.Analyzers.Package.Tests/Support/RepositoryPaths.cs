using System;
using System.IO;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>Paths inside the repository the tests were built from.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> RootValue = new Lazy<string>(FindRoot);

        /// <summary>The folder holding Analyzers.sln, found by walking up from the test binaries.</summary>
        public static string Root => RootValue.Value;

        public static string Combine(params string[] relativeParts)
        {
            var path = Root;
            foreach (var part in relativeParts)
            {
                path = Path.Combine(path, part);
            }

            return path;
        }

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
        }
    }
}
