using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PromQL.Tests.Shared
{
    /// <summary>What one <c>dotnet</c> command did: its exit code and its stdout and stderr, interleaved.</summary>
    public sealed class DotNetResult
    {
        public DotNetResult(string commandLine, int exitCode, string output)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
        }

        public string CommandLine { get; }

        public int ExitCode { get; }

        public string Output { get; }

        /// <summary>The command and its whole output, for assertion messages.</summary>
        public string Describe() => $"`{CommandLine}` exited with {ExitCode}. Output:{Environment.NewLine}{Output}";
    }

    /// <summary>
    /// Runs the dotnet CLI as a child process, the way a user's shell would: no telemetry or banner, no
    /// build servers (they would outlive the test and hold its output pipes open), and none of the MSBuild
    /// variables the test host may carry, so the child finds its own SDK. Linked into each test project that
    /// needs it as <c>Shared\DotNetCli.cs</c>.
    /// </summary>
    public static class DotNetCli
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        // Set by `dotnet test` for its children; they point the child at the host's MSBuild instead of its own.
        private static readonly string[] InheritedMsBuildVariables =
        {
            "MSBuildExtensionsPath",
            "MSBUILD_EXE_PATH",
            "MSBuildSDKsPath",
            "MSBuildLoadMicrosoftTargetsReadOnly",
        };

        /// <summary>Runs one command and waits for it; throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (5 minutes if none).</summary>
        public static DotNetResult Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null) =>
            RunAsync(workingDirectory, arguments, timeout).GetAwaiter().GetResult();

        /// <summary>The same as <see cref="Run"/>, for async callers.</summary>
        public static async Task<DotNetResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
        {
            var startInfo = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (var name in InheritedMsBuildVariables)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";

            var commandLine = "dotnet " + string.Join(" ", arguments);
            var output = new StringBuilder();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var limit = timeout ?? DefaultTimeout;
            using var cancellation = new CancellationTokenSource(limit);
            try
            {
                // Waits for the exit and for both streams to close.
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
                throw new TimeoutException($"`{commandLine}` did not finish within {limit}. Output so far:{Environment.NewLine}{Snapshot(output)}");
            }

            return new DotNetResult(commandLine, process.ExitCode, Snapshot(output));
        }

        /// <summary>The dotnet to run: the one <c>dotnet test</c> runs under (it names it), else "dotnet" from PATH.</summary>
        public static string Executable
        {
            get
            {
                var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                return string.IsNullOrEmpty(hostPath) ? "dotnet" : hostPath;
            }
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
