using System.Threading.Tasks;
using PromQL.Analyzers.CodeFixes.Tests.Support;
using Xunit;
using VerifyCS = PromQL.Analyzers.CodeFixes.Tests.Support.CSharpCodeFixVerifier<PromQL.Analyzers.CodeFixes.UseRegexMatcherCodeFixProvider>;

namespace PromQL.Analyzers.CodeFixes.Tests.SelectorFixes
{
    /// <summary>
    /// PROMQL023's fix in every literal kind: = becomes =~ and != becomes !~; a regex value stays as written (its escapes
    /// too), a glob becomes RE2 (* to .*, ? to ., a dot escaped for the quote it stands in); all at once in Fix All.
    /// </summary>
    public class UseRegexMatcherTests
    {
        [Fact]
        public Task RegularString_StatusClass_OperatorOnly() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "sum(rate(http_requests_total{{|PROMQL023:code=\"5..\"|}}[5m]))"
                    """),
                Sources.Marked("""
                    "sum(rate(http_requests_total{code=~\"5..\"}[5m]))"
                    """));

        [Fact]
        public Task RegularString_Glob_Translated() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL023:job=\"*-api\"|}}"
                    """),
                Sources.Marked("""
                    "up{job=~\".*-api\"}"
                    """));

        [Fact]
        public Task RegularString_GlobWithDots_DotsEscapedTwice() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL023:host=\"*.example.com\"|}}"
                    """),
                Sources.Marked("""
                    "up{host=~\".*\\\\.example\\\\.com\"}"
                    """));

        [Fact]
        public Task VerbatimString_NotEqual_BecomesNotRegex() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"up{{|PROMQL023:pod!=""api-.*""|}}"
                    """""),
                Sources.Marked("""""
                    @"up{pod!~""api-.*""}"
                    """""));

        [Fact]
        public Task VerbatimString_GlobWithDots() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    @"up{{|PROMQL023:host!=""*.example.com""|}}"
                    """""),
                Sources.Marked("""""
                    @"up{host!~"".*\\.example\\.com""}"
                    """""));

        [Fact]
        public Task RawString_EscapedDotKept_SpacesKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL023:host = 'api\\.example|web\\.example'|}}"""
                    """""),
                Sources.Marked("""""
                    """up{host =~ 'api\\.example|web\\.example'}"""
                    """""));

        [Fact]
        public Task RawString_GoBacktick_GlobDotEscapedOnce() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL023:host=`*.example.com`|}}"""
                    """""),
                Sources.Marked("""""
                    """up{host=~`.*\.example\.com`}"""
                    """""));

        [Fact]
        public Task RawString_GoBacktick_RegexKept() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""""
                    """up{{|PROMQL023:code!=`5\d{2}`|}}"""
                    """""),
                Sources.Marked("""""
                    """up{code!~`5\d{2}`}"""
                    """""));

        [Fact]
        public Task TildeOnTheWrongSide_Moved() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "up{{|PROMQL023:pod=\"~api-.+\"|}}"
                    """),
                Sources.Marked("""
                    "up{pod=~\"api-.+\"}"
                    """));

        [Fact]
        public Task InterpolatedWithHoleInAnotherMatcher_Fixed() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    $"up{{ns=\"{ns}\", {|PROMQL023:job=\"api-?\"|}}}"
                    """),
                Sources.Marked("""
                    $"up{{ns=\"{ns}\", job=~\"api-.\"}}"
                    """));

        [Fact]
        public Task EveryMatcher_FixAll() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.Marked("""
                    "rate(x{{|PROMQL023:a='5..'|}, {|PROMQL023:b!='*-api'|}}[5m]) / y{{|PROMQL023:c='a|b'|}}"
                    """),
                Sources.Marked("""
                    "rate(x{a=~'5..', b!~'.*-api'}[5m]) / y{c=~'a|b'}"
                    """));

        [Fact]
        public Task GlobValueWithAnEscape_ReportedButNoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.Marked("""
                "up{{|PROMQL023:job=\"\\x2a-api\"|}}"
                """));

        [Fact]
        public Task ConstantHoldsTheEquality_TildeInsertedAfterIt() =>
            VerifyCS.VerifyCodeFixAsync(
                Sources.InMethod("""
                    const string op = "=";
                    Run($"up{{{|PROMQL023:job{op}'*-api'|}}}");
                    """),
                Sources.InMethod("""
                    const string op = "=";
                    Run($"up{{job{op}~'.*-api'}}");
                    """));

        [Fact]
        public Task ConstantHoldsTheInequality_NoFix() =>
            VerifyCS.VerifyNoFixAsync(Sources.InMethod("""
                const string op = "!=";
                Run($"up{{{|PROMQL023:job{op}'*-api'|}}}");
                """));
    }
}
