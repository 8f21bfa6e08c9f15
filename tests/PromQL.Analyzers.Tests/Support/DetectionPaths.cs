using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PromQL.Analyzers.Rules;
using PromQL.Analyzers.Tests.Analyzer;
using Xunit;
using VerifyCS = PromQL.Analyzers.Tests.Support.CSharpAnalyzerVerifier<PromQL.Analyzers.PromQlAnalyzer>;

namespace PromQL.Analyzers.Tests.Support
{
    /// <summary>
    /// A C# expression written by a <see cref="LiteralForm"/>: the expression text (with the query's markup kept on its
    /// source characters) and the class members it needs (a <c>const</c> field, a constant used as a hole).
    /// </summary>
    internal readonly record struct LiteralExpression(string Expression, string Members);

    /// <summary>
    /// One C# literal kind. <see cref="Write"/> takes PromQL text with VerifyCS markup (<c>{|ID:…|}</c>) and writes it in
    /// this kind, escaping only the query's own characters, so every marked span stays on the exact source characters
    /// of the construct (an escape <c>\"</c>, a doubled <c>{{</c> and a <c>" + "</c> between parts lie inside it).
    /// </summary>
    internal sealed class LiteralForm
    {
        private readonly Func<string, LiteralExpression> _write;

        public LiteralForm(string name, Func<string, LiteralExpression> write)
        {
            Name = name;
            _write = write;
        }

        public string Name { get; }

        public LiteralExpression Write(string markedQuery) => _write(markedQuery);

        public override string ToString() => Name;
    }

    /// <summary>Every literal kind the analyzer reads (<see cref="All"/>), each named for a theory's display name.</summary>
    internal static class LiteralForms
    {
        /// <summary><c>"…"</c>, with <c>\"</c> and <c>\\</c>.</summary>
        public static readonly LiteralForm Regular = new("regular", q => new("\"" + Map(q, Escape) + "\"", ""));

        /// <summary><c>@"…"</c>, with <c>""</c>.</summary>
        public static readonly LiteralForm Verbatim = new("verbatim", q => new("@\"" + Map(q, Verbatim1) + "\"", ""));

        /// <summary><c>"""…"""</c> on one line (more quotes when the query holds a run of three).</summary>
        public static readonly LiteralForm RawSingleLine = new("raw single-line", q =>
        {
            var quotes = Quotes(q);
            return new(quotes + q + quotes, "");
        });

        /// <summary><c>"""</c>, the query on its own line, indented as the closing delimiter is, <c>"""</c>.</summary>
        public static readonly LiteralForm RawMultiLine = new("raw multi-line", q =>
        {
            var quotes = Quotes(q);
            return new(quotes + "\n            " + q + "\n            " + quotes, "");
        });

        /// <summary><c>$"…"</c>: braces doubled, <c>\"</c> escaped.</summary>
        public static readonly LiteralForm Interpolated = new("interpolated", q => new("$\"" + Map(q, c => Braces(c) ?? Escape(c)) + "\"", ""));

        /// <summary><c>$"{Space}…"</c>: an interpolated string whose first hole is a constant (<c>const string Space = " ";</c>), substituted.</summary>
        public static readonly LiteralForm InterpolatedConstantHole = new("interpolated, constant hole", q =>
            new("$\"{Space}" + Map(q, c => Braces(c) ?? Escape(c)) + "\"", "const string Space = \" \";"));

        /// <summary><c>$@"…"</c>: braces doubled, <c>""</c>.</summary>
        public static readonly LiteralForm InterpolatedVerbatim = new("interpolated verbatim", q => new("$@\"" + Map(q, c => Braces(c) ?? Verbatim1(c)) + "\"", ""));

        /// <summary><c>$"""…"""</c>, or <c>$$"""…"""</c> (one <c>$</c> more than the longest run of braces) when the query has braces.</summary>
        public static readonly LiteralForm RawInterpolated = new("raw interpolated", q =>
        {
            var text = Text(q);
            var dollars = new string('$', LongestRun(text, '{', '}') + 1);
            var quotes = Quotes(q);
            return new(dollars + quotes + q + quotes, "");
        });

