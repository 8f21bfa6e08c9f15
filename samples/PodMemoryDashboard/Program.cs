using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PodMemoryDashboard
{
    /// <summary>
    /// The backend of a pod-memory dashboard, reduced to a console app: it asks Prometheus for one pod's
    /// panels and prints them. Build it to see the analyzer's warnings; run it against a Prometheus that
    /// scrapes the kubelets' /metrics/cadvisor to see the numbers.
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: PodMemoryDashboard <prometheus-url> <namespace> <pod>");
                Console.Error.WriteLine("  e.g. PodMemoryDashboard http://localhost:9090 payments checkout-7d9f8-x2k4q");
                return 2;
            }

            if (!Uri.TryCreate(args[0].TrimEnd('/') + "/", UriKind.Absolute, out var prometheus))
            {
                Console.Error.WriteLine($"not a URL: {args[0]}");
                return 2;
            }

            using var http = new HttpClient { BaseAddress = prometheus, Timeout = TimeSpan.FromSeconds(30) };
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };

            try
            {
                await new PodMemoryReport(new PrometheusApi(http), Console.Out).WriteAsync(args[1], args[2], cancel.Token).ConfigureAwait(false);
                return 0;
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"cannot reach Prometheus at {prometheus}: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 1;
            }
        }
    }
}
