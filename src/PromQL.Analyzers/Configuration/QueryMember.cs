using System;

namespace PromQL.Analyzers.Configuration
{
    /// <summary>
    /// A method or property whose string is PromQL, as a user lists it in <c>promql.query_methods</c>:
    /// <c>Type.Member</c>, optionally namespace-qualified (<c>MyCompany.Metrics.MetricsClient.Run</c>), optionally
    /// naming the parameter (<c>MetricsClient.Run(expr)</c>). A method without a named parameter takes its
    /// parameter called <c>query</c>, else its first <c>string</c> parameter. A property takes its assigned value.
    /// </summary>
    internal sealed class QueryMember : IEquatable<QueryMember>
    {
        public QueryMember(string? containingNamespace, string typeName, string memberName, string? parameterName)
        {
            ContainingNamespace = containingNamespace;
            TypeName = typeName;
            MemberName = memberName;
            ParameterName = parameterName;
        }

        /// <summary>The namespace the type must be in, or null for any.</summary>
        public string? ContainingNamespace { get; }

        /// <summary>The type's simple name (without generic arity).</summary>
        public string TypeName { get; }

        /// <summary>The method or property name.</summary>
        public string MemberName { get; }

        /// <summary>The parameter that takes the query, or null for the default choice.</summary>
        public string? ParameterName { get; }

        public static bool TryParse(string text, out QueryMember member)
        {
            member = null!;
            string? parameter = null;
            var open = text.IndexOf('(');
            if (open >= 0)
            {
                var close = text.IndexOf(')', open + 1);
                if (close < 0)
                {
                    return false;
                }

                parameter = text.Substring(open + 1, close - open - 1).Trim();
                if (parameter.Length == 0 || !IsIdentifier(parameter))
                {
                    return false;
                }

                text = text.Substring(0, open);
            }

            var parts = text.Trim().Split('.');
            if (parts.Length < 2)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (!IsIdentifier(part))
                {
                    return false;
                }
            }

            var ns = parts.Length > 2 ? string.Join(".", parts, 0, parts.Length - 2) : null;
            member = new QueryMember(ns, parts[parts.Length - 2], parts[parts.Length - 1], parameter);
            return true;
        }

        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Value equality: options read anew for each compilation compare equal (they are a cache key).</summary>
        public bool Equals(QueryMember? other) =>
            other is not null
            && string.Equals(ContainingNamespace, other.ContainingNamespace, StringComparison.Ordinal)
            && string.Equals(TypeName, other.TypeName, StringComparison.Ordinal)
            && string.Equals(MemberName, other.MemberName, StringComparison.Ordinal)
            && string.Equals(ParameterName, other.ParameterName, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as QueryMember);

        public override int GetHashCode()
        {
            unchecked
            {
                return (StringComparer.Ordinal.GetHashCode(TypeName) * 31) + StringComparer.Ordinal.GetHashCode(MemberName);
            }
        }

        public override string ToString() =>
            (ContainingNamespace is null ? "" : ContainingNamespace + ".") + TypeName + "." + MemberName + (ParameterName is null ? "" : "(" + ParameterName + ")");
    }
}
