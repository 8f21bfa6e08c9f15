using BenchmarkDotNet.Running;

namespace PromQL.Benchmarks
{
    /// <summary>
    /// Runs the parser benchmarks: <c>dotnet run -c Release --project tests/PromQL.Benchmarks -- --filter '*'</c>
    /// (or pick one interactively without arguments). Not run in CI, only built.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
