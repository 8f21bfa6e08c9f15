using System;
using System.IO;

namespace PromQL.Analyzers.Tests.Meta
{
    /// <summary>The repository root: the folder above the test binaries that holds <c>Analyzers.sln</c>.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("No Analyzers.sln above " + AppContext.BaseDirectory);
        }
    }
}