        /// <summary>
        /// <c>"…(" + @"…"</c>: a regular and a verbatim literal, split after the query's first <c>(</c> (else its first
        /// <c>{</c> or space, else its middle), so no name is cut. A marked span across the split covers the <c>" + @"</c>.
        /// </summary>
        public static readonly LiteralForm Concatenation = new("concatenation", q =>
        {
            var split = SplitPoint(q);
            return new("\"" + Map(q.Substring(0, split), Escape) + "\" + @\"" + Map(q.Substring(split), Verbatim1) + "\"", "");
        });

        /// <summary>A <c>const string Query = "…";</c> field, the expression being <c>Query</c>: the query is reported at the declaration.</summary>
        public static readonly LiteralForm ConstField = new("const field", q => new("Query", "const string Query = \"" + Map(q, Escape) + "\";"));

        public static readonly IReadOnlyList<LiteralForm> All = new[]
        {
            Regular, Verbatim, RawSingleLine, RawMultiLine, Interpolated, InterpolatedConstantHole, InterpolatedVerbatim,
            RawInterpolated, Concatenation, ConstField,
        };

        public static LiteralForm Named(string name) => All.Single(f => f.Name == name);

        /// <summary>The query's text without its markup.</summary>
        public static string Text(string markedQuery) => Map(markedQuery, c => c.ToString());

        /// <summary>
        /// Rewrites each character of the query's text with <paramref name="map"/> and keeps the markup tokens
        /// (<c>{|ID:</c> and the <c>|}</c> that closes one) as they are.
        /// </summary>
        public static string Map(string markedQuery, Func<char, string> map)
        {
            var sb = new StringBuilder(markedQuery.Length * 2);
            var open = 0;
            for (var i = 0; i < markedQuery.Length;)
            {
                var token = MarkupToken(markedQuery, i, open);
                if (token > 0)
                {
                    open += markedQuery[i] == '{' ? 1 : -1;
                    sb.Append(markedQuery, i, token);
                    i += token;
                }
                else
                {
                    sb.Append(map(markedQuery[i]));
                    i++;
                }
            }

            return sb.ToString();
        }

        /// <summary>The length of the markup token at <paramref name="i"/>, 0 when there is none.</summary>
        private static int MarkupToken(string s, int i, int open)
        {
            if (open > 0 && string.CompareOrdinal(s, i, "|}", 0, 2) == 0)
            {
                return 2;
            }

            if (string.CompareOrdinal(s, i, "{|", 0, 2) != 0)
            {
                return 0;
            }

            var j = i + 2;
            while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
            {
                j++;
            }

            return j > i + 2 && j < s.Length && s[j] == ':' ? j + 1 - i : 0;
        }

        private static string Escape(char c) => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            _ => c.ToString(),
        };

        private static string Verbatim1(char c) => c == '"' ? "\"\"" : c.ToString();

        private static string? Braces(char c) => c switch
        {
            '{' => "{{",
            '}' => "}}",
            _ => null,
        };

        private static string Quotes(string q) => new('"', Math.Max(3, LongestRun(Text(q), '"', '"') + 1));

        private static int LongestRun(string text, char a, char b)
        {
            int longest = 0, run = 0;
            foreach (var c in text)
            {
                run = c == a || c == b ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            return longest;
        }

        /// <summary>
        /// An index into the marked query outside any markup token: after the first <c>(</c>, <c>{</c> or space of the
        /// text that is outside every marked span, else inside one.
        /// </summary>
        private static int SplitPoint(string q)
        {
            // Outside marked spans first, so a span on one character (a parser error) is not stretched over the " + @".
            foreach (var outside in new[] { true, false })
            {
                foreach (var wanted in new[] { '(', '{', ' ' })
                {
                    var open = 0;
                    for (var i = 0; i < q.Length;)
                    {
                        var token = MarkupToken(q, i, open);
                        if (token > 0)
                        {
                            open += q[i] == '{' ? 1 : -1;
                            i += token;
                            continue;
                        }

                        if (q[i] == wanted && i + 1 < q.Length && (open == 0 || !outside))
                        {
                            return i + 1;
                        }

                        i++;
                    }
                }
            }

            return q.Length / 2;
        }
    }

