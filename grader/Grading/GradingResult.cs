namespace Course.Grader.Grading;

/// <summary>The recorded outcome of one job; keyed by the job so a second completion cannot add another.</summary>
public sealed class GradingResult
{
    public required Guid JobId { get; init; }

    public required Guid SubmissionId { get; init; }

    public required string Assignment { get; init; }

    public required string Owner { get; init; }

    public required string Commit { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>A smoke run's result is feedback only: grades read <see cref="Queue.JobTier.Full"/> results.</summary>
    public Queue.JobTier Tier { get; init; } = Queue.JobTier.Full;

    /// <summary>How long the run's container ran (the sandbox's wall time); null when nothing ran.</summary>
    public long? WallMs { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Points before the late penalty.</summary>
    public double RawScore { get; init; }

    /// <summary>Points after the late penalty.</summary>
    public double Score { get; init; }

    public double MaxScore { get; init; }

    /// <summary>Started days late after deadline + grace (0 when on time).</summary>
    public int LateDays { get; init; }

    public string StdoutTail { get; init; } = "";

    public string StderrTail { get; init; } = "";

    /// <summary>The sandbox result JSON as the sandbox reported it.</summary>
    public string SandboxResultJson { get; init; } = "";

    /// <summary>Store key of the run's /out/metrics.jsonl, if it wrote one.</summary>
    public string? MetricsLogKey { get; set; }

    /// <summary>Store key of the feedback report (Markdown).</summary>
    public string? FeedbackKey { get; set; }

    /// <summary>Store key of the loss/accuracy curve PNG the feedback shows, if the run's metrics log had anything to draw.</summary>
    public string? TrainingCurveKey { get; set; }

    /// <summary>Store key of the run's whole /out (a folder archive); null for a run that never started.</summary>
    public string? OutputsKey { get; set; }

    /// <summary>The metrics log a version before the store kept on disk; <c>grader db migrate</c> moves it into the store.</summary>
    public string? MetricsLogPath { get; init; }

    /// <summary>The feedback file a version before the store kept on disk; <c>grader db migrate</c> moves it into the store.</summary>
    public string? FeedbackPath { get; init; }

    /// <summary>The curve a version before the store kept on disk; <c>grader db migrate</c> moves it into the store.</summary>
    public string? TrainingCurvePath { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>What it was graded against, as <see cref="GradingInputs"/> records it; null for results recorded before inputs were.</summary>
    public string? GradedInputs { get; init; }
}
