using PromQL.Analyzers.Rules;
using Xunit;

namespace PromQL.Analyzers.Tests.Rules
{
    public class EqualityWithRegexValueRuleTests
    {
        private static string[] Spans(string query) => RuleRunner.Texts(query, RuleRunner.Run(EqualityWithRegexValueRule.Find, query));

        [Theory]
        [InlineData("up{code=\"5..\"}", "code=\"5..\"", "regex", "code=~\"5..\"")]
        [InlineData("up{code!=\"5..\"}", "code!=\"5..\"", "regex", "code!~\"5..\"")]
        [InlineData("up{code=\"5..|4..\"}", "code=\"5..|4..\"", "regex", "code=~\"5..|4..\"")]
        [InlineData("up{pod=\"api-.*\"}", "pod=\"api-.*\"", "regex", "pod=~\"api-.*\"")]
        [InlineData("up{pod='api-.+'}", "pod='api-.+'", "regex", "pod=~\"api-.+\"")]
        [InlineData("up{pod=`api-.{5}`}", "pod=`api-.{5}`", "regex", "pod=~\"api-.{5}\"")]
        [InlineData("up{instance=\"a|b\"}", "instance=\"a|b\"", "regex", "instance=~\"a|b\"")]
        [InlineData("up{instance=\"10.0.0.1:9100|10.0.0.2:9100\"}", "instance=\"10.0.0.1:9100|10.0.0.2:9100\"", "regex", "instance=~\"10.0.0.1:9100|10.0.0.2:9100\"")]
        [InlineData("up{code=\"5[0-9][0-9]\"}", "code=\"5[0-9][0-9]\"", "regex", "code=~\"5[0-9][0-9]\"")]
        [InlineData("up{code=\"[^2-3]..\"}", "code=\"[^2-3]..\"", "regex", "code=~\"[^2-3]..\"")]
        [InlineData("up{pod=\"api-\\\\d+\"}", "pod=\"api-\\\\d+\"", "regex", "pod=~\"api-\\\\d+\"")]
        [InlineData("up{pod=`api-\\d+`}", "pod=`api-\\d+`", "regex", "pod=~\"api-\\\\d+\"")]
        [InlineData("up{host=`api\\.example\\.com`}", "host=`api\\.example\\.com`", "regex", "host=~\"api\\\\.example\\\\.com\"")]
        [InlineData("up{host=\"api\\\\.example\"}", "host=\"api\\\\.example\"", "regex", "host=~\"api\\\\.example\"")]
        [InlineData("up{job=\"^api-.*$\"}", "job=\"^api-.*$\"", "regex", "job=~\"^api-.*$\"")]
        [InlineData("up{job=\"(api|web)-server\"}", "job=\"(api|web)-server\"", "regex", "job=~\"(api|web)-server\"")]
        [InlineData("up{integration=\"~.*\"}", "integration=\"~.*\"", "regex", "integration=~\".*\"")]
        [InlineData("{__name__=\"http_.*\"}", "__name__=\"http_.*\"", "regex", "__name__=~\"http_.*\"")]
        [InlineData("up{job=\"*-api\"}", "job=\"*-api\"", "glob", "job=~\".*-api\"")]
        [InlineData("up{job=\"api-*\"}", "job=\"api-*\"", "glob", "job=~\"api-.*\"")]
        [InlineData("up{job!=\"api*\"}", "job!=\"api*\"", "glob", "job!~\"api.*\"")]
        [InlineData("up{job=\"*\"}", "job=\"*\"", "glob", "job=~\".*\"")]
        [InlineData("up{host=\"*.example.com\"}", "host=\"*.example.com\"", "glob", "host=~\".*\\\\.example\\\\.com\"")]
        [InlineData("up{host=`*.example.com`}", "host=`*.example.com`", "glob", "host=~\".*\\\\.example\\\\.com\"")]
        [InlineData("up{node=\"node-?-a\"}", "node=\"node-?-a\"", "glob", "node=~\"node-.-a\"")]
        [InlineData("up{instance=\"*:9100\"}", "instance=\"*:9100\"", "glob", "instance=~\".*:9100\"")]
        public void RegexOrGlobValue_ReportedOnTheMatcher(string query, string span, string kind, string suggestion)
        {
            var finding = Assert.Single(RuleRunner.Run(EqualityWithRegexValueRule.Find, query));
            Assert.Same(Descriptors.EqualityWithRegexValue, finding.Descriptor);
            Assert.Equal(span, RuleRunner.Text(query, finding));
            Assert.Equal(kind, finding.MessageArgs[1]);
            Assert.Equal("'" + suggestion + "'", finding.MessageArgs[2]);
        }

