using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Intake;
using Course.Grader.Intake.GitHub;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Web.Data;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// One received push, taken in: the repository name gives the assignment and the login, the
/// submission is recorded with the push's receive time, flagged for staff when someone else pushed
/// (<see cref="PusherCheck"/>), and grading is enqueued (idempotently): a push to the default branch gets the
/// assignment's smoke run when it has one, else its full run; a tag matching <c>smoke.submitTag</c> or a published
/// release submits the commit for its full run (refused with a failed status when its smoke run failed or the run
/// could pass the GPU budget).
/// </summary>
internal sealed class PushIntake(ICourseProvider course, GitHubSubmissionTaker taker, PusherCheck pushers, GradeRequests grading,
    QueueEstimate estimate, IRepositoryHost host, ILogger<PushIntake> logger)
{
    public async Task<(PushState State, string Message)> TakeAsync(PushReceipt push, CancellationToken cancellation)
    {
        var repository = HostedRepository.Parse(push.Repository, push.DefaultBranch);
        if (course.Course.GitHub?.Organization is { Length: > 0 } organization
            && !string.Equals(organization, repository.Owner, StringComparison.OrdinalIgnoreCase))
        {
            return (PushState.Skipped, $"'{repository.Owner}' is not the course's organization '{organization}'");
        }

        if (RepositoryNames.Match(course.Course, repository.Name) is not var (assignment, login))
        {
            return (PushState.Skipped, $"'{repository.Name}' does not name an assignment of the course");
        }

        if (push.Tag is { } tag && SubmitRefusal(assignment, tag, push.Release) is { } notSubmitted)
        {
            return (PushState.Skipped, notSubmitted);
        }

        var entry = await taker.TakeAsync(assignment, repository, login, push.Commit.Length > 0 ? push.Commit : null, push.ReceivedAt, cancellation);
        if (entry.Status == FetchStatus.Skipped)
        {
            return (PushState.Skipped, entry.Message ?? "skipped");
        }

        var flag = await pushers.FlagAsync(assignment.Id, entry, push.Pusher, cancellation);
        if (flag is not null)
        {
            logger.LogWarning("{Repository}@{Commit} flagged for staff: {Flag}", repository.FullName, push.Commit, flag);
        }

        var flagged = flag is null ? "" : $"; flagged for staff: {flag}";
        if (assignment.Kind is not (AssignmentKind.Tests or AssignmentKind.Debug or AssignmentKind.Competition))
        {
            return (PushState.Recorded, $"recorded for {entry.Owner}; {assignment.Id} is graded by TAs{flagged}");
        }

        // A push gets the smoke run when the assignment has one (the full run waits for a submission), else the full run.
        var tier = push.Tag is null ? TierRun.OnPush(assignment) : JobTier.Full;
        var commit = entry.Commit!;
        var context = CommitStatusUpdate.ContextOf(assignment.Id, tier);
        GradingJob job;
        try
        {
            (job, _) = await grading.RequestAsync(assignment.Id, entry.Owner!, commit, tier, cancellation);
        }
        catch (BadInputException refused)
        {
            await TryShowAsync(repository, commit, new CommitStatusUpdate(context, CommitState.Failure, QueueText.Status(refused.Message), null),
                cancellation);
            return (PushState.Recorded, $"recorded for {entry.Owner}; not queued: {refused.Message}{flagged}");
        }

        var place = (await estimate.EstimateAsync(cancellation)).GetValueOrDefault(job.Id);
        await TryShowAsync(repository, commit, new CommitStatusUpdate(context, CommitState.Pending,
            QueueText.Status(QueueText.Describe(place, tier)), null), cancellation);
        return (PushState.Recorded, $"recorded for {entry.Owner} and {(tier == JobTier.Smoke ? "queued for its smoke run" : "queued for grading")}{flagged}");
    }

    /// <summary>Why a tag push or release does not submit for <paramref name="assignment"/>, or null when it does.</summary>
    private static string? SubmitRefusal(AssignmentSpec assignment, string tag, bool release)
    {
        if (assignment.Smoke is not { } smoke)
        {
            return $"{(release ? "release" : "tag")} '{tag}': {assignment.Id} grades every push to the default branch, so tags and releases submit nothing";
        }

        return release || smoke.Submits(tag) ? null : $"tag '{tag}' does not match {assignment.Id}'s submit pattern '{smoke.SubmitTag}'";
    }

    private async Task TryShowAsync(HostedRepository repository, string commit, CommitStatusUpdate status, CancellationToken cancellation)
    {
        try
        {
            await host.SetStatusAsync(repository, commit, status, cancellation);
        }
        catch (Exception failure) when (failure is Core.Errors.CourseException or HttpRequestException)
        {
            // A missing "pending" mark is cosmetic: the grading itself is queued and will report.
            logger.LogWarning("could not mark {Repository}@{Commit} pending: {Message}", repository.FullName, commit, failure.Message);
        }
    }
}
