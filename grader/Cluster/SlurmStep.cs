using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Cluster;

/// <summary>
/// <c>grader worker --job ID</c>, the step of a Slurm job: runs that one job on this node with the same hardened
/// container runner as any worker (this node's Docker engine), under the lease its dispatcher holds, and records the
/// result through the database. It runs only as the Slurm job the queue submitted for the job's current attempt, so
/// a step of an earlier, lost attempt can neither run nor record. While it runs it reads its Slurm job's end (its time
/// limit, which an operator may shorten): once less than <c>Slurm:StopAheadSeconds</c> is left, it ends the run
/// as at its time limit, so the timed-out result keeps what the run logged and charges the GPU time it used. Stopped by
/// Slurm all the same (time limit, scancel), it leaves the lease to the dispatcher, which reads from Slurm why the run ended.
/// </summary>
internal sealed class SlurmStep(IServiceScopeFactory scopes, JobRunner runner, SlurmCli slurm, ClusterOptions cluster, TimeProvider time)
{
    /// <summary>How long the step waits for its dispatcher to store the Slurm job id (sbatch returns it after the job may have started).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>How often the step reads its Slurm job's end.</summary>
    private static readonly TimeSpan EndCheck = TimeSpan.FromSeconds(10);

    public async Task<(JobLease? Lease, RunOutcome Outcome, string Note)> RunAsync(Guid jobId, CancellationToken stopping)
    {
        var slurmJob = Environment.GetEnvironmentVariable("SLURM_JOB_ID")
            ?? throw new BadInputException("--job: runs only as the step of the Slurm job the queue submitted (SLURM_JOB_ID is not set); use grader worker without --job");
        var node = Environment.GetEnvironmentVariable("SLURMD_NODENAME") ?? Environment.MachineName;
        var waited = TimeSpan.Zero;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<GraderDbContext>().Jobs.AsNoTracking()
                .SingleOrDefaultAsync(j => j.Id == jobId, stopping) ?? throw new NotFoundException($"--job: no job {jobId}");
            if (job.State == JobState.Running && job.SlurmJobId is null && job.LeaseOwner is not null && waited < Patience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stopping);
                waited += TimeSpan.FromMilliseconds(500);
                continue;
            }

            if (job.State != JobState.Running || job.SlurmJobId != slurmJob || job.LeaseOwner is null)
            {
                return (null, RunOutcome.Ignored,
                    $"job {jobId} is {job.State.ToString().ToLowerInvariant()} as Slurm job {job.SlurmJobId ?? "none"}, not this Slurm job {slurmJob}: nothing to run");
            }

            var lease = new JobLease(job.Id, job.LeaseOwner, job.Attempts);
            await scope.ServiceProvider.GetRequiredService<JobQueue>().Owned(lease).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Host, Environment.MachineName)
                .SetProperty(j => j.SlurmNode, node), stopping);
            using var timeUp = new CancellationTokenSource();
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var watch = cluster.StopAhead > TimeSpan.Zero ? WatchEndAsync(slurmJob, timeUp, watching.Token) : Task.CompletedTask;
            RunOutcome outcome;
            try
            {
                outcome = await runner.RunAsync(lease, stopping, handBackOnStop: false, timeUp.Token);
            }
            finally
            {
                await watching.CancelAsync();
                await watch;
            }

            var cut = timeUp.IsCancellationRequested ? ", stopped as its Slurm time limit neared" : "";
            return (lease, outcome, $"Slurm job {slurmJob} on node {node}{cut}");
        }
    }

    /// <summary>Fires <paramref name="timeUp"/> once the Slurm job's end is less than the reserve away.</summary>
    private async Task WatchEndAsync(string slurmJob, CancellationTokenSource timeUp, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (await EndAsync(slurmJob, stop) is { } end && end - time.GetUtcNow() <= cluster.StopAhead)
                {
                    await timeUp.CancelAsync();
                    return;
                }

                await Task.Delay(EndCheck, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended first.
        }
    }

    /// <summary>When Slurm will stop the job; null when it names no end (no limit) or does not answer this time.</summary>
    private async Task<DateTimeOffset?> EndAsync(string slurmJob, CancellationToken stop)
    {
        try
        {
            return SlurmTime.Parse((await slurm.RunAsync("squeue", ["-h", "-j", slurmJob, "-o", "%e"], stop)).Trim());
        }
        catch (InfrastructureException)
        {
            // slurmctld briefly away: the next check asks again, and Slurm's own limit still holds.
            return null;
        }
    }
}
