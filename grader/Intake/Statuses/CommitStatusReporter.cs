using Course.Grader.Grading;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;

namespace Course.Grader.Intake.Statuses;

/// <summary>
/// Shows a recorded result of a GitHub submission as the final status of its commit (see
/// <see cref="GradingStatus"/>), linked to the feedback, through <see cref="StatusDeliveries"/>: a status
/// GitHub refuses now is kept and set later. Nothing here can fail the stored grade.
/// </summary>
internal sealed class CommitStatusReporter(StatusDeliveries deliveries, FeedbackLinks links, ILogger<CommitStatusReporter> logger)
    : IResultPublisher
{
    public async Task PublishAsync(Submission submission, GradingResult result, CancellationToken cancellation)
    {
        if (submission.Source != SubmissionSource.GitHub)
        {
            return;
        }

        // A status names a commit, not a branch, so the default branch plays no part here.
        var repository = HostedRepository.Parse(submission.Repository, defaultBranch: "");
        var status = GradingStatus.For(result, links.For(submission.Id));
        try
        {
            await deliveries.SendAsync(repository, submission.Commit, status, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            logger.LogWarning("{Repository}@{Commit}: shutting down before the {Context} status was set; grader serve sets it later",
                repository.FullName, submission.Commit, status.Context);
        }
        catch (Exception failure)
        {
            // A boundary: whatever the host, the network or the database did, the stored grade must not be failed by a notice of it.
            logger.LogWarning(failure, "{Repository}@{Commit}: the {Context} status was not set: {Message}", repository.FullName,
                submission.Commit, status.Context, failure.Message);
        }
    }
}
