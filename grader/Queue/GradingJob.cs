namespace Course.Grader.Queue;

/// <summary>
/// One durable unit of grading work. (Assignment, Owner, Commit, Tier) is its idempotency key: enqueuing
/// the same submission twice gives the same job, and only the lease holder can complete it.
/// </summary>
public sealed class GradingJob
{
    public required Guid Id { get; init; }

    public required Guid SubmissionId { get; init; }

    public required string Assignment { get; init; }

    public required string Owner { get; init; }

    public required string Commit { get; init; }

    public JobState State { get; set; } = JobState.Queued;

    /// <summary>The smoke run or the full (graded) run of the submission; part of the idempotency key.</summary>
    public JobTier Tier { get; init; } = JobTier.Full;

    /// <summary>GPU time the finished run used, in milliseconds (its wall time × <see cref="Gpus"/>); 0 for smoke runs and failures of the grader.</summary>
    public long DeviceMs { get; set; }

    /// <summary>Runs started so far (a reclaimed lease counts as a started run).</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// <see cref="Attempts"/> when the job was last queued to run again (<c>grader jobs rerun</c>): its retries count
    /// from here, and its runs keep numbering on, so the outputs of the published result stay where they are.
    /// </summary>
    public int AttemptsBeforeRerun { get; set; }

    /// <summary>
    /// Fair order: how many unfinished jobs the owner had when this one was enqueued. Claiming takes the
    /// lowest first, so each student's first job runs before anyone's second (round robin).
    /// </summary>
    public required int FairSequence { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Not claimed before this time (backoff after an infrastructure failure).</summary>
    public required DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The last infrastructure error, or why the job waits, for <c>grader jobs</c>.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// GPUs a run needs (the assignment's <c>limits.gpus</c> when queued): only a worker whose host has that many
    /// free claims the job, so a GPU job waits for a GPU host and never runs on a CPU-only one.
    /// </summary>
    public int Gpus { get; set; }

    /// <summary>The machine of the latest run (set when it is claimed).</summary>
    public string? Host { get; set; }

    /// <summary>The UUIDs of the GPUs the latest run holds or held, comma-separated; null without GPUs.</summary>
    public string? GpuDevices { get; set; }

    /// <summary>The Slurm job id of the latest run, when the course's engine is Slurm.</summary>
    public string? SlurmJobId { get; set; }

    /// <summary>The Slurm node the latest run was given; null until Slurm starts it.</summary>
    public string? SlurmNode { get; set; }

    /// <summary><see cref="GpuDevices"/> as a list.</summary>
    public IReadOnlyList<string> GpuDeviceList() => GpuDevices is { Length: > 0 } devices ? devices.Split(',') : [];
}
