using System;
using System.IO;

namespace PromQL.Analyzers.Editor.Tests.Support
{
    /// <summary>Where things are in the repository, found from the test binaries upwards.</summary>
    internal static class RepositoryPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Sample => Path.Combine(Root, "samples", "PodMemoryDashboard");

        public static string AnalyzerProject => Path.Combine(Root, "src", "PromQL.Analyzers", "PromQL.Analyzers.csproj");

        /// <summary>Where install-csharp-ls.sh puts the language server (git-ignored).</summary>
        public static string CSharpLs => Path.Combine(Root, ".tools", OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");

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
