namespace PromQL.Parsing.Syntax
{
    /// <summary>PromQL's value types, plus <see cref="Unknown"/> for what a hole stands for.</summary>
    public enum ValueType
    {
        /// <summary>No type (Prometheus's <c>none</c>).</summary>
        None,
        /// <summary>An instant vector.</summary>
        Vector,
        /// <summary>A scalar.</summary>
        Scalar,
        /// <summary>A range vector (Prometheus calls it <c>matrix</c>).</summary>
        Matrix,
        /// <summary>A string.</summary>
        String,
        /// <summary>Not known until run time: an interpolation hole. Satisfies every type check.</summary>
        Unknown,
    }

    /// <summary>Helpers for <see cref="ValueType"/>.</summary>
    public static class ValueTypeExtensions
    {
        /// <summary>The name Prometheus's error messages use (<c>DocumentedType</c>).</summary>
        public static string DocumentedName(this ValueType type) => type switch
        {
            ValueType.Vector => "instant vector",
            ValueType.Matrix => "range vector",
            ValueType.Scalar => "scalar",
            ValueType.String => "string",
            ValueType.Unknown => "unknown",
            _ => "none",
        };

        /// <summary>The name Prometheus's <c>ValueType.String()</c> gives (<c>vector</c>, <c>matrix</c>, …).</summary>
        public static string PrometheusName(this ValueType type) => type switch
        {
            ValueType.Vector => "vector",
            ValueType.Matrix => "matrix",
            ValueType.Scalar => "scalar",
            ValueType.String => "string",
            ValueType.Unknown => "unknown",
            _ => "none",
        };
    }
}
