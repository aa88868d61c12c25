using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>
/// Jobs that wait for the course's set-up (<see cref="JobState.Blocked"/>). Workers ask on every poll, and
/// <c>grader calibrate</c> after recording a calibration, whether their set-up is complete now; those go back to
/// the queue, due at once. With no blocked job this is one indexed query.
/// </summary>
internal sealed class BlockedJobs(GraderDbContext db, CourseSetup setup, TimeProvider time)
{
    /// <summary>Queues again the blocked jobs whose set-up is complete now; returns how many.</summary>
    public async Task<int> ReleaseReadyAsync(CancellationToken cancellation)
    {
        var blocked = await (from job in db.Jobs.AsNoTracking()
                             join submission in db.Submissions.AsNoTracking() on job.SubmissionId equals submission.Id
                             where job.State == JobState.Blocked
                             select new { job.Id, job.Assignment, submission.SnapshotKey }).ToListAsync(cancellation);
        // Per job, not per assignment: only a submission that is built needs the package folder.
        var ready = new List<Guid>();
        foreach (var job in blocked)
        {
            if (await setup.ProblemAsync(job.Assignment, job.SnapshotKey, cancellation) is null)
            {
                ready.Add(job.Id);
            }
        }

        if (ready.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await db.Jobs.Where(j => j.State == JobState.Blocked && ready.Contains(j.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.NextAttemptAt, now)
                .SetProperty(j => j.LastError, (string?)null), cancellation);
    }
}
