using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PromQL.Analyzers.Editor.Tests.Support;

namespace PromQL.Analyzers.Editor.Tests.Lsp
{
    /// <summary>
    /// What it takes to get analyzer diagnostics out of csharp-ls: the editor settings that turn analyzers
    /// on (off by default), and the answers to the requests the server sends while it starts.
    /// </summary>
    internal static class CSharpLs
    {
        /// <summary>The <c>csharp</c> settings section, as csharp-ls reads it (its CSharpConfiguration).</summary>
        private static JsonObject CSharpSettings() => new() { ["analyzersEnabled"] = true };

        /// <summary>Starts the server in <paramref name="workspaceFolder"/>, logging the wire to <paramref name="rpcLogPath"/>.</summary>
        public static LspClient Start(string workspaceFolder, string rpcLogPath)
        {
            var startInfo = CSharpLsTool.StartInfo(workspaceFolder, "--loglevel", "info", "--rpclog", rpcLogPath);

            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";

            // dotnet test runs the test host with the MSBuild of its own invocation pinned in these; the
            // server must find and load MSBuild by itself, as it does when an editor starts it.
            foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                startInfo.Environment.Remove(name);
            }

            return LspClient.Start(startInfo, (method, parameters) => AnswerServerRequest(method, parameters, workspaceFolder));
        }

        private static JsonObject WorkspaceFolder(string folder)
        {
            folder = Path.TrimEndingDirectorySeparator(folder);
            return new JsonObject { ["uri"] = new Uri(folder + Path.DirectorySeparatorChar).AbsoluteUri, ["name"] = Path.GetFileName(folder) };
        }

        /// <summary>initialize (with push diagnostics and workspace/configuration), then initialized and the settings.</summary>
        public static async Task InitializeAsync(LspClient client, string workspaceFolder, TimeSpan timeout)
        {
            var folder = WorkspaceFolder(workspaceFolder);
            var initializeParams = new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "PromQL.Analyzers.Editor.Tests" },
                ["rootUri"] = folder["uri"]!.DeepClone(),
                ["workspaceFolders"] = new JsonArray(folder),
                ["initializationOptions"] = new JsonObject { ["csharp"] = CSharpSettings() },
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject
                    {
                        // Without this the server never asks for the settings, and analyzers stay off.
                        ["configuration"] = true,
                        ["workspaceFolders"] = true,
                        ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
                    },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true },
                        // Push only: no textDocument.diagnostic capability, so the server publishes.
                        ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
                    },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            };

            await client.RequestAsync("initialize", initializeParams, timeout).ConfigureAwait(false);
            await client.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
            await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject
            {
                ["settings"] = new JsonObject { ["csharp"] = CSharpSettings() },
            }).ConfigureAwait(false);
        }

        public static Task OpenAsync(LspClient client, string path) =>
            client.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = new Uri(path).AbsoluteUri,
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = File.ReadAllText(path),
                },
            });

        private static JsonNode? AnswerServerRequest(string method, JsonElement? parameters, string workspaceFolder)
        {
            switch (method)
            {
                case "workspace/configuration":
                    // One result per requested item, in order; only the csharp section has settings.
                    var results = new JsonArray();
                    if (parameters is { } p && p.TryGetProperty("items", out var items))
                    {
                        foreach (var item in items.EnumerateArray())
                        {
                            var section = item.TryGetProperty("section", out var s) ? s.GetString() : null;
                            results.Add(section == "csharp" ? CSharpSettings() : null);
                        }
                    }

                    return results;

                case "workspace/workspaceFolders":
                    return new JsonArray(WorkspaceFolder(workspaceFolder));

                case "client/registerCapability":
                case "client/unregisterCapability":
                case "window/workDoneProgress/create":
                case "window/showMessageRequest":
                case "workspace/diagnostic/refresh":
                case "workspace/semanticTokens/refresh":
                case "workspace/inlayHint/refresh":
                case "workspace/codeLens/refresh":
                    return null;

                default:
                    throw new NotSupportedException(method);
            }
        }
    }
}
