using Course.Core.Errors;
using Course.Sandbox.Engine;
using Microsoft.Extensions.Configuration;

namespace Course.Sandbox.Tests.Engine;

public sealed class SandboxOptionsReaderTests
{
    private static SandboxOptions Read(params (string Key, string Value)[] settings) =>
        SandboxOptionsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Sandbox:{s.Key}", s.Value)))
            .Build());

    [Fact]
    public void Read_NothingAboutGpus_AsksTheDriverAndLeasesInRunLock()
    {
        var options = Read();

        Assert.Null(options.Gpus);
        Assert.Equal("/run/lock/course-gpus", options.LeaseRoot);
        Assert.Equal(GpuHandOver.Nvidia, options.GpuDevices);
    }

    [Fact]
    public void Read_GpuListAndFakeHandOver_TakesBoth()
    {
        var options = Read(("Gpus", " GPU-a , MIG-GPU-b/1/0"), ("GpuDevices", "fake"), ("LeaseRoot", "/srv/leases"));

        Assert.Equal(["GPU-a", "MIG-GPU-b/1/0"], options.Gpus);
        Assert.Equal((GpuHandOver.Fake, "/srv/leases"), (options.GpuDevices, options.LeaseRoot));
    }

    [Fact]
    public void Read_GpusNone_NoGpuEvenWithADriver()
    {
        Assert.Equal([], Read(("Gpus", "none")).Gpus);
    }

    [Theory]
    [InlineData("GPU-a,GPU-a", "'GPU-a' is listed twice")]
    [InlineData("GPU-a,GPU b", "'GPU b' is not a GPU UUID")]
    [InlineData(",", "empty")]
    public void Read_BadGpuList_RefusedNamingTheSetting(string gpus, string problem)
    {
        var failure = Assert.Throws<BadInputException>(() => Read(("Gpus", gpus)));

        Assert.Contains("Sandbox:Gpus", failure.Message);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void Read_UnknownGpuHandOver_RefusedNamingTheChoices()
    {
        var failure = Assert.Throws<BadInputException>(() => Read(("GpuDevices", "amd")));

        Assert.Contains("Sandbox:GpuDevices: 'amd' is not 'nvidia' (the default) or 'fake' (tests only)", failure.Message);
    }
}
