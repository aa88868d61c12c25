using Course.Grader.Grading;

namespace Course.Grader.Queue;

/// <summary>
/// One line of <c>grader jobs</c>: a job, its state and, once graded, its result with the store keys of its
/// feedback report and, when the run logged metrics worth drawing, its training curve; the
/// submission's staff flag (someone else pushed it); the GPUs it needs, and the host and GPU UUIDs
/// (comma-separated) of its latest run, and with the Slurm engine that run's Slurm job id and node; its tier and,
/// while queued, its place.
/// </summary>
public sealed record JobRow(Guid Id, string Assignment, string Owner, string Commit, JobState State, int Attempts,
    DateTimeOffset EnqueuedAt, DateTimeOffset? FinishedAt, string? LeaseOwner, string? LastError, Verdict? Verdict,
    double? Score, double? MaxScore, int? LateDays, string? Feedback, string? TrainingCurve, string? StaffFlag, int Gpus,
    string? Host, string? GpuDevices, string? SlurmJobId = null, string? SlurmNode = null)
{
    /// <summary>Smoke or full run.</summary>
    public JobTier Tier { get; init; }

    /// <summary>While queued: its place and expected result time (<see cref="QueueEstimate"/>).</summary>
    public QueuePlace? Place { get; init; }
}
