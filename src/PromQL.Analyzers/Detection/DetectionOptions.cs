using System.Collections.Immutable;
using PromQL.Analyzers.Configuration;

namespace PromQL.Analyzers.Detection
{
    /// <summary>The <c>.editorconfig</c> keys of detection: which strings are PromQL (docs/detection.md).</summary>
    internal static class DetectionOptions
    {
        /// <summary>The user's methods and properties whose string is PromQL (see <see cref="QueryMember"/>).</summary>
        public static readonly OptionDefinition<ImmutableArray<QueryMember>> QueryMethods = OptionDefinition.List<QueryMember>(
            "promql.query_methods",
            "(none)",
            "your methods and properties whose string is PromQL: `[Namespace.]Type.Member[(parameter)]`, comma- or semicolon-separated",
            text => QueryMember.TryParse(text, out var member)
                ? (member, null)
                : (null, "is not [Namespace.]Type.Member or [Namespace.]Type.Member(parameter)"));

        /// <summary>When false, unmarked strings are never read as PromQL.</summary>
        public static readonly OptionDefinition<bool> DetectByContent = OptionDefinition.Boolean(
            "promql.detect_by_content",
            true,
            "when false, unmarked strings are never read as PromQL");

        /// <summary>Detection's keys, in the order the docs list them.</summary>
        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(QueryMethods, DetectByContent);
    }
}
