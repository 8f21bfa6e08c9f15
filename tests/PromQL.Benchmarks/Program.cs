using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using PromQL.Benchmarks.Roslyn;

namespace PromQL.Benchmarks
{
    /// <summary>
    /// Runs the benchmarks: <c>dotnet run -c Release --project tests/PromQL.Benchmarks -- --filter '*'</c>
    /// (or pick one interactively without arguments), the editor report: <c>-- editor [runs] [warm-up runs]</c>, or the paired
    /// build-time report: <c>-- build-pairs [pairs]</c>.
    /// Not run in CI, only built. See docs/performance.md.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "build-pairs")
            {
                return PairedBuildReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6);
            }

            if (args.Length > 0 && args[0] == "editor")
            {
                return EditorReport.Run(
                    args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : EditorReport.DefaultWarmupRuns);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
