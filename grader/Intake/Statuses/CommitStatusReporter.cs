using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Course.Grader.Web.Api;

namespace Course.Grader.Intake.Statuses;

/// <summary>
/// Shows a recorded result of a GitHub submission as the final status of its commit (see
/// <see cref="GradingStatus"/>), linked to the feedback. A failed request to the host is retried
/// <see cref="Attempts"/> times in all (after 2 s, then 4 s); after that it is logged and dropped:
/// the grade is already stored and stands without it.
/// </summary>
internal sealed class CommitStatusReporter(IRepositoryHost host, FeedbackLinks links, TimeProvider time,
    ILogger<CommitStatusReporter> logger) : IResultPublisher
{
    public const int Attempts = 3;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

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
            await SetWithRetriesAsync(repository, submission.Commit, status, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            logger.LogWarning("{Repository}@{Commit}: shutting down before the {Context} status was set", repository.FullName,
                submission.Commit, status.Context);
        }
        catch (Exception failure)
        {
            // A boundary: whatever the host or the network did, the stored grade must not be failed by a notice of it.
            logger.LogWarning(failure, "{Repository}@{Commit}: the {Context} status was not set: {Message}", repository.FullName,
                submission.Commit, status.Context, failure.Message);
        }
    }

    private async Task SetWithRetriesAsync(HostedRepository repository, string commit, CommitStatusUpdate status,
        CancellationToken cancellation)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await host.SetStatusAsync(repository, commit, status, cancellation);
                return;
            }
            catch (Exception failure) when (attempt < Attempts && failure is WorkFailedException or HttpRequestException)
            {
                logger.LogInformation("{Repository}@{Commit}: setting the status failed (attempt {Attempt}), retrying: {Message}",
                    repository.FullName, commit, attempt, failure.Message);
            }

            await Task.Delay(delay, time, cancellation);
            delay *= 2;
        }
    }
}
