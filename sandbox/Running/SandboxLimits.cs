namespace Course.Sandbox.Running;

/// <summary>
/// Hard limits of one run. Defaults: 1 CPU, 1 GiB memory (swap equal, so nothing spills),
/// 256 processes, 10 minutes wall clock, no GPU, 256 MiB of non-executable <c>/tmp</c>, 1024 open files.
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>CPU quota; the job also gets <c>ceil(Cpus)</c> cores of its own while it runs.</summary>
    public double Cpus { get; init; } = 1;

    public long MemoryBytes { get; init; } = 1L << 30;

    public long Pids { get; init; } = 256;

    /// <summary>Wall clock from start; then the container is killed with SIGKILL (SIGTERM may be ignored).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Number of GPUs, leased host-wide from the host's GPUs for the run (it waits for free ones).</summary>
    public int Gpus { get; init; }

    /// <summary>
    /// Exact GPU UUIDs (wins over <see cref="Gpus"/>) that the caller has leased itself
    /// (<see cref="GpuLeases.IHostGpus"/>) and holds until the run returns; empty for none.
    /// </summary>
    public IReadOnlyList<string> GpuDeviceIds { get; init; } = [];

    /// <summary>Size of the <c>/tmp</c> tmpfs.</summary>
    public long TmpBytes { get; init; } = 256L << 20;

    /// <summary>Allow executing files from <c>/tmp</c> (some toolchains need it); off by default.</summary>
    public bool TmpExec { get; init; }

    public long OpenFiles { get; init; } = 1024;

    public OutputLimits Output { get; init; } = new();
}