        [Theory]
        [InlineData("10.0.0.1:9100")]
        [InlineData("[::1]:9090")]
        [InlineData("[2001:db8::1]:9100")]
        [InlineData("[fe80::1%eth0]:9100")]
        [InlineData("host.example.com:443")]
        [InlineData("v1.2.3")]
        [InlineData("1.28+")]
        [InlineData("1.28+|1.29")]
        [InlineData("nginx:1.25")]
        [InlineData("registry.k8s.io/kube-proxy:v1.28.2")]
        [InlineData("/api/v1/query")]
        [InlineData("/api/v1/*")]
        [InlineData("/**")]
        [InlineData("*/*")]
        [InlineData("https://example.com/a?b=c")]
        [InlineData("api-7d9f8b6c5-x2x4z")]
        [InlineData("+Inf")]
        [InlineData("0.99")]
        [InlineData(".5")]
        [InlineData("a..b")]
        [InlineData("../etc")]
        [InlineData("loading...")]
        [InlineData("5.")]
        [InlineData("[info]")]
        [InlineData("disk[12]")]
        [InlineData("[1,2]")]
        [InlineData("a|")]
        [InlineData("|a")]
        [InlineData("a||b")]
        [InlineData("a | b")]
        [InlineData("api-*|web-*")]
        [InlineData("a*b")]
        [InlineData("**")]
        [InlineData("?")]
        [InlineData("done?")]
        [InlineData("what?-x")]
        [InlineData("$cluster")]
        [InlineData("${cluster}")]
        [InlineData("$__all")]
        [InlineData("[[instance]]")]
        [InlineData("{{ .Values.job }}")]
        [InlineData("{id}")]
        [InlineData("C:\\\\data\\\\d+")]
        [InlineData("data\\\\scripts")]
        [InlineData("requests.cpu")]
        [InlineData("node.kubernetes.io/unreachable")]
        [InlineData("a(b")]
        [InlineData("x+y")]
        [InlineData("~api")]
        [InlineData("")]
        public void PlainValue_Silent(string value)
        {
            Assert.Empty(Spans("up{v=\"" + value.Replace("\"", "\\\"") + "\"}"));
            Assert.Empty(Spans("up{v!=\"" + value.Replace("\"", "\\\"") + "\"}"));
        }

        [Theory]
        [InlineData("up{pod=~\"api-.*\"}")]
        [InlineData("up{pod!~\"5..\"}")]
        [InlineData("up{pod=\"api-.*\uE000\"}")]
        [InlineData("up{pod=\"\uE000.*\"}")]
        [InlineData("up{pod=\"*-\uE000\"}")]
        [InlineData("up{\uE000=\"api-.*\"}")]
        [InlineData("{\"api-.*\"}")]
        [InlineData("up{pod=\"api-(.*\"}")]
        [InlineData("up{pod=\"x{2,1}.*\"}")]
        public void RegexMatcherHoleOrBareNameOrInvalidRegex_Silent(string query) => Assert.Empty(Spans(query));

        [Fact]
        public void GoEscapesAreDecodedFirst()
        {
            // \x2e\x2a is ".*" once Go has decoded the string; \u002a is "*".
            Assert.Equal(new[] { "pod=\"api-\\x2e\\x2a\"" }, Spans("up{pod=\"api-\\x2e\\x2a\"}"));
            Assert.Equal(new[] { "job='\\u002a-api'" }, Spans("up{job='\\u002a-api'}"));
        }

        [Fact]
        public void EveryMatcherOfEverySelector()
        {
            const string query = "rate(a{x=\"5..\", y=\"ok\"}[5m]) / on() b{z!=\"*-api\", w=\"10.0.0.1:9100\"}";
            Assert.Equal(new[] { "x=\"5..\"", "z!=\"*-api\"" }, Spans(query));
        }
    }
}
