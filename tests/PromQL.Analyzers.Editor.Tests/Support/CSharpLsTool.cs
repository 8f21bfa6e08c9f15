using System;
using System.Diagnostics;
using System.Threading;
using PromQL.Tests.Shared;

namespace PromQL.Analyzers.Editor.Tests.Support
{
    /// <summary>
    /// csharp-ls as a local .NET tool, pinned in <c>.config/dotnet-tools.json</c>. The first test that needs it
    /// runs <c>dotnet tool restore</c> when the tool is missing (once per test run), so <c>dotnet test</c> in a
    /// fresh clone drives the real server; a restore that fails fails the tests with its output.
    /// </summary>
    internal static class CSharpLsTool
    {
        private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

        private static readonly Lazy<bool> Restored = new Lazy<bool>(Restore, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Makes sure the pinned csharp-ls can run; throws with the restore's output when it cannot.</summary>
        public static void EnsureRestored() => _ = Restored.Value;

        /// <summary>
        /// How to start the server: <c>dotnet tool run csharp-ls -- …</c> from inside the repository, where the
        /// manifest is found. The caller kills the whole process tree (the muxer starts the server as its child).
        /// </summary>
        public static ProcessStartInfo StartInfo(string workingDirectory, params string[] serverArguments)
        {
            EnsureRestored();
            var startInfo = new ProcessStartInfo(DotNetCli.Executable)
            {
                WorkingDirectory = workingDirectory,
                ArgumentList = { "tool", "run", "csharp-ls", "--" },
            };
            foreach (var argument in serverArguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            return startInfo;
        }

        private static bool Restore()
        {
            // `--version` answers at once when the tool is restored, and fails when it is not.
            if (IsRunnable())
            {
                return true;
            }

            var restore = DotNetCli.Run(RepositoryPaths.Root, new[] { "tool", "restore" }, RestoreTimeout);
            if (restore.ExitCode != 0 || !IsRunnable())
            {
                throw new InvalidOperationException(
                    "csharp-ls (the local tool in .config/dotnet-tools.json) could not be restored; the editor tests need it. "
                    + restore.Describe());
            }

            return true;
        }

        private static bool IsRunnable() =>
            DotNetCli.Run(RepositoryPaths.Root, new[] { "tool", "run", "csharp-ls", "--", "--version" }, RestoreTimeout).ExitCode == 0;
    }
}
