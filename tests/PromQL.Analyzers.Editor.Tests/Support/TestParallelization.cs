using Xunit;

// The csharp-ls session builds src/PromQL.Analyzers in Debug and the MSBuildWorkspace tests may build the code
// fixes (and with them the analyzer) in the test's configuration: one at a time, so no two builds share obj/.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
