using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Analyzers.Rules;

namespace PromQL.Analyzers.Detection
{
    /// <summary>How a known API takes a query: what syntax sees at the call site.</summary>
    internal enum KnownMemberShape
    {
        /// <summary>A method's parameter: an argument of a call to the method.</summary>
        Method,

        /// <summary>A property: an assignment or an object-initializer entry.</summary>
        Property,

        /// <summary>A constructor's parameter (a positional record's): an argument of <c>new T(...)</c>.</summary>
        Constructor,
    }

    /// <summary>
    /// One member of a known client API that takes PromQL: where it is declared (namespace and type names, matched
    /// exactly), its name, its parameter, and how Prometheus runs what it is given.
    /// </summary>
    internal sealed class KnownMember
    {
        private KnownMember(KnownApiTypes family, ImmutableArray<string> namespaces, ImmutableArray<string> typeNames, KnownMemberShape shape, string name, string? parameterName, QueryKind kind)
        {
            Family = family;
            Namespaces = namespaces;
            TypeNames = typeNames;
            Shape = shape;
            Name = name;
            ParameterName = parameterName;
            Kind = kind;
        }

        /// <summary>The flag of its declaring types in <see cref="KnownApiTypes"/>: no such type in sight, no semantic look.</summary>
        public KnownApiTypes Family { get; }

        /// <summary>The namespaces its declaring type may be in, in full.</summary>
        public ImmutableArray<string> Namespaces { get; }

        /// <summary>The names of its declaring types (top-level types of <see cref="Namespaces"/>).</summary>
        public ImmutableArray<string> TypeNames { get; }

        public KnownMemberShape Shape { get; }

        /// <summary>The name syntax sees: the method's, the property's, or for a constructor its type's.</summary>
        public string Name { get; }

        /// <summary>The parameter of a method or constructor; null for a property.</summary>
        public string? ParameterName { get; }

        /// <summary>How Prometheus runs the string: the endpoint the library sends it to.</summary>
        public QueryKind Kind { get; }

        /// <summary>The syntactic target an argument or assignment to this member has (see <see cref="TargetSyntax"/>).</summary>
        public TargetKind TargetKind => Shape switch
        {
            KnownMemberShape.Method => TargetKind.MethodArgument,
            KnownMemberShape.Constructor => TargetKind.ConstructorArgument,
            _ => TargetKind.MemberAssignment,
        };

        public static KnownMember Method(KnownApiTypes family, ImmutableArray<string> namespaces, ImmutableArray<string> typeNames, string name, string parameterName, QueryKind kind) =>
            new KnownMember(family, namespaces, typeNames, KnownMemberShape.Method, name, parameterName, kind);

        public static KnownMember Property(KnownApiTypes family, ImmutableArray<string> namespaces, string typeName, string name, QueryKind kind) =>
            new KnownMember(family, namespaces, ImmutableArray.Create(typeName), KnownMemberShape.Property, name, null, kind);

        public static KnownMember Constructor(KnownApiTypes family, ImmutableArray<string> namespaces, string typeName, string parameterName, QueryKind kind) =>
            new KnownMember(family, namespaces, ImmutableArray.Create(typeName), KnownMemberShape.Constructor, typeName, parameterName, kind);
    }

