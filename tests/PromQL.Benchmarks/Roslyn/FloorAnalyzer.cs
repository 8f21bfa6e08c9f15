using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers;

namespace PromQL.Benchmarks.Roslyn
{
    /// <summary>
    /// The floor: registers what <see cref="PromQlAnalyzer"/> registers (a compilation start action and a syntax
    /// node action on the same three kinds) and returns at once, so what it costs is the host's cost of calling us.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ContainerFilterMissing, Descriptors.RedundantSum, Descriptors.InvalidQuery);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics); // as PromQlAnalyzer
            context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(
                static _ => { },
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.InterpolatedStringExpression,
                SyntaxKind.AddExpression));
        }
    }
}
