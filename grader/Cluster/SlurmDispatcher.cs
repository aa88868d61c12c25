using System.Data.Common;
using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Core.Output;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Cluster;

/// <summary>
/// <c>grader worker</c> when the course's engine is Slurm: claims due jobs in the queue's fair order and submits
/// each as a Slurm job (<see cref="SlurmBatch"/>), keeps their leases while Slurm holds them, and reads what became
/// of them with squeue (scontrol for jobs squeue no longer lists). The step on the node records the result itself;
/// the dispatcher settles only what the step could not: a time limit Slurm enforced (the student's timeout
/// verdict), a step that died (an infrastructure failure, retried with backoff), and a lost run (node failure,
/// preemption, cancellation outside Course), which goes back to the queue without counting as an attempt.
/// </summary>
internal sealed class SlurmDispatcher(IServiceScopeFactory scopes, SlurmCli slurm, SlurmBatch batch, SlurmNodes nodes,
    ClusterOptions cluster, QueueOptions options, ICourseProvider course, TimeProvider time)
{
    /// <summary>Submissions per round, so that a rush of thousands still has its running jobs watched in between.</summary>
    private const int SubmitsPerRound = 50;

    /// <summary>This dispatcher's name in leases.</summary>
    public string Name { get; } = $"slurm:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Dispatches until <paramref name="stopping"/> fires; then jobs Slurm has not started yet are cancelled there and
    /// handed back to the queue, while running ones finish on their nodes and record themselves.
    /// </summary>
    public async Task RunAsync(Action<string> report, CancellationToken stopping)
    {
        await CheckPartitionAsync(stopping);
        Directory.CreateDirectory(batch.LogFolder);
        var advertised = DateTimeOffset.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() - advertised >= options.Heartbeat)
                {
                    await nodes.AdvertiseAsync(stopping);
                    advertised = time.GetUtcNow();
                }

                await SubmitAsync(report, stopping);
                await WatchAsync(report, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure) when (failure is InfrastructureException or DbException)
            {
                // slurmctld or the database briefly away: nothing was decided, the next round asks again.
                report($"dispatcher: {failure.Message}");
            }

            try
            {
                await Task.Delay(cluster.Poll, time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await HandBackWaitingAsync(report);
    }

    /// <summary>Refuses to start when Slurm does not answer or does not know <c>Slurm:Partition</c>.</summary>
    public async Task CheckPartitionAsync(CancellationToken cancellation)
    {
        string listed;
        try
        {
            listed = await slurm.RunAsync("sinfo", ["-h", "-o", "%R"], cancellation);
        }
        catch (InfrastructureException failure)
        {
            throw new WorkFailedException($"Queue:Engine is slurm, but Slurm does not answer on {Environment.MachineName}: {failure.Message}", failure);
        }

        var partitions = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!partitions.Contains(cluster.Partition))
        {
            throw new BadInputException($"Slurm:Partition: '{cluster.Partition}' is not a partition of this cluster (sinfo lists: {string.Join(", ", partitions)})");
        }
    }

    private async Task SubmitAsync(Action<string> report, CancellationToken stopping)
    {
        for (var round = 0; round < SubmitsPerRound && !stopping.IsCancellationRequested; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var queue = services.GetRequiredService<JobQueue>();
            // Slurm places GPU jobs on nodes with free GPUs: every job is the dispatcher's to submit.
            var lease = await queue.ClaimAsync(Name, int.MaxValue, stopping);
            if (lease is null)
            {
                return;
            }

            var job = await services.GetRequiredService<GraderDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == lease.JobId, CancellationToken.None);
            if (job.SlurmJobId is { } stale)
            {
                // Submitted by a dispatcher that died: its Slurm job must not run beside the new one.
                await CancelQuietlyAsync(stale);
            }

            try
            {
                var output = await slurm.RunAsync("sbatch", batch.Arguments(job, course.Assignment(job.Assignment).Limits), CancellationToken.None,
                    batch.Script(job));
                var id = output.Trim().Split(';')[0];
                await queue.Owned(lease).ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.SlurmJobId, id)
                    .SetProperty(j => j.SlurmNode, (string?)null)
                    .SetProperty(j => j.Host, (string?)null), CancellationToken.None);
                report($"job {job.Id} attempt {lease.Attempt}: submitted as Slurm job {id}");
            }
            catch (InfrastructureException failure)
            {
                await FailAsync(services, lease, job, $"sbatch refused it: {failure.Message}", report);
            }
        }
    }

    private async Task WatchAsync(Action<string> report, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GraderDbContext>();
        var now = time.GetUtcNow();
        var until = now + options.Lease;
        // One heartbeat for every lease this dispatcher holds, started or not.
        await db.Jobs.Where(j => j.LeaseOwner == Name && j.State == JobState.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.HeartbeatAt, now), stopping);
        var tracked = await db.Jobs.AsNoTracking().Where(j => j.LeaseOwner == Name && j.State == JobState.Running && j.SlurmJobId != null)
            .ToListAsync(stopping);
        if (tracked.Count == 0)
        {
            return;
        }

        var states = await ListAsync(stopping);
        foreach (var job in tracked)
        {
            var seen = states.TryGetValue(job.SlurmJobId!, out var listed) ? listed : await ShowAsync(job.SlurmJobId!, stopping);
            await SettleAsync(services, job, seen, report);
        }
    }

    private async Task SettleAsync(IServiceProvider services, GradingJob job, SlurmJobState? seen, Action<string> report)
    {
        var queue = services.GetRequiredService<JobQueue>();
        var lease = new JobLease(job.Id, Name, job.Attempts);
        var id = job.SlurmJobId!;
        var where = seen?.Node is { } node ? $" on node {node}" : "";
        switch (seen is null ? SlurmPhase.Lost : SlurmStates.Phase(seen.State))
        {
            case SlurmPhase.Waiting:
                return;
            case SlurmPhase.Running when seen!.Node is { } running && running != job.SlurmNode:
                await queue.Owned(lease).ExecuteUpdateAsync(set => set.SetProperty(j => j.SlurmNode, running), CancellationToken.None);
                return;
            case SlurmPhase.Running:
                return;
            case SlurmPhase.TimedOut:
                await TimedOutAsync(services, lease, job, seen!, report);
                return;
            case SlurmPhase.Lost:
                var why = $"Slurm job {id} {seen?.State ?? "is no longer known to Slurm"}{where}: run again, not counted";
                if (await queue.RequeueAsync(lease, why, CancellationToken.None))
                {
                    report($"job {job.Id} attempt {lease.Attempt}: {why}");
                }

                return;
            default:
                await FailAsync(services, lease, job,
                    $"Slurm job {id} ended {seen!.State}{where} without recording a result (its output: {Path.Combine(batch.LogFolder, $"{id}.out")})", report);
                return;
        }
    }

    /// <summary>
    /// Slurm stopped the run at its time limit before the step could end it itself (<see cref="SlurmStep"/> ends it,
    /// keeping what it logged, as the limit nears): the student's verdict, recorded once, charging the time the job
    /// held its GPUs by Slurm's start and end.
    /// </summary>
    private static async Task TimedOutAsync(IServiceProvider services, JobLease lease, GradingJob job, SlurmJobState seen, Action<string> report)
    {
        var submission = await services.GetRequiredService<GraderDbContext>().Submissions.AsNoTracking()
            .SingleAsync(s => s.Id == job.SubmissionId, CancellationToken.None);
        var ran = seen.Elapsed ?? TimeSpan.Zero;
        var problem = Markdown.Line($"The run was stopped at its Slurm time limit after {ran.TotalSeconds:0} s, before the grader on the node could stop it itself; nothing it logged could be kept.");
        var result = await services.GetRequiredService<SubmissionGrader>().UnrunAsync(job, submission, Verdict.TimedOut, CancellationToken.None,
            problem, ran);
        if (await services.GetRequiredService<JobQueue>().CompleteAsync(lease, result, CancellationToken.None))
        {
            report($"job {job.Id} attempt {lease.Attempt}: Slurm job {job.SlurmJobId} reached its time limit after {ran.TotalSeconds:0} s: timedout");
            await JobRunner.PublishAsync(services, submission, result, CancellationToken.None);
        }
    }

    private static async Task FailAsync(IServiceProvider services, JobLease lease, GradingJob job, string error, Action<string> report)
    {
        var submission = await services.GetRequiredService<GraderDbContext>().Submissions.AsNoTracking()
            .SingleAsync(s => s.Id == job.SubmissionId, CancellationToken.None);
        GradingResult? final = null;
        var state = await services.GetRequiredService<JobQueue>().FailInfrastructureAsync(lease, error,
            async () => final = await services.GetRequiredService<SubmissionGrader>().InfrastructureFailureAsync(job, submission, error, CancellationToken.None),
            CancellationToken.None);
        if (state is not null)
        {
            report($"job {job.Id} attempt {lease.Attempt}: {state.Value.ToString().ToLowerInvariant()}: {error}");
        }

        if (state == JobState.Failed && final is not null)
        {
            await JobRunner.PublishAsync(services, submission, final, CancellationToken.None);
        }
    }

    /// <summary>Jobs Slurm has not started yet go back to the queue, cancelled there first so they never start.</summary>
    private async Task HandBackWaitingAsync(Action<string> report)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var waiting = await scope.ServiceProvider.GetRequiredService<GraderDbContext>().Jobs.AsNoTracking()
            .Where(j => j.LeaseOwner == Name && j.State == JobState.Running && j.SlurmNode == null).ToListAsync(CancellationToken.None);
        var states = await ListAsync(CancellationToken.None);
        foreach (var job in waiting)
        {
            if (job.SlurmJobId is { } id && states.TryGetValue(id, out var seen) && SlurmStates.Phase(seen.State) != SlurmPhase.Waiting)
            {
                continue;
            }

            if (job.SlurmJobId is { } cancel)
            {
                await CancelQuietlyAsync(cancel);
            }

            if (await queue.ReleaseAsync(new JobLease(job.Id, Name, job.Attempts), CancellationToken.None))
            {
                report($"job {job.Id}: not started by Slurm yet, handed back to the queue");
            }
        }
    }

    /// <summary>This user's jobs in the partition, by Slurm job id, finished ones included while Slurm keeps them.</summary>
    private async Task<Dictionary<string, SlurmJobState>> ListAsync(CancellationToken cancellation)
    {
        var output = await slurm.RunAsync("squeue", ["--me", "-h", "-t", "all", "-p", cluster.Partition!, "-o", "%i|%T|%N|%S|%e"], cancellation);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(SlurmJobState.FromSqueue).OfType<(string Id, SlurmJobState State)>()
            .ToDictionary(listed => listed.Id, listed => listed.State);
    }

    /// <summary>One job squeue did not list, from scontrol; null when Slurm has forgotten it.</summary>
    private async Task<SlurmJobState?> ShowAsync(string id, CancellationToken cancellation)
    {
        try
        {
            return SlurmJobState.FromScontrol(await slurm.RunAsync("scontrol", ["show", "job", "-o", id], cancellation));
        }
        catch (InfrastructureException failure) when (failure.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    private async Task CancelQuietlyAsync(string id)
    {
        try
        {
            await slurm.RunAsync("scancel", [id], CancellationToken.None);
        }
        catch (InfrastructureException)
        {
            // Already gone: nothing left to stop.
        }
    }
}
