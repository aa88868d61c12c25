namespace Course.Grader.Queue;

/// <summary>
/// One durable unit of grading work. (Assignment, Owner, Commit) is its idempotency key: enqueuing
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

    /// <summary>Runs started so far (a reclaimed lease counts as a started run).</summary>
    public int Attempts { get; set; }

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

    /// <summary>The last infrastructure error, for <c>grader jobs</c>.</summary>
    public string? LastError { get; set; }
}
