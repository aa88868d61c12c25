namespace Course.Sandbox.GpuLeases;

/// <summary>GPUs held by one job, host-wide; disposing lets go of them once.</summary>
public sealed class GpuLease : IDisposable
{
    private readonly Action _release;
    private int _released;

    internal GpuLease(IReadOnlyList<string> devices, Action release)
    {
        Devices = devices;
        _release = release;
    }

    /// <summary>No GPU.</summary>
    public static GpuLease None { get; } = new([], () => { });

    /// <summary>The UUIDs of the GPUs held.</summary>
    public IReadOnlyList<string> Devices { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release();
        }
    }
}