    /// <summary>
    /// One way a string becomes a query: a function from a C# expression (a <see cref="LiteralExpression"/>) to a whole
    /// compilable source file. <see cref="Marks"/> is false for the content path (only content-triggered rules, never
    /// PROMQL100, see there); <see cref="Kind"/> is how the call site runs the query, for rules that read
    /// <c>QueryContext.Kind</c>. <see cref="Excluded"/> names the literal forms that cannot stand in this path, each with why.
    /// </summary>
    internal sealed class DetectionPath
    {
        private readonly Func<LiteralExpression, string> _source;

        public DetectionPath(string name, QueryKind kind, Func<LiteralExpression, string> source, bool marks = true, string? editorConfig = null, Func<string, string>? prepare = null, IReadOnlyDictionary<string, string>? excluded = null)
        {
            Name = name;
            Kind = kind;
            _source = source;
            Marks = marks;
            EditorConfig = editorConfig;
            Prepare = prepare ?? (q => q);
            var all = new Dictionary<string, string>(excluded ?? new Dictionary<string, string>());
            if (marks && !all.ContainsKey(LiteralForms.ConstField.Name))
            {
                // Left out: a const field passed whole to a target is not followed back to its declaration (a documented
                // limit, docs/detection.md "What is not read"); its literal is read where it is declared, by content.
                all[LiteralForms.ConstField.Name] = "a const passed whole to a target is not followed (docs/detection.md)";
            }

            Excluded = all;
        }

        public string Name { get; }

        public QueryKind Kind { get; }

        /// <summary>True when the path marks the string (every rule, PROMQL100 included); false for content detection.</summary>
        public bool Marks { get; }

        /// <summary>The <c>.editorconfig</c> lines the path needs (under <c>[*]</c>), or null.</summary>
        public string? EditorConfig { get; }

        /// <summary>What the path does to the query's text before a form writes it (a format doubles its braces).</summary>
        public Func<string, string> Prepare { get; }

        /// <summary>Literal form names that do not fit this path, and why.</summary>
        public IReadOnlyDictionary<string, string> Excluded { get; }

        public bool Fits(LiteralForm form) => !Excluded.ContainsKey(form.Name);

        /// <summary>The whole source file: <paramref name="markedQuery"/> written in <paramref name="form"/>, sent down this path.</summary>
        public string Source(string markedQuery, LiteralForm form) => _source(form.Write(Prepare(markedQuery)));

        public override string ToString() => Name;
    }

    /// <summary>
    /// Every path by which a string expression becomes a query (docs/detection.md "Which strings are PromQL"), with the
    /// stubs each needs (ASP.NET Core's query-string helpers and the known client APIs as the existing detection tests
    /// declare them). Each source is one file; the form's members go into the class that holds the statement.
    /// </summary>
    internal static class DetectionPaths
    {
        private const string Usings = """
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Diagnostics.CodeAnalysis;
            using System.Net;
            using System.Net.Http;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        /// <summary>The known client APIs' stubs of the existing tests, without their usings (the file's are above).</summary>
        private static readonly string KnownApis = string.Join("\n", KnownQueryApiDetectionTests.Stubs.Split('\n').Where(l => !l.StartsWith("using ", StringComparison.Ordinal)));

        /// <summary>A class <c>C</c> with the form's members, <paramref name="members"/>, and <c>M</c> running <paramref name="statements"/>.</summary>
        private static string InClass(LiteralExpression e, string members, string statements, string after = "", string usings = "") =>
            Usings + usings + "class C\n{\n    " + e.Members + "\n" + members + "\n    async Task M(HttpClient http, string b, string ns)\n    {\n        "
            + statements + "\n    }\n}\n" + after;

        private const string Wrapper = """
                private readonly HttpClient _http = new HttpClient();
                private readonly string _baseUrl = "http://prometheus:9090";

