using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PromQL.Analyzers.Editor.Tests.Lsp;
using PromQL.Analyzers.Editor.Tests.Support;
using PromQL.Tests.Shared;
using Xunit;

namespace PromQL.Analyzers.Editor.Tests
{
    /// <summary>
    /// One csharp-ls session on samples/PodMemoryDashboard, shared by the tests of a class: prepares the
    /// sample as a developer would (restore; the analyzer built), starts the server, opens
    /// PodMemoryQueries.cs and keeps the first published diagnostics that include the analyzer's. Started
    /// on first use, so skipped tests start nothing.
    /// </summary>
    public sealed class CSharpLsSession : IAsyncLifetime
    {
        private static readonly TimeSpan DotNetTimeout = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan InitializeTimeout = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromSeconds(90);
        private const int LogLinesInFailures = 60;

        private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "promql-editor-tests-" + Guid.NewGuid().ToString("N"));
        private readonly Lazy<Task<IReadOnlyList<LspDiagnostic>>> _podMemoryQueriesDiagnostics;
        private LspClient? _client;

        public CSharpLsSession()
        {
            _podMemoryQueriesDiagnostics = new Lazy<Task<IReadOnlyList<LspDiagnostic>>>(RunAsync);
        }

        public static string PodMemoryQueriesPath => Path.Combine(EditorPaths.Sample, "PodMemoryQueries.cs");

        private string RpcLogPath => Path.Combine(_logDirectory, "rpc.log");

        /// <summary>What the server published for PodMemoryQueries.cs once the analyzer had run.</summary>
        internal Task<IReadOnlyList<LspDiagnostic>> PodMemoryQueriesDiagnosticsAsync() => _podMemoryQueriesDiagnostics.Value;

        /// <summary>The end of the wire log and of the server's stderr, for failure messages.</summary>
        internal string Logs()
        {
            var rpcLog = "(none)";
            try
            {
                if (File.Exists(RpcLogPath))
                {
                    // The server still has the file open for writing.
                    using var stream = new FileStream(RpcLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    using var reader = new StreamReader(stream);
                    var lines = reader.ReadToEnd().Split('\n');
                    rpcLog = string.Join("\n", lines.Skip(Math.Max(0, lines.Length - LogLinesInFailures)));
                }
            }
            catch (IOException ex)
            {
                rpcLog = "(unreadable: " + ex.Message + ")";
            }

            return $"--- last lines of {RpcLogPath}:\n{rpcLog}\n--- csharp-ls stderr:\n{_client?.StderrTail() ?? "(not started)"}";
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (_client is not null)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
            }

            // Failure messages already carry the log's end.
            try
            {
                Directory.Delete(_logDirectory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // The server never started.
            }
        }

        private async Task<IReadOnlyList<LspDiagnostic>> RunAsync()
        {
            // What a developer has done before opening the editor, and csharp-ls does not do: its design-time
            // build (Configuration unset, so Debug) takes the analyzer from bin/Debug without building it,
            // and it loads an unrestored project silently. Either missing, it publishes no PROMQL diagnostic.
            await RunDotNetAsync("build", EditorPaths.AnalyzerProject, "-c", "Debug").ConfigureAwait(false);
            await RunDotNetAsync("restore", EditorPaths.Sample).ConfigureAwait(false);

            Directory.CreateDirectory(_logDirectory);
            _client = CSharpLs.Start(EditorPaths.Sample, RpcLogPath);
            try
            {
                await CSharpLs.InitializeAsync(_client, EditorPaths.Sample, InitializeTimeout).ConfigureAwait(false);
                await CSharpLs.OpenAsync(_client, PodMemoryQueriesPath).ConfigureAwait(false);

                IReadOnlyList<LspDiagnostic> lastPublished = Array.Empty<LspDiagnostic>();
                try
                {
                    await _client.WaitForNotificationAsync(
                        notification =>
                        {
                            if (PublishedFor(notification, PodMemoryQueriesPath) is not { } diagnostics)
                            {
                                return false;
                            }

                            lastPublished = diagnostics;
                            return diagnostics.Any(d => d.Code.StartsWith("PROMQL", StringComparison.Ordinal));
                        },
                        DiagnosticsTimeout).ConfigureAwait(false);
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException(
                        ex.Message + " Last diagnostics published for PodMemoryQueries.cs: ["
                        + string.Join("; ", lastPublished) + "] (no PROMQL among them: is the analyzer's Debug build or the sample's restore missing?)",
                        ex);
                }

                return lastPublished;
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the wire log and stderr tell why.
                throw new InvalidOperationException("csharp-ls did not publish the analyzer's diagnostics: " + ex.Message + "\n" + Logs(), ex);
            }
        }

        /// <summary>Runs one dotnet command from the repository root; a failed one stops the session with its output.</summary>
        private static async Task RunDotNetAsync(params string[] arguments)
        {
            var result = await DotNetCli.RunAsync(RepositoryPaths.Root, arguments, DotNetTimeout).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException(result.Describe());
            }
        }

        /// <summary>The diagnostics of a publishDiagnostics notification for <paramref name="path"/>, else null.</summary>
        private static IReadOnlyList<LspDiagnostic>? PublishedFor(LspNotification notification, string path)
        {
            if (notification.Method != "textDocument/publishDiagnostics" || notification.Params is not { } parameters)
            {
                return null;
            }

            var uri = new Uri(parameters.GetProperty("uri").GetString() ?? "");
            if (!uri.IsFile || !string.Equals(Path.GetFullPath(uri.LocalPath), Path.GetFullPath(path), StringComparison.Ordinal))
            {
                return null;
            }

            return parameters.GetProperty("diagnostics").EnumerateArray().Select(LspDiagnostic.FromJson).ToList();
        }
    }
}
