using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PodMemoryDashboard
{
    /// <summary>One series of a query result: its labels and its samples (one for an instant query).</summary>
    internal sealed class Series
    {
        public Series(IReadOnlyDictionary<string, string> labels, IReadOnlyList<(DateTimeOffset Time, double Value)> samples)
        {
            Labels = labels;
            Samples = samples;
        }

        public IReadOnlyDictionary<string, string> Labels { get; }

        public IReadOnlyList<(DateTimeOffset Time, double Value)> Samples { get; }

        public override string ToString() =>
            "{" + string.Join(", ", FormatLabels()) + "}";

        private IEnumerable<string> FormatLabels()
        {
            foreach (var pair in Labels)
            {
                yield return pair.Key + "=\"" + pair.Value + "\"";
            }
        }
    }

    /// <summary>
    /// The two endpoints of Prometheus's HTTP API a dashboard needs. The query parameters carry
    /// [StringSyntax("PromQL")], so the analyzer reads every string literal passed to them as PromQL and
    /// reports syntax errors there too (PROMQL100).
    /// </summary>
    internal sealed class PrometheusApi
    {
        private readonly HttpClient _http;

        public PrometheusApi(HttpClient http) => _http = http;

        /// <summary>GET /api/v1/query: the value of each series now.</summary>
        public Task<IReadOnlyList<Series>> QueryAsync([StringSyntax("PromQL")] string query, CancellationToken cancellationToken = default) =>
            GetAsync("api/v1/query?query=" + Uri.EscapeDataString(query), cancellationToken);

        /// <summary>GET /api/v1/query_range: the series between two times, one sample per step.</summary>
        public Task<IReadOnlyList<Series>> QueryRangeAsync(
            [StringSyntax("PromQL")] string query,
            DateTimeOffset start,
            DateTimeOffset end,
            TimeSpan step,
            CancellationToken cancellationToken = default) =>
            GetAsync(
                "api/v1/query_range?query=" + Uri.EscapeDataString(query) +
                "&start=" + start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) +
                "&end=" + end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) +
                "&step=" + ((long)step.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                cancellationToken);

        private async Task<IReadOnlyList<Series>> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
        {
            using var response = await _http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;

            // Prometheus answers errors (bad query, timeout) as JSON too, with status "error".
            if (root.GetProperty("status").GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var message) ? message.GetString() : null;
                throw new InvalidOperationException("Prometheus: " + (error ?? response.StatusCode.ToString()));
            }

            var result = new List<Series>();
            foreach (var item in root.GetProperty("data").GetProperty("result").EnumerateArray())
            {
                var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var label in item.GetProperty("metric").EnumerateObject())
                {
                    labels[label.Name] = label.Value.GetString() ?? "";
                }

                var samples = new List<(DateTimeOffset, double)>();
                if (item.TryGetProperty("value", out var value))
                {
                    samples.Add(ReadSample(value));
                }
                else
                {
                    foreach (var sample in item.GetProperty("values").EnumerateArray())
                    {
                        samples.Add(ReadSample(sample));
                    }
                }

                result.Add(new Series(labels, samples));
            }

            return result;
        }

        // A sample is [ <unix seconds, a number>, "<value, a string>" ].
        private static (DateTimeOffset, double) ReadSample(JsonElement sample)
        {
            var seconds = sample[0].GetDouble();
            var value = sample[1].GetString() switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var text => double.Parse(text ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            return (DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)), value);
        }
    }
}
