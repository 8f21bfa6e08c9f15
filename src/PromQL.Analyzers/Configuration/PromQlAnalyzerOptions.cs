using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using PromQL.Analyzers.Detection;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Configuration
{
    /// <summary>
    /// The values of every key of <see cref="RuleRegistry.Options"/> for one syntax tree, read once per options
    /// instance. Compares by value: it is the results cache's key as it is, so two compilations whose options
    /// read the same share results, and a changed value never serves stale ones.
    /// </summary>
    internal sealed class PromQlAnalyzerOptions : IEquatable<PromQlAnalyzerOptions>
    {
        /// <summary>The options of a project that sets no key.</summary>
        public static readonly PromQlAnalyzerOptions Default = Read(static _ => null);

        private readonly ImmutableArray<object> _values;
        private readonly int _hash;

        private PromQlAnalyzerOptions(ImmutableArray<object> values, ImmutableArray<OptionProblem> problems)
        {
            _values = values;
            Problems = problems;
            unchecked
            {
                var hash = 17;
                for (var i = 0; i < values.Length; i++)
                {
                    hash = (hash * 31) + RuleRegistry.Options[i].ValueHash(values[i]);
                }

                _hash = hash;
            }

            var watched = ImmutableArray.CreateBuilder<string>();
            watched.Add(CadvisorOptions.DefaultWatchedPrefix);
            foreach (var prefix in Get(CadvisorOptions.WatchedMetricPrefixes))
            {
                if (!watched.Contains(prefix))
                {
                    watched.Add(prefix);
                }
            }

            WatchedPrefixes = watched.ToImmutable();
            RequireContainerFilter = Get(CadvisorOptions.RequireContainerFilter);
            QueryMembers = Get(DetectionOptions.QueryMethods);
            DetectByContent = Get(DetectionOptions.DetectByContent);
            ContentTriggers = CollectContentTriggers(this);
        }

        /// <summary>The values that could not be taken (reported by PROMQL900); the rest of each value is used.</summary>
        public ImmutableArray<OptionProblem> Problems { get; }

        /// <summary>The watched metric-name prefixes: <c>container_memory_</c> and those the options add.</summary>
        public ImmutableArray<string> WatchedPrefixes { get; }

        /// <summary>Whether only a <c>container</c> matcher excludes the pod-level series (not <c>image!=""</c>).</summary>
        public bool RequireContainerFilter { get; }

        /// <summary>The user's query methods and properties.</summary>
        public ImmutableArray<QueryMember> QueryMembers { get; }

        /// <summary>Whether unmarked strings holding a content trigger are read as PromQL.</summary>
        public bool DetectByContent { get; }

        /// <summary>What makes an unmarked string a candidate: the triggers of every rule that runs on such strings.</summary>
        public ImmutableArray<string> ContentTriggers { get; }

        /// <summary>The value of <paramref name="option"/>, which must be one of <see cref="RuleRegistry.Options"/>.</summary>
        public T Get<T>(OptionDefinition<T> option)
        {
            var index = RuleRegistry.Options.IndexOf(option);
            if (index < 0)
            {
                throw new ArgumentException(option.Key + " is not a registered option", nameof(option));
            }

            return (T)_values[index];
        }

        /// <summary>Whether a metric name is watched: it starts with a watched prefix and is not a network metric.</summary>
        public bool IsWatchedMetric(string name)
        {
            if (name.StartsWith(CadvisorOptions.NeverWatchedPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var prefix in WatchedPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Reads the options of one tree.</summary>
        public static PromQlAnalyzerOptions Read(AnalyzerConfigOptions options) =>
            Read(key => options.TryGetValue(key, out var value) ? value : null);

        /// <summary>Reads every registered key through <paramref name="lookup"/> (null: the key is not set).</summary>
        public static PromQlAnalyzerOptions Read(Func<string, string?> lookup)
        {
            var definitions = RuleRegistry.Options;
            var values = ImmutableArray.CreateBuilder<object>(definitions.Length);
            ImmutableArray<OptionProblem>.Builder? problems = null;
            foreach (var definition in definitions)
            {
                var text = lookup(definition.Key);
                if (text is null)
                {
                    values.Add(definition.DefaultValue);
                    continue;
                }

                values.Add(definition.Parse(text, out var problem));
                if (problem is not null)
                {
                    (problems ??= ImmutableArray.CreateBuilder<OptionProblem>()).Add(new OptionProblem(definition.Key, text, problem));
                }
            }

            return new PromQlAnalyzerOptions(values.MoveToImmutable(), problems?.ToImmutable() ?? ImmutableArray<OptionProblem>.Empty);
        }

        /// <summary>Options from key-value pairs, as an <c>.editorconfig</c> would give them (tests, tools).</summary>
        public static PromQlAnalyzerOptions FromPairs(params (string Key, string Value)[] pairs)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                map[key] = value;
            }

            return Read(key => map.TryGetValue(key, out var value) ? value : null);
        }

        public bool Equals(PromQlAnalyzerOptions? other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (other is null || other._hash != _hash)
            {
                return false;
            }

            for (var i = 0; i < _values.Length; i++)
            {
                if (!RuleRegistry.Options[i].ValueEquals(_values[i], other._values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as PromQlAnalyzerOptions);

        public override int GetHashCode() => _hash;

        private static ImmutableArray<string> CollectContentTriggers(PromQlAnalyzerOptions options)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var rule in RuleRegistry.All)
            {
                if (rule.NeedsMarkedQuery)
                {
                    continue;
                }

                foreach (var trigger in rule.ContentTriggers(options))
                {
                    if (!builder.Contains(trigger))
                    {
                        builder.Add(trigger);
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
