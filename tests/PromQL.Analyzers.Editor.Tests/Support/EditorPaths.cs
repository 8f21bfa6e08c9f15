using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Editor.Tests.Support
{
    /// <summary>The paths the editor tests use, under <see cref="RepositoryPaths.Root"/>.</summary>
    internal static class EditorPaths
    {
        public static string Sample => RepositoryPaths.Combine("samples", "PodMemoryDashboard");

        public static string AnalyzerProject => RepositoryPaths.Combine("src", "PromQL.Analyzers", "PromQL.Analyzers.csproj");
    }
}
