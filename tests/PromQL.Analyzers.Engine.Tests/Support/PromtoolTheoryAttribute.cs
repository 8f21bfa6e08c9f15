using PromQL.Analyzers.Engine.Tests.Engine;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Support
{
    /// <summary>A theory that runs promtool: skipped, with the reason, when promtool is not installed (see <see cref="PromtoolFactAttribute"/>).</summary>
    public sealed class PromtoolTheoryAttribute : TheoryAttribute
    {
        public PromtoolTheoryAttribute()
        {
            if (Promtool.Path is null)
            {
                Skip = PromtoolFactAttribute.NotInstalled;
            }
        }
    }
}
