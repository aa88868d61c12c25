using Course.Assignments.Courses;
using Course.Assignments.Model.Values;
using Course.Grader.Cluster;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>
/// Estimates each queued job's place and result time by replaying the queue on the workers at hand.
/// <list type="bullet">
/// <item>A run of an (assignment, tier) is expected to take the mean claim-to-finish time of its last
/// <see cref="RecentRuns"/> finished runs; with none yet, its time limit (the longest it can take).</item>
/// <item>Workers: <see cref="QueueOptions.Workers"/>, or more while more distinct workers hold live leases. A
/// running job frees its worker when its expected duration has passed since it started (now, if overdue); the
/// others are free now.</item>
/// <item>Queued jobs are taken in claim order (<see cref="ClaimStatement.Order"/>), each by the worker free first,
/// not before its retry time: start = when that worker frees, result = start + expected duration.</item>
/// <item>With the Slurm engine, a job already submitted to Slurm and pending there waits ahead of the queued ones
/// (it was claimed first); its start is Slurm's own estimate (<see cref="SlurmStartTimes"/>) when Slurm gives one,
/// else the replay's, and its place says which (<see cref="QueuePlace.Source"/>).</item>
/// </list>
/// It assumes the order stays as it is now (new pushes may go ahead under fair order, finished runs move their
/// owner back under the GPU-time order) and ignores GPU needs and the smoke-before-full wait, so it is an
/// estimate, shown as "about"; the simulation test bounds its error on a steady queue.
/// </summary>
internal sealed class QueueEstimate(GraderDbContext db, ICourseProvider course, QueueOptions options, SlurmStartTimes slurm,
    TimeProvider time)
{
    public const int RecentRuns = 20;

    /// <summary>True while <paramref name="job"/> waits for its run to start: queued, retrying, or pending in Slurm.</summary>
    public static bool Waits(GradingJob job) =>
        job.State is JobState.Queued or JobState.Retrying || (job.State == JobState.Running && job.SlurmJobId is not null && job.SlurmNode is null);

    public async Task<IReadOnlyDictionary<Guid, QueuePlace>> EstimateAsync(CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var queued = await db.Jobs.FromSqlRaw($"""
            SELECT * FROM grader_jobs AS q WHERE q."State" IN ('Queued', 'Retrying') ORDER BY {ClaimStatement.Order}
            """).AsNoTracking().ToListAsync(cancellation);
        var live = (await db.Jobs.AsNoTracking().Where(j => j.State == JobState.Running).ToListAsync(cancellation))
            .Where(j => j.LeaseUntil >= now).ToList();
        var pending = live.Where(Waits).OrderBy(j => j.StartedAt).ToList();
        var waiting = pending.Concat(queued).ToList();
        if (waiting.Count == 0)
        {
            return new Dictionary<Guid, QueuePlace>();
        }

        var running = live.Except(pending).ToList();
        var durations = new Dictionary<(string, JobTier), TimeSpan>();
        foreach (var key in waiting.Concat(running).Select(j => (j.Assignment, j.Tier)).Distinct())
        {
            durations[key] = await ExpectedDurationAsync(key.Assignment, key.Tier, cancellation);
        }

        var slurmStarts = await slurm.EstimateAsync(pending.Select(j => j.SlurmJobId!).ToList(), cancellation);
        var workers = Math.Max(options.Workers, live.Select(j => j.LeaseOwner).Distinct().Count());
        var free = running.Select(j => Max(now, j.StartedAt!.Value + durations[(j.Assignment, j.Tier)])).ToList();
        free.AddRange(Enumerable.Repeat(now, Math.Max(0, workers - free.Count)));
        var places = new Dictionary<Guid, QueuePlace>();
        for (var i = 0; i < waiting.Count; i++)
        {
            var job = waiting[i];
            var slot = free.IndexOf(free.Min());
            var fromSlurm = job.SlurmJobId is { } id && slurmStarts.ContainsKey(id);
            var start = fromSlurm ? Max(now, slurmStarts[job.SlurmJobId!]) : Max(free[slot], job.NextAttemptAt);
            var result = start + durations[(job.Assignment, job.Tier)];
            free[slot] = result;
            places[job.Id] = new QueuePlace(i + 1, start, result, fromSlurm ? EstimateSource.Slurm : EstimateSource.Measured);
        }

        return places;
    }

    private async Task<TimeSpan> ExpectedDurationAsync(string assignment, JobTier tier, CancellationToken cancellation)
    {
        var recent = await db.Jobs.AsNoTracking()
            .Where(j => j.Assignment == assignment && j.Tier == tier && j.State == JobState.Succeeded && j.StartedAt != null && j.FinishedAt != null)
            .OrderByDescending(j => j.FinishedAt).Take(RecentRuns).Select(j => new { j.StartedAt, j.FinishedAt }).ToListAsync(cancellation);
        if (recent.Count > 0)
        {
            return TimeSpan.FromTicks((long)recent.Average(r => (r.FinishedAt!.Value - r.StartedAt!.Value).Ticks));
        }

        return course.Course.FindAssignment(assignment) is { } spec ? Duration.Parse(TierRun.Limits(spec, tier).Timeout) : TimeSpan.FromMinutes(10);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
