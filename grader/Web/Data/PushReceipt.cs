namespace Course.Grader.Web.Data;

/// <summary>
/// A push to a default branch, or a submission (a tag push or a published release, <see cref="Tag"/>), as the webhook received it. <see cref="ReceivedAt"/> is the server
/// clock when the request arrived: the time that decides on-time or late, never the commit date.
/// </summary>
internal sealed class PushReceipt
{
    public required Guid Id { get; init; }

    public required string DeliveryId { get; init; }

    /// <summary>"owner/name".</summary>
    public required string Repository { get; init; }

    public required string DefaultBranch { get; init; }

    /// <summary>The commit; empty for a release of a branch (its tip is taken at intake).</summary>
    public required string Commit { get; init; }

    /// <summary>The tag pushed or released to submit <see cref="Commit"/> for its full run; null for a push to the default branch.</summary>
    public string? Tag { get; init; }

    /// <summary>True when <see cref="Tag"/> came from a published GitHub release (any name submits), not a tag push (the assignment's pattern decides).</summary>
    public bool Release { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>GitHub login of who pushed, from the payload; null for pushes received before it was kept.</summary>
    public string? Pusher { get; init; }

    public PushState State { get; set; }

    /// <summary>Why the push was skipped or failed, or what was recorded.</summary>
    public string? Message { get; set; }

    public int Attempts { get; set; }
}

internal enum PushState
{
    Pending,
    Recorded,
    Skipped,
    Failed,
}
