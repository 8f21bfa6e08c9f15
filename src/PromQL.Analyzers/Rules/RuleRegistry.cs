using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// Every query rule, in ID order, and what derives from the list: the analyzer's supported diagnostics, every
    /// <c>.editorconfig</c> key, and the rules and options tables of the docs (checked by a test). A new rule is
    /// its file under <c>Rules/&lt;category&gt;/</c>, its descriptor, one line here, its page, its release row and its tests.
    /// </summary>
    internal static class RuleRegistry
    {
        /// <summary>The rules. IDs are categories: 0xx the correctness of the data a query reads, 1xx validity.</summary>
        public static readonly ImmutableArray<QueryRule> All = ImmutableArray.Create<QueryRule>(
            ContainerFilterRule.Instance,  // PROMQL001
            RedundantSumRule.Instance,     // PROMQL002
            InvalidQueryRule.Instance);    // PROMQL100

        /// <summary>Every diagnostic the analyzer reports: the rules' and PROMQL900 for a bad option value.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics = CollectDescriptors();

        /// <summary>Every key: each rule's in rule order, then detection's, each once.</summary>
        public static readonly ImmutableArray<OptionDefinition> Options = CollectOptions();

        private static ImmutableArray<DiagnosticDescriptor> CollectDescriptors()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var rule in All)
            {
                builder.AddRange(rule.Descriptors);
            }

            builder.Add(Descriptors.InvalidOption);
            return builder.ToImmutable();
        }

        private static ImmutableArray<OptionDefinition> CollectOptions()
        {
            var builder = ImmutableArray.CreateBuilder<OptionDefinition>();
            var seen = new HashSet<string>();
            foreach (var rule in All)
            {
                foreach (var option in rule.Options)
                {
                    if (seen.Add(option.Key))
                    {
                        builder.Add(option);
                    }
                }
            }

            foreach (var option in DetectionOptions.All)
            {
                if (seen.Add(option.Key))
                {
                    builder.Add(option);
                }
            }

            return builder.ToImmutable();
        }
    }
}
