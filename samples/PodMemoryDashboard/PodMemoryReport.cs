using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PodMemoryDashboard
{
    /// <summary>
    /// The dashboard's panels for one pod. The queries written here go straight into
    /// <see cref="PrometheusApi"/>, whose parameters are marked [StringSyntax("PromQL")], or carry a lang=promql
    /// comment: the analyzer reads them as PromQL, so they get PROMQL100 as well as PROMQL001 and PROMQL002.
    /// </summary>
    internal sealed class PodMemoryReport
    {
        private readonly PrometheusApi _api;
        private readonly TextWriter _out;

        public PodMemoryReport(PrometheusApi api, TextWriter output)
        {
            _api = api;
            _out = output;
        }

        public async Task WriteAsync(string ns, string pod, CancellationToken cancellationToken)
        {
            _out.WriteLine($"Pod {ns}/{pod}");

            // The bug and its cure side by side: on a pod with containers, the first is about twice the second.
            await PanelAsync("memory, naive sum", PodMemoryQueries.PodWorkingSetNaive(ns, pod), Bytes, cancellationToken).ConfigureAwait(false);
            await PanelAsync("memory, pod total (kubectl top pod)", PodMemoryQueries.PodWorkingSet(ns, pod), Bytes, cancellationToken).ConfigureAwait(false);
            await PanelAsync("memory, pod total by image", PodMemoryQueries.PodWorkingSetByImage(ns, pod), Bytes, cancellationToken).ConfigureAwait(false);
            await PanelAsync("memory per container (kubectl top pod --containers)", PodMemoryQueries.ContainerWorkingSet(ns, pod), Bytes, cancellationToken).ConfigureAwait(false);
            await PanelAsync("memory / limits, naive", PodMemoryQueries.PodLimitRatioNaive(ns, pod), Ratio, cancellationToken).ConfigureAwait(false);
            await PanelAsync("cpu cores, naive", PodMemoryQueries.PodCpuNaive(ns, pod), Cores, cancellationToken).ConfigureAwait(false);
            await PanelAsync("network received", PodMemoryQueries.PodNetworkReceive(ns, pod), BytesPerSecond, cancellationToken).ConfigureAwait(false);

            // PROMQL002: the container is pinned, so the sum runs over a single series
            var sidecar = await _api.QueryAsync(
                $"sum(container_memory_working_set_bytes{{namespace=\"{ns}\",pod=\"{pod}\",container=\"istio-proxy\"}})",
                cancellationToken).ConfigureAwait(false);
            Write("sidecar memory", sidecar, Bytes);

            // PROMQL001: container!="POD" drops the pause container, not the pod-level series (container="")
            // lang=promql
            var perContainer = $"container_memory_working_set_bytes{{namespace=\"{ns}\",pod=\"{pod}\",container!=\"POD\"}}";
            Write("memory per container, naive", await _api.QueryAsync(perContainer, cancellationToken).ConfigureAwait(false), Bytes);

            // PROMQL001: the metric named through __name__ is still a watched selector
            var rss = await _api.QueryAsync(
                $"{{__name__=\"container_memory_rss\",namespace=\"{ns}\",pod=\"{pod}\"}}",
                cancellationToken).ConfigureAwait(false);
            Write("rss, naive", rss, Bytes);

            // PROMQL100: a syntax error, the closing parenthesis of sum is missing
            await PanelAsync(
                "network sent",
                $"sum(rate(container_network_transmit_bytes_total{{namespace=\"{ns}\",pod=\"{pod}\"}}[5m])",
                BytesPerSecond,
                cancellationToken).ConfigureAwait(false);

            // PROMQL100: a type error, increase needs a range vector ([1h]), not an instant vector
            var restarts = /*lang=promql*/ $"sum(increase(kube_pod_container_status_restarts_total{{namespace=\"{ns}\",pod=\"{pod}\"}}))";
            await PanelAsync("restarts in the last hour", restarts, Count, cancellationToken).ConfigureAwait(false);

            // The history chart: the last hour, one point a minute.
            var end = DateTimeOffset.UtcNow;
            var history = await _api.QueryRangeAsync(
                PodMemoryQueries.PodWorkingSetHistoryNaive(ns, pod), end.AddHours(-1), end, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
            foreach (var series in history)
            {
                _out.WriteLine($"  history {series}: {series.Samples.Count} points");
            }

            await PanelAsync("top 10 pods of the cluster, naive", PodMemoryQueries.TopPodsNaive(), Bytes, cancellationToken).ConfigureAwait(false);
        }

        // The query only passes through here, so the parameter carries the marker too: the literals written at
        // the call sites are read as PromQL (the network queries have no watched metric to be found by).
        private async Task PanelAsync(string title, [StringSyntax("PromQL")] string query, Func<double, string> format, CancellationToken cancellationToken)
        {
            try
            {
                Write(title, await _api.QueryAsync(query, cancellationToken).ConfigureAwait(false), format);
            }
            catch (InvalidOperationException e)
            {
                // What Prometheus says about the PROMQL100 queries at run time.
                _out.WriteLine($"  {title}: {e.Message}");
            }
        }

        private void Write(string title, IReadOnlyList<Series> result, Func<double, string> format)
        {
            if (result.Count == 0)
            {
                _out.WriteLine($"  {title}: no data");
                return;
            }

            foreach (var series in result)
            {
                var value = series.Samples.Count > 0 ? format(series.Samples[series.Samples.Count - 1].Value) : "-";
                _out.WriteLine($"  {title} {series}: {value}");
            }
        }

        private static string Bytes(double value) => (value / (1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

        private static string BytesPerSecond(double value) => (value / 1024).ToString("N1", CultureInfo.InvariantCulture) + " KiB/s";

        private static string Cores(double value) => value.ToString("N3", CultureInfo.InvariantCulture) + " cores";

        private static string Ratio(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

        private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
