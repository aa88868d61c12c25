namespace Course.Grader.Cluster;

/// <summary>
/// A machine that runs grading jobs, as it advertises itself: a worker writes its row at start and with each
/// heartbeat, and a Slurm dispatcher writes one row per node of its partition. <c>grader hosts</c> lists them.
/// </summary>
public sealed class WorkerHost
{
    /// <summary>The host name (a Slurm node's name for Slurm nodes).</summary>
    public required string Name { get; init; }

    /// <summary>"local" for a <c>grader worker</c> host, "slurm" for a node of the Slurm partition.</summary>
    public required string Engine { get; set; }

    public int Cores { get; set; }

    public long MemoryBytes { get; set; }

    public int Gpus { get; set; }

    /// <summary>GPUs no job holds right now.</summary>
    public int FreeGpus { get; set; }

    /// <summary>The GPUs' model (e.g. "NVIDIA H100 80GB HBM3"), or the Slurm GRES type; null when unknown or none.</summary>
    public string? GpuKind { get; set; }

    /// <summary>What the host says about its state (a Slurm node's state, or the worker's slots).</summary>
    public string? Status { get; set; }

    public required DateTimeOffset SeenAt { get; set; }
}
