namespace Course.Sandbox.Engine;

/// <summary>
/// Host settings of the sandbox, from configuration section <c>Sandbox</c> (environment
/// variables <c>Sandbox__Engine</c>, <c>Sandbox__WorkRoot</c>, <c>Sandbox__Cores</c>, <c>Sandbox__Gpus</c>,
/// <c>Sandbox__LeaseRoot</c>, <c>Sandbox__GpuDevices</c>).
/// </summary>
internal sealed record SandboxOptions
{
    /// <summary>The Docker engine endpoint; the local socket by default.</summary>
    public Uri Engine { get; init; } = new("unix:///var/run/docker.sock");

    /// <summary>
    /// Where each job's <c>/out</c> lives on the host while it runs (the engine must see this
    /// path, so the engine is local). Default: <c>course-sandbox</c> in the temp folder.
    /// </summary>
    public string WorkRoot { get; init; } = Path.Combine(Path.GetTempPath(), "course-sandbox");

    /// <summary>Host cores handed out to jobs (a cpuset per job); all cores by default.</summary>
    public IReadOnlyList<int> Cores { get; init; } = Enumerable.Range(0, Environment.ProcessorCount).ToArray();

    /// <summary>This host's GPU UUIDs, handed out one job per GPU; null: ask nvidia-smi; empty: none ("none").</summary>
    public IReadOnlyList<string>? Gpus { get; init; }

    /// <summary>
    /// The folder of GPU lock files shared by every grader process of the host (see <c>GpuLeases/LeaseFolder</c>).
    /// /run/lock is cleared at boot, when no lease can be left anyway.
    /// </summary>
    public string LeaseRoot { get; init; } = "/run/lock/course-gpus";

    /// <summary>How leased GPUs reach the container; <see cref="GpuHandOver.Fake"/> is for tests only.</summary>
    public GpuHandOver GpuDevices { get; init; } = GpuHandOver.Nvidia;

    /// <summary>How much of each of stdout and stderr the result keeps (the end of it).</summary>
    public int LogTailBytes { get; init; } = 64 * 1024;
}
