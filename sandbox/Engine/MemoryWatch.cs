using Docker.DotNet;
using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// Follows a started container's stats stream (about one sample a second) into a
/// <see cref="MemoryPeak"/> until <see cref="StopAsync"/>. The engine keeps streaming empty samples
/// after the container stops, so the stream is always cut here, never left to end on its own; and a
/// cut the client library does not notice at once is waited for only briefly, since a measurement
/// must never hold up a run.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private static readonly TimeSpan CutPatience = TimeSpan.FromSeconds(3);

    private readonly MemoryPeak _peak = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task _following;
    private readonly TimeProvider _time;
    private Task<long?>? _stopped;

    private MemoryWatch(IDockerClient docker, string containerId, TimeProvider time, CancellationToken cancellation)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _following = docker.Containers.GetContainerStatsAsync(containerId,
            new ContainerStatsParameters { Stream = true }, _peak, _stop.Token);
    }

    /// <summary>Starts following; the run does not wait for the first sample.</summary>
    public static MemoryWatch Start(IDockerClient docker, string containerId, TimeProvider time, CancellationToken cancellation) =>
        new(docker, containerId, time, cancellation);

    /// <summary>Cuts the stream and returns the peak seen so far (null when no sample was taken); once.</summary>
    public Task<long?> StopAsync() => _stopped ??= StopOnceAsync();

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
