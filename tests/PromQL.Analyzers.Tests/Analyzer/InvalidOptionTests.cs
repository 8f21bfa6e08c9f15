using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Analyzer
{
    /// <summary>PROMQL900: a documented key with a value the analyzer cannot take is reported, never defaulted in silence.</summary>
    public class InvalidOptionTests
    {
        private const string BooleanProblem = "expected true or false";

        [Theory]
        [InlineData("promql.require_container_filter", "yes")]
        [InlineData("promql.require_container_filter", "1")]
        [InlineData("promql.detect_by_content", "off")]
        public Task BooleanKeyWithOtherWord_Diagnostic(string key, string value) =>
            VerifyCS.VerifyAnalyzerAsync(
                "class C { }",
                key + " = " + value + "\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(key, value, BooleanProblem));

        [Theory]
        [InlineData("promql.require_container_filter", "TRUE")]
        [InlineData("promql.require_container_filter", " false ")]
        [InlineData("promql.detect_by_content", "False")]
        [InlineData("promql.watched_metric_prefixes", "container_cpu_; container_fs_,")]
        [InlineData("promql.unwatched_metric_prefixes", "container_cpu_; container_fs_, container_memory_failcnt")]
        [InlineData("promql.query_methods", "Metrics.Client.Run(expr); Client.Query")]
        public Task ValidValues_NoDiagnostic(string key, string value) =>
            VerifyCS.VerifyAnalyzerAsync("class C { }", key + " = " + value + "\n");

        [Fact]
        public Task PrefixWithInvalidCharacter_ReportedAndTheOthersStillWatched() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate({|PROMQL001:container_cpu_usage_seconds_total{pod='p'}|}[5m])"),
                "promql.watched_metric_prefixes = container_cpu_, container-fs\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    "promql.watched_metric_prefixes",
                    "container_cpu_, container-fs",
                    "'container-fs' is not the start of a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"));

        [Fact]
        public Task UnwatchedPrefixThatTakesNothingOut_ReportedAndTheOthersApplied() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("rate(container_cpu_usage_seconds_total{pod='p'}[5m]) + {|PROMQL001:container_memory_rss{pod='p'}|}"),
                "promql.unwatched_metric_prefixes = container_cpu_, node_, container-fs\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments(
                    "promql.unwatched_metric_prefixes",
                    "container_cpu_, node_, container-fs",
                    "'node_' matches no metric watched by default, so it takes nothing out; 'container-fs' is not the start of a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)"));

        [Fact]
        public Task BadBooleanKeepsTheDefault_ImageFilterStillCounts() =>
            VerifyCS.VerifyAnalyzerAsync(
                Sources.Query("container_memory_rss{pod='p', image!=''}"),
                "promql.require_container_filter = yes\n",
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments("promql.require_container_filter", "yes", BooleanProblem));

        [Fact]
        public async Task SameBadValueInManyFiles_ReportedOnce()
        {
            var test = new VerifyCS.Test();
            test.TestState.Sources.Add(("/0/A.cs", "class A { }"));
            test.TestState.Sources.Add(("/0/B.cs", "class B { }"));
            test.TestState.Sources.Add(("/0/C.cs", "class C { }"));
            test.WithEditorConfig("promql.detect_by_content = no\n");
            test.ExpectedDiagnostics.Add(
                VerifyCS.Diagnostic(DiagnosticIds.InvalidOption).WithNoLocation().WithArguments("promql.detect_by_content", "no", BooleanProblem));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SeverityNoneInGlobalConfig_NotReported()
        {
            // A diagnostic without a location takes its severity from global options (.globalconfig, NoWarn), not
            // from an .editorconfig section: the rule page says so.
            var test = new VerifyCS.Test();
            test.TestCode = "class C { }";
            test.WithEditorConfig("promql.detect_by_content = no\n");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.PROMQL900.severity = none\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void DescriptorIsCompilationEnd()
        {
            Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, Descriptors.InvalidOption.CustomTags);
        }
    }
}
