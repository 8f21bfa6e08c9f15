using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PromQL.Analyzers.Analysis;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Text;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using Xunit;

namespace PromQL.Analyzers.Tests.Meta
{
    /// <summary>
    /// CONTRIBUTING.md's "Adding a rule", followed on a throwaway rule: its class and its descriptor are all the code
    /// there is. Nothing registers it; the registry finds it, the pipeline runs it, its descriptor becomes supported,
    /// and the meta-checks name the two pieces it still lacks (its page and its release row).
    /// </summary>
    public class AddARuleTests
    {
        private static readonly ImmutableArray<QueryRule> WithThrowaway =
            RuleRegistry.Discover(typeof(QueryRule).Assembly.GetTypes().Append(typeof(BareUpRule)));

        [Fact]
        public void Registry_FindsTheNewRule_InIdOrder()
        {
            var ids = WithThrowaway.Select(r => r.Descriptors[0].Id).ToList();
            Assert.Equal(RuleRegistry.All.Select(r => r.Descriptors[0].Id).Append(BareUpRule.Id).OrderBy(id => id, System.StringComparer.Ordinal), ids);
            var supported = RuleRegistry.CollectDescriptors(WithThrowaway).Select(d => d.Id).ToList();
            Assert.Contains(BareUpRule.Id, supported);
            Assert.Equal(DiagnosticIds.InvalidOption, supported[supported.Count - 1]);
        }

        [Fact]
        public void Pipeline_RunsTheNewRule_AndMapsItToSource()
        {
            const string source = "class C { string Q = @\"sum(up) / count(up{job=\"\"x\"\"})\"; }";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ExpressionSyntax>().First(StringExpressions.IsRoot);
            var text = StringExpressions.Read(root, null, default);
            var diagnostics = QueryPipeline.RunRules(WithThrowaway, text, PromQlParser.Parse(text.Text), marked: true, PromQlAnalyzerOptions.Default);
            var found = Assert.Single(diagnostics, d => d.Descriptor.Id == BareUpRule.Id);
            Assert.Equal(source.IndexOf("up)", System.StringComparison.Ordinal), found.Span.Start);
            Assert.Equal("up", source.Substring(found.Span.Start, found.Span.Length));
        }

        [Fact]
        public void MetaChecks_NameWhatTheNewRuleLacks()
        {
            Assert.Equal(
                new[] { "no constant in DiagnosticIds", "no page docs/rules/PROMQL099.md", "0 release rows" },
                RulePieces.Missing(BareUpRule.Descriptor));
        }

        [Fact]
        public void EveryShippedRule_HasEveryPiece() =>
            Assert.All(RuleRegistry.SupportedDiagnostics, d => Assert.Empty(RulePieces.Missing(d)));

        [Fact]
        public void EveryRuleTypeOfTheAnalyzer_IsRegistered()
        {
            // Discover leaves out a rule type without a static Instance of its own type, rather than fail to load.
            var ruleTypes = typeof(QueryRule).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(QueryRule).IsAssignableFrom(t));
            Assert.Equal(ruleTypes.OrderBy(t => t.FullName), RuleRegistry.All.Select(r => r.GetType()).OrderBy(t => t.FullName));
        }

        [Fact]
        public void RuleTypeWithoutInstance_IsLeftOut() =>
            Assert.Empty(RuleRegistry.Discover(new[] { typeof(NoInstanceRule) }));

        /// <summary>PROMQL099 (throwaway): a bare <c>up</c> selector.</summary>
        internal sealed class BareUpRule : QueryRule
        {
            public const string Id = "PROMQL099";

            // Release tracking is the shipped analyzer's: a rule defined in a test is never released.
#pragma warning disable RS2008
            public static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
                Id, "Bare up selector", "up without matchers", "PromQL.Correctness", DiagnosticSeverity.Warning, true,
                "A throwaway rule for the worked example.", PromQL.Analyzers.Descriptors.HelpLinkBase + Id + ".md");
#pragma warning restore RS2008

            public static readonly BareUpRule Instance = new BareUpRule();

            public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(Descriptor);

            public override void Analyze(QueryContext query, List<Finding> findings)
            {
                foreach (var node in query.Expression!.DescendantsAndSelf())
                {
                    if (node is VectorSelector { Name: "up", Matchers.Count: 0 } selector)
                    {
                        findings.Add(new Finding(Descriptor, selector.Start, selector.End));
                    }
                }
            }
        }

        internal sealed class NoInstanceRule : QueryRule
        {
            public override ImmutableArray<DiagnosticDescriptor> Descriptors => ImmutableArray.Create(BareUpRule.Descriptor);

            public override void Analyze(QueryContext query, List<Finding> findings)
            {
            }
        }
    }
}
