using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Leaderboard.Submissions;

namespace Course.Grader.Composition;

/// <summary>
/// Scores a sandbox run's predictions through the leaderboard module, which records the submission
/// once under the job's idempotency key. A file the scorer rejects is the student's problem; a daily
/// limit or a closed competition is reported as such, never retried as an infrastructure failure.
/// </summary>
internal sealed class LeaderboardScorer(IServiceScopeFactory scopes, ICourseProvider course) : ICompetitionScorer
{
    public async Task<CompetitionScore> ScoreAsync(string assignment, string owner, string predictionsPath, string idempotencyKey,
        DateTimeOffset receivedAt, CancellationToken cancellation)
    {
        var metric = course.Assignment(assignment).Competition?.Metric ?? CompetitionMetrics.Accuracy;
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var receipt = await scope.ServiceProvider.GetRequiredService<ILeaderboard>().SubmitAsync(
                new SubmissionRequest(assignment, owner, predictionsPath, SubmissionSource.Sandbox, idempotencyKey) { ReceivedAt = receivedAt },
                cancellation);
            return receipt.Status == SubmissionStatus.Scored
                ? new CompetitionScore(receipt.PublicScore, metric, null)
                : new CompetitionScore(null, metric, receipt.Error ?? "the predictions file was not valid");
        }
        catch (BadInputException refused)
        {
            return new CompetitionScore(null, metric, refused.Message);
        }
    }
}