                public Task<string> QueryAsync(string query) =>
                    _http.GetStringAsync($"{_baseUrl}/api/v1/query?query={Uri.EscapeDataString(query)}");
            """;

        /// <summary><c>Run(expr)</c>, <c>Run</c>'s parameter carrying <c>[StringSyntax("PromQL")]</c>.</summary>
        public static readonly DetectionPath StringSyntax = new("[StringSyntax] parameter", QueryKind.Unknown, e => InClass(e,
            "    void Run([StringSyntax(\"PromQL\")] string query) { }", "Run(" + e.Expression + ");"));

        /// <summary><c>// lang=promql</c> on the line above <c>var q = expr;</c>.</summary>
        public static readonly DetectionPath LanguageComment = new("lang=promql comment", QueryKind.Unknown, e => InClass(e, "",
            "// lang=promql\n        var q = " + e.Expression + ";"));

        /// <summary><c>promql.query_methods = MyCompany.Metrics.MetricsClient.Run</c>, its parameter <c>query</c>.</summary>
        public static readonly DetectionPath ConfiguredMethod = new("promql.query_methods", QueryKind.Unknown, e => InClass(e, "",
            "new MyCompany.Metrics.MetricsClient().Run(\"panel\", " + e.Expression + ");",
            "namespace MyCompany.Metrics { public class MetricsClient { public void Run(string title, string query) { } } }\n"),
            editorConfig: "promql.query_methods = MyCompany.Metrics.MetricsClient.Run\n");

        /// <summary><c>var q = expr; Run(q);</c>: one hop through a local to a <c>[StringSyntax]</c> parameter.</summary>
        public static readonly DetectionPath Local = new("local, then [StringSyntax]", QueryKind.Unknown, e => InClass(e,
            "    void Run([StringSyntax(\"PromQL\")] string query) { }", "var q = " + e.Expression + ";\n        Run(q);"));

        /// <summary><c>$"{b}/api/v1/query?query={Uri.EscapeDataString(expr)}"</c> sent with <c>GetStringAsync</c>.</summary>
        public static readonly DetectionPath UrlInterpolation = new("URL interpolation", QueryKind.Instant, e => InClass(e, "",
            "await http.GetStringAsync($\"{b}/api/v1/query?query={Uri.EscapeDataString(" + e.Expression + ")}\");"));

        /// <summary><c>b + "/api/v1/query_range?start=…&amp;query=" + WebUtility.UrlEncode(expr)</c>.</summary>
        public static readonly DetectionPath UrlConcatenation = new("URL concatenation", QueryKind.Range, e => InClass(e, "",
            "var url = b + \"/api/v1/query_range?start=1&end=2&step=30s&query=\" + WebUtility.UrlEncode(" + e.Expression + ");"));

        /// <summary><c>new FormUrlEncodedContent(new Dictionary { ["query"] = expr })</c> posted to <c>/api/v1/query</c>.</summary>
        public static readonly DetectionPath FormContent = new("FormUrlEncodedContent", QueryKind.Instant, e => InClass(e, "",
            "await http.PostAsync(b + \"/api/v1/query\", new FormUrlEncodedContent(new Dictionary<string, string> { [\"query\"] = " + e.Expression + " }));"));

        /// <summary><c>QueryHelpers.AddQueryString(b + "/api/v1/query_range", "query", expr)</c> (ASP.NET Core's, stubbed).</summary>
        public static readonly DetectionPath QueryHelpers = new("QueryHelpers.AddQueryString", QueryKind.Range, e => InClass(e, "",
            "var url = QueryHelpers.AddQueryString(b + \"/api/v1/query_range\", \"query\", " + e.Expression + ");",
            after: AspNetCoreStubs, usings: "using Microsoft.AspNetCore.WebUtilities;\n"));

        /// <summary>A <c>Dictionary</c> filled by <c>Add("query", expr)</c>, posted as a form to <c>/api/v1/query</c>.</summary>
        public static readonly DetectionPath DictionaryAdd = new("Dictionary.Add form", QueryKind.Instant, e => InClass(e, "",
            "var form = new Dictionary<string, string>();\n        form.Add(\"query\", " + e.Expression + ");\n        form.Add(\"time\", \"1700000000\");\n"
            + "        await http.PostAsync(b + \"/api/v1/query\", new FormUrlEncodedContent(form));"));

        /// <summary><c>new StringBuilder(b).Append("/api/v1/query?query=").Append(Uri.EscapeDataString(expr))</c>.</summary>
        public static readonly DetectionPath StringBuilderAppend = new("StringBuilder.Append", QueryKind.Instant, e => InClass(e, "",
            "var url = new StringBuilder(b).Append(\"/api/v1/query?query=\").Append(Uri.EscapeDataString(" + e.Expression + ")).ToString();"));

        /// <summary><c>await QueryAsync(expr)</c>, the helper sending its parameter to <c>GET /api/v1/query?query=</c>.</summary>
        public static readonly DetectionPath InferredWrapper = new("inferred wrapper", QueryKind.Instant, e => InClass(e, Wrapper,
            "await QueryAsync(" + e.Expression + ");"));

        /// <summary><c>await PodMemory(expr)</c>, <c>PodMemory(string expr) => QueryAsync(expr)</c>: a wrapper of the wrapper.</summary>
        public static readonly DetectionPath WrapperChain = new("wrapper chain", QueryKind.Instant, e => InClass(e,
            Wrapper + "\n    private Task<string> PodMemory(string expr) => QueryAsync(expr);", "await PodMemory(" + e.Expression + ");"));

        /// <summary>PrometheusQuerySdk's <c>IPrometheusClient.QueryAsync(query, timestamp)</c>.</summary>
        public static readonly DetectionPath PrometheusQuerySdk = new("PrometheusQuerySdk.QueryAsync", QueryKind.Instant, e => InClass(e, "",
            "await new PrometheusQuerySdk.PrometheusClient().QueryAsync(" + e.Expression + ", DateTime.UtcNow);", after: KnownApis));

        /// <summary>Neon.Kube's <c>PrometheusClient.QueryRangeAsync(query, start, end)</c>.</summary>
        public static readonly DetectionPath NeonKube = new("Neon.Kube.QueryRangeAsync", QueryKind.Range, e => InClass(e, "",
            "await new Neon.Kube.PrometheusClient().QueryRangeAsync(" + e.Expression + ", DateTime.UtcNow.AddHours(-1), DateTime.UtcNow);", after: KnownApis));

        /// <summary>Masa's <c>new QueryRequest { Query = expr }</c>.</summary>
        public static readonly DetectionPath Masa = new("Masa QueryRequest", QueryKind.Instant, e => InClass(e, "",
            "var request = new Masa.Utils.Data.Prometheus.Model.QueryRequest { Query = " + e.Expression + " };", after: KnownApis));

        /// <summary>Google's <c>new QueryRangeRequest { Query = expr }</c> (Managed Service for Prometheus).</summary>
        public static readonly DetectionPath GoogleMonitoring = new("Google QueryRangeRequest", QueryKind.Range, e => InClass(e, "",
            "var request = new Google.Apis.Monitoring.v1.Data.QueryRangeRequest { Query = " + e.Expression + ", Step = \"60s\" };", after: KnownApis));

        /// <summary>
        /// <c>Run(string.Format(expr, ns))</c>: the format is the query. The query's braces are doubled first
        /// (<see cref="DetectionPath.Prepare"/>), as a format needs; a marked span ending on a <c>}</c> covers both. An
        /// interpolated format has them doubled twice (<c>{{{{</c>), which the analyzer reads too.
        /// </summary>
        public static readonly DetectionPath Format = new("string.Format to [StringSyntax]", QueryKind.Unknown, e => InClass(e,
            "    void Run([StringSyntax(\"PromQL\")] string query) { }", "Run(string.Format(" + e.Expression + ", ns));"),
            prepare: q => LiteralForms.Map(q, c => c == '{' ? "{{" : c == '}' ? "}}" : c.ToString()));

        /// <summary><c>var text = expr;</c>, unmarked: found by content only (a watched metric, no errors), never PROMQL100.</summary>
        public static readonly DetectionPath Content = new("content", QueryKind.Unknown, e => InClass(e, "", "var text = " + e.Expression + ";"), marks: false);

        /// <summary><c>$"{b}/api/v1/series?match[]={Uri.EscapeDataString(expr)}"</c>.</summary>
        public static readonly DetectionPath SeriesUrl = new("series URL match[]", QueryKind.Selector, e => InClass(e, "",
            "await http.GetStringAsync($\"{b}/api/v1/series?match[]={Uri.EscapeDataString(" + e.Expression + ")}&start=1\");"));

        /// <summary><c>b + "/api/v1/label/job/values?match[]=" + Uri.EscapeDataString(expr)</c>.</summary>
        public static readonly DetectionPath LabelValuesUrl = new("label values URL match[]", QueryKind.Selector, e => InClass(e, "",
            "var url = b + \"/api/v1/label/job/values?match[]=\" + Uri.EscapeDataString(" + e.Expression + ");"));

        /// <summary>PrometheusQuerySdk's <c>SeriesAsync(new[] { expr }, start, end)</c>.</summary>
        public static readonly DetectionPath PrometheusQuerySdkSeries = new("PrometheusQuerySdk.SeriesAsync", QueryKind.Selector, e => InClass(e, "",
            "await new PrometheusQuerySdk.PrometheusClient().SeriesAsync(new[] { " + e.Expression + " }, null, null);", after: KnownApis));

        /// <summary>Masa's <c>new MetaDataQueryRequest { Match = new[] { expr } }</c>.</summary>
        public static readonly DetectionPath MasaMatch = new("Masa MetaDataQueryRequest.Match", QueryKind.Selector, e => InClass(e, "",
            "var request = new Masa.Utils.Data.Prometheus.Model.MetaDataQueryRequest { Match = new[] { " + e.Expression + " } };", after: KnownApis));

        /// <summary>Google's <c>new QueryLabelsRequest { Match = expr }</c>.</summary>
        public static readonly DetectionPath GoogleMatch = new("Google QueryLabelsRequest.Match", QueryKind.Selector, e => InClass(e, "",
            "var request = new Google.Apis.Monitoring.v1.Data.QueryLabelsRequest { Match = " + e.Expression + " };", after: KnownApis));

        /// <summary>Every path that marks a query (all but <see cref="Content"/>) and runs it as a query (not a selector).</summary>
        public static readonly IReadOnlyList<DetectionPath> Queries = new[]
        {
            StringSyntax, LanguageComment, ConfiguredMethod, Local, UrlInterpolation, UrlConcatenation, FormContent,
            QueryHelpers, DictionaryAdd, StringBuilderAppend, InferredWrapper, WrapperChain, PrometheusQuerySdk, NeonKube,
            Masa, GoogleMonitoring, Format,
        };

        /// <summary>The series-selector paths (<c>match[]</c>): the string must be a bare vector selector (PROMQL101).</summary>
        public static readonly IReadOnlyList<DetectionPath> Selectors = new[]
        {
            SeriesUrl, LabelValuesUrl, PrometheusQuerySdkSeries, MasaMatch, GoogleMatch,
        };

        /// <summary>Every path: <see cref="Queries"/>, <see cref="Content"/>, <see cref="Selectors"/>.</summary>
        public static readonly IReadOnlyList<DetectionPath> All = Queries.Concat(new[] { Content }).Concat(Selectors).ToArray();

        /// <summary>The paths that mark a string: every rule applies (all but <see cref="Content"/>).</summary>
        public static readonly IReadOnlyList<DetectionPath> Marked = All.Where(p => p.Marks).ToArray();

        public static DetectionPath Named(string name) => All.Single(p => p.Name == name);

        /// <summary>ASP.NET Core's <c>QueryHelpers</c>, as the existing form tests declare it.</summary>
        private const string AspNetCoreStubs = """

