using Docker.DotNet;
using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// Follows a started container's stats stream (about one sample a second) into a <see cref="MemoryPeak"/>
/// and a <see cref="ProcessCeiling"/> until <see cref="StopAsync"/>. The engine keeps streaming empty samples
/// after the container stops, so the stream is always cut here, never left to end on its own; and a cut the
/// client library does not notice at once is waited for only briefly, since a measurement must never hold up
/// a run.
/// </summary>
internal sealed class StatsWatch : IAsyncDisposable, IProgress<ContainerStatsResponse>
{
    private static readonly TimeSpan CutPatience = TimeSpan.FromSeconds(3);

    private readonly MemoryPeak _peak = new();
    private readonly ProcessCeiling _ceiling;
    private readonly CancellationTokenSource _stop;
    private readonly Task _following;
    private readonly TimeProvider _time;
    private Task<long?>? _stopped;

    private StatsWatch(IDockerClient docker, string containerId, long processLimit, TimeProvider time, CancellationToken cancellation)
    {
        _time = time;
        _ceiling = new ProcessCeiling(processLimit, time);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _following = docker.Containers.GetContainerStatsAsync(containerId,
            new ContainerStatsParameters { Stream = true }, this, _stop.Token);
    }

    /// <summary>Completes when the container has kept its process limit full (see <see cref="ProcessCeiling"/>).</summary>
    public Task ProcessLimitHeld => _ceiling.Held;

    /// <summary>Starts following; the run does not wait for the first sample.</summary>
    public static StatsWatch Start(IDockerClient docker, string containerId, long processLimit, TimeProvider time,
        CancellationToken cancellation) =>
        new(docker, containerId, processLimit, time, cancellation);

    /// <summary>Cuts the stream and returns the peak seen so far (null when no sample was taken); once.</summary>
    public Task<long?> StopAsync() => _stopped ??= StopOnceAsync();

    public void Report(ContainerStatsResponse value)
    {
        _peak.Report(value);
        _ceiling.Report(value);
    }

    private async Task<long?> StopOnceAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _following.WaitAsync(CutPatience, _time);
        }
        catch (Exception)
        {
            // The peak is a measurement, not the verdict: a stream the engine refused or broke (or the
            // cut itself, surfacing as a cancellation, a closed stream or a timeout) leaves the peak as
            // sampled so far. The run's own engine calls report a failing engine.
        }

        return _peak.Bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
