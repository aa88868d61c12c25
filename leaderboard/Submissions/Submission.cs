namespace Course.Leaderboard.Submissions;

/// <summary>One scored (or rejected) predictions file of a team.</summary>
internal sealed class Submission
{
    public required string Id { get; init; }

    public required string Assignment { get; init; }

    public required string Team { get; init; }

    public required SubmissionSource Source { get; init; }

    /// <summary>When the server received it (its clock, never the student's), which decides the day and the deadline.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The calendar day of <see cref="SubmittedAt"/> in the course's time zone, "yyyy-MM-dd" (daily limits).</summary>
    public required string Day { get; init; }

    public required SubmissionStatus Status { get; set; }

    public double? PublicScore { get; set; }

    /// <summary>Hidden until the competition is finalized.</summary>
    public double? PrivateScore { get; set; }

    public string? Error { get; set; }

    /// <summary>Unique: a retried job (or a double click) never records a second submission.</summary>
    public required string IdempotencyKey { get; init; }

    public bool Counts => Status != SubmissionStatus.InfrastructureFailed;
}
