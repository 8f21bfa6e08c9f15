using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using PromQL.Parsing.Syntax;
using ValueType = PromQL.Parsing.Syntax.ValueType;

namespace PromQL.Parsing.Semantics
{
    /// <summary>
    /// Prometheus's function table (<c>promql/parser/functions.go</c> at Prometheus 3.14.0, commit d15adb9):
    /// every function's name, argument types, variadic count, return type and experimental flag.
    /// </summary>
    public static class PromQlFunctions
    {
        private static readonly ValueType[] NoArgs = Array.Empty<ValueType>();

        // Built once, in this textual order; nothing changes them afterwards, so concurrent readers are safe.
        private static readonly PromQlFunction[] Table = CreateTable();

        private static readonly Dictionary<string, PromQlFunction> ByName = Index(Table);

        private static readonly IReadOnlyCollection<PromQlFunction> AllFunctions = new ReadOnlyCollection<PromQlFunction>(Table);

        /// <summary>Looks a function up by name (case-sensitive, as Prometheus's map is).</summary>
        /// <param name="name">The function name as written.</param>
        /// <param name="function">The function, or null when there is none of that name.</param>
        /// <returns>Whether the name is a function.</returns>
        public static bool TryGet(string name, out PromQlFunction? function)
        {
            if (name is not null && ByName.TryGetValue(name, out var found))
            {
                function = found;
                return true;
            }

            function = null;
            return false;
        }

        /// <summary>Every function, in the order of Prometheus's source.</summary>
        public static IReadOnlyCollection<PromQlFunction> All => AllFunctions;

        private static PromQlFunction[] CreateTable() =>
            new[]
            {
                Define("abs", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("absent", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("absent_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("acos", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("acosh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("asin", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("asinh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("atan", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("atanh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("avg_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("ceil", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("changes", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("clamp", new[] { ValueType.Vector, ValueType.Scalar, ValueType.Scalar }, 0, ValueType.Vector),
                Define("clamp_max", new[] { ValueType.Vector, ValueType.Scalar }, 0, ValueType.Vector),
                Define("clamp_min", new[] { ValueType.Vector, ValueType.Scalar }, 0, ValueType.Vector),
                Define("cos", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("cosh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("count_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("days_in_month", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("day_of_month", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("day_of_week", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("day_of_year", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("deg", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("end", NoArgs, 0, ValueType.Scalar, experimental: true),
                Define("delta", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("deriv", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("exp", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("first_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("floor", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_avg", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_count", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_sum", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_stddev", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_stdvar", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_fraction", new[] { ValueType.Scalar, ValueType.Scalar, ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_quantile", new[] { ValueType.Scalar, ValueType.Vector }, 0, ValueType.Vector),
                Define("histogram_quantiles", new[] { ValueType.Vector, ValueType.String, ValueType.Scalar, ValueType.Scalar }, 9, ValueType.Vector, experimental: true),
                Define("double_exponential_smoothing", new[] { ValueType.Matrix, ValueType.Scalar, ValueType.Scalar }, 0, ValueType.Vector, experimental: true),
                Define("hour", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("idelta", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("increase", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("info", new[] { ValueType.Vector, ValueType.Vector }, 1, ValueType.Vector, experimental: true),
                Define("irate", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("label_replace", new[] { ValueType.Vector, ValueType.String, ValueType.String, ValueType.String, ValueType.String }, 0, ValueType.Vector),
                Define("label_join", new[] { ValueType.Vector, ValueType.String, ValueType.String, ValueType.String }, -1, ValueType.Vector),
                Define("max_of", new[] { ValueType.Scalar, ValueType.Scalar }, 0, ValueType.Scalar, experimental: true),
                Define("last_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("min_of", new[] { ValueType.Scalar, ValueType.Scalar }, 0, ValueType.Scalar, experimental: true),
                Define("ln", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("log10", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("log2", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("mad_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector, experimental: true),
                Define("max_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("min_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("ts_of_first_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector, experimental: true),
                Define("ts_of_max_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector, experimental: true),
                Define("ts_of_min_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector, experimental: true),
                Define("ts_of_last_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector, experimental: true),
                Define("minute", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("month", new[] { ValueType.Vector }, 1, ValueType.Vector),
                Define("pi", NoArgs, 0, ValueType.Scalar),
                Define("predict_linear", new[] { ValueType.Matrix, ValueType.Scalar }, 0, ValueType.Vector),
                Define("present_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("quantile_over_time", new[] { ValueType.Scalar, ValueType.Matrix }, 0, ValueType.Vector),
                Define("rad", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("range", NoArgs, 0, ValueType.Scalar, experimental: true),
                Define("rate", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("resets", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("round", new[] { ValueType.Vector, ValueType.Scalar }, 1, ValueType.Vector),
                Define("scalar", new[] { ValueType.Vector }, 0, ValueType.Scalar),
                Define("sgn", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("sin", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("sinh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("sort", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("sort_desc", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("sort_by_label", new[] { ValueType.Vector, ValueType.String }, -1, ValueType.Vector, experimental: true),
                Define("sort_by_label_desc", new[] { ValueType.Vector, ValueType.String }, -1, ValueType.Vector, experimental: true),
                Define("sqrt", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("start", NoArgs, 0, ValueType.Scalar, experimental: true),
                Define("start_timestamp", new[] { ValueType.Vector }, 0, ValueType.Vector, experimental: true),
                Define("step", NoArgs, 0, ValueType.Scalar, experimental: true),
                Define("stddev_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("stdvar_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("sum_over_time", new[] { ValueType.Matrix }, 0, ValueType.Vector),
                Define("tan", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("tanh", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("time", NoArgs, 0, ValueType.Scalar),
                Define("timestamp", new[] { ValueType.Vector }, 0, ValueType.Vector),
                Define("vector", new[] { ValueType.Scalar }, 0, ValueType.Vector),
                Define("year", new[] { ValueType.Vector }, 1, ValueType.Vector),
            };

        private static Dictionary<string, PromQlFunction> Index(PromQlFunction[] functions)
        {
            var byName = new Dictionary<string, PromQlFunction>(functions.Length, StringComparer.Ordinal);
            foreach (var function in functions)
            {
                byName.Add(function.Name, function);
            }

            return byName;
        }

        private static PromQlFunction Define(string name, ValueType[] argTypes, int variadic, ValueType returnType, bool experimental = false) =>
            new PromQlFunction(name, argTypes, variadic, returnType, experimental);
    }
}
