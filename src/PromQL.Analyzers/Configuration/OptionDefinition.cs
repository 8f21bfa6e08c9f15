using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PromQL.Analyzers.Configuration
{
    /// <summary>
    /// One <c>.editorconfig</c> key of the analyzer (<c>promql.&lt;key&gt;</c>): declared by the rule or the
    /// detection path that reads it, listed by <see cref="Rules.RuleRegistry"/>, documented from these fields.
    /// Parsing never throws: a value it cannot take is a <see cref="OptionProblem"/>, reported by PROMQL900.
    /// </summary>
    internal abstract class OptionDefinition
    {
        protected OptionDefinition(string key, string defaultText, string description)
        {
            Key = key;
            DefaultText = defaultText;
            Description = description;
        }

        /// <summary>The full key, <c>promql.…</c>.</summary>
        public string Key { get; }

        /// <summary>The default, as the docs show it.</summary>
        public string DefaultText { get; }

        /// <summary>What the key does, one sentence for the options table.</summary>
        public string Description { get; }

        /// <summary>The value used when the key is absent.</summary>
        public abstract object DefaultValue { get; }

        /// <summary>The value of <paramref name="text"/>; <paramref name="problem"/> says what of it could not be taken.</summary>
        public abstract object Parse(string text, out string? problem);

        public abstract bool ValueEquals(object left, object right);

        public abstract int ValueHash(object value);

        /// <summary>A <c>true</c>/<c>false</c> key.</summary>
        public static OptionDefinition<bool> Boolean(string key, bool defaultValue, string description) =>
            new OptionDefinition<bool>(key, defaultValue ? "true" : "false", description, defaultValue, ParseBoolean, EqualityComparer<bool>.Default);

        /// <summary>
        /// A comma- or semicolon-separated list: each item goes through <paramref name="parseItem"/>, which gives null
        /// and a reason for an item it rejects (the other items are kept). Duplicates are dropped.
        /// </summary>
        public static OptionDefinition<ImmutableArray<T>> List<T>(string key, string defaultText, string description, Func<string, (T? Item, string? Problem)> parseItem)
            where T : class =>
            new OptionDefinition<ImmutableArray<T>>(key, defaultText, description, ImmutableArray<T>.Empty, text => ParseList(text, parseItem), SequenceComparer<T>.Instance);

        private static (bool, string?) ParseBoolean(string text)
        {
            var trimmed = text.Trim();
            if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
            {
                return (true, null);
            }

            if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
            {
                return (false, null);
            }

            return (false, "expected true or false");
        }

        private static (ImmutableArray<T>, string?) ParseList<T>(string text, Func<string, (T? Item, string? Problem)> parseItem)
            where T : class
        {
            var items = ImmutableArray.CreateBuilder<T>();
            List<string>? problems = null;
            foreach (var raw in text.Split(',', ';'))
            {
                var part = raw.Trim();
                if (part.Length == 0)
                {
                    continue;
                }

                var (item, problem) = parseItem(part);
                if (item is null)
                {
                    (problems ??= new List<string>()).Add("'" + part + "' " + (problem ?? "is not valid"));
                }
                else if (!items.Contains(item))
                {
                    items.Add(item);
                }
            }

            return (items.ToImmutable(), problems is null ? null : string.Join("; ", problems));
        }

        /// <summary>Element-wise equality, so that options read anew for each compilation compare equal.</summary>
        private sealed class SequenceComparer<T> : IEqualityComparer<ImmutableArray<T>>
        {
            public static readonly SequenceComparer<T> Instance = new SequenceComparer<T>();

            public bool Equals(ImmutableArray<T> x, ImmutableArray<T> y)
            {
                if (x.Length != y.Length)
                {
                    return false;
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!EqualityComparer<T>.Default.Equals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(ImmutableArray<T> obj)
            {
                unchecked
                {
                    var hash = 17;
                    foreach (var item in obj)
                    {
                        hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
                    }

                    return hash;
                }
            }
        }
    }

    /// <summary>An option whose value is a <typeparamref name="T"/>.</summary>
    internal sealed class OptionDefinition<T> : OptionDefinition
    {
        private readonly Func<string, (T Value, string? Problem)> _parse;
        private readonly IEqualityComparer<T> _comparer;

        public OptionDefinition(string key, string defaultText, string description, T defaultValue, Func<string, (T Value, string? Problem)> parse, IEqualityComparer<T> comparer)
            : base(key, defaultText, description)
        {
            Default = defaultValue;
            _parse = parse;
            _comparer = comparer;
        }

        public T Default { get; }

        public override object DefaultValue => Default!;

        public override object Parse(string text, out string? problem)
        {
            var (value, reason) = _parse(text);
            problem = reason;
            return value!;
        }

        public override bool ValueEquals(object left, object right) => _comparer.Equals((T)left, (T)right);

        public override int ValueHash(object value) => _comparer.GetHashCode((T)value);
    }

    /// <summary>A value of a documented key that the analyzer could not take, all or in part.</summary>
    internal readonly struct OptionProblem : IEquatable<OptionProblem>
    {
        public OptionProblem(string key, string value, string reason)
        {
            Key = key;
            Value = value;
            Reason = reason;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }

        public bool Equals(OptionProblem other) =>
            string.Equals(Key, other.Key, StringComparison.Ordinal)
            && string.Equals(Value, other.Value, StringComparison.Ordinal)
            && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is OptionProblem other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Value);
    }
}
