using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PromQL.Analyzers.Analysis;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>
    /// Compilations share a declaration epoch exactly when they differ only inside member bodies, or in whitespace and
    /// ordinary comments outside them; directives and <c>lang=</c> comments count as declarations.
    /// </summary>
    public class DeclarationEpochsTests
    {
        private const string Source = """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                const string Metric = "container_memory_rss";

                int P => 1;

                int Q { get { return 2; } }

                void Run([StringSyntax("PromQL")] string query) { }

                int M(int x)
                {
                    return x + 41;
                }
            }
            """;

        private static Compilation Create(string source, params MetadataReference[] extra) =>
            CSharpCompilation.Create(
                "epochs",
                new[] { CSharpSyntaxTree.ParseText(source, path: "C.cs") },
                Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Concat(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static bool SameEpoch(string before, string after)
        {
            var epochs = new DeclarationEpochs();
            return ReferenceEquals(epochs.EpochOf(Create(before)), epochs.EpochOf(Create(after)));
        }

        [Theory]
        [InlineData("return x + 41;", "return x + 421;")]
        [InlineData("int P => 1;", "int P => 12;")]
        [InlineData("get { return 2; }", "get { return 2 + 3; }")]
        [InlineData("string query) { }", "string query) { var unused = 1; }")]
        public void EditInsideABody_SameEpoch(string from, string to) => Assert.True(SameEpoch(Source, Source.Replace(from, to)));

        [Theory]
        [InlineData("[StringSyntax(\"PromQL\")] ", "")]
        [InlineData("\"container_memory_rss\"", "\"node_memory_rss\"")]
        [InlineData("int M(int x)", "int M(long x)")]
        [InlineData("class C", "// lang=promql\nclass C")]
        [InlineData("int P => 1;", "int P { get; } = 1;")]
        [InlineData("using System.Diagnostics.CodeAnalysis;", "#define TRACE\nusing System.Diagnostics.CodeAnalysis;")]
        public void EditOutsideBodies_NewEpoch(string from, string to) => Assert.False(SameEpoch(Source, Source.Replace(from, to)));

        [Theory]
        [InlineData("int P => 1;", "int P => 1; // one")]
        [InlineData("class C\n{", "class C // the class\n{")]
        [InlineData("    int Q", "\n\n    int Q")]
        [InlineData("    int Q", "  int Q")]
        [InlineData("int M(int x)", "int M( int  x )")]
        [InlineData("    const string", "    /* the metric */ const string")]
        [InlineData("    int P", "    /// <summary>One.</summary>\n    int P")]
        [InlineData("    int P", "    // lang is not a marker here\n    int P")]
        [InlineData("string query) { }", "string query) /* empty */ { }")]
        public void EditInTriviaOutsideBodies_SameEpoch(string from, string to)
        {
            Assert.Contains(from, Source);
            Assert.True(SameEpoch(Source, Source.Replace(from, to)));
        }

        [Theory]
        [InlineData("    int P", "    // lang=promql\n    int P")]
        [InlineData("int P => 1;", "int P => 1; /* language = PromQL */")]
        [InlineData("    int Q", "    //LANG=regex\n    int Q")]
        [InlineData("    int Q", "#region Q\n    int Q")]
        [InlineData("    int Q", "#pragma warning disable CS0168\n    int Q")]
        [InlineData("    int Q", "#nullable enable\n    int Q")]
        [InlineData("    int M(", "#if false\n    int Unused() => 0;\n#endif\n    int M(")]
        public void LanguageCommentOrDirectiveOutsideBodies_NewEpoch(string from, string to)
        {
            Assert.Contains(from, Source);
            Assert.False(SameEpoch(Source, Source.Replace(from, to)));
        }

        [Theory]
        [InlineData("// lang=promql", "// lang=regex")]
        [InlineData("// lang=promql", "// lang=promql ")]
        [InlineData("// lang=promql", "// notes")]
        [InlineData("#region P", "#region Q")]
        [InlineData("#region P", "#region P\n#endregion\n#region P2")]
        public void MarkerOrDirectiveChanged_NewEpoch(string from, string to)
        {
            var marked = Source.Replace("    int P", "#region P\n    // lang=promql\n    int P").Replace("    int Q", "#endregion\n    int Q");
            Assert.False(SameEpoch(marked, marked.Replace(from, to)));
        }

        [Fact]
        public void MarkerOrDirectiveUnchanged_CommentBesideThemEdited_SameEpoch()
        {
            var marked = Source.Replace("    int P", "#region P\n    // lang=promql\n    // notes\n    int P").Replace("    int Q", "#endregion\n    int Q");
            Assert.True(SameEpoch(marked, marked.Replace("// notes", "// more notes")));
        }

        [Theory]
        [InlineData("return x + 41;", "return x + 421;")]
        [InlineData("    int Q", "    // the second property\n    int Q")]
        [InlineData("    int Q", "\n    int Q")]
        public void IncrementalReparse_EditInABodyOrInTrivia_SameEpoch(string from, string to)
        {
            // As in the IDE: the edited text reparsed incrementally, the tree replaced in a new compilation.
            var epochs = new DeclarationEpochs();
            var compilation = Create(Source);
            var tree = compilation.SyntaxTrees.Single();
            var at = Source.IndexOf(from, StringComparison.Ordinal);
            var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(at, from.Length), to)));
            Assert.Same(epochs.EpochOf(compilation), epochs.EpochOf(compilation.ReplaceSyntaxTree(tree, edited)));
        }

        [Fact]
        public void IncrementalReparse_LanguageCommentAdded_NewEpoch()
        {
            var epochs = new DeclarationEpochs();
            var compilation = Create(Source);
            var tree = compilation.SyntaxTrees.Single();
            var at = Source.IndexOf("    int Q", StringComparison.Ordinal);
            var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(at, 0), "    // lang=promql\n")));
            Assert.NotSame(epochs.EpochOf(compilation), epochs.EpochOf(compilation.ReplaceSyntaxTree(tree, edited)));
        }

        [Fact]
        public void EditInsideABodyWithDirectives_NewEpoch()
        {
            var withDirective = Source.Replace("return x + 41;", "#if DEBUG\n        return x;\n#endif\n        return x + 41;");
            Assert.False(SameEpoch(withDirective, withDirective.Replace("return x + 41;", "return x + 421;")));
        }

        [Fact]
        public void OtherReferences_NewEpoch()
        {
            var epochs = new DeclarationEpochs();
            var extra = Create("class D { }").ToMetadataReference();
            Assert.NotSame(epochs.EpochOf(Create(Source)), epochs.EpochOf(Create(Source, extra)));
        }

        [Fact]
        public void SameTreesAgain_SameEpoch_AndUnrelatedCompilationsDoNotEvictIt()
        {
            var epochs = new DeclarationEpochs();
            var compilation = Create(Source);
            var epoch = epochs.EpochOf(compilation);
            for (var i = 0; i < DeclarationEpochs.MaxSnapshots - 1; i++)
            {
                epochs.EpochOf(Create("class Other" + i + " { }"));
            }

            Assert.Same(epoch, epochs.EpochOf(compilation.AddSyntaxTrees().RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees)));
        }
    }
}
