using System;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

namespace PromQL.Analyzers.Detection
{
    /// <summary>Which families of <see cref="KnownQueryApis"/> types a compilation can see, by type name.</summary>
    [Flags]
    internal enum KnownApiTypes
    {
        None = 0,

        /// <summary>A type named <c>PrometheusClient</c> or <c>IPrometheusClient</c>: <c>QueryAsync</c> and <c>QueryRangeAsync</c> may be theirs.</summary>
        Clients = 1,

        /// <summary>A type named <c>QueryRequest</c> or <c>QueryRangeRequest</c>: <c>Query</c> may be theirs.</summary>
        Requests = 2,
    }

    /// <summary>
    /// Finds the known query API types by name, so that a call to some other <c>QueryAsync</c> (Dapper's, say) or a
    /// <c>Query</c> property of another type never reaches the semantic model: <see cref="KnownQueryApis"/> accepts
    /// only members of types with these names. Source is asked through the declaration index, metadata through its
    /// type-definition table (without building symbols).
    /// </summary>
    internal static class KnownApiTypeNames
    {
        private static readonly string[] ClientNames = { "PrometheusClient", "IPrometheusClient" };
        private static readonly string[] RequestNames = { "QueryRequest", "QueryRangeRequest" };

        public static KnownApiTypes InSource(Compilation compilation)
        {
            var found = KnownApiTypes.None;
            if (Array.Exists(ClientNames, name => compilation.ContainsSymbolsWithName(name, SymbolFilter.Type)))
            {
                found |= KnownApiTypes.Clients;
            }

            if (Array.Exists(RequestNames, name => compilation.ContainsSymbolsWithName(name, SymbolFilter.Type)))
            {
                found |= KnownApiTypes.Requests;
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
                var name = reader.GetTypeDefinition(handle).Name;
                if (Matches(reader, name, ClientNames))
                {
                    found |= KnownApiTypes.Clients;
                }
                else if (Matches(reader, name, RequestNames))
                {
                    found |= KnownApiTypes.Requests;
                }
            }

            return found;
        }

        /// <summary>The name, or the name of a generic type (<c>Name`1</c>).</summary>
        private static bool Matches(MetadataReader reader, StringHandle name, string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                if (reader.StringComparer.Equals(name, candidate) || reader.StringComparer.StartsWith(name, candidate + "`"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
