using Microsoft.Build.Locator;

namespace PromQL.Analyzers.Editor.Tests.Workspace
{
    /// <summary>
    /// Registers the SDK's MSBuild with the test process once, as an IDE host does at start-up.
    /// MSBuildWorkspace's in-process half references Microsoft.Build; the locator must have pointed the
    /// loader at the SDK's copy before the first method that touches an MSBuild type is compiled, so
    /// callers call <see cref="EnsureRegistered"/> from a method of their own before opening a workspace.
    /// </summary>
    internal static class MSBuildRegistration
    {
        private static readonly object Gate = new object();

        public static void EnsureRegistered()
        {
            lock (Gate)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    MSBuildLocator.RegisterDefaults();
                }
            }
        }
    }
}
