using System;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>One item of <c>promql.counters</c> and its siblings: a metric name, or a <c>prefix*</c> pattern.</summary>
    internal sealed class MetricNamePattern : IEquatable<MetricNamePattern>
    {
        private MetricNamePattern(string text, bool isPrefix)
        {
            Text = text;
            IsPrefix = isPrefix;
        }

        /// <summary>The name, or the prefix without its <c>*</c>.</summary>
        public string Text { get; }

        public bool IsPrefix { get; }

        public static (MetricNamePattern? Item, string? Problem) Parse(string text)
        {
            var isPrefix = text.EndsWith("*", StringComparison.Ordinal);
            var name = isPrefix ? text.Substring(0, text.Length - 1) : text;
            if (name.Length == 0)
            {
                return (null, "is not a metric name or a prefix* pattern");
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var valid = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
                if (!valid)
                {
                    return (null, "is not a metric name or a prefix* pattern (letters, digits, _ and :, not starting with a digit)");
                }
            }

            return (new MetricNamePattern(name, isPrefix), null);
        }

        /// <summary>Whether <paramref name="name"/> is the name, or starts with the prefix.</summary>
        public bool Matches(string name) =>
            IsPrefix ? name.StartsWith(Text, StringComparison.Ordinal) : string.Equals(name, Text, StringComparison.Ordinal);

        public bool Equals(MetricNamePattern? other) =>
            other is not null && other.IsPrefix == IsPrefix && string.Equals(other.Text, Text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as MetricNamePattern);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text) ^ (IsPrefix ? 1 : 0);

        public override string ToString() => IsPrefix ? Text + "*" : Text;
    }
}
