using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PromQL.Analyzers.Editor.Tests.Workspace
{
    /// <summary>
    /// The code-fix providers a project's analyzer references carry, found as an IDE host finds them: the
    /// exported (<see cref="ExportCodeFixProviderAttribute"/>) non-abstract <see cref="CodeFixProvider"/>
    /// types of each reference's assembly, for C#. Roslyn's own way (<c>AnalyzerReference.GetFixers</c>)
    /// is not public in every version, so this reads the assemblies the references already loaded.
    /// </summary>
    internal static class ProjectCodeFixes
    {
        public static IReadOnlyList<CodeFixProvider> In(IEnumerable<AnalyzerReference> references) =>
            references
                .OfType<AnalyzerFileReference>()
                .SelectMany(reference => ExportedTypes(reference.GetAssembly()))
                .Where(IsCSharpCodeFixProvider)
                .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
                .ToList();

        private static bool IsCSharpCodeFixProvider(Type type) =>
            !type.IsAbstract
            && typeof(CodeFixProvider).IsAssignableFrom(type)
            && type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(export => export.Languages.Contains(LanguageNames.CSharp));

        private static IEnumerable<Type> ExportedTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetExportedTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                // Some types need what this host lacks (say, a newer Roslyn): the others are still searched,
                // as a host skips what it cannot load.
                return ex.Types.Where(type => type is not null && type.IsPublic)!;
            }
        }
    }
}
