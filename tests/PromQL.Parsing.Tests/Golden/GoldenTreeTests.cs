using System.Collections.Generic;
using System.Text;
using PromQL.Parsing.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace PromQL.Parsing.Tests.Golden
{
    /// <summary>
    /// Golden snapshots of the whole parse result (tree with spans, diagnostics, features used) for a set of
    /// queries that covers every node kind, every modifier, holes and errors. A change of tree shape, span or
    /// message shows up as a snapshot diff in review. Snapshots live in <c>__snapshots__/</c> beside this file
    /// and must be committed (with <c>CI=true</c> a missing one is created and passes).
    /// </summary>
    public sealed class GoldenTreeTests
    {
        private const char Hole = PromQlParser.HoleCharacter;

        /// <summary>Snapshot name and query. Names are file names: keep them unique and stable.</summary>
        public static IEnumerable<object[]> Queries()
        {
            // Literals.
            yield return Case("number_integer", "42");
            yield return Case("number_hex_and_exponent", "0x1f + 5e-3");
            yield return Case("number_signed_inf", "-Inf");
            yield return Case("number_duration", "5m");
            yield return Case("string_double_quoted_escapes", "\"a\\nb\\\"c\\u00e9\"");
            yield return Case("string_backtick_raw", "`raw \\n text`");

            // Selectors.
            yield return Case("selector_bare_name", "up");
            yield return Case("selector_all_matcher_types", "http_requests_total{job=\"api\", code=~\"5..\", method!='GET', path!~`/health`}");
            yield return Case("selector_quoted_metric_name", "{\"my.metric\", \"label.with.dots\"=\"v\"}");
            yield return Case("selector_name_matcher_only", "{__name__=\"up\"}");
            yield return Case("selector_trailing_comma_and_comment", "up{job=\"kubelet\", } # why\n");
            yield return Case("selector_offset_and_at", "up offset 5m @ 1609746000");
            yield return Case("selector_at_start_negative_offset", "up @ start() offset -1h30m");

            // Range selectors and subqueries.
            yield return Case("matrix_in_rate", "rate(http_requests_total{job=\"api\"}[5m])");
            yield return Case("matrix_with_modifiers", "foo[5m] offset 1d @ end()");
            yield return Case("matrix_anchored", "increase(foo[5m] anchored)");
            yield return Case("matrix_smoothed", "rate(foo[5m] smoothed)");
            yield return Case("subquery_with_step_and_offset", "max_over_time(rate(foo[1m])[1h:5m] offset 1d)");
            yield return Case("subquery_default_step", "foo[1h:]");

            // Aggregations.
            yield return Case("aggregate_by_before", "sum by (job, \"a.b\") (rate(foo[5m]))");
            yield return Case("aggregate_without_after", "avg(foo) without (instance)");
            yield return Case("aggregate_empty_by", "sum by () (foo)");
            yield return Case("aggregate_topk_parameter", "topk(5, foo)");
            yield return Case("aggregate_count_values_string", "count_values(\"value\", foo)");
            yield return Case("aggregate_limitk_experimental", "limitk by (job) (2, foo)");

            // Binary operations.
            yield return Case("binary_precedence_and_power", "1 + 2 * 3 ^ 4 ^ 5 - 6");
            yield return Case("binary_on_group_left", "a / on (job) group_left (instance) b");
            yield return Case("binary_ignoring_group_right", "a * ignoring (code) group_right b");
            yield return Case("binary_comparison_bool", "a > bool 5");
            yield return Case("binary_set_operators", "a and on (x) b or c unless d");
            yield return Case("binary_fill_modifiers", "a + fill_left (0) fill_right (1) b");
            yield return Case("binary_trim_and_atan2", "(a </ 5) atan2 b");

            // Parentheses, unary, calls.
            yield return Case("unary_on_parenthesised", "-(foo + 1)");
            yield return Case("call_label_replace", "label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")");
            yield return Case("call_nested_real_world", "histogram_quantile(0.99, sum by (le) (rate(apiserver_request_duration_seconds_bucket{verb!=\"WATCH\"}[5m])))");
            yield return Case("multiline_with_comments", "sum(\n  # the numerator\n  rate(errors_total[5m])\n)\n/\nsum(rate(requests_total[5m]))\n");

            // Duration expressions.
            yield return Case("duration_arithmetic_range", "foo[5m + 1m * 2]");
            yield return Case("duration_step_offset", "foo offset -step()");
            yield return Case("duration_min_of_subquery", "foo[min_of(range(), 5m):step()]");

            // Holes.
            yield return Case("hole_label_value", "up{job=\"" + Hole + "\"}");
            yield return Case("hole_part_of_metric_name", "node_" + Hole + "_total");
            yield return Case("hole_whole_range_selector_operand", "rate(" + Hole + "[5m]) + " + Hole);
            yield return Case("hole_as_range_duration", "rate(foo[" + Hole + "])");
            yield return Case("hole_in_grouping", "sum by (" + Hole + ") (foo)");
            yield return Case("hole_whole_metric_name_with_matchers", "sum(" + Hole + "{namespace=\"n\", pod=\"p\"})");
            yield return Case("hole_whole_function_name", Hole + "(foo[5m])");

            // Errors.
            yield return Case("error_empty", "");
            yield return Case("error_unexpected_end", "1 +");
            yield return Case("error_unclosed_braces", "foo{job=\"a\"");
            yield return Case("error_type_check", "rate(foo)");
            yield return Case("error_set_operator_on_scalars", "1 and 1");
            yield return Case("error_unknown_function", "no_such_function(foo)");
            yield return Case("error_unterminated_string", "foo{a=\"b}");
            yield return Case("error_non_ascii_position", "sum(\"é\" + )");
        }

        [Theory]
        [MemberData(nameof(Queries))]
        public void ParseResult_MatchesSnapshot(string name, string query)
        {
            var result = PromQlParser.Parse(query);
            Snapshot.Match(Render(query, result), SnapshotNameExtension.Create(name));
        }

        /// <summary>The text a snapshot holds: input, features, diagnostics and the tree with spans.</summary>
        internal static string Render(string query, PromQlParseResult result)
        {
            var text = new StringBuilder();
            text.Append("input: ").Append(TreeDump.Quote(query)).Append('\n');
            text.Append("features: ").Append(result.UsedFeatures.ToString()).Append('\n');
            text.Append("diagnostics:");
            if (result.Diagnostics.Count == 0)
            {
                text.Append(" none");
            }

            text.Append('\n');
            foreach (var diagnostic in result.Diagnostics)
            {
                text.Append("  [").Append(diagnostic.Start).Append("..").Append(diagnostic.End).Append(") ")
                    .Append(diagnostic.Message).Append("   # at ").Append(TreeDump.Quote(Excerpt(query, diagnostic.Start, diagnostic.End))).Append('\n');
            }

            text.Append("tree:\n").Append(TreeDump.Dump(result.Expression, TreeDumpOptions.Full));
            return text.ToString();
        }

        private static string Excerpt(string query, int start, int end)
        {
            if (start < 0 || end > query.Length || start > end)
            {
                return "(outside the input)";
            }

            return query.Substring(start, end - start);
        }

        private static object[] Case(string name, string query) => new object[] { name, query };
    }
}
