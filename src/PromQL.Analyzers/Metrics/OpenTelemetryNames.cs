using System;
using System.Collections.Generic;
using System.Text;

namespace PromQL.Analyzers.Metrics
{
    /// <summary>
    /// The names a System.Diagnostics.Metrics instrument is stored under in Prometheus when the OpenTelemetry
    /// Prometheus exporter publishes it, as the OpenTelemetry specification ("Prometheus and OpenMetrics
    /// Compatibility", OTLP metric points to Prometheus) and the .NET exporter's <c>PrometheusMetric</c> give them:
    /// characters other than ASCII letters, digits and <c>:</c> become one <c>_</c> (a leading digit too), the unit
    /// (annotations in braces dropped, UCUM abbreviations spelt out, <c>a/b</c> as <c>a_per_b</c>, <c>1</c> as nothing) is
    /// appended unless the name already ends with it, and a monotonic counter gets <c>_total</c>.
    /// </summary>
    /// <remarks>
    /// Every name a scrape may store is returned: the classic text format's, the OpenMetrics one (whose counter
    /// keeps <c>_total</c> even with the exporter's option to drop it), the counter without <c>_total</c> (that option in
    /// the classic format), and the UTF-8 name Prometheus 3 may scrape unescaped (<c>http.server.request.duration_seconds</c>).
    /// All are the one instrument, so each carries its type.
    /// </remarks>
    internal static class OpenTelemetryNames
    {
        /// <summary>The family names <paramref name="name"/> with <paramref name="unit"/> may be stored under; its type decides <c>_total</c>.</summary>
        public static IReadOnlyList<string> For(string name, string? unit, MetricType type)
        {
            var names = new List<string>(4);
            if (name.Length == 0)
            {
                return names;
            }

            var counter = type == MetricType.Counter;
            var prometheusUnit = string.IsNullOrEmpty(unit) ? string.Empty : Unit(unit!);

            // The classic text format's name.
            var sanitized = Sanitize(name);
            if (prometheusUnit.Length > 0 && !sanitized.EndsWith(prometheusUnit, StringComparison.Ordinal)
                && !(counter && sanitized.EndsWith(prometheusUnit + "_total", StringComparison.Ordinal)))
            {
                sanitized += "_" + prometheusUnit;
            }

            Add(names, sanitized);
            if (counter && !sanitized.EndsWith("_total", StringComparison.Ordinal))
            {
                Add(names, sanitized + "_total");
            }

            // OpenMetrics: the unit goes before _total, which a counter always has.
            var openMetrics = counter ? WithoutTotal(name) : name;
            if (prometheusUnit.Length > 0 && !openMetrics.EndsWith(prometheusUnit, StringComparison.Ordinal))
            {
                openMetrics += "_" + prometheusUnit;
            }

            openMetrics = Sanitize(openMetrics);
            Add(names, counter && !openMetrics.EndsWith("_total", StringComparison.Ordinal) ? openMetrics + "_total" : openMetrics);

            // UTF-8 (Prometheus 3 scraping with escaping=allow-utf-8): the name as written, with the same suffixes.
            if (!IsLegacyName(name))
            {
                var utf8 = name;
                if (prometheusUnit.Length > 0 && !utf8.EndsWith(prometheusUnit, StringComparison.Ordinal)
                    && !(counter && utf8.EndsWith(prometheusUnit + "_total", StringComparison.Ordinal)))
                {
                    utf8 += "_" + prometheusUnit;
                }

                Add(names, counter && !utf8.EndsWith("_total", StringComparison.Ordinal) ? utf8 + "_total" : utf8);
            }

            return names;
        }

