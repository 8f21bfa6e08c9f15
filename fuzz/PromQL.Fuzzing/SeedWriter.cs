using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PromQL.Fuzzing
{
    /// <summary>Turns conformance corpus files (JSON lines with an <c>input</c>) into one seed file per distinct query.</summary>
    internal static class SeedWriter
    {
        /// <summary>Longer seeds slow every execution; the corpus's few huge inputs add nothing the fuzzer needs.</summary>
        private const int MaxSeedLength = 1024;

        public static int Write(string directory, IEnumerable<string> corpusFiles)
        {
            Directory.CreateDirectory(directory);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in corpusFiles)
            {
                foreach (var line in File.ReadLines(file, Encoding.UTF8))
                {
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    using var document = JsonDocument.Parse(line);
                    var root = document.RootElement;
                    byte[] bytes;
                    if (root.TryGetProperty("input_b64", out var b64) && b64.GetString() is { } encoded)
                    {
                        bytes = Convert.FromBase64String(encoded); // the exact bytes, invalid UTF-8 included
                    }
                    else if (root.TryGetProperty("input", out var input) && input.GetString() is { } text)
                    {
                        bytes = Encoding.UTF8.GetBytes(text);
                    }
                    else
                    {
                        continue;
                    }

                    if (bytes.Length > MaxSeedLength || !seen.Add(Convert.ToBase64String(bytes)))
                    {
                        continue;
                    }

                    File.WriteAllBytes(Path.Combine(directory, $"seed-{seen.Count:D5}"), bytes);
                }
            }

            return seen.Count;
        }
    }
}
