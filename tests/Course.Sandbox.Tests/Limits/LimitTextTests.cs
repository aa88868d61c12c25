using Course.Core.Errors;
using Course.Sandbox.Limits;

namespace Course.Sandbox.Tests.Limits;

public sealed class LimitTextTests
{
    [Theory]
    [InlineData("512m", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("2048k", 2L << 20)]
    [InlineData("100", 100)]
    [InlineData("1G", 1L << 30)]
    public void ParseBytes_ValidSize_ReturnsBytes(string text, long expected) =>
        Assert.Equal(expected, LimitText.ParseBytes(text));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("12x")]
    [InlineData("-5m")]
    [InlineData("0")]
    public void ParseBytes_Invalid_ThrowsBadInputNamingField(string text)
    {
        var failure = Assert.Throws<BadInputException>(() => LimitText.ParseBytes(text, "--memory"));
        Assert.StartsWith("--memory:", failure.Message);
    }

    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("500ms", 500)]
    [InlineData("2", 2_000)]
    public void ParseDuration_Valid_ReturnsDuration(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), LimitText.ParseDuration(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("5d")]
    public void ParseDuration_Invalid_ThrowsBadInput(string text) =>
        Assert.Throws<BadInputException>(() => LimitText.ParseDuration(text, "--timeout"));
}
