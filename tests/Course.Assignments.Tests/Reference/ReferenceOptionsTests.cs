using Course.Reference;

namespace Course.Assignments.Tests.Reference;

public sealed class ReferenceOptionsTests
{
    [Fact]
    public void Parse_NoDevice_IsAuto() =>
        Assert.Equal("auto", Options.Parse([]).Device);

    [Theory]
    [InlineData("auto")]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public void Parse_KnownDevice_IsKept(string device) =>
        Assert.Equal(device, Options.Parse(["--model", "lenet", "--device", device, "--epochs", "1"]).Device);

    [Theory]
    [InlineData("gpu")]
    [InlineData("CUDA")]
    [InlineData("cuda:0")]
    [InlineData("")]
    public void Parse_UnknownDevice_IsAUsageErrorNamingTheOption(string device)
    {
        var error = Assert.Throws<UsageException>(() => Options.Parse(["--device", device]));

        Assert.Equal($"--device: '{device}' is not auto, cpu or cuda", error.Message);
    }

    [Fact]
    public void Parse_DeviceWithoutValue_IsAUsageErrorNamingTheOption()
    {
        var error = Assert.Throws<UsageException>(() => Options.Parse(["--epochs", "1", "--device"]));

        Assert.StartsWith("--device needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_NamesTheDeviceOption() =>
        Assert.Contains("[--device auto|cpu|cuda]", Options.Usage, StringComparison.Ordinal);
}
