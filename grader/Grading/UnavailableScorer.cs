namespace Course.Grader.Grading;

/// <summary>
/// Stand-in until the leaderboard module exposes its scoring service: every competition run is an
/// infrastructure failure (retried with backoff, never the student's fault).
/// </summary>
internal sealed class UnavailableScorer : ICompetitionScorer
{
    public Task<CompetitionScore> ScoreAsync(string assignment, string owner, string predictionsPath, string idempotencyKey,
        DateTimeOffset receivedAt, CancellationToken cancellation) =>
        throw new InfrastructureException("no leaderboard scorer is registered in this build");
}