        /// <summary>A UCUM unit as the exporter writes it in a name: <c>s</c> → <c>seconds</c>, <c>By/s</c> → <c>bytes_per_second</c>, <c>{request}</c> → nothing.</summary>
        public static string Unit(string unit)
        {
            var withoutAnnotations = RemoveAnnotations(unit);
            var slash = withoutAnnotations.IndexOf('/');
            var spelt = slash >= 0 && slash < withoutAnnotations.Length - 1
                ? MapUnit(withoutAnnotations.Substring(0, slash)) + "_per_" + MapPerUnit(withoutAnnotations.Substring(slash + 1))
                : MapUnit(withoutAnnotations);
            return Sanitize(spelt, unit: true).Trim('_');
        }

        private static void Add(List<string> names, string name)
        {
            if (name.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        private static string WithoutTotal(string name) =>
            name.EndsWith("_total", StringComparison.Ordinal) ? name.Substring(0, name.Length - "_total".Length) : name;

        /// <summary>
        /// Characters other than ASCII letters, digits and <c>:</c> replaced by <c>_</c>, a run of them by one (<c>_</c>
        /// counts: <c>a__b</c> → <c>a_b</c>); a leading digit becomes <c>_</c>, except in a unit.
        /// </summary>
        private static string Sanitize(string text, bool unit = false)
        {
            var builder = new StringBuilder(text.Length + 1);
            var lastUnderscore = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!unit && i == 0 && c >= '0' && c <= '9')
                {
                    builder.Append('_');
                    lastUnderscore = true;
                    continue;
                }

                if (!IsAsciiLetterOrDigit(c) && c != ':')
                {
                    if (!lastUnderscore)
                    {
                        builder.Append('_');
                        lastUnderscore = true;
                    }
                }
                else
                {
                    builder.Append(c);
                    lastUnderscore = false;
                }
            }

            return builder.ToString();
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>Whether a name is valid in Prometheus's legacy (pre-UTF-8) character set: nothing to unescape.</summary>
        private static bool IsLegacyName(string name)
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!(IsAsciiLetterOrDigit(c) || c == '_' || c == ':') || (i == 0 && c >= '0' && c <= '9'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Drops the <c>{…}</c> annotations of a UCUM unit: a count of things is unitless in Prometheus.</summary>
        private static string RemoveAnnotations(string unit)
        {
            if (unit.IndexOf('{') < 0)
            {
                return unit;
            }

            var builder = new StringBuilder(unit.Length);
            var open = -1;
            var written = 0;
            for (var i = 0; i < unit.Length; i++)
            {
                if (unit[i] == '{' && open < 0)
                {
                    open = i;
                }
                else if (unit[i] == '}' && open >= 0)
                {
                    builder.Append(unit, written, open - written);
                    written = i + 1;
                    open = -1;
                }
            }

            builder.Append(unit, written, unit.Length - written);
            return builder.ToString();
        }

        private static string MapUnit(string unit) => unit switch
        {
            "d" => "days",
            "h" => "hours",
            "min" => "minutes",
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "By" => "bytes",
            "KiBy" => "kibibytes",
            "MiBy" => "mebibytes",
            "GiBy" => "gibibytes",
            "TiBy" => "tibibytes",
            "KBy" => "kilobytes",
            "MBy" => "megabytes",
            "GBy" => "gigabytes",
            "TBy" => "terabytes",
            "B" => "bytes",
            "KB" => "kilobytes",
            "MB" => "megabytes",
            "GB" => "gigabytes",
            "TB" => "terabytes",
            "m" => "meters",
            "V" => "volts",
            "A" => "amperes",
            "J" => "joules",
            "W" => "watts",
            "g" => "grams",
            "Cel" => "celsius",
            "Hz" => "hertz",
            "1" => string.Empty,
            "%" => "percent",
            "$" => "dollars",
            _ => unit,
        };

        private static string MapPerUnit(string unit) => unit switch
        {
            "s" => "second",
            "m" => "minute",
            "h" => "hour",
            "d" => "day",
            "w" => "week",
            "mo" => "month",
            "y" => "year",
            _ => unit,
        };
    }
}
