namespace Course.Leaderboard.Submissions;

/// <summary>A recorded submission as its team may see it: the public score only, never the private one.</summary>
/// <param name="Repeated">True when the idempotency key was recorded before and nothing new was counted.</param>
public sealed record SubmissionReceipt(string Id, string Assignment, string Team, SubmissionSource Source, DateTimeOffset SubmittedAt,
    SubmissionStatus Status, double? PublicScore, string? Error, bool Repeated);
