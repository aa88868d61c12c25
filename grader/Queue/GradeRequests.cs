using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>Turns recorded submissions into queued jobs (<c>grader grade</c>, intake hooks) and reports on them.</summary>
internal sealed class GradeRequests(ICourseProvider course, GraderDbContext db, JobQueue queue, ComputeBudget budget)
{
    /// <summary>States a waiting <c>grade --wait</c> stops at: done, cancelled, or blocked until the course's set-up is fixed.</summary>
    private static readonly JobState[] Settled = [JobState.Succeeded, JobState.Failed, JobState.Cancelled, JobState.Blocked];

    /// <summary>
    /// Enqueues the <paramref name="tier"/> run of every recorded submission of <paramref name="assignmentId"/> (of one owner
    /// with <paramref name="owner"/>); already queued or graded ones are left as they are (idempotency key). Staff ask
    /// for these (<c>grader grade</c>, local intake): no GPU budget applies.
    /// </summary>
    public async Task<IReadOnlyList<(GradingJob Job, bool Created)>> EnqueueAsync(string assignmentId, string? owner,
        CancellationToken cancellation, JobTier tier = JobTier.Full)
    {
        var assignment = Graded(assignmentId);
        if (tier == JobTier.Smoke && assignment.Smoke is null)
        {
            throw new BadInputException($"--smoke: '{assignment.Id}' has no smoke section in course.json");
        }


        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.Assignment == assignment.Id && (owner == null || s.Owner == owner))
            .OrderBy(s => s.ReceivedAt).ToListAsync(cancellation);
        if (owner is not null && submissions.Count == 0)
        {
            throw new NotFoundException($"--student: '{owner}' has no recorded submission for '{assignment.Id}' (run grader fetch first)");
        }

        return await queue.EnqueueAllAsync(assignment.Id, submissions, cancellation, tier);
    }

    /// <summary>
    /// Queues one recorded commit: <paramref name="tier"/> is <see cref="TierRun.OnPush"/> for a push, the full run for a
    /// submission (a submit tag, a release, the submit action). A full run of an assignment with a smoke section needs
    /// the commit's smoke run (queued here if missing; the full run waits for it) and is refused when that failed; a new
    /// full run is refused when it could pass the GPU budget. Asking again for a queued or finished run returns it.
    /// </summary>
    public async Task<(GradingJob Job, bool Created)> RequestAsync(string assignmentId, string owner, string commit, JobTier tier,
        CancellationToken cancellation)
    {
        var assignment = Graded(assignmentId);
        var submission = await db.Submissions.AsNoTracking()
                .SingleOrDefaultAsync(s => s.Assignment == assignment.Id && s.Owner == owner && s.Commit == commit, cancellation)
            ?? throw new NotFoundException($"'{owner}' has no recorded submission of '{assignment.Id}' at {ShortCommit.Of(commit)}");
        if (tier == JobTier.Full && assignment.Smoke is not null)
        {
            var (smoke, _) = await queue.EnqueueAsync(submission, cancellation, JobTier.Smoke);
            if (await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == smoke.Id, cancellation) is { Verdict: not Verdict.Graded } failed)
            {
                throw new BadInputException($"{assignment.Id}@{ShortCommit.Of(commit)}: its smoke run failed ({VerdictWording.Words(failed.Verdict)}), "
                                            + "so it is not submitted and no full run is spent; fix it and push again");
            }
        }

        var known = await db.Jobs.AsNoTracking()
            .AnyAsync(j => j.Assignment == assignment.Id && j.Owner == owner && j.Commit == commit && j.Tier == tier, cancellation);
        if (tier == JobTier.Full && !known)
        {
            await budget.CheckAsync(assignment.Id, owner, cancellation);
        }

        return await queue.EnqueueAsync(submission, cancellation, tier);
    }

    /// <summary>"N job(s) queued, M already queued or graded", as the command line prints it.</summary>
    public static string Summary(IReadOnlyCollection<(GradingJob Job, bool Created)> jobs) =>
        $"{jobs.Count(j => j.Created)} job(s) queued, {jobs.Count(j => !j.Created)} already queued or graded";

    private AssignmentSpec Graded(string assignmentId)
    {
        var assignment = course.Assignment(assignmentId);
        return assignment.Kind is AssignmentKind.Tests or AssignmentKind.Debug or AssignmentKind.Competition
            ? assignment
            : throw new BadInputException($"assignment '{assignment.Id}' is {assignment.Kind.ToString().ToLowerInvariant()} work, graded by TAs, not by the sandbox");
    }

    /// <summary>How many of <paramref name="jobs"/> are finished or blocked (nothing this process can do runs them).</summary>
    public Task<int> SettledAsync(IReadOnlyCollection<Guid> jobs, CancellationToken cancellation) =>
        db.Jobs.CountAsync(j => jobs.Contains(j.Id) && Settled.Contains(j.State), cancellation);
}
