using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>What one <c>promtool test rules</c> run did.</summary>
    public sealed class PromtoolRun
    {
        public PromtoolRun(string file, int exitCode, string standardOutput, string standardError)
        {
            File = file;
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        /// <summary>The YAML test file that was run.</summary>
        public string File { get; }

        public int ExitCode { get; }

        public string StandardOutput { get; }

        public string StandardError { get; }

        /// <summary>promtool's own verdict: exit code 0 and SUCCESS for the file.</summary>
        public bool Succeeded => ExitCode == 0 && StandardOutput.Contains("SUCCESS", StringComparison.Ordinal);

        public string Describe() =>
            $"promtool test rules {File} exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}"
            + $"stderr:{Environment.NewLine}{StandardError}";
    }

    /// <summary>
    /// Prometheus's promtool, which evaluates PromQL with Prometheus's own engine in <c>promtool test rules</c>.
    /// Found on PATH or at /usr/bin/promtool (Debian's <c>prometheus</c> package).
    /// </summary>
    public static class Promtool
    {
        private const string DebianPath = "/usr/bin/promtool";

        private static readonly Lazy<string?> PathValue = new Lazy<string?>(Find);

        /// <summary>The promtool executable, or null when there is none.</summary>
        public static string? Path => PathValue.Value;

        /// <summary>Writes <paramref name="yaml"/> to a temporary file and runs <c>promtool test rules</c> on it.</summary>
        public static PromtoolRun TestRules(string yaml)
        {
            var promtool = Path ?? throw new InvalidOperationException("promtool is not installed (apt-get install -y prometheus).");
            var directory = Directory.CreateTempSubdirectory("promql-engine-tests-");
            var file = System.IO.Path.Combine(directory.FullName, "test.yml");
            File.WriteAllText(file, yaml);
            try
            {
                var startInfo = new ProcessStartInfo(promtool)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    WorkingDirectory = directory.FullName,
                };
                startInfo.ArgumentList.Add("test");
                startInfo.ArgumentList.Add("rules");
                startInfo.ArgumentList.Add(file);
                using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("promtool did not start.");
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(60_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("promtool test rules did not finish within a minute.");
                }

                Task.WaitAll(stdout, stderr);
                return new PromtoolRun(file, process.ExitCode, stdout.Result, stderr.Result);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        private static string? Find()
        {
            var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var directory in pathVariable.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(directory, "promtool");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return File.Exists(DebianPath) ? DebianPath : null;
        }
    }
}
