using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>
/// <c>grader jobs rerun</c>: queues again the finished jobs of an assignment that must run again — those that ended
/// as an infrastructure failure (their feedback promises a re-run) and those whose run's own inputs (a test input,
/// the image, the command, the limits) changed since their result was graded. Idempotent: a job already queued, or
/// whose re-run result already waits in the rescore draft with the current inputs, is left alone.
/// </summary>
internal sealed class JobReruns(GraderDbContext db, ICourseProvider course, GradingInputs inputs, TimeProvider time)
{
    /// <summary>Queues the jobs to run again and returns them with why; <paramref name="failedInfrastructureOnly"/> limits it to infrastructure failures.</summary>
    public async Task<IReadOnlyList<JobRerun>> RerunAsync(string assignmentId, string? owner, bool failedInfrastructureOnly,
        CancellationToken cancellation)
    {
        var assignment = course.Assignment(assignmentId);
        if (owner is not null && !await db.Jobs.AnyAsync(j => j.Assignment == assignment.Id && j.Owner == owner, cancellation))
        {
            throw new NotFoundException($"--owner: '{owner}' has no grading job for '{assignment.Id}'");
        }

        var current = await inputs.OfAsync(assignment, cancellation);
        var finished = await (from job in db.Jobs.AsNoTracking()
                              join result in db.Results.AsNoTracking() on job.Id equals result.JobId
                              where job.Assignment == assignment.Id && (owner == null || job.Owner == owner)
                                    && (job.State == JobState.Succeeded || job.State == JobState.Failed)
                              select new { job, result.Verdict, result.GradedInputs }).ToListAsync(cancellation);
        var rerunDrafts = (await db.Rescores.AsNoTracking()
                .Where(e => e.Assignment == assignment.Id && e.State == RescoreState.Draft && e.Kind == RescoreKind.Rerun).ToListAsync(cancellation))
            .ToDictionary(e => e.JobId, e => RescoreLines.Replacement(e)?.GradedInputs);
        var reruns = new List<JobRerun>();
        foreach (var (job, why) in finished.Select(f => (f.job, Why(f.Verdict,
                     rerunDrafts.TryGetValue(f.job.Id, out var rerun) ? rerun : f.GradedInputs, current, failedInfrastructureOnly))))
        {
            if (why is not null && await RequeueAsync(job.Id, why, cancellation))
            {
                reruns.Add(new JobRerun(job.Id, job.Owner, job.Commit, why));
            }
        }

        return reruns.OrderBy(r => r.Owner, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Queues one finished job again because staff asked (the review queue), whatever its verdict; its result goes where
    /// every re-run's goes (a rescore draft line beside a published grade).
    /// </summary>
    public async Task<JobRerun> RerunJobAsync(Guid jobId, string why, CancellationToken cancellation)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellation)
                  ?? throw new NotFoundException($"job: no grading job {jobId}");
        return await RequeueAsync(job.Id, why, cancellation)
            ? new JobRerun(job.Id, job.Owner, job.Commit, why)
            : throw new BadInputException($"job: {jobId} is {job.State.ToString().ToLowerInvariant()}: only a finished job runs again");
    }

    /// <summary>Why the job must run again, or null; <paramref name="graded"/> is what its newest run was graded against.</summary>
    private static string? Why(Verdict verdict, string? graded, string current, bool failedInfrastructureOnly)
    {
        if (verdict == Verdict.InfrastructureFailure)
        {
            return "the infrastructure failed on every attempt";
        }

        // A result from before inputs were recorded cannot tell: it is left as graded.
        return failedInfrastructureOnly || graded is null ? null
            : GradingInputs.Changes(graded, current).Where(c => c.NeedsRun).Select(c => c.What).ToList() is { Count: > 0 } changes
                ? string.Join("; ", changes)
                : null;
    }

    private async Task<bool> RequeueAsync(Guid id, string why, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        return await db.Jobs.Where(j => j.Id == id && (j.State == JobState.Succeeded || j.State == JobState.Failed))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.AttemptsBeforeRerun, j => j.Attempts)
                .SetProperty(j => j.NextAttemptAt, now)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                .SetProperty(j => j.LastError, $"re-run: {why}"), cancellation) == 1;
    }
}

/// <summary>One job <c>grader jobs rerun</c> queued again, and why.</summary>
public sealed record JobRerun(Guid JobId, string Owner, string Commit, string Why);