            namespace Microsoft.AspNetCore.WebUtilities
            {
                public static class QueryHelpers
                {
                    public static string AddQueryString(string uri, string name, string value) => uri;
                }
            }
            """;
    }

    /// <summary>
    /// The one-call API for rule authors: a marked query, verified down every path in every literal form that fits.
    /// <code>
    /// public static TheoryData&lt;string, string&gt; Cases =&gt; DetectionMatrix.Cases(DetectionPaths.Marked);
    ///
    /// [Theory, MemberData(nameof(Cases))]
    /// public Task MyRule_EveryPath(string path, string form) =&gt;
    ///     DetectionMatrix.VerifyAsync("sum({|PROMQL0nn:…|})", path, form);
    /// </code>
    /// or, in one fact, <c>await DetectionMatrix.VerifyEveryPathAsync(markedQuery, DetectionPaths.Marked)</c>, which
    /// runs every combination and fails with the list of those that did not give the marked diagnostics.
    /// </summary>
    internal static class DetectionMatrix
    {
        /// <summary>Every (path, form) pair of names, the forms a path excludes left out.</summary>
        public static TheoryData<string, string> Cases(IEnumerable<DetectionPath> paths, IEnumerable<LiteralForm>? forms = null)
        {
            var data = new TheoryData<string, string>();
            foreach (var (path, form) in Combinations(paths, forms))
            {
                data.Add(path.Name, form.Name);
            }

            return data;
        }

        public static IEnumerable<(DetectionPath Path, LiteralForm Form)> Combinations(IEnumerable<DetectionPath> paths, IEnumerable<LiteralForm>? forms = null)
        {
            var formList = (forms ?? LiteralForms.All).ToList();
            return paths.SelectMany(p => formList.Where(p.Fits).Select(f => (p, f)));
        }

        /// <summary>Verifies <paramref name="markedQuery"/> down the path and in the form named.</summary>
        public static Task VerifyAsync(string markedQuery, string path, string form, string? editorConfig = null) =>
            VerifyAsync(markedQuery, DetectionPaths.Named(path), LiteralForms.Named(form), editorConfig);

        public static Task VerifyAsync(string markedQuery, DetectionPath path, LiteralForm form, string? editorConfig = null)
        {
            var config = path.EditorConfig is null && editorConfig is null ? null : path.EditorConfig + editorConfig;
            return VerifyCS.VerifyAnalyzerAsync(path.Source(markedQuery, form), config);
        }

        /// <summary>Every combination of <paramref name="paths"/> and <paramref name="forms"/>; fails once, listing each that failed.</summary>
        public static async Task VerifyEveryPathAsync(string markedQuery, IEnumerable<DetectionPath> paths, IEnumerable<LiteralForm>? forms = null, string? editorConfig = null)
        {
            var failures = new List<string>();
            var count = 0;
            foreach (var (path, form) in Combinations(paths, forms))
            {
                count++;
                try
                {
                    await VerifyAsync(markedQuery, path, form, editorConfig).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(path.Name + " × " + form.Name + ": " + e.Message.Split('\n')[0]);
                }
            }

            Assert.True(failures.Count == 0, failures.Count + " of " + count + " combinations failed:\n" + string.Join("\n", failures));
        }
    }
}
