using PromQL.Analyzers.Engine.Tests.Engine;
using Xunit;

namespace PromQL.Analyzers.Engine.Tests.Support
{
    /// <summary>
    /// A fact that runs promtool: skipped, with the reason, when promtool is neither on PATH nor at
    /// /usr/bin/promtool (xunit 2 has no skip from inside a test; the skip is decided when the tests are discovered).
    /// </summary>
    public sealed class PromtoolFactAttribute : FactAttribute
    {
        internal const string NotInstalled =
            "promtool is not installed (on PATH or at /usr/bin/promtool); install it with `apt-get install -y prometheus`";

        public PromtoolFactAttribute()
        {
            if (Promtool.Path is null)
            {
                Skip = NotInstalled;
            }
        }
    }
}
