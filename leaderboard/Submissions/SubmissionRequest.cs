namespace Course.Leaderboard.Submissions;

/// <summary>A predictions file to put on a leaderboard.</summary>
/// <param name="Assignment">A competition assignment's id.</param>
/// <param name="Team">The team's name, or the login of one of its members (a student alone is a team of one).</param>
/// <param name="PredictionsPath">The CSV on the host (already collected safely from the container, or uploaded).</param>
/// <param name="Source">Sandbox run or upload.</param>
/// <param name="IdempotencyKey">Unique per logical submission, e.g. "hw2/alice/&lt;commit sha&gt;" or an upload id.</param>
public sealed record SubmissionRequest(string Assignment, string Team, string PredictionsPath, SubmissionSource Source, string IdempotencyKey)
{
    /// <summary>When the server received the work (intake time); the current time when null. Decides the day and the deadline.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
