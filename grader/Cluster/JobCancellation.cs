using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Cluster;

/// <summary>
/// <c>grader jobs cancel ID</c>: the job becomes <see cref="JobState.Cancelled"/> (never claimed again, no result),
/// and its run stops: a Slurm job is cancelled with scancel; a local worker's run loses its lease at the next
/// heartbeat, which stops it.
/// </summary>
internal sealed class JobCancellation(GraderDbContext db, SlurmCli slurm, TimeProvider time)
{
    private static readonly JobState[] Cancellable = [JobState.Queued, JobState.Running, JobState.Retrying];

    /// <summary>Cancels the job whose id is or starts with <paramref name="id"/> (at least 8 characters); returns it as it was.</summary>
    public async Task<(GradingJob Job, string? ScancelError)> CancelAsync(string id, CancellationToken cancellation)
    {
        var prefix = id.Trim().ToLowerInvariant();
        if (prefix.Length < 8 || !prefix.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw new BadInputException($"ID: '{id}' is not a job id (at least its first 8 characters, as grader jobs shows them)");
        }

        var matches = (await db.Jobs.AsNoTracking().ToListAsync(cancellation))
            .Where(j => j.Id.ToString().StartsWith(prefix, StringComparison.Ordinal) || j.Id.ToString("N").StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var job = matches.Count switch
        {
            0 => throw new NotFoundException($"ID: no job '{id}'"),
            1 => matches[0],
            _ => throw new BadInputException($"ID: '{id}' names {matches.Count} jobs; give more of it"),
        };
        if (!Cancellable.Contains(job.State))
        {
            throw new BadInputException($"ID: job {job.Id} is already {job.State.ToString().ToLowerInvariant()}; only queued, running or retrying jobs can be cancelled");
        }

        var now = time.GetUtcNow();
        var updated = await db.Jobs.Where(j => j.Id == job.Id && j.State == job.State && j.Attempts == job.Attempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Cancelled)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LastError, "cancelled by staff")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellation);
        if (updated != 1)
        {
            throw new WorkFailedException($"job {job.Id} changed while it was being cancelled (it was {job.State.ToString().ToLowerInvariant()}); run the command again");
        }

        if (job.State != JobState.Running || job.SlurmJobId is not { } slurmJob)
        {
            return (job, null);
        }

        try
        {
            await slurm.RunAsync("scancel", [slurmJob], CancellationToken.None);
            return (job, null);
        }
        catch (InfrastructureException failure)
        {
            // The job is cancelled in the queue either way: its step can no longer record a result.
            return (job, failure.Message);
        }
    }
}
