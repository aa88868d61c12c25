using Course.Grader.Intake;

namespace Course.Grader.Web.Data;

/// <summary>
/// A commit status for GitHub, kept until GitHub took it: a host that is down when a result is recorded
/// gets the status later (<c>grader serve</c> retries), even across restarts.
/// </summary>
internal sealed class StatusDelivery
{
    public required Guid Id { get; init; }

    /// <summary>"owner/name".</summary>
    public required string Repository { get; init; }

    public required string Commit { get; init; }

    public required string Context { get; init; }

    public required CommitState State { get; init; }

    public required string Description { get; init; }

    public string? FeedbackUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public StatusDeliveryState Delivery { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public CommitStatusUpdate ToUpdate() =>
        new(Context, State, Description, FeedbackUrl is null ? null : new Uri(FeedbackUrl, UriKind.Absolute));
}

internal enum StatusDeliveryState
{
    Pending,
    Delivered,

    /// <summary>A newer status of the same commit and context was recorded: sending this one would overwrite it.</summary>
    Superseded,

    /// <summary>Still refused a day after it was recorded: the grade stands without it.</summary>
    GaveUp,
}
