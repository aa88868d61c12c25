using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// Notices a container that keeps its process limit full: a fork bomb, or a program forking without end.
/// The limit already stops the machine from harm, but such a run would otherwise hold its grading slot until
/// the time limit (ten minutes for a training homework). <see cref="Held"/> completes once every stats sample
/// for <see cref="Patience"/> showed the limit reached; a program that touches the limit and backs off is left alone.
/// </summary>
internal sealed class ProcessCeiling(long limit, TimeProvider time) : IProgress<ContainerStatsResponse>
{
    /// <summary>Samples come about once a second: five full seconds in a row is no accident.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long? _fullSince;

    public Task Held => _held.Task;

    public void Report(ContainerStatsResponse value)
    {
        // A stopped container's samples carry no process count (zero): they end any full stretch.
        var current = value.PidsStats?.Current ?? 0;
        if (current < (ulong)limit)
        {
            _fullSince = null;
            return;
        }

        _fullSince ??= time.GetTimestamp();
        if (time.GetElapsedTime(_fullSince.Value) >= Patience)
        {
            _held.TrySetResult();
        }
    }
}
