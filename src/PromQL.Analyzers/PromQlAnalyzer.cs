using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromQL.Analyzers
{
    /// <summary>Finds PromQL in C# strings and reports PROMQL001, PROMQL002 and PROMQL100.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PromQlAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ContainerFilterMissing, Descriptors.RedundantSum, Descriptors.InvalidQuery);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
