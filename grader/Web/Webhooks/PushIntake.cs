using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Grader.Intake;
using Course.Grader.Intake.GitHub;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Course.Grader.Web.Data;

namespace Course.Grader.Web.Webhooks;

/// <summary>
/// One received push, taken in: the repository name gives the assignment and the login, the
/// submission is recorded with the push's receive time, flagged for staff when someone else pushed
/// (<see cref="PusherCheck"/>), and grading is enqueued (idempotently).
/// </summary>
internal sealed class PushIntake(ICourseProvider course, GitHubSubmissionTaker taker, PusherCheck pushers, GradeRequests grading,
    IRepositoryHost host, ILogger<PushIntake> logger)
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

        var entry = await taker.TakeAsync(assignment, repository, login, push.Commit, push.ReceivedAt, cancellation);
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

        await grading.EnqueueAsync(assignment.Id, entry.Owner, cancellation);
        await TryShowQueuedAsync(repository, push.Commit, assignment.Id, cancellation);
        return (PushState.Recorded, $"recorded for {entry.Owner} and queued for grading{flagged}");
    }

    private async Task TryShowQueuedAsync(HostedRepository repository, string commit, string assignment, CancellationToken cancellation)
    {
        try
        {
            await host.SetStatusAsync(repository, commit, new CommitStatusUpdate(CommitStatusUpdate.ContextOf(assignment), CommitState.Pending,
                "queued for grading", null), cancellation);
        }
        catch (Exception failure) when (failure is Core.Errors.CourseException or HttpRequestException)
        {
            // A missing "pending" mark is cosmetic: the grading itself is queued and will report.
            logger.LogWarning("could not mark {Repository}@{Commit} pending: {Message}", repository.FullName, commit, failure.Message);
        }
    }
}
