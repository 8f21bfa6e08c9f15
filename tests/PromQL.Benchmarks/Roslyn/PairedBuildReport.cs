using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using PromQL.Analyzers;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// The build's time overhead measured in pairs (<c>-- build-pairs [pairs]</c>): the floor analyzer and ours run one
    /// after the other on the same generated project, so a change of load on the shared machine moves both halves
    /// of a pair alike; the median of the per-pair ratios is steadier than the ratio of two separate series. Each
    /// half also reports the bytes the whole process allocated during it, which load does not move: a quicker check
    /// of the allocation target than the BenchmarkDotNet series.
    /// </summary>
    internal static class PairedBuildReport
    {
        public static int Run(int pairs)
        {
            foreach (var content in new[] { PromQlContent.None, PromQlContent.OneFileInTen })
            {
                var trees = Compilations.ParseAll(GeneratedProject.Create(BuildBenchmarks.FileCount, content));
                var ratios = new List<double>();
                var floors = new List<double>();
                var ours = new List<double>();
                var extraBytes = new List<double>();
                for (var pair = -1; pair < pairs; pair++)
                {
                    // Alternate which goes first, so neither always meets a warmer or colder machine.
                    var floorFirst = pair % 2 == 0;
                    var a = Time(trees, floorFirst ? new FloorAnalyzer() : new PromQlAnalyzer(), out var aBytes);
                    var b = Time(trees, floorFirst ? new PromQlAnalyzer() : new FloorAnalyzer(), out var bBytes);
                    var (floor, mine) = floorFirst ? (a, b) : (b, a);
                    var (floorBytes, mineBytes) = floorFirst ? (aBytes, bBytes) : (bBytes, aBytes);
                    if (pair >= 0)
                    {
                        floors.Add(floor);
                        ours.Add(mine);
                        ratios.Add(mine / floor);
                        extraBytes.Add(mineBytes - floorBytes);
                        Console.WriteLine($"  pair {pair}: floor {floor:F2} s {floorBytes / 1e6:F1} MB, ours {mine:F2} s {mineBytes / 1e6:F1} MB: " +
                            $"+{(mineBytes - floorBytes) / 1e6:F1} MB ({100.0 * (mineBytes - floorBytes) / floorBytes:+0.00;-0.00} %)");
                    }
                }

                ratios.Sort();
                Console.WriteLine($"{content}: {pairs} pairs; floor median {Median(floors):F2} s, ours median {Median(ours):F2} s; " +
                    $"ours / floor per pair: median {Median(ratios):F3}, min {ratios[0]:F3}, max {ratios[^1]:F3}; " +
                    $"allocated over the floor per pair: median +{Median(extraBytes) / 1e6:F1} MB, min +{extraBytes.Min() / 1e6:F1} MB, max +{extraBytes.Max() / 1e6:F1} MB");
            }

            return 0;
        }

        private static double Time(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.SyntaxTree> trees, Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer, out double bytes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            Compilations.WithAnalyzer(Compilations.Create(trees), analyzer).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            var seconds = watch.Elapsed.TotalSeconds;
            bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            return seconds;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
