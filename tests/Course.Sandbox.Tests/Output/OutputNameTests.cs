using Course.Sandbox.Output;

namespace Course.Sandbox.Tests.Output;

public sealed class OutputNameTests
{
    [Theory]
    [InlineData("out/", null)]
    [InlineData("out", null)]
    [InlineData("out/a/b.csv", "a/b.csv")]
    [InlineData("out/dir/", "dir")]
    public void Relative_EngineEntryName_StripsOutFolder(string entry, string? expected) =>
        Assert.Equal(expected, OutputName.Relative(entry));

    [Theory]
    [InlineData("a\nb")]
    [InlineData("bad\uFFFDname")]
    [InlineData("tab\tname")]
    public void Problem_OddName_IsUnsafe(string name) => Assert.Contains("unsafe", OutputName.Problem(name));

    [Theory]
    [InlineData("predictions.csv")]
    [InlineData("plots/loss curve.png")]
    [InlineData("résumé.txt")]
    public void Problem_PlainName_IsNull(string name) => Assert.Null(OutputName.Problem(name));
}
