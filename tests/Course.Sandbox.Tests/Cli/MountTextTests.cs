using Course.Core.Errors;
using Course.Sandbox.Cli;

namespace Course.Sandbox.Tests.Cli;

public sealed class MountTextTests
{
    [Fact]
    public void Parse_NoMode_IsReadOnly()
    {
        var mount = MountText.Parse("/data/mnist:/data");

        Assert.Equal(("/data/mnist", "/data", true), (mount.Source, mount.Target, mount.ReadOnly));
    }

    [Theory]
    [InlineData("/a:/b:ro", true)]
    [InlineData("/a:/b:rw", false)]
    public void Parse_Mode_IsHonoured(string text, bool readOnly) => Assert.Equal(readOnly, MountText.Parse(text).ReadOnly);

    [Theory]
    [InlineData("/only")]
    [InlineData(":/b")]
    [InlineData("/a:")]
    public void Parse_Malformed_ThrowsBadInput(string text) => Assert.Throws<BadInputException>(() => MountText.Parse(text));
}
