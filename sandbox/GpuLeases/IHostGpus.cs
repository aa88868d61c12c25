namespace Course.Sandbox.GpuLeases;

/// <summary>
/// This host's GPUs, leased host-wide: two processes on one host (workers, the server, calibration) never
/// hold the same GPU at once, and a process that dies lets go of its GPUs with it. See sandbox/README.md.
/// </summary>
public interface IHostGpus
{
    /// <summary>The UUIDs of this host's GPUs: <c>Sandbox:Gpus</c>, else what nvidia-smi lists, else none.</summary>
    IReadOnlyList<string> Devices { get; }

    /// <summary>Where <see cref="Devices"/> came from, for messages ("Sandbox:Gpus", "nvidia-smi", ...).</summary>
    string Source { get; }

    /// <summary>How many of <see cref="Devices"/> no one holds right now (a hint: the next moment may differ).</summary>
    int CountFree();

    /// <summary>
    /// Waits until <paramref name="count"/> GPUs are free and holds them for <paramref name="holder"/> (a job
    /// label, written into the lock files for whoever looks); 0 gives <see cref="GpuLease.None"/>.
    /// </summary>
    Task<GpuLease> AcquireAsync(int count, string holder, CancellationToken cancellation);
}
