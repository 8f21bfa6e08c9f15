using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace PromQL.Analyzers.Editor.Tests.Lsp
{
    /// <summary>A notification the server sent: its method and params (null when it had none).</summary>
    internal sealed class LspNotification
    {
        public LspNotification(string method, JsonElement? parameters)
        {
            Method = method;
            Params = parameters;
        }

        public string Method { get; }

        public JsonElement? Params { get; }
    }

    /// <summary>
    /// The smallest LSP client an editor test needs: starts a language server, speaks JSON-RPC over its
    /// stdin/stdout with Content-Length framing, answers the server's own requests through
    /// <see cref="ServerRequestHandler"/>, and queues the server's notifications for the test to read.
    /// Disposing kills the server's whole process tree.
    /// </summary>
    internal sealed class LspClient : IAsyncDisposable
    {
        private const int StderrLinesKept = 200;

        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
        private readonly Channel<LspNotification> _notifications = Channel.CreateUnbounded<LspNotification>();
        private readonly Queue<string> _stderrTail = new();
        private readonly ServerRequestHandler _serverRequestHandler;
        private readonly Task _readLoop;
        private long _nextId;

        private LspClient(Process process, ServerRequestHandler serverRequestHandler)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            _output = process.StandardOutput.BaseStream;
            _serverRequestHandler = serverRequestHandler;
            process.ErrorDataReceived += (_, e) => KeepStderrLine(e.Data);
            process.BeginErrorReadLine();
            _readLoop = Task.Run(ReadLoopAsync);
        }

        /// <summary>
        /// The answer to a request the server sends the client (<c>workspace/configuration</c>,
        /// <c>client/registerCapability</c>…): given its method and params, the JSON result. Throw
        /// <see cref="NotSupportedException"/> to answer "method not found".
        /// </summary>
        public delegate JsonNode? ServerRequestHandler(string method, JsonElement? parameters);

        /// <summary>The server's notifications in the order they came.</summary>
        public ChannelReader<LspNotification> Notifications => _notifications.Reader;

        public static LspClient Start(ProcessStartInfo startInfo, ServerRequestHandler serverRequestHandler)
        {
            startInfo.RedirectStandardInput = true;
            startInfo.RedirectStandardOutput = true;
            startInfo.RedirectStandardError = true;
            startInfo.UseShellExecute = false;
            var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException("Could not start " + startInfo.FileName);
            return new LspClient(process, serverRequestHandler);
        }

        /// <summary>The last lines the server wrote to stderr, for failure messages.</summary>
        public string StderrTail()
        {
            lock (_stderrTail)
            {
                return string.Join("\n", _stderrTail);
            }
        }

        public async Task<JsonElement> RequestAsync(string method, object? parameters, TimeSpan timeout)
        {
            var id = Interlocked.Increment(ref _nextId);
            var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = response;
            try
            {
                var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
                AddParams(request, parameters);
                await SendAsync(request).ConfigureAwait(false);
                return await response.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No answer to '{method}' within {timeout.TotalSeconds} s.");
            }
            finally
            {
                _pending.TryRemove(id, out _);
            }
        }

        public Task NotifyAsync(string method, object? parameters)
        {
            var notification = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
            AddParams(notification, parameters);
            return SendAsync(notification);
        }

        /// <summary>
        /// Reads notifications until one satisfies <paramref name="accept"/>; throws
        /// <see cref="TimeoutException"/> when none does in time or the server has gone.
        /// </summary>
        public async Task<LspNotification> WaitForNotificationAsync(Func<LspNotification, bool> accept, TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                await foreach (var notification in _notifications.Reader.ReadAllAsync(cancellation.Token).ConfigureAwait(false))
                {
                    if (accept(notification))
                    {
                        return notification;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching notification within {timeout.TotalSeconds} s.");
            }

            throw new TimeoutException("The server closed its output before a matching notification came.");
        }

        public async ValueTask DisposeAsync()
        {
            // Polite first (shutdown, exit), then the whole tree: csharp-ls starts MSBuild node processes.
            if (!_process.HasExited)
            {
                try
                {
                    await RequestAsync("shutdown", null, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                    await NotifyAsync("exit", null).ConfigureAwait(false);
                    using var exitWait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _process.WaitForExitAsync(exitWait.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is TimeoutException or IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // It will be killed below.
                }
            }

            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            await Task.WhenAny(_readLoop, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
            _process.Dispose();
            _writeLock.Dispose();
        }

        /// <summary>JSON-RPC leaves params out, rather than null, when a method has none (shutdown, exit).</summary>
        private static void AddParams(JsonObject message, object? parameters)
        {
            if (parameters is not null)
            {
                message["params"] = parameters as JsonNode ?? JsonSerializer.SerializeToNode(parameters);
            }
        }

        private void KeepStderrLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_stderrTail)
            {
                _stderrTail.Enqueue(line);
                while (_stderrTail.Count > StderrLinesKept)
                {
                    _stderrTail.Dequeue();
                }
            }
        }

        private async Task SendAsync(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await _input.WriteAsync(header).ConfigureAwait(false);
                await _input.WriteAsync(body).ConfigureAwait(false);
                await _input.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private async Task ReadLoopAsync()
        {
            try
            {
                while (await ReadMessageAsync().ConfigureAwait(false) is { } message)
                {
                    await DispatchAsync(message).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or JsonException or InvalidDataException)
            {
                KeepStderrLine("[test client] read loop stopped: " + ex.Message);
            }
            finally
            {
                _notifications.Writer.TryComplete();
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new IOException("The language server closed its output."));
                }
            }
        }

        /// <summary>One framed message, or null at the end of the stream.</summary>
        private async Task<JsonElement?> ReadMessageAsync()
        {
            var contentLength = -1;
            while (true)
            {
                var line = await ReadHeaderLineAsync().ConfigureAwait(false);
                if (line is null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    break;
                }

                const string lengthHeader = "Content-Length:";
                if (line.StartsWith(lengthHeader, StringComparison.OrdinalIgnoreCase))
                {
                    contentLength = int.Parse(line.AsSpan(lengthHeader.Length).Trim(), CultureInfo.InvariantCulture);
                }
            }

            if (contentLength < 0)
            {
                throw new InvalidDataException("A message header without Content-Length.");
            }

            var body = new byte[contentLength];
            await _output.ReadExactlyAsync(body).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        /// <summary>A header line without its CR LF; null at the end of the stream.</summary>
        private async Task<string?> ReadHeaderLineAsync()
        {
            // Headers are ASCII and short: byte by byte keeps the body bytes in the stream for ReadExactly.
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await _output.ReadAsync(one).ConfigureAwait(false) == 0)
                {
                    return line.Length == 0 ? null : throw new EndOfStreamException("The stream ended inside a header.");
                }

                if (one[0] == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)one[0]);
            }
        }

        private async Task DispatchAsync(JsonElement message)
        {
            var hasMethod = message.TryGetProperty("method", out var methodElement);
            var hasId = message.TryGetProperty("id", out var id);
            JsonElement? parameters = message.TryGetProperty("params", out var p) ? p : null;

            if (hasMethod && hasId)
            {
                await AnswerServerRequestAsync(id, methodElement.GetString() ?? "", parameters).ConfigureAwait(false);
            }
            else if (hasMethod)
            {
                _notifications.Writer.TryWrite(new LspNotification(methodElement.GetString() ?? "", parameters));
            }
            else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt64(), out var response))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    response.TrySetException(new InvalidOperationException("The server answered with an error: " + error.GetRawText()));
                }
                else
                {
                    response.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
                }
            }
        }

        private Task AnswerServerRequestAsync(JsonElement id, string method, JsonElement? parameters)
        {
            var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()) };
            try
            {
                answer["result"] = _serverRequestHandler(method, parameters);
            }
            catch (NotSupportedException)
            {
                answer["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found: " + method };
            }

            return SendAsync(answer);
        }
    }
}
