using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PromQL.Analyzers.Detection
{
    /// <summary>
    /// The names that can carry <c>[StringSyntax("PromQL")]</c>: methods and constructors' types (for their
    /// parameters), properties and fields. A string that flows into none of these names needs no semantic model.
    /// Read from syntax for source (declarations only, method bodies skipped) and from metadata tables for
    /// references, each cached by tree or by metadata object, which survive from one compilation to the next.
    /// </summary>
    internal static class StringSyntaxNames
    {
        public const string AttributeName = "StringSyntaxAttribute";
        public const string AttributeNamespace = "System.Diagnostics.CodeAnalysis";
        public const string LanguageName = "PromQL";

        /// <summary>The names a tree declares with the attribute (an argument that is not a literal counts: it may be a constant "PromQL").</summary>
        public static ImmutableHashSet<string> FromTree(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            HashSet<string>? names = null;

            // Attributes sit on declarations only: never descend into bodies or initializers.
            foreach (var node in root.DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or AttributeListSyntax)))
            {
                if (node is not AttributeListSyntax list || list.Target is { Identifier.ValueText: "return" })
                {
                    continue;
                }

                foreach (var attribute in list.Attributes)
                {
                    if (!IsPromQlStringSyntax(attribute))
                    {
                        continue;
                    }

                    var name = list.Parent switch
                    {
                        ParameterSyntax { Parent: ParameterListSyntax { Parent: var owner } } => owner switch
                        {
                            MethodDeclarationSyntax m => m.Identifier.ValueText,
                            ConstructorDeclarationSyntax c => c.Identifier.ValueText,
                            TypeDeclarationSyntax t => t.Identifier.ValueText,
                            _ => null,
                        },
                        ParameterSyntax { Parent: BracketedParameterListSyntax } => "this[]",
                        PropertyDeclarationSyntax p => p.Identifier.ValueText,
                        FieldDeclarationSyntax f => f.Declaration.Variables.Count == 1 ? f.Declaration.Variables[0].Identifier.ValueText : null,
                        _ => null,
                    };

                    if (list.Parent is FieldDeclarationSyntax { Declaration.Variables.Count: > 1 } field)
                    {
                        names ??= new HashSet<string>(StringComparer.Ordinal);
                        foreach (var v in field.Declaration.Variables)
                        {
                            names.Add(v.Identifier.ValueText);
                        }
                    }
                    else if (name is not null)
                    {
                        names ??= new HashSet<string>(StringComparer.Ordinal);
                        names.Add(name);

                        // A record's primary-constructor parameter is also a property of that name.
                        if (list.Parent is ParameterSyntax { Parent.Parent: TypeDeclarationSyntax } parameter)
                        {
                            names.Add(parameter.Identifier.ValueText);
                        }
                    }
                }
            }

            return names is null ? ImmutableHashSet<string>.Empty : names.ToImmutableHashSet(StringComparer.Ordinal);
        }

        private static bool IsPromQlStringSyntax(AttributeSyntax attribute)
        {
            var name = TargetSyntax.RightmostName(attribute.Name);
            if (name != "StringSyntax" && name != AttributeName)
            {
                return false;
            }

            var arguments = attribute.ArgumentList?.Arguments;
            if (arguments is not { Count: > 0 } args)
            {
                return false;
            }

            return args[0].Expression is not LiteralExpressionSyntax literal
                || (literal.IsKind(SyntaxKind.StringLiteralExpression) && string.Equals(literal.Token.ValueText, LanguageName, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The names a metadata assembly declares with the attribute, read from its tables without building symbols.</summary>
        public static ImmutableHashSet<string> FromMetadata(Metadata metadata)
        {
            if (metadata is not AssemblyMetadata assembly)
            {
                return metadata is ModuleMetadata module ? FromModule(module) : ImmutableHashSet<string>.Empty;
            }

            var result = ImmutableHashSet<string>.Empty;
            foreach (var module in assembly.GetModules())
            {
                result = result.Union(FromModule(module));
            }

            return result;
        }

        private static ImmutableHashSet<string> FromModule(ModuleMetadata module)
        {
            var reader = module.GetMetadataReader();

            // Most assemblies never mention the attribute: find its constructors first, or stop.
            var constructors = new HashSet<EntityHandle>();
            foreach (var handle in reader.MemberReferences)
            {
                var member = reader.GetMemberReference(handle);
                if (member.Parent.Kind == HandleKind.TypeReference)
                {
                    var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                    if (reader.StringComparer.Equals(type.Name, AttributeName) && reader.StringComparer.Equals(type.Namespace, AttributeNamespace))
                    {
                        constructors.Add(handle);
                    }
                }
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                if (reader.StringComparer.Equals(type.Name, AttributeName) && reader.StringComparer.Equals(type.Namespace, AttributeNamespace))
                {
                    foreach (var method in type.GetMethods())
                    {
                        constructors.Add(method);
                    }
                }
            }

            if (constructors.Count == 0)
            {
                return ImmutableHashSet<string>.Empty;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            HashSet<ParameterHandle>? parameters = null;
            foreach (var handle in reader.CustomAttributes)
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (!constructors.Contains(attribute.Constructor) || !IsPromQlValue(reader, attribute.Value))
                {
                    continue;
                }

                switch (attribute.Parent.Kind)
                {
                    case HandleKind.Parameter:
                        (parameters ??= new HashSet<ParameterHandle>()).Add((ParameterHandle)attribute.Parent);
                        break;
                    case HandleKind.PropertyDefinition:
                        names.Add(reader.GetString(reader.GetPropertyDefinition((PropertyDefinitionHandle)attribute.Parent).Name));
                        break;
                    case HandleKind.FieldDefinition:
                        names.Add(reader.GetString(reader.GetFieldDefinition((FieldDefinitionHandle)attribute.Parent).Name));
                        break;
                }
            }

            if (parameters is not null)
            {
                foreach (var handle in reader.MethodDefinitions)
                {
                    var method = reader.GetMethodDefinition(handle);
                    foreach (var parameter in method.GetParameters())
                    {
                        if (parameters.Contains(parameter))
                        {
                            var name = reader.GetString(method.Name);
                            names.Add(name == ".ctor" ? StripArity(reader.GetString(reader.GetTypeDefinition(method.GetDeclaringType()).Name)) : name == "get_Item" || name == "set_Item" ? "this[]" : name);
                            break;
                        }
                    }
                }
            }

            return names.ToImmutableHashSet(StringComparer.Ordinal);
        }

        /// <summary>Whether a custom attribute blob's first fixed argument is the string "PromQL" (any case).</summary>
        private static bool IsPromQlValue(MetadataReader reader, BlobHandle value)
        {
            try
            {
                var blob = reader.GetBlobReader(value);
                if (blob.Length < 2 || blob.ReadUInt16() != 1)
                {
                    return false;
                }

                var text = blob.ReadSerializedString();
                return string.Equals(text, LanguageName, StringComparison.OrdinalIgnoreCase);
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static string StripArity(string name)
        {
            var tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }
    }
}