    /// <summary>
    /// The Prometheus HTTP API clients people call from C#, recognised by namespace, type and member names so no
    /// package is needed, each member with the <see cref="QueryKind"/> of the endpoint it sends its string to. An
    /// app's own <c>PrometheusClient</c> or <c>QueryRequest</c> in another namespace is not one of them.
    /// <para>What was read to learn these shapes (reference only, nothing copied):</para>
    /// <list type="bullet">
    /// <item>PrometheusQuerySdk (NuGet <c>PrometheusQuerySdk</c>): revacomm/prom-query-dotnet
    /// <c>prom-query-dotnet/IPrometheusClient.cs</c>, <c>PrometheusClient.cs</c>, <c>Models/QueryPostRequest.cs</c>,
    /// <c>Models/QueryRangePostRequest.cs</c> (2023-08). Namespace <c>PrometheusQuerySdk</c> (the clients),
    /// <c>PrometheusQuerySdk.Models</c> (the positional records <c>QueryPostRequest(Query, Timestamp, Timeout)</c> and
    /// <c>QueryRangePostRequest(Query, Start, End, Step, Timeout)</c>, sent by <c>QueryPostAsync</c> and
    /// <c>QueryRangePostAsync</c>). <c>QueryAsync(query, …)</c> and <c>QueryRangeAsync(query, …)</c> are on the
    /// interface and the class; the metadata methods, on the class only, send each element of a <c>string[]</c> as
    /// <c>match[]</c>: <c>LabelsAsync</c>/<c>LabelsPostAsync(labels, …)</c>, <c>LabelValueAsync(labelKey,
    /// seriesSelectors, …)</c>, <c>SeriesAsync</c>/<c>SeriesPostAsync(seriesSelectors, …)</c>, and
    /// <c>LabelValuePostAsync(labelKey, seriesSelectors, …)</c> in an earlier version. The first commits spelt the
    /// namespace <c>PrometheusQuerySdK</c>; it was renamed the same day, before any release.</item>
    /// <item>Neon.Kube: nforgeio/neonKUBE <c>Lib/Neon.Kube/Prometheus/PrometheusClient.cs</c> (2022–2024). Namespace
    /// <c>Neon.Kube</c>, class <c>PrometheusClient</c>: <c>QueryAsync(query, cancellationToken)</c> to
    /// <c>api/v1/query</c>, <c>QueryRangeAsync(query, start, end, stepSize, …)</c> to <c>api/v1/query_range</c>
    /// (<c>stepSize</c> a <c>string</c> in 2022, a <c>TimeSpan</c> since).</item>
    /// <item>Masa: masastack/MASA.Framework <c>src/Utils/Data/Masa.Utils.Data.Prometheus/Model/Request/</c>
    /// (namespace <c>Masa.Utils.Data.Prometheus.Model</c>) and its predecessor masastack/MASA.Utils
    /// <c>Masa.Utils.Data.Promethus/Model/Request/</c> (namespace <c>Masa.Utils.Data.Promethus.Model</c>, so spelt):
    /// <c>QueryRequest.Query</c> (<c>QueryAsync</c>, /query), <c>QueryRangeRequest.Query</c> (/query_range),
    /// <c>QueryExemplarRequest.Query</c> (/query_exemplars), and <c>MetaDataQueryRequest.Match</c>, an
    /// <c>IEnumerable&lt;string&gt;</c> of <c>match[]</c> selectors for /series and /labels, inherited by
    /// <c>LableValueQueryRequest</c> (/label/&lt;name&gt;/values).</item>
    /// <item>Google Cloud Managed Service for Prometheus (NuGet <c>Google.Apis.Monitoring.v1</c>):
    /// googleapis/google-api-dotnet-client <c>Src/Generated/Google.Apis.Monitoring.v1/Google.Apis.Monitoring.v1.cs</c>
    /// and <c>DiscoveryJson/monitoring.v1.json</c> (revision 20240721). Namespace <c>Google.Apis.Monitoring.v1.Data</c>:
    /// the request bodies of <c>projects.location.prometheus.api.v1.*</c>, <c>QueryInstantRequest.Query</c> (query),
    /// <c>QueryRangeRequest.Query</c> (query_range), <c>QueryExemplarsRequest.Query</c> (query_exemplars) and
    /// <c>QueryLabelsRequest.Match</c> (labels: "matchers encoded in the Prometheus label matcher format"), all
    /// <c>string</c>.</item>
    /// </list>
    /// </summary>
    internal static class KnownQueryApis
    {
        private static readonly ImmutableArray<string> QuerySdk = ImmutableArray.Create("PrometheusQuerySdk");
        private static readonly ImmutableArray<string> QuerySdkModels = ImmutableArray.Create("PrometheusQuerySdk.Models");
        private static readonly ImmutableArray<string> QuerySdkClients = ImmutableArray.Create("PrometheusClient", "IPrometheusClient");
        private static readonly ImmutableArray<string> NeonKube = ImmutableArray.Create("Neon.Kube");
        private static readonly ImmutableArray<string> NeonClient = ImmutableArray.Create("PrometheusClient");
        private static readonly ImmutableArray<string> Masa = ImmutableArray.Create("Masa.Utils.Data.Prometheus.Model", "Masa.Utils.Data.Promethus.Model");
        private static readonly ImmutableArray<string> GoogleData = ImmutableArray.Create("Google.Apis.Monitoring.v1.Data");

