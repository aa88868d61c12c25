namespace Course.Grader.Grading;

/// <summary>
/// What grading needs from the leaderboard module: score a predictions file and record it as a
/// leaderboard submission, idempotently under its idempotency key (assignment/owner/commit): a retried
/// run records nothing new.
/// </summary>
internal interface ICompetitionScorer
{
    Task<CompetitionScore> ScoreAsync(string assignment, string owner, string predictionsPath, string idempotencyKey,
        DateTimeOffset receivedAt, CancellationToken cancellation);
}

/// <summary>A valid file's public score (0..1 for accuracy-like metrics), or why the file was invalid.</summary>
internal sealed record CompetitionScore(double? Score, string Metric, string? Problem);
