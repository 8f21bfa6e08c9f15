using System.IO;
using Xunit;

namespace PromQL.Analyzers.Editor.Tests.Support
{
    /// <summary>
    /// A fact that needs csharp-ls: skipped, with the reason, when install-csharp-ls.sh has not run (xunit 2
    /// has no skip from inside a test; the skip is decided when the tests are discovered).
    /// </summary>
    public sealed class CSharpLsFactAttribute : FactAttribute
    {
        public CSharpLsFactAttribute()
        {
            if (!File.Exists(EditorPaths.CSharpLs))
            {
                Skip = "csharp-ls is not installed at " + EditorPaths.CSharpLs
                    + "; run tests/PromQL.Analyzers.Editor.Tests/install-csharp-ls.sh";
            }
        }
    }
}
