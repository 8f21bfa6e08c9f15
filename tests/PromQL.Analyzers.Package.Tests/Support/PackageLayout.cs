using System.Collections.Generic;

namespace PromQL.Analyzers.Package.Tests.Support
{
    /// <summary>What the package must hold: one list, so a new analyzer assembly is a one-line change.</summary>
    public static class PackageLayout
    {
        public const string PackageId = "PromQL.Analyzers";

        public const string AnalyzerFolder = "analyzers/dotnet/cs/";

        /// <summary>
        /// Every assembly the compiler loads from the package. They sit together in one folder because the
        /// compiler resolves no NuGet dependencies for analyzers.
        /// </summary>
        public static readonly IReadOnlyList<string> AnalyzerAssemblies = new[]
        {
            "PromQL.Analyzers.dll",
            "PromQL.Analyzers.CodeFixes.dll",
            "PromQL.Parsing.dll",
            "Sprache.dll",
        };

        public static string PackageProjectRelativePath { get; } = "src/PromQL.Analyzers.Package/PromQL.Analyzers.Package.csproj";
    }
}
