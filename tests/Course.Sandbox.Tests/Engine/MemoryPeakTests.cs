using Course.Sandbox.Engine;
using Docker.DotNet.Models;

namespace Course.Sandbox.Tests.Engine;

public sealed class MemoryPeakTests
{
    private const ulong MiB = 1 << 20;

    private static MemoryPeak CreateSut(params ContainerStatsResponse[] samples)
    {
        var peak = new MemoryPeak();
        foreach (var sample in samples)
        {
            peak.Report(sample);
        }

        return peak;
    }

    private static ContainerStatsResponse Sample(ulong usage, ulong maxUsage = 0, ulong? kernelPeak = null) => new()
    {
        MemoryStats = new MemoryStats
        {
            Usage = usage,
            MaxUsage = maxUsage,
            Stats = kernelPeak is { } peak ? new Dictionary<string, ulong> { ["peak"] = peak, ["anon"] = 1 * MiB } : new Dictionary<string, ulong>(),
        },
    };

    // What the engine streams once the container has stopped: name and id, no figures.
    private static ContainerStatsResponse Stopped() => new() { Name = "/stopped" };

    [Fact]
    public void Bytes_CgroupV1_IsTheHighWaterMarkEvenWhenSampledAfterTheSpike()
    {
        var peak = CreateSut(Sample(10 * MiB, maxUsage: 10 * MiB), Sample(12 * MiB, maxUsage: 50 * MiB), Stopped());

        Assert.Equal((long)(50 * MiB), peak.Bytes);
    }

    [Fact]
    public void Bytes_CgroupV2_IsTheLargestUsageSampled()
    {
        var peak = CreateSut(Sample(10 * MiB), Sample(49 * MiB), Sample(3 * MiB), Stopped());

        Assert.Equal((long)(49 * MiB), peak.Bytes);
    }

    [Fact]
    public void Bytes_CgroupV2WithKernelPeak_UsesThePeakBetweenSamples()
    {
        var peak = CreateSut(Sample(10 * MiB, kernelPeak: 60 * MiB), Sample(4 * MiB, kernelPeak: 60 * MiB));

        Assert.Equal((long)(60 * MiB), peak.Bytes);
    }

    [Fact]
    public void Bytes_OnlyStoppedSamplesOrNone_IsNullNotZero()
    {
        Assert.Null(CreateSut().Bytes);
        Assert.Null(CreateSut(Stopped(), Sample(0)).Bytes);
    }
}
