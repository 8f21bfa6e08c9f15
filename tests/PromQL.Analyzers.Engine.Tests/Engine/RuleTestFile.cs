using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PromQL.Analyzers.Engine.Tests.Engine
{
    /// <summary>One <c>promql_expr_test</c> entry: an expression, when to evaluate it and the samples it must return.</summary>
    public sealed class ExpressionTest
    {
        public ExpressionTest(string expression, string evalTime, IReadOnlyList<EngineSample> expected)
        {
            Expression = expression;
            EvalTime = evalTime;
            Expected = expected;
        }

        public string Expression { get; }

        /// <summary>A Prometheus duration after the start of the input series, such as <c>30m</c>.</summary>
        public string EvalTime { get; }

        public IReadOnlyList<EngineSample> Expected { get; }
    }

    /// <summary>
    /// Writes the YAML file that <c>promtool test rules</c> reads: no rule files, one test group with the input
    /// series and the expression tests. Every string is a YAML double-quoted scalar, so PromQL's quotes,
    /// backslashes and line breaks reach promtool unchanged.
    /// </summary>
    public static class RuleTestFile
    {
        /// <summary>The scrape interval of the input series.</summary>
        public const string Interval = "1m";

        public static string Write(IEnumerable<InputSeries> inputSeries, IEnumerable<ExpressionTest> tests)
        {
            var yaml = new StringBuilder();
            yaml.AppendLine("rule_files: []");
            yaml.AppendLine("evaluation_interval: " + Interval);
            yaml.AppendLine("tests:");
            yaml.AppendLine("  - interval: " + Interval);
            yaml.AppendLine("    input_series:");
            foreach (var series in inputSeries)
            {
                yaml.AppendLine("      - series: " + Quote(series.SeriesText));
                yaml.AppendLine("        values: " + Quote(series.Values));
            }

            yaml.AppendLine("    promql_expr_test:");
            foreach (var test in tests)
            {
                yaml.AppendLine("      - expr: " + Quote(test.Expression));
                yaml.AppendLine("        eval_time: " + test.EvalTime);
                if (test.Expected.Count == 0)
                {
                    yaml.AppendLine("        exp_samples: []");
                    continue;
                }

                yaml.AppendLine("        exp_samples:");
                foreach (var sample in test.Expected)
                {
                    yaml.AppendLine("          - labels: " + Quote(sample.LabelsText));
                    yaml.AppendLine("            value: " + sample.Value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            return yaml.ToString();
        }

        /// <summary>A YAML double-quoted scalar.</summary>
        internal static string Quote(string text)
        {
            var quoted = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '\\': quoted.Append("\\\\"); break;
                    case '"': quoted.Append("\\\""); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\r': quoted.Append("\\r"); break;
                    case '\t': quoted.Append("\\t"); break;
                    default:
                        // YAML takes printable Unicode as is (the file is UTF-8); only control characters need escapes.
                        if (char.IsControl(c))
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }
    }
}
