using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// The metrics a compilation defines itself, keyed by every series name Prometheus stores them under: prometheus-net
    /// (<c>Metrics.CreateCounter(…)</c>, a <c>MetricFactory</c>, a custom registry: the name as given) and
    /// System.Diagnostics.Metrics (<c>Meter.CreateCounter&lt;T&gt;</c> and the other instruments, the names of
    /// <see cref="OpenTelemetryNames"/>). The semantic model confirms each call found by
    /// <see cref="TreeMetricDefinitions"/> and gives its name and unit as constants; a name that is not a constant,
    /// or that two definitions give different types, is left out.
    /// </summary>
    internal static class CompilationMetrics
    {
        private const string PrometheusNetNamespace = "Prometheus";
        private const string MeterType = "System.Diagnostics.Metrics.Meter";

        /// <summary>The series names of the definitions in <paramref name="trees"/>, read with <paramref name="compilation"/>'s semantic model.</summary>
        public static IReadOnlyDictionary<string, MetricFact> Collect(Compilation compilation, IEnumerable<(SyntaxTree Tree, TreeMetricDefinitions Calls)> trees, CancellationToken cancellationToken)
        {
            var facts = new Dictionary<string, MetricFact>(StringComparer.Ordinal);
            var conflicting = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (tree, definitions) in trees)
            {
                var calls = definitions.Calls(cancellationToken);
                if (calls.IsEmpty)
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(tree);
                var file = Path.GetFileName(tree.FilePath);
                foreach (var call in calls)
                {
                    if (Read(call, model, cancellationToken) is { } definition)
                    {
                        foreach (var fact in FactsOf(definition, file))
                        {
                            Add(facts, conflicting, fact.Series, fact.Fact);
                        }
                    }
                }
            }

            return facts;
        }

        /// <summary>The series of one definition and what each is, with the provenance a message shows.</summary>
        internal static IEnumerable<(string Series, MetricFact Fact)> FactsOf(MetricDefinition definition, string file)
        {
            var families = definition.Library == MetricLibrary.PrometheusNet
                ? new[] { definition.Name }
                : (IReadOnlyList<string>)OpenTelemetryNames.For(definition.Name, definition.Unit, definition.Type);
            var where = file.Length == 0 ? string.Empty : " in " + file;
            var declared = definition.Library == MetricLibrary.PrometheusNet
                ? "declared as a prometheus-net " + definition.Instrument + where
                : "declared as a System.Diagnostics.Metrics " + definition.Instrument + Exported(definition.Type) + where;
            foreach (var family in families)
            {
                yield return (family, new MetricFact(definition.Type, MetricPart.Whole, family, MetricFactOrigin.Compilation, declared));
                foreach (var part in PartsOf(definition.Type))
                {
                    var series = family + MetricNames.Suffix(part);
                    yield return (series, new MetricFact(definition.Type, part, family, MetricFactOrigin.Compilation, "the " + MetricNames.Suffix(part) + " series of a metric " + declared));
                }
            }
        }

        /// <summary>What a confirmed call defines; null when it is not one of the APIs or its name is not a constant.</summary>
        internal static MetricDefinition? Read(MetricDefinitionCall call, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(call.Invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            MetricLibrary library;
            MetricType type;
            string instrument;
            if (method.ContainingType?.OriginalDefinition.ToDisplayString() == MeterType)
            {
                library = MetricLibrary.SystemDiagnosticsMetrics;
                (type, instrument) = method.Name switch
                {
                    "CreateCounter" => (MetricType.Counter, "Counter"),
                    "CreateObservableCounter" => (MetricType.Counter, "ObservableCounter"),
                    "CreateUpDownCounter" => (MetricType.Gauge, "UpDownCounter"),
                    "CreateObservableUpDownCounter" => (MetricType.Gauge, "ObservableUpDownCounter"),
                    "CreateGauge" => (MetricType.Gauge, "Gauge"),
                    "CreateObservableGauge" => (MetricType.Gauge, "ObservableGauge"),
                    "CreateHistogram" => (MetricType.Histogram, "Histogram"),
                    _ => ((MetricType)(-1), string.Empty),
                };
            }
            else if (IsPrometheusNet(method))
            {
                library = MetricLibrary.PrometheusNet;
                (type, instrument) = method.Name switch
                {
                    "CreateCounter" => (MetricType.Counter, "Counter"),
                    "CreateGauge" => (MetricType.Gauge, "Gauge"),
                    "CreateHistogram" => (MetricType.Histogram, "Histogram"),
                    "CreateSummary" => (MetricType.Summary, "Summary"),
                    _ => ((MetricType)(-1), string.Empty),
                };
            }
            else
            {
                return null;
            }

            if (instrument.Length == 0 || ConstantArgument(call.Invocation, method, "name", model, cancellationToken) is not { Length: > 0 } name)
            {
                return null;
            }

            var unit = library == MetricLibrary.SystemDiagnosticsMetrics
                ? ConstantArgument(call.Invocation, method, "unit", model, cancellationToken)
                : null;
            return new MetricDefinition(library, type, instrument, name, unit);
        }

        private static bool IsPrometheusNet(IMethodSymbol method)
        {
            var ns = method.ContainingType?.ContainingNamespace;
            return ns is { Name: PrometheusNetNamespace, ContainingNamespace.IsGlobalNamespace: true };
        }

        /// <summary>The constant string passed for <paramref name="parameterName"/>, by name or by position; null when none is.</summary>
        private static string? ConstantArgument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameterName, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = invocation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                var parameter = argument.NameColon is { } named
                    ? named.Name.Identifier.ValueText
                    : i < method.Parameters.Length ? method.Parameters[i].Name : null;
                if (parameter == parameterName)
                {
                    return model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null;
                }
            }

            return null;
        }

        private static string Exported(MetricType type) => type switch
        {
            MetricType.Counter => " (a counter in Prometheus)",
            MetricType.Gauge => " (a gauge in Prometheus)",
            _ => string.Empty,
        };

        private static MetricPart[] PartsOf(MetricType type) => type switch
        {
            MetricType.Histogram => new[] { MetricPart.Bucket, MetricPart.Sum, MetricPart.Count },
            MetricType.Summary => new[] { MetricPart.Sum, MetricPart.Count },
            _ => Array.Empty<MetricPart>(),
        };

        private static void Add(Dictionary<string, MetricFact> facts, HashSet<string> conflicting, string series, MetricFact fact)
        {
            if (conflicting.Contains(series))
            {
                return;
            }

            if (facts.TryGetValue(series, out var existing))
            {
                if (existing.Type != fact.Type || existing.Part != fact.Part)
                {
                    // Two definitions disagree (or one's _count is another's name): neither is a fact.
                    facts.Remove(series);
                    conflicting.Add(series);
                }

                return;
            }

            facts.Add(series, fact);
        }
    }

    /// <summary>Which library a definition uses: it decides the names Prometheus stores the metric under.</summary>
    internal enum MetricLibrary
    {
        PrometheusNet,
        SystemDiagnosticsMetrics,
    }

    /// <summary>A confirmed definition: its library, its Prometheus type, the instrument as the API calls it, its name and unit.</summary>
    internal sealed class MetricDefinition
    {
        public MetricDefinition(MetricLibrary library, MetricType type, string instrument, string name, string? unit)
        {
            Library = library;
            Type = type;
            Instrument = instrument;
            Name = name;
            Unit = unit;
        }

        public MetricLibrary Library { get; }

        public MetricType Type { get; }

        public string Instrument { get; }

        public string Name { get; }

        public string? Unit { get; }
    }
}
