using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PromQL.Analyzers.Analysis;
using Xunit;

namespace PromQL.Analyzers.Tests.Analysis
{
    /// <summary>Compilations share a declaration epoch exactly when they differ only inside member bodies.</summary>
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
