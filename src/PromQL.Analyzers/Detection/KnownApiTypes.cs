using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Detection
{
    /// <summary>Which families of <see cref="KnownQueryApis"/> types a compilation can see, by type name.</summary>
    [Flags]
    internal enum KnownApiTypes
    {
        None = 0,

        /// <summary>PrometheusQuerySdk's <c>PrometheusClient</c>/<c>IPrometheusClient</c>, Neon.Kube's <c>PrometheusClient</c>: their methods' parameters.</summary>
        Clients = 1,

        /// <summary>Masa's and Google's request types (<c>QueryRequest</c>, <c>QueryInstantRequest</c>, …): their <c>Query</c> property.</summary>
        Requests = 2,

        /// <summary>PrometheusQuerySdk's positional records <c>QueryPostRequest</c>/<c>QueryRangePostRequest</c>: their constructor's and property's <c>Query</c>.</summary>
        PostRequests = 4,

        /// <summary>Masa's <c>MetaDataQueryRequest</c>, Google's <c>QueryLabelsRequest</c>: their <c>Match</c> property of series selectors.</summary>
        SelectorRequests = 8,

        All = Clients | Requests | PostRequests | SelectorRequests,
    }

    /// <summary>
    /// Finds the known query API types by name, so that a call to some other <c>QueryAsync</c> (Dapper's, say) or a
    /// <c>Query</c> property of another type never reaches the semantic model: <see cref="KnownQueryApis"/> accepts
    /// only members of types with these names. Source is asked through the declaration index (by name: it holds no
    /// namespaces), metadata through its type-definition table, by namespace and name (without building symbols).
    /// </summary>
    internal static class KnownApiTypeNames
    {
        /// <summary>Each declaring type of <see cref="KnownQueryApis.Members"/> once: its namespace, name and family.</summary>
        internal static readonly ImmutableArray<(string Namespace, string Name, KnownApiTypes Family)> Types = CollectTypes();

        public static KnownApiTypes InSource(Compilation compilation)
        {
            var found = KnownApiTypes.None;
            foreach (var type in Types)
            {
                if ((found & type.Family) == 0 && compilation.ContainsSymbolsWithName(type.Name, SymbolFilter.Type))
                {
                    found |= type.Family;
                }
            }

            return found;
        }

        public static KnownApiTypes InMetadata(Metadata metadata)
        {
            var found = KnownApiTypes.None;
            if (metadata is AssemblyMetadata assembly)
            {
                foreach (var module in assembly.GetModules())
                {
                    found |= InModule(module);
                }
            }
            else if (metadata is ModuleMetadata module)
            {
                found |= InModule(module);
            }

            return found;
        }

        private static KnownApiTypes InModule(ModuleMetadata module)
        {
            var reader = module.GetMetadataReader();
            var found = KnownApiTypes.None;
            foreach (var handle in reader.TypeDefinitions)
            {
                var definition = reader.GetTypeDefinition(handle);
                foreach (var type in Types)
                {
                    // The name first: it differs for nearly every type.
                    if ((found & type.Family) == 0
                        && reader.StringComparer.Equals(definition.Name, type.Name)
                        && reader.StringComparer.Equals(definition.Namespace, type.Namespace))
                    {
                        found |= type.Family;
                    }
                }

                if (found == KnownApiTypes.All)
                {
                    break;
                }
            }

            return found;
        }

        private static ImmutableArray<(string Namespace, string Name, KnownApiTypes Family)> CollectTypes()
        {
            var types = new List<(string, string, KnownApiTypes)>();
            foreach (var member in KnownQueryApis.Members)
            {
                foreach (var ns in member.Namespaces)
                {
                    foreach (var name in member.TypeNames)
                    {
                        if (!types.Contains((ns, name, member.Family)))
                        {
                            types.Add((ns, name, member.Family));
                        }
                    }
                }
            }

            return types.ToImmutableArray();
        }
    }
}
