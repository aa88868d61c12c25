namespace Course.Grader.Grading;

/// <summary>
/// Stand-ins used until the sandbox and leaderboard modules expose their services: every run is an
/// infrastructure failure (retried with backoff, never the student's fault).
/// </summary>
internal sealed class UnavailableSandbox : IGradingSandbox
{
    public Task<SandboxOutcome> RunAsync(SandboxRequest request, CancellationToken cancellation) =>
        throw new InfrastructureException("no sandbox is registered in this build");
}

/// <inheritdoc cref="UnavailableSandbox"/>
internal sealed class UnavailableScorer : ICompetitionScorer
{
    public Task<CompetitionScore> ScoreAsync(string assignment, string owner, string predictionsPath, string idempotencyKey,
        DateTimeOffset receivedAt, CancellationToken cancellation) =>
        throw new InfrastructureException("no leaderboard scorer is registered in this build");
}
