using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>One sample of an instant query's result: a label set (with <c>__name__</c> when the engine keeps it) and a value.</summary>
    public sealed class EngineSample
    {
        public EngineSample(IReadOnlyDictionary<string, string> labels, double value)
        {
            Labels = new SortedDictionary<string, string>(labels.ToDictionary(l => l.Key, l => l.Value), StringComparer.Ordinal);
            Value = value;
        }

        /// <summary>The labels, sorted by name (ordinal), as Prometheus sorts them.</summary>
        public IReadOnlyDictionary<string, string> Labels { get; }

        public double Value { get; }

        /// <summary>The label set in PromQL's series notation, <c>{a="1", b="2"}</c>: what promtool reads in <c>exp_samples</c>.</summary>
        public string LabelsText => FormatLabels(Labels);

        /// <summary>The label set without <c>__name__</c>, for comparing series whose name an operator dropped.</summary>
        public string LabelsKey => FormatLabels(Labels.Where(l => l.Key != "__name__").ToDictionary(l => l.Key, l => l.Value));

        public override string ToString() => LabelsText + " " + Value.ToString("R", CultureInfo.InvariantCulture);

        internal static string FormatLabels(IReadOnlyDictionary<string, string> labels)
        {
            var text = new StringBuilder("{");
            foreach (var label in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (text.Length > 1)
                {
                    text.Append(", ");
                }

                text.Append(label.Key).Append("=\"");
                foreach (var c in label.Value)
                {
                    switch (c)
                    {
                        case '\\': text.Append("\\\\"); break;
                        case '"': text.Append("\\\""); break;
                        case '\n': text.Append("\\n"); break;
                        default: text.Append(c); break;
                    }
                }

                text.Append('"');
            }

            return text.Append('}').ToString();
        }
    }
}
