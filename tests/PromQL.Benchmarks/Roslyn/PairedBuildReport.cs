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
    /// of a pair alike; the median of the per-pair ratios is steadier than the ratio of two separate series.
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
                for (var pair = -1; pair < pairs; pair++)
                {
                    // Alternate which goes first, so neither always meets a warmer or colder machine.
                    var floorFirst = pair % 2 == 0;
                    var a = Time(trees, floorFirst ? new FloorAnalyzer() : new PromQlAnalyzer());
                    var b = Time(trees, floorFirst ? new PromQlAnalyzer() : new FloorAnalyzer());
                    var (floor, mine) = floorFirst ? (a, b) : (b, a);
                    if (pair >= 0)
                    {
                        floors.Add(floor);
                        ours.Add(mine);
                        ratios.Add(mine / floor);
                    }
                }

                ratios.Sort();
                Console.WriteLine($"{content}: {pairs} pairs; floor median {Median(floors):F2} s, ours median {Median(ours):F2} s; " +
                    $"ours / floor per pair: median {Median(ratios):F3}, min {ratios[0]:F3}, max {ratios[^1]:F3}");
            }

            return 0;
        }

        private static double Time(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.SyntaxTree> trees, Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            Compilations.WithAnalyzer(Compilations.Create(trees), analyzer).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            return watch.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
