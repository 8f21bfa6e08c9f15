using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Tests.Shared;

namespace PromQL.Parsing.Tests.Conformance
{
    /// <summary>
    /// One expected error of a conformance case: UTF-8 byte offsets into the input, as Prometheus reports them;
    /// null where the Go test left the offset out (a few cases do).
    /// </summary>
    public sealed record ConformanceError(int? Start, int? End, string Message);

    /// <summary>
    /// One case of <c>tests/Conformance/parser-cases.jsonl</c> (see the README beside it): a query exactly as
    /// Prometheus sees it and what Prometheus does with it.
    /// </summary>
    public sealed record ConformanceCase(
        string Id,
        string Source,
        string Input,
        string Expect,
        string? ErrMsg,
        IReadOnlyList<ConformanceError> Errors,
        string? Table,
        int? Index,
        string? ParserOptions)
    {
        /// <summary>Whether Prometheus accepts the query.</summary>
        public bool ExpectOk => Expect == "ok";

        /// <summary>
        /// Our options matching the Go <c>parser.Options</c> the case was checked with: a named list of flags,
        /// <c>default</c> (every experimental feature off) or none given (real-world queries: everything on).
        /// </summary>
        public PromQlParserOptions Options => ConformanceCorpus.OptionsFor(ParserOptions);

        /// <summary>The input shortened and escaped for one line of a report.</summary>
        public string ShortInput => ConformanceCorpus.Describe(Input, 160);
    }

    /// <summary>Loads the conformance corpus once per test run.</summary>
    public static class ConformanceCorpus
    {
        /// <summary>The corpus file, in <c>tests/Conformance/</c>.</summary>
        public const string FileName = "parser-cases.jsonl";

        private static readonly Lazy<IReadOnlyList<ConformanceCase>> LazyCases =
            new Lazy<IReadOnlyList<ConformanceCase>>(() => Load(FindCorpusFile()));

        private static readonly Dictionary<string, PromQlParserOptions> OptionsCache = new Dictionary<string, PromQlParserOptions>(StringComparer.Ordinal);

        /// <summary>Every usable case in file order (cases whose bytes are not valid UTF-8 are left out: a .NET string cannot carry them).</summary>
        public static IReadOnlyList<ConformanceCase> Cases => LazyCases.Value;

        /// <summary>The vendored corpus file in the repository.</summary>
        public static string FindCorpusFile() => RepositoryPaths.Conformance(FileName);

        /// <summary>Reads a corpus file.</summary>
        public static IReadOnlyList<ConformanceCase> Load(string path)
        {
            var cases = new List<ConformanceCase>();
            var lineNumber = 0;
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("invalid_utf8", out var invalid) && invalid.ValueKind == JsonValueKind.True)
                {
                    continue;
                }

                var input = root.GetProperty("input").GetString() ?? string.Empty;
                if (root.TryGetProperty("input_b64", out var b64) && b64.GetString() is { } encoded)
                {
                    // The exact bytes win over the display text; strict decoding, since only valid UTF-8 reaches here.
                    input = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(encoded));
                }

                var errors = new List<ConformanceError>();
                if (root.TryGetProperty("errors", out var errorArray) && errorArray.ValueKind == JsonValueKind.Array)
                {
                    foreach (var error in errorArray.EnumerateArray())
                    {
                        errors.Add(new ConformanceError(
                            OptionalInt(error, "start"),
                            OptionalInt(error, "end"),
                            OptionalString(error, "msg") ?? string.Empty));
                    }
                }

                cases.Add(new ConformanceCase(
                    Id: root.GetProperty("id").GetString() ?? throw new InvalidDataException($"{path}:{lineNumber}: no id"),
                    Source: root.GetProperty("source").GetString() ?? string.Empty,
                    Input: input,
                    Expect: root.GetProperty("expect").GetString() ?? string.Empty,
                    ErrMsg: OptionalString(root, "errMsg"),
                    Errors: errors,
                    Table: OptionalString(root, "table"),
                    Index: root.TryGetProperty("idx", out var idx) && idx.ValueKind == JsonValueKind.Number ? idx.GetInt32() : null,
                    ParserOptions: OptionalString(root, "parser_options")));
            }

            return cases;
        }

        /// <summary>Our options for a corpus <c>parser_options</c> value.</summary>
        public static PromQlParserOptions OptionsFor(string? parserOptions)
        {
            if (parserOptions is null)
            {
                return PromQlParserOptions.Default;
            }

            lock (OptionsCache)
            {
                if (OptionsCache.TryGetValue(parserOptions, out var cached))
                {
                    return cached;
                }

                PromQlParserOptions options;
                if (parserOptions == "default")
                {
                    options = PromQlParserOptions.Stable;
                }
                else
                {
                    var flags = new HashSet<string>(parserOptions.Split(',').Select(f => f.Trim()), StringComparer.Ordinal);
                    options = new PromQlParserOptions
                    {
                        EnableExperimentalFunctions = flags.Remove("EnableExperimentalFunctions"),
                        ExperimentalDurationExpr = flags.Remove("ExperimentalDurationExpr"),
                        EnableExtendedRangeSelectors = flags.Remove("EnableExtendedRangeSelectors"),
                        EnableBinopFillModifiers = flags.Remove("EnableBinopFillModifiers"),
                    };
                    if (flags.Count > 0)
                    {
                        throw new InvalidDataException("Unknown parser option(s) in the corpus: " + string.Join(", ", flags));
                    }
                }

                OptionsCache[parserOptions] = options;
                return options;
            }
        }

        /// <summary>The UTF-8 byte offset of a UTF-16 offset into <paramref name="text"/> (clamped to the text).</summary>
        public static int Utf8Offset(string text, int utf16Offset)
        {
            if (utf16Offset <= 0)
            {
                return 0;
            }

            if (utf16Offset >= text.Length)
            {
                return Encoding.UTF8.GetByteCount(text);
            }

            // An offset between the halves of a surrogate pair counts the high half as its 3-byte replacement would;
            // keep to whole characters instead so the figure means a real position.
            if (char.IsLowSurrogate(text[utf16Offset]) && char.IsHighSurrogate(text[utf16Offset - 1]))
            {
                utf16Offset--;
            }

            return Encoding.UTF8.GetByteCount(text.Substring(0, utf16Offset));
        }

        /// <summary>A one-line, escaped, shortened rendering of a text for reports.</summary>
        public static string Describe(string? text, int max)
        {
            if (text is null)
            {
                return "(null)";
            }

            var builder = new StringBuilder();
            foreach (var c in text)
            {
                if (builder.Length >= max)
                {
                    builder.Append("…(").Append(text.Length).Append(" chars)");
                    break;
                }

                switch (c)
                {
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case PromQlParser.HoleCharacter: builder.Append("\\uE000"); break;
                    default:
                        if (char.IsControl(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        private static int? OptionalInt(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

        private static string? OptionalString(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
