using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// The highest memory use seen in a container's stats samples: on cgroup v1 the cgroup's own
/// high-water mark (<c>max_usage</c>), on cgroup v2 the largest <c>usage</c> sampled or the
/// kernel's <c>peak</c> when the engine passes it on. <see cref="Bytes"/> is null until a sample
/// of a running container arrived. Samples are reported one after another by the stats reader.
/// </summary>
internal sealed class MemoryPeak : IProgress<ContainerStatsResponse>
{
    private const string PeakKey = "peak";

    private ulong _highest;

    /// <summary>Peak bytes, or null when no sample of the running container was taken.</summary>
    public long? Bytes => _highest == 0 ? null : (long)Math.Min(_highest, long.MaxValue);

    public void Report(ContainerStatsResponse value)
    {
        // A stopped container's samples carry no memory figures (zeros): they change nothing.
        if (value.MemoryStats is not { } memory)
        {
            return;
        }

        var peak = memory.Stats?.TryGetValue(PeakKey, out var kernelPeak) == true ? kernelPeak : 0;
        _highest = Math.Max(_highest, Math.Max(peak, Math.Max(memory.MaxUsage, memory.Usage)));
    }
}
