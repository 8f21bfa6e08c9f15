using Xunit;

namespace PromQL.Parsing.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Parse_NullText_ReturnsResultWithoutThrowing()
        {
            var result = PromQlParser.Parse(null!);
            Assert.NotNull(result);
        }
    }
}
