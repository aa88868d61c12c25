using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>
/// Jobs that wait for the course's set-up (<see cref="JobState.Blocked"/>). Workers ask on every poll, and
/// <c>grader calibrate</c> after recording a calibration, whether their assignments are set up now; the jobs of
/// those that are go back to the queue, due at once. With no blocked job this is one indexed query.
/// </summary>
internal sealed class BlockedJobs(GraderDbContext db, CourseSetup setup, TimeProvider time)
{
    /// <summary>Queues again the blocked jobs whose assignment is set up now; returns how many.</summary>
    public async Task<int> ReleaseReadyAsync(CancellationToken cancellation)
    {
        var assignments = await db.Jobs.Where(j => j.State == JobState.Blocked).Select(j => j.Assignment).Distinct()
            .ToListAsync(cancellation);
        var ready = assignments.Where(a => setup.Problem(a) is null).ToList();
        if (ready.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        return await db.Jobs.Where(j => j.State == JobState.Blocked && ready.Contains(j.Assignment))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.NextAttemptAt, now)
                .SetProperty(j => j.LastError, (string?)null), cancellation);
    }
}
