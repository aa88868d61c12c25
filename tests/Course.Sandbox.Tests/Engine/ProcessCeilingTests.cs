using Course.Sandbox.Engine;
using Docker.DotNet.Models;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Engine;

public sealed class ProcessCeilingTests
{
    private const long Limit = 64;

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void FullForFiveSecondsOfSamples_IsHeld()
    {
        var ceiling = new ProcessCeiling(Limit, _clock);

        Feed(ceiling, Limit, Limit, Limit, Limit, Limit, Limit);

        Assert.True(ceiling.Held.IsCompleted);
    }

    [Fact]
    public void FullForFourSeconds_IsNotYetHeld()
    {
        var ceiling = new ProcessCeiling(Limit, _clock);

        Feed(ceiling, Limit, Limit, Limit, Limit, Limit);

        Assert.False(ceiling.Held.IsCompleted);
    }

    [Fact]
    public void TouchingTheLimitAndBackingOff_StartsTheStretchAgain()
    {
        var ceiling = new ProcessCeiling(Limit, _clock);

        Feed(ceiling, Limit, Limit, Limit, Limit, Limit - 1, Limit, Limit, Limit, Limit, 3, Limit);

        Assert.False(ceiling.Held.IsCompleted);
    }

    [Fact]
    public void StoppedContainerSamplesWithoutProcesses_NeverHold()
    {
        var ceiling = new ProcessCeiling(Limit, _clock);

        for (var i = 0; i < 10; i++)
        {
            ceiling.Report(new ContainerStatsResponse());
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.False(ceiling.Held.IsCompleted);
    }

    /// <summary>One sample a second, as the engine's stats stream sends them.</summary>
    private void Feed(ProcessCeiling ceiling, params long[] processes)
    {
        foreach (var count in processes)
        {
            ceiling.Report(new ContainerStatsResponse { PidsStats = new PidsStats { Current = (ulong)count, Limit = Limit } });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
