using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PromQL.Parsing;

namespace PromQL.Analyzers.Rules.Validity
{
    /// <summary>
    /// PROMQL101: a string sent as the <c>match[]</c> of <c>/api/v1/series</c>, <c>/api/v1/labels</c> or
    /// <c>/api/v1/label/&lt;name&gt;/values</c> (<see cref="QueryKind.Selector"/>: in a URL, or through a known client
    /// API's selector parameter or property) that is valid PromQL but not a bare
    /// vector selector, at the token where Prometheus's <c>ParseMetricSelector</c> stops, with its message. A query
    /// that does not parse is PROMQL100's.
    /// </summary>
    internal sealed class NotASeriesSelectorRule : QueryRule
    {
        public static readonly NotASeriesSelectorRule Instance = new NotASeriesSelectorRule();

        private NotASeriesSelectorRule()
        {
        }

        public override ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(PromQL.Analyzers.Descriptors.NotASeriesSelector);

        // Only a marked string has an endpoint.
        public override bool NeedsMarkedQuery => true;

        public override void Analyze(QueryContext query, List<Finding> findings)
        {
            if (query.Kind == QueryKind.Selector && query.Expression is not null && !query.Parse.HasErrors)
            {
                Find(query.Parse.Text, findings);
            }
        }

        /// <summary>The rule over the text of a query that parses.</summary>
        public static void Find(string text, List<Finding> findings)
        {
            if (PromQlParser.MetricSelectorError(text) is { } error)
            {
                findings.Add(new Finding(PromQL.Analyzers.Descriptors.NotASeriesSelector, error.Start, error.End, error.Message));
            }
        }
    }
}
