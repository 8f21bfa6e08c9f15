using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PromQL.Analyzers.Configuration;
using PromQL.Analyzers.Rules;
using PromQL.Parsing;
using PromQL.Parsing.Syntax;
using PromQL.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace PromQL.Analyzers.Tests.Rules
{
    /// <summary>
    /// PROMQL001 and PROMQL002 on the real-world cAdvisor queries of <c>tests/Conformance/container-memory-queries.jsonl</c>,
    /// against the corpus's own per-mention analysis (see the README beside it).
    /// </summary>
    public class CadvisorCorpusTests
    {
        private const string FileName = "container-memory-queries.jsonl";

        private readonly ITestOutputHelper _output;

        public CadvisorCorpusTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void ContainerFilterRule_FiresExactlyOnMentionsWithoutContainerOrImageFilter()
        {
            var options = PromQlAnalyzerOptions.Default;
            var problems = new List<string>();
            int queries = 0, watchedMentions = 0, expectedFiring = 0, with001 = 0, with002 = 0;

            foreach (var query in LoadQueries())
            {
                queries++;
                var result = PromQlParser.Parse(query.Input);
                if (result.HasErrors || result.Expression is null)
                {
                    problems.Add($"{query.Id}: does not parse: {string.Join("; ", result.Diagnostics.Select(d => d.Message))}");
                    continue;
                }

                var filterFindings = new List<Finding>();
                ContainerFilterRule.Find(result.Expression, result.Text, options, filterFindings);
                var sumFindings = new List<Finding>();
                RedundantSumRule.Find(result.Expression, result.Text, options, sumFindings);
                with001 += filterFindings.Count > 0 ? 1 : 0;
                with002 += sumFindings.Count > 0 ? 1 : 0;

                // The k-th mention of a metric in the corpus is the k-th selector of that metric in text order.
                var selectors = result.Expression.DescendantsAndSelf().OfType<VectorSelector>().OrderBy(s => s.Start).ToList();
                var used = new Dictionary<string, int>(StringComparer.Ordinal);
                var expectedStarts = new HashSet<int>();
                foreach (var mention in query.Mentions)
                {
                    if (!options.IsWatchedMetric(mention.Metric) || mention.Metric.Contains(':'))
                    {
                        continue;
                    }

                    watchedMentions++;
                    used.TryGetValue(mention.Metric, out var index);
                    used[mention.Metric] = index + 1;
                    var selector = selectors.Where(s => s.MetricName == mention.Metric).Skip(index).FirstOrDefault();
                    if (selector is null)
                    {
                        problems.Add($"{query.Id}: no selector for mention {index + 1} of {mention.Metric}");
                        continue;
                    }

                    var selectorText = query.Input.Substring(selector.Start, CadvisorSelectors.SelectorEnd(selector) - selector.Start);
                    if (WithoutSpace(selectorText) != WithoutSpace(mention.Metric + mention.Matchers))
                    {
                        problems.Add($"{query.Id}: mention {mention.Metric}{mention.Matchers} paired with selector {selectorText}");
                    }

                    var expected = !mention.ContainerNeEmpty && !mention.ImageNeEmpty;
                    var fired = filterFindings.Any(f => f.Start == selector.Start);
                    if (expected)
                    {
                        expectedFiring++;
                        expectedStarts.Add(selector.Start);
                    }

                    if (expected != fired)
                    {
                        problems.Add($"{query.Id}: {selectorText}: container_ne_empty={mention.ContainerNeEmpty}, image_ne_empty={mention.ImageNeEmpty}, PROMQL001 fired={fired}");
                    }
                }

                foreach (var finding in filterFindings.Where(f => !expectedStarts.Contains(f.Start)))
                {
                    problems.Add($"{query.Id}: PROMQL001 on a selector the corpus does not expect: {RuleRunner.Text(query.Input, finding)}");
                }
            }

            _output.WriteLine($"{queries} queries, {watchedMentions} mentions of watched metrics, {expectedFiring} without container!=\"\" or image!=\"\".");
            _output.WriteLine($"PROMQL001 in {with001} queries, PROMQL002 in {with002} queries.");
            foreach (var problem in problems)
            {
                _output.WriteLine(problem);
            }

            Assert.True(queries > 0, "the corpus is empty");
            Assert.True(watchedMentions > 0, "no mention of a watched metric: the pairing is broken");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void BothRules_NeverThrowOnParserCorpusWithAndWithoutHoles()
        {
            // Every parser case, valid or not (partial trees included), as written and with each quoted
            // string turned into a hole: the rules run on whatever tree the parser gives.
            var options = RuleRunner.WithPrefixes("container_", "node_", "go_", "http_", "foo", "some_metric", "a");
            int trees = 0, findings = 0;
            foreach (var line in File.ReadLines(RepositoryPaths.Conformance("parser-cases.jsonl"), Encoding.UTF8))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var input = document.RootElement.GetProperty("input").GetString() ?? string.Empty;
                foreach (var text in new[] { input, QuotedStringsAsHoles(input) })
                {
                    var result = PromQlParser.Parse(text);
                    if (result.Expression is null)
                    {
                        continue;
                    }

                    trees++;
                    var found = new List<Finding>();
                    ContainerFilterRule.Find(result.Expression, result.Text, options, found);
                    RedundantSumRule.Find(result.Expression, result.Text, options, found);
                    foreach (var finding in found)
                    {
                        Assert.InRange(finding.Start, 0, text.Length);
                        Assert.InRange(finding.End, finding.Start + 1, text.Length);
                    }

                    findings += found.Count;
                }
            }

            _output.WriteLine($"{trees} trees, {findings} findings.");
            Assert.True(trees > 1000, "the parser corpus was not read");
        }

        private static string QuotedStringsAsHoles(string text) =>
            System.Text.RegularExpressions.Regex.Replace(text, "\"[^\"\\\\\n]*\"", "\"\uE000\"");

        private static string WithoutSpace(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private sealed class CorpusMention
        {
            public CorpusMention(string metric, string matchers, bool containerNeEmpty, bool imageNeEmpty)
            {
                Metric = metric;
                Matchers = matchers;
                ContainerNeEmpty = containerNeEmpty;
                ImageNeEmpty = imageNeEmpty;
            }

            public string Metric { get; }

            public string Matchers { get; }

            public bool ContainerNeEmpty { get; }

            public bool ImageNeEmpty { get; }
        }

        private sealed class CorpusQuery
        {
            public CorpusQuery(string id, string input, IReadOnlyList<CorpusMention> mentions)
            {
                Id = id;
                Input = input;
                Mentions = mentions;
            }

            public string Id { get; }

            public string Input { get; }

            public IReadOnlyList<CorpusMention> Mentions { get; }
        }

        private static List<CorpusQuery> LoadQueries()
        {
            var queries = new List<CorpusQuery>();
            foreach (var line in File.ReadLines(RepositoryPaths.Conformance(FileName), Encoding.UTF8))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var mentions = new List<CorpusMention>();
                foreach (var occurrence in root.GetProperty("occurrences").EnumerateArray())
                {
                    mentions.Add(new CorpusMention(
                        occurrence.GetProperty("metric").GetString() ?? string.Empty,
                        occurrence.GetProperty("matchers").GetString() ?? string.Empty,
                        occurrence.GetProperty("container_ne_empty").GetBoolean(),
                        occurrence.GetProperty("image_ne_empty").GetBoolean()));
                }

                queries.Add(new CorpusQuery(
                    root.GetProperty("id").GetString() ?? string.Empty,
                    root.GetProperty("input").GetString() ?? string.Empty,
                    mentions));
            }

            return queries;
        }
    }
}
