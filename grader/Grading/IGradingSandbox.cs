using Course.Assignments.Model;
using Course.Sandbox.GpuLeases;

namespace Course.Grader.Grading;

/// <summary>
/// What grading needs from the sandbox module: one hardened container run whose /out is copied to
/// <see cref="SandboxRequest.OutputFolder"/>, and this host's GPUs, leased host-wide. Failures of the engine
/// or the host throw <see cref="InfrastructureException"/>; anything the student's code did is in the result.
/// </summary>
internal interface IGradingSandbox
{
    Task<SandboxOutcome> RunAsync(SandboxRequest request, CancellationToken cancellation);

    /// <summary>This host's GPUs (UUIDs), from Sandbox:Gpus or nvidia-smi.</summary>
    IReadOnlyList<string> Gpus { get; }

    /// <summary>Where <see cref="Gpus"/> came from, for messages.</summary>
    string GpusSource { get; }

    /// <summary>How many of <see cref="Gpus"/> no process of this host holds right now.</summary>
    int FreeGpus();

    /// <summary>Waits for <paramref name="count"/> free GPUs and holds them, host-wide, until the lease is disposed.</summary>
    Task<GpuLease> LeaseGpusAsync(int count, string holder, CancellationToken cancellation);
}

/// <summary>One run: image, command, limits, read-only mounts and the host folder that receives /out.</summary>
internal sealed record SandboxRequest(string Image, IReadOnlyList<string> Command, LimitsSpec Limits,
    IReadOnlyList<SandboxMount> Mounts, string OutputFolder, string Label)
{
    /// <summary>
    /// GPUs the caller holds for this run (<see cref="IGradingSandbox.LeaseGpusAsync"/>), handed to the container
    /// as they are; empty: the sandbox leases <see cref="LimitsSpec.Gpus"/> itself, so a run inside a job that
    /// already holds the host's GPUs must pass them here, or it would wait for them forever.
    /// </summary>
    public IReadOnlyList<string> GpuDevices { get; init; } = [];

    /// <summary>Ends the run as at its time limit, logs and /out kept, when it fires before that limit (a cluster's limit is near).</summary>
    public CancellationToken TimeUp { get; init; }
}

internal sealed record SandboxMount(string Source, string Target, bool ReadOnly = true);

/// <summary>The sandbox result of docs/ARCHITECTURE.md, plus its JSON as stored with the grading result.</summary>
/// <param name="PeakMemoryBytes">Sampled peak; null when the run ended before the first sample.</param>
/// <param name="ProcessLimitHit">Stopped for keeping its process limit full (a fork bomb), before the time limit.</param>
/// <param name="OutputLimitHit">Went past its output limits (bytes or files in /out) while it ran.</param>
internal sealed record SandboxOutcome(int ExitCode, bool OomKilled, bool TimedOut, long WallMs, string StdoutTail,
    string StderrTail, IReadOnlyList<SandboxOutputFile> Outputs, IReadOnlyList<SandboxRejectedFile> Rejected, long? PeakMemoryBytes,
    string Json, bool ProcessLimitHit, bool OutputLimitHit = false);

internal sealed record SandboxOutputFile(string Path, long Bytes, string Sha256);

internal sealed record SandboxRejectedFile(string Path, string Reason);
