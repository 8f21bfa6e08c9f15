using System.Collections.Generic;
using System.Linq;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>
    /// One series of a rule unit test's <c>input_series</c>: its metric name, labels and values in promtool's
    /// expanding notation (<c>'100x40'</c>: 41 samples of 100; <c>'0+15x40'</c>: 0, 15, 30, …).
    /// </summary>
    public sealed class InputSeries
    {
        public InputSeries(string metric, IReadOnlyDictionary<string, string> labels, string values)
        {
            Metric = metric;
            Labels = labels;
            Values = values;
        }

        public string Metric { get; }

        /// <summary>The labels besides the name.</summary>
        public IReadOnlyDictionary<string, string> Labels { get; }

        public string Values { get; }

        /// <summary>The value of one label, or empty when the series does not carry it (as PromQL sees a missing label).</summary>
        public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;

        /// <summary>The series in PromQL's notation: <c>metric{a="1", b="2"}</c>.</summary>
        public string SeriesText => Metric + EngineSample.FormatLabels(Labels.ToDictionary(l => l.Key, l => l.Value));

        public override string ToString() => SeriesText + " " + Values;
    }
}
