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
        private readonly ImmutableArray<string> _added;
        private readonly ImmutableArray<string> _unwatched;
        private readonly ImmutableArray<string> _defaultPrefixes;
        private readonly ImmutableArray<string> _defaultNames;

        /// <summary>The MSBuild property of the .NET SDK that turns invariant globalization on, made compiler-visible by the package's props.</summary>
        public const string InvariantGlobalizationKey = "build_property.InvariantGlobalization";

        private PromQlAnalyzerOptions(ImmutableArray<object> values, ImmutableArray<OptionProblem> problems, bool invariantGlobalization)
        {
            _values = values;
            Problems = problems;
            InvariantGlobalization = invariantGlobalization;
            unchecked
            {
                var hash = invariantGlobalization ? 19 : 17;
                for (var i = 0; i < values.Length; i++)
                {
                    hash = (hash * 31) + RuleRegistry.Options[i].ValueHash(values[i]);
                }

                _hash = hash;
            }

            _added = Get(CadvisorOptions.WatchedMetricPrefixes);
            _unwatched = Get(CadvisorOptions.UnwatchedMetricPrefixes);
            var watched = ImmutableArray.CreateBuilder<string>();
            foreach (var entry in CadvisorOptions.DefaultWatchedPrefixes)
            {
                if (!StartsWithAny(entry, _unwatched))
                {
                    watched.Add(entry);
                }
            }

            _defaultPrefixes = watched.ToImmutable();
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var name in CadvisorOptions.DefaultWatchedNames)
            {
                if (!StartsWithAny(name, _unwatched))
                {
                    names.Add(name);
                    watched.Add(name);
                }
            }

            _defaultNames = names.ToImmutable();
            foreach (var prefix in _added)
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
            ContentTriggerPrefix = CommonPrefix(ContentTriggers);
        }

        /// <summary>
        /// Whether the project runs with invariant globalization on (<c>&lt;InvariantGlobalization&gt;true&lt;/InvariantGlobalization&gt;</c>,
        /// read from <see cref="InvariantGlobalizationKey"/>): then every culture formats as the invariant one.
        /// </summary>
        public bool InvariantGlobalization { get; }

        /// <summary>The values that could not be taken (reported by PROMQL900); the rest of each value is used.</summary>
        public ImmutableArray<OptionProblem> Problems { get; }

        /// <summary>
        /// What a watched name starts with, the cAdvisor rules' content triggers: the default set less what
        /// <c>promql.unwatched_metric_prefixes</c> takes out, then what <c>promql.watched_metric_prefixes</c> adds.
        /// </summary>
        public ImmutableArray<string> WatchedPrefixes { get; }

        /// <summary>Whether only a <c>container</c> matcher excludes the pod-level series (not <c>image!=""</c>).</summary>
        public bool RequireContainerFilter { get; }

        /// <summary>The user's query methods and properties.</summary>
        public ImmutableArray<QueryMember> QueryMembers { get; }

        /// <summary>Whether unmarked strings holding a content trigger are read as PromQL.</summary>
        public bool DetectByContent { get; }

        /// <summary>What makes an unmarked string a candidate: the triggers of every rule that runs on such strings.</summary>
        public ImmutableArray<string> ContentTriggers { get; }

        /// <summary>
        /// What every content trigger starts with (<c>container_</c> by default), or empty: a text without it holds
        /// none of them, so the scan asks one <c>IndexOf</c> of most strings instead of one per trigger.
        /// </summary>
        public string ContentTriggerPrefix { get; }

        /// <summary>
        /// Whether <paramref name="text"/> holds a content trigger: the one test for literal text (the scan) and for
        /// constants named in a hole. Most texts lack the triggers' common prefix and cost one <c>IndexOf</c>.
        /// </summary>
        public bool HasContentTrigger(string text)
        {
            if (ContentTriggerPrefix.Length > 0 && text.IndexOf(ContentTriggerPrefix, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            foreach (var trigger in ContentTriggers)
            {
                if (text.IndexOf(trigger, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

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

        /// <summary>
        /// Whether a metric name is watched: never a network metric; else when it starts with a prefix the options add,
        /// or it is in the default set (a default prefix, or a default whole name) and no unwatched prefix takes it out.
        /// <paramref name="wholeName"/> is false for the known start of a name whose rest is unknown (a hole, a regex):
        /// then it is watched only when every name it may begin is.
        /// </summary>
        public bool IsWatchedMetric(string name, bool wholeName = true)
        {
            if (name.StartsWith(CadvisorOptions.NeverWatchedPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            if (StartsWithAny(name, _added))
            {
                return true;
            }

            if (StartsWithAny(name, _unwatched))
            {
                return false;
            }

            if (!wholeName)
            {
                // The rest of the name may complete an unwatched prefix.
                foreach (var prefix in _unwatched)
                {
                    if (prefix.StartsWith(name, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            if (StartsWithAny(name, _defaultPrefixes))
            {
                return true;
            }

            return wholeName && _defaultNames.Contains(name);
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

            // MSBuild writes the property as it was set: "true" in any case, spaces around it at most.
            var invariant = string.Equals(lookup(InvariantGlobalizationKey)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            return new PromQlAnalyzerOptions(values.MoveToImmutable(), problems?.ToImmutable() ?? ImmutableArray<OptionProblem>.Empty, invariant);
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

            if (other is null || other._hash != _hash || other.InvariantGlobalization != InvariantGlobalization)
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

        private static bool StartsWithAny(string name, ImmutableArray<string> prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

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

        private static string CommonPrefix(ImmutableArray<string> texts)
        {
            if (texts.IsEmpty)
            {
                return string.Empty;
            }

            var length = texts[0].Length;
            foreach (var text in texts)
            {
                length = Math.Min(length, text.Length);
                for (var i = 0; i < length; i++)
                {
                    if (text[i] != texts[0][i])
                    {
                        length = i;
                        break;
                    }
                }
            }

            return texts[0].Substring(0, length);
        }
    }
}
