using System.Globalization;
using System.Text.Json;

namespace PromQL.Analyzers.Editor.Tests.Lsp
{
    /// <summary>A diagnostic as LSP carries it: 0-based lines and UTF-16 characters, end exclusive.</summary>
    internal sealed class LspDiagnostic
    {
        public LspDiagnostic(string code, LspRange range, string message)
        {
            Code = code;
            Range = range;
            Message = message;
        }

        public string Code { get; }

        public LspRange Range { get; }

        public string Message { get; }

        public static LspDiagnostic FromJson(JsonElement diagnostic)
        {
            var code = diagnostic.TryGetProperty("code", out var c)
                ? (c.ValueKind == JsonValueKind.Number ? c.GetInt64().ToString(CultureInfo.InvariantCulture) : c.GetString() ?? "")
                : "";
            var range = diagnostic.GetProperty("range");
            var start = range.GetProperty("start");
            var end = range.GetProperty("end");
            return new LspDiagnostic(
                code,
                new LspRange(
                    start.GetProperty("line").GetInt32(),
                    start.GetProperty("character").GetInt32(),
                    end.GetProperty("line").GetInt32(),
                    end.GetProperty("character").GetInt32()),
                diagnostic.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }

        public override string ToString() => $"{Code} {Range}: {Message}";
    }

    internal readonly record struct LspRange(int StartLine, int StartCharacter, int EndLine, int EndCharacter)
    {
        public override string ToString() => $"({StartLine},{StartCharacter})-({EndLine},{EndCharacter})";
    }
}
