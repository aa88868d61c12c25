using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>Turns recorded submissions into queued jobs (<c>grader grade</c>, intake hooks) and reports on them.</summary>
internal sealed class GradeRequests(ICourseProvider course, GraderDbContext db, JobQueue queue)
{
    /// <summary>States a waiting <c>grade --wait</c> stops at: done, cancelled, or blocked until the course's set-up is fixed.</summary>
    private static readonly JobState[] Settled = [JobState.Succeeded, JobState.Failed, JobState.Cancelled, JobState.Blocked];

    /// <summary>
    /// Enqueues every recorded submission of <paramref name="assignmentId"/> (of one owner with
    /// <paramref name="owner"/>); already queued or graded ones are left as they are (idempotency key).
    /// </summary>
    public async Task<IReadOnlyList<(GradingJob Job, bool Created)>> EnqueueAsync(string assignmentId, string? owner,
        CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        if (assignment.Kind is not (AssignmentKind.Tests or AssignmentKind.Debug or AssignmentKind.Competition))
        {
            throw new BadInputException($"assignment '{assignment.Id}' is {assignment.Kind.ToString().ToLowerInvariant()} work, graded by TAs, not by the sandbox");
        }

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.Assignment == assignment.Id && (owner == null || s.Owner == owner))
            .OrderBy(s => s.ReceivedAt).ToListAsync(cancellation);
        if (owner is not null && submissions.Count == 0)
        {
            throw new NotFoundException($"--student: '{owner}' has no recorded submission for '{assignment.Id}' (run grader fetch first)");
        }

        return await queue.EnqueueAllAsync(assignment.Id, submissions, cancellation);
    }

    /// <summary>"N job(s) queued, M already queued or graded", as the command line prints it.</summary>
    public static string Summary(IReadOnlyCollection<(GradingJob Job, bool Created)> jobs) =>
        $"{jobs.Count(j => j.Created)} job(s) queued, {jobs.Count(j => !j.Created)} already queued or graded";

    /// <summary>How many of <paramref name="jobs"/> are finished or blocked (nothing this process can do runs them).</summary>
    public Task<int> SettledAsync(IReadOnlyCollection<Guid> jobs, CancellationToken cancellation) =>
        db.Jobs.CountAsync(j => jobs.Contains(j.Id) && Settled.Contains(j.State), cancellation);
}
