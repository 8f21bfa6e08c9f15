using System;
using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// The Prometheus HTTP API clients people call from C#, recognised by type and member names so no package
    /// is needed: PrometheusQuerySdk (<c>IPrometheusClient</c>/<c>PrometheusClient</c>), Neon.Kube
    /// (<c>PrometheusClient</c>): the <c>query</c> parameter of <c>QueryAsync</c> and <c>QueryRangeAsync</c>;
    /// Masa (<c>Masa.Utils.Data.Prometheus.Model</c>): the <c>Query</c> property of <c>QueryRequest</c> and
    /// <c>QueryRangeRequest</c>.
    /// </summary>
    internal static class KnownQueryApis
    {
        /// <summary>The member names to test syntactically before asking the semantic model.</summary>
        public static readonly string[] MemberNames = { "QueryAsync", "QueryRangeAsync", "Query" };

        public static bool IsQueryParameter(IParameterSymbol parameter)
        {
            if (parameter.Name != "query" || parameter.Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            return parameter.ContainingSymbol is IMethodSymbol { Name: "QueryAsync" or "QueryRangeAsync" } method
                && method.ContainingType is { Name: "PrometheusClient" or "IPrometheusClient" };
        }

        public static bool IsQueryProperty(ISymbol member)
        {
            // Masa's request types have generic names, so their namespace must mention Prometheus (Masa once spelt it "Promethus").
            return member is IPropertySymbol { Name: "Query", ContainingType: { Name: "QueryRequest" or "QueryRangeRequest" } type }
                && MentionsPrometheus(type.ContainingNamespace);
        }

        private static bool MentionsPrometheus(INamespaceSymbol? ns)
        {
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("Prometheus", StringComparison.OrdinalIgnoreCase) >= 0 || ns.Name.IndexOf("Promethus", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