        /// <summary>Every known member: the one list detection's syntactic gate, type gate and semantic check read.</summary>
        public static readonly ImmutableArray<KnownMember> Members = ImmutableArray.Create(
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "QueryAsync", "query", QueryKind.Instant),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "QueryRangeAsync", "query", QueryKind.Range),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "LabelsAsync", "labels", QueryKind.Selector),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "LabelsPostAsync", "labels", QueryKind.Selector),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "LabelValueAsync", "seriesSelectors", QueryKind.Selector),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "LabelValuePostAsync", "seriesSelectors", QueryKind.Selector),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "SeriesAsync", "seriesSelectors", QueryKind.Selector),
            KnownMember.Method(KnownApiTypes.Clients, QuerySdk, QuerySdkClients, "SeriesPostAsync", "seriesSelectors", QueryKind.Selector),
            KnownMember.Constructor(KnownApiTypes.PostRequests, QuerySdkModels, "QueryPostRequest", "Query", QueryKind.Instant),
            KnownMember.Property(KnownApiTypes.PostRequests, QuerySdkModels, "QueryPostRequest", "Query", QueryKind.Instant),
            KnownMember.Constructor(KnownApiTypes.PostRequests, QuerySdkModels, "QueryRangePostRequest", "Query", QueryKind.Range),
            KnownMember.Property(KnownApiTypes.PostRequests, QuerySdkModels, "QueryRangePostRequest", "Query", QueryKind.Range),
            KnownMember.Method(KnownApiTypes.Clients, NeonKube, NeonClient, "QueryAsync", "query", QueryKind.Instant),
            KnownMember.Method(KnownApiTypes.Clients, NeonKube, NeonClient, "QueryRangeAsync", "query", QueryKind.Range),
            KnownMember.Property(KnownApiTypes.Requests, Masa, "QueryRequest", "Query", QueryKind.Instant),
            KnownMember.Property(KnownApiTypes.Requests, Masa, "QueryRangeRequest", "Query", QueryKind.Range),
            KnownMember.Property(KnownApiTypes.Requests, Masa, "QueryExemplarRequest", "Query", QueryKind.Exemplars),
            KnownMember.Property(KnownApiTypes.SelectorRequests, Masa, "MetaDataQueryRequest", "Match", QueryKind.Selector),
            KnownMember.Property(KnownApiTypes.Requests, GoogleData, "QueryInstantRequest", "Query", QueryKind.Instant),
            KnownMember.Property(KnownApiTypes.Requests, GoogleData, "QueryRangeRequest", "Query", QueryKind.Range),
            KnownMember.Property(KnownApiTypes.Requests, GoogleData, "QueryExemplarsRequest", "Query", QueryKind.Exemplars),
            KnownMember.Property(KnownApiTypes.SelectorRequests, GoogleData, "QueryLabelsRequest", "Match", QueryKind.Selector));

        /// <summary>
        /// The families (<see cref="KnownApiTypes"/>) of the known members a syntactic target (its kind and name, from
        /// <see cref="TargetSyntax"/>) may be: the question asked before any semantic model, and before asking which
        /// types are in sight. A constructor whose type is not written (<c>new(...)</c>) may be any known constructor.
        /// </summary>
        public static KnownApiTypes FamiliesNamed(TargetKind kind, string name)
        {
            var families = KnownApiTypes.None;
            foreach (var member in Members)
            {
                if (member.TargetKind == kind && (member.Name == name || (name.Length == 0 && kind == TargetKind.ConstructorArgument)))
                {
                    families |= member.Family;
                }
            }

            return families;
        }

        public static bool IsQueryParameter(IParameterSymbol parameter) => IsQueryParameter(parameter, out _);

        /// <summary>Whether the parameter takes a known API's query, and how that API runs it.</summary>
        public static bool IsQueryParameter(IParameterSymbol parameter, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (parameter.ContainingSymbol is not IMethodSymbol { ContainingType: { } type } method || !IsText(parameter.Type))
            {
                return false;
            }

            var shape = method.MethodKind == MethodKind.Constructor ? KnownMemberShape.Constructor : KnownMemberShape.Method;
            var name = shape == KnownMemberShape.Constructor ? type.Name : method.Name;
            foreach (var member in Members)
            {
                if (member.Shape == shape && member.Name == name && member.ParameterName == parameter.Name && IsDeclaringType(type, member))
                {
                    kind = member.Kind;
                    return true;
                }
            }

            return false;
        }

        public static bool IsQueryProperty(ISymbol member) => IsQueryProperty(member, out _);

        /// <summary>Whether the property takes a known API's query, and how that API runs it.</summary>
        public static bool IsQueryProperty(ISymbol member, out QueryKind kind)
        {
            kind = QueryKind.Unknown;
            if (member is not IPropertySymbol { ContainingType: { } type } property || !IsText(property.Type))
            {
                return false;
            }

            foreach (var known in Members)
            {
                if (known.Shape == KnownMemberShape.Property && known.Name == property.Name && IsDeclaringType(type, known))
                {
                    kind = known.Kind;
                    return true;
                }
            }

            return false;
        }

        /// <summary>A top-level type of one of the member's names and namespaces.</summary>
        private static bool IsDeclaringType(INamedTypeSymbol type, KnownMember member)
        {
            if (type.ContainingType is not null || !member.TypeNames.Contains(type.Name))
            {
                return false;
            }

            foreach (var ns in member.Namespaces)
            {
                if (NamespaceIs(type.ContainingNamespace, ns))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="ns"/> is the dotted namespace <paramref name="name"/>, compared part by part without building its name.</summary>
        internal static bool NamespaceIs(INamespaceSymbol? ns, string name)
        {
            var end = name.Length;
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                var dot = name.LastIndexOf('.', end - 1);
                var part = ns.Name;
                if (end - dot - 1 != part.Length || string.CompareOrdinal(name, dot + 1, part, 0, part.Length) != 0)
                {
                    return false;
                }

                if (dot < 0)
                {
                    return ns.ContainingNamespace is { IsGlobalNamespace: true };
                }

                end = dot;
            }

            return false;
        }

        /// <summary>A string, or a collection of them (a selector list: <c>string[]</c>, <c>IEnumerable&lt;string&gt;</c>).</summary>
        private static bool IsText(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String
            || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String }
            || (type is INamedTypeSymbol { TypeArguments.Length: 1 } named
                && named.TypeArguments[0].SpecialType == SpecialType.System_String
                && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
    }
}
