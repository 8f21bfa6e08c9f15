using System;
using System.Linq;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>Comparisons of engine results that tolerate floating-point rounding (rates, ratios).</summary>
    public static class EngineResults
    {
        private const double RelativeTolerance = 1e-9;

        /// <summary>Whether two results hold the same label sets with the same values (within rounding), and neither is an error.</summary>
        public static bool SameSeries(EngineResult left, EngineResult right)
        {
            if (left.Error is not null || right.Error is not null || left.Samples.Count != right.Samples.Count)
            {
                return false;
            }

            var rightByLabels = right.Samples.ToDictionary(s => s.LabelsText, StringComparer.Ordinal);
            return left.Samples.All(s => rightByLabels.TryGetValue(s.LabelsText, out var other) && Close(s.Value, other.Value));
        }

        public static bool Close(double left, double right) =>
            left.Equals(right) || Math.Abs(left - right) <= RelativeTolerance * Math.Max(Math.Abs(left), Math.Abs(right));
    }
}
