using System.Data.Common;
using Course.Assignments.Courses;
using Course.Core.Database;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Course.Grader.Queue;

/// <summary>
/// The durable grading queue in the course database. Every transition is a conditional UPDATE on the
/// job row, so a worker that lost its lease (it was too slow, or killed and reclaimed) cannot
/// overwrite the state another worker owns, and a result is recorded at most once per job.
/// </summary>
internal sealed class JobQueue(GraderDbContext db, DatabaseSettings database, QueueOptions options, ICourseProvider course,
    TimeProvider time)
{
    private static readonly JobState[] Unfinished = [JobState.Queued, JobState.Running, JobState.Retrying, JobState.Blocked];

    /// <summary>The <paramref name="tier"/> job of <paramref name="submission"/>, created unless one already has its idempotency key.</summary>
    public async Task<(GradingJob Job, bool Created)> EnqueueAsync(Submission submission, CancellationToken cancellation,
        JobTier tier = JobTier.Full)
    {
        var existing = await FindAsync(submission, tier, cancellation);
        if (existing is not null)
        {
            return (existing, false);
        }

        var pending = await db.Jobs.CountAsync(j => j.Owner == submission.Owner && Unfinished.Contains(j.State), cancellation);
        var job = NewJob(submission, tier, pending, GpusOf(submission.Assignment, tier), time.GetUtcNow());
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return (job, true);
        }
        catch (DbUpdateException)
        {
            // Another process enqueued the same key between our look-up and insert: theirs stands.
            db.Entry(job).State = EntityState.Detached;
            return (await FindAsync(submission, tier, cancellation)
                ?? throw new InvalidOperationException($"job for {submission.Assignment}/{submission.Owner}@{submission.Commit} vanished"), false);
        }
    }

    /// <summary>
    /// <see cref="EnqueueAsync"/> for many submissions of one assignment in one transaction: the
    /// existing keys and each owner's pending jobs are read once, not once per submission.
    /// </summary>
    public async Task<IReadOnlyList<(GradingJob Job, bool Created)>> EnqueueAllAsync(string assignment,
        IReadOnlyList<Submission> submissions, CancellationToken cancellation, JobTier tier = JobTier.Full)
    {
        var owners = submissions.Select(s => s.Owner).Distinct().ToList();
        var known = (await db.Jobs.AsNoTracking().Where(j => j.Assignment == assignment && j.Tier == tier && owners.Contains(j.Owner))
                .ToListAsync(cancellation))
            .ToDictionary(j => (j.Owner, j.Commit));
        var pending = await db.Jobs.Where(j => owners.Contains(j.Owner) && Unfinished.Contains(j.State))
            .GroupBy(j => j.Owner).Select(g => new { Owner = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Owner, g => g.Count, cancellation);
        var now = time.GetUtcNow();
        var gpus = GpusOf(assignment, tier);
        var jobs = new List<(GradingJob Job, bool Created)>();
        foreach (var submission in submissions)
        {
            if (known.TryGetValue((submission.Owner, submission.Commit), out var existing))
            {
                jobs.Add((existing, false));
                continue;
            }

            var job = NewJob(submission, tier, pending.GetValueOrDefault(submission.Owner), gpus, now);
            pending[submission.Owner] = job.FairSequence + 1;
            known[(submission.Owner, submission.Commit)] = job;
            db.Jobs.Add(job);
            jobs.Add((job, true));
        }

        try
        {
            await db.SaveChangesAsync(cancellation);
            return jobs;
        }
        catch (DbUpdateException)
        {
            // Another process enqueued some of these meanwhile: one at a time, theirs stand.
            db.ChangeTracker.Clear();
            var one = new List<(GradingJob, bool)>();
            foreach (var submission in submissions)
            {
                one.Add(await EnqueueAsync(submission, cancellation, tier));
            }

            return one;
        }
    }

    /// <summary>
    /// Leases the next job in fair order that needs at most <paramref name="gpus"/> GPUs (the free ones of the
    /// worker's host) to <paramref name="worker"/>, or null when none is due.
    /// </summary>
    public async Task<JobLease?> ClaimAsync(string worker, int gpus, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellation);
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock is taken up front.
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ClaimStatement.For(database.Provider);
            Add(command, "worker", worker);
            Add(command, "now", now.ToUnixTimeMilliseconds());
            Add(command, "until", (now + options.Lease).ToUnixTimeMilliseconds());
            Add(command, "gpus", gpus);
            Add(command, "host", Environment.MachineName);
            JobLease? lease = null;
            await using (var reader = await command.ExecuteReaderAsync(cancellation))
            {
                if (await reader.ReadAsync(cancellation))
                {
                    lease = new JobLease(Guid.Parse(reader.GetString(0)), worker, Convert.ToInt32(reader.GetValue(1)));
                }
            }

            await transaction.CommitAsync(cancellation);
            return lease;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Extends the lease; false when it is no longer ours (the run should stop).</summary>
    public async Task<bool> HeartbeatAsync(JobLease lease, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var until = now + options.Lease;
        return await Owned(lease).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.LeaseUntil, until)
            .SetProperty(j => j.HeartbeatAt, now), cancellation) == 1;
    }

    /// <summary>
    /// Marks the job succeeded and records <paramref name="result"/>, both or neither (a failed smoke run also ends its
    /// commit's queued full runs unrun). False (nothing recorded) when the lease is gone: a second completion is ignored.
    /// A re-run's result goes where <see cref="RerunResults"/> puts it, so a job never has two results.
    /// </summary>
    public async Task<bool> CompleteAsync(JobLease lease, GradingResult result, CancellationToken cancellation) =>
        await FinishAsync(lease, JobState.Succeeded, null, result, cancellation);

    /// <summary>
    /// An infrastructure failure: the job waits with backoff and is retried, or, after the last attempt,
    /// fails with an <see cref="Verdict.InfrastructureFailure"/> result that never counts against the student.
    /// Returns the job's new state, or null when the lease was no longer ours.
    /// </summary>
    public async Task<JobState?> FailInfrastructureAsync(JobLease lease, string error, Func<Task<GradingResult>> finalResult,
        CancellationToken cancellation)
    {
        // A re-run job counts its retries from the re-run.
        var before = await db.Jobs.Where(j => j.Id == lease.JobId).Select(j => j.AttemptsBeforeRerun).SingleAsync(cancellation);
        if (lease.Attempt - before >= options.MaxAttempts)
        {
            return await FinishAsync(lease, JobState.Failed, error, await finalResult(), cancellation) ? JobState.Failed : null;
        }

        var next = time.GetUtcNow() + options.BackoffAfter(lease.Attempt);
        var updated = await Owned(lease).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, JobState.Retrying)
            .SetProperty(j => j.NextAttemptAt, next)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellation);
        return updated == 1 ? JobState.Retrying : null;
    }

    /// <summary>Records the GPUs the run holds, for <c>grader jobs</c>; false when the lease is no longer ours.</summary>
    public async Task<bool> RecordGpusAsync(JobLease lease, IReadOnlyList<string> devices, CancellationToken cancellation) =>
        await Owned(lease).ExecuteUpdateAsync(set => set.SetProperty(j => j.GpuDevices, string.Join(',', devices)), cancellation) == 1;

    /// <summary>Gives the job back untouched (graceful shutdown): it is due at once and this run does not count.</summary>
    public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellation) => GiveBackAsync(lease, JobState.Queued, _ => { }, cancellation);

    /// <summary>
    /// Gives back a job that needs more GPUs than the claiming worker's host has (its assignment's need grew in
    /// course.json since it was queued, or it was queued before needs were recorded): it is due at once with the
    /// need it has now and <paramref name="why"/> for <c>grader jobs</c>, and this run does not count, so only a
    /// host with enough GPUs claims it next.
    /// </summary>
    public Task<bool> DeferAsync(JobLease lease, int gpus, string why, CancellationToken cancellation) =>
        GiveBackAsync(lease, JobState.Queued, set => set.SetProperty(j => j.Gpus, gpus).SetProperty(j => j.LastError, why), cancellation);

    /// <summary>
    /// The course's set-up keeps the job from running: it waits as <see cref="JobState.Blocked"/> with
    /// <paramref name="why"/>, this run uncounted, until <see cref="BlockedJobs"/> finds the set-up complete.
    /// </summary>
    public Task<bool> BlockAsync(JobLease lease, string why, CancellationToken cancellation) =>
        GiveBackAsync(lease, JobState.Blocked, set => set.SetProperty(j => j.LastError, why), cancellation);

    /// <summary>
    /// Gives back a job whose run the cluster lost (node failure, preemption, cancellation outside Course): it is due
    /// at once with <paramref name="why"/> for <c>grader jobs</c>, and the lost run does not count against the student.
    /// </summary>
    public Task<bool> RequeueAsync(JobLease lease, string why, CancellationToken cancellation) =>
        GiveBackAsync(lease, JobState.Queued, set => set.SetProperty(j => j.LastError, why), cancellation);

    private async Task<bool> GiveBackAsync(JobLease lease, JobState state, Action<UpdateSettersBuilder<GradingJob>> alsoSet,
        CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        return await Owned(lease).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(j => j.State, state)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.NextAttemptAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null);
            alsoSet(set);
        }, cancellation) == 1;
    }

    private async Task<bool> FinishAsync(JobLease lease, JobState state, string? error, GradingResult result,
        CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        // Only a finished run of the student's code spends budget: never a failure of the grader, never a smoke run.
        var wallMs = state == JobState.Succeeded ? result.WallMs ?? 0 : 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var updated = await Owned(lease).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.DeviceMs, j => j.Tier == JobTier.Full ? wallMs * j.Gpus : 0L)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellation);
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellation);
            return false;
        }

        // Only a re-run job (grader jobs rerun) holds a lease while it has a result: the re-run's result replaces
        // an infrastructure failure, and waits in a rescore draft beside a published grade.
        if (await db.Results.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == lease.JobId, cancellation) is { } published)
        {
            await RerunResults.RecordAsync(db, published, result, now, cancellation);
        }
        else
        {
            db.Results.Add(result);
        }

        await db.SaveChangesAsync(cancellation);
        if (result.Tier == JobTier.Smoke && result.Verdict != Verdict.Graded)
        {
            // In the same transaction, so no worker can claim the commit's full run between the two.
            await SkipFullRunsAsync(result, now, cancellation);
        }

        await transaction.CommitAsync(cancellation);
        return true;
    }

    /// <summary>
    /// Ends the queued full runs of the commit whose failed smoke run is <paramref name="smoke"/>, without running them:
    /// a push that fails its smoke run does not spend a full run.
    /// </summary>
    private Task<int> SkipFullRunsAsync(GradingResult smoke, DateTimeOffset now, CancellationToken cancellation)
    {
        var why = $"not run: the smoke run of this commit failed ({VerdictWording.Words(smoke.Verdict)}); no GPU time was spent";
        return db.Jobs.Where(j => j.Assignment == smoke.Assignment && j.Owner == smoke.Owner && j.Commit == smoke.Commit && j.Tier == JobTier.Full
                && (j.State == JobState.Queued || j.State == JobState.Retrying))
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LastError, why), cancellation);
    }

    private int GpusOf(string assignment, JobTier tier) => TierRun.Limits(course.Assignment(assignment), tier).Gpus;

    private static GradingJob NewJob(Submission submission, JobTier tier, int fairSequence, int gpus, DateTimeOffset now) => new()
    {
        Tier = tier,
        Id = Guid.NewGuid(),
        SubmissionId = submission.Id,
        Assignment = submission.Assignment,
        Owner = submission.Owner,
        Commit = submission.Commit,
        FairSequence = fairSequence,
        Gpus = gpus,
        EnqueuedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The job row while <paramref name="lease"/> holds it; every transition of a run updates through this.</summary>
    public IQueryable<GradingJob> Owned(JobLease lease) => db.Jobs.Where(j =>
        j.Id == lease.JobId && j.State == JobState.Running && j.LeaseOwner == lease.Worker && j.Attempts == lease.Attempt);

    private Task<GradingJob?> FindAsync(Submission submission, JobTier tier, CancellationToken cancellation) =>
        db.Jobs.AsNoTracking().SingleOrDefaultAsync(j =>
            j.Assignment == submission.Assignment && j.Owner == submission.Owner && j.Commit == submission.Commit && j.Tier == tier, cancellation);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
