using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Metrics;

namespace PromQL.Analyzers.Rules
{
    /// <summary>
    /// Every query rule, in ID order, and what derives from the list: the analyzer's supported diagnostics, every
    /// <c>.editorconfig</c> key, and the rules and options tables of the docs (checked by a test). The list is found,
    /// not written: every concrete <see cref="QueryRule"/> of this assembly with a static <c>Instance</c>. So a new
    /// rule is its file under <c>Rules/&lt;category&gt;/</c>, its descriptor, its page, its release row and its tests.
    /// </summary>
    internal static class RuleRegistry
    {
        /// <summary>The rules. IDs are categories: 0xx the correctness of the data a query reads, 1xx validity.</summary>
        public static readonly ImmutableArray<QueryRule> All = Discover(typeof(QueryRule).Assembly.GetTypes());

        /// <summary>Every diagnostic the analyzer reports: the rules' and PROMQL900 for a bad option value.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics = CollectDescriptors(All);

        /// <summary>Every key: each rule's in rule order, then detection's, each once.</summary>
        public static readonly ImmutableArray<OptionDefinition> Options = CollectOptions(All);

        /// <summary>
        /// The rules among <paramref name="types"/>: each concrete <see cref="QueryRule"/> by its public static
        /// <c>Instance</c> field, ordered by its first ID. A rule type without one is left out (a meta-test fails on it);
        /// the analyzer must load whatever a contributor forgot.
        /// </summary>
        internal static ImmutableArray<QueryRule> Discover(IEnumerable<Type> types)
        {
            var rules = new List<QueryRule>();
            foreach (var type in types)
            {
                if (type.IsAbstract || !typeof(QueryRule).IsAssignableFrom(type))
                {
                    continue;
                }

                if (type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is QueryRule rule && rule.GetType() == type)
                {
                    rules.Add(rule);
                }
            }

            rules.Sort(static (a, b) => string.CompareOrdinal(FirstId(a), FirstId(b)));
            return rules.ToImmutableArray();
        }

        private static string FirstId(QueryRule rule) => rule.Descriptors.IsDefaultOrEmpty ? string.Empty : rule.Descriptors[0].Id;

        internal static ImmutableArray<DiagnosticDescriptor> CollectDescriptors(ImmutableArray<QueryRule> rules)
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var rule in rules)
            {
                builder.AddRange(rule.Descriptors);
            }

            builder.Add(Descriptors.InvalidOption);
            return builder.ToImmutable();
        }

        internal static ImmutableArray<OptionDefinition> CollectOptions(ImmutableArray<QueryRule> rules)
        {
            var builder = ImmutableArray.CreateBuilder<OptionDefinition>();
            var seen = new HashSet<string>();
            foreach (var rule in rules)
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

            foreach (var option in MetricOptions.All)
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
