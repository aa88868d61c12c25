using Course.Assignments.Courses;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Queue;

/// <summary>What became of one claimed run.</summary>
internal enum RunOutcome
{
    Recorded,
    Retrying,
    Failed,
    /// <summary>The lease was lost or a result already existed: nothing was recorded by this run.</summary>
    Ignored,
    /// <summary>Shutdown: the job went back to the queue.</summary>
    Released,
    /// <summary>It needs more GPUs than this host has: back to the queue for a host that has them.</summary>
    Deferred,
    /// <summary>The course's set-up is incomplete: the job waits, uncounted, until it is complete.</summary>
    Blocked,
}

/// <summary>
/// Runs one claimed job: holds the GPUs its assignment needs (host-wide) and grades it on them while a
/// heartbeat keeps the lease, then records the result through the queue (once) and hands it to the
/// <see cref="IResultPublisher"/>s, or schedules a retry after an infrastructure failure, or blocks it while the
/// course's set-up is incomplete (no retry is spent on that).
/// </summary>
internal sealed class JobRunner(IServiceScopeFactory scopes, IGradingSandbox sandbox, ICourseProvider course, QueueOptions options,
    TimeProvider time)
{
    /// <summary>
    /// Runs the leased job. When <paramref name="stopping"/> fires the run stops; with <paramref name="handBackOnStop"/>
    /// the job goes back to the queue, without it the lease stays as it is, for its owner to decide (a Slurm step
    /// stopped by its cluster: the dispatcher reads why from Slurm). When <paramref name="timeUp"/> fires the run ends as at
    /// its time limit and is recorded so (its cluster's limit is near). <paramref name="containerEnded"/> is called once the
    /// job's container is gone, before its outputs are checked and recorded (the worker starts its next container then).
    /// </summary>
    public async Task<RunOutcome> RunAsync(JobLease lease, CancellationToken stopping, bool handBackOnStop = true, CancellationToken timeUp = default,
        Action? containerEnded = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GraderDbContext>();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == lease.JobId, CancellationToken.None);
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == job.SubmissionId, CancellationToken.None);
        // course.json as it is now: the need recorded when the job was queued may be out of date.
        var gpus = TierRun.Limits(course.Assignment(job.Assignment), job.Tier).Gpus;
        if (gpus > sandbox.Gpus.Count)
        {
            var why = $"needs {gpus} GPU(s) and host {Environment.MachineName} has {sandbox.Gpus.Count} ({sandbox.GpusSource}): "
                      + "waits for a worker on a host with enough GPUs";
            return await Queue(services).DeferAsync(lease, gpus, why, CancellationToken.None) ? RunOutcome.Deferred : RunOutcome.Ignored;
        }

        using var leaseLost = new CancellationTokenSource();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping, leaseLost.Token);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(lease, leaseLost, heartbeatStop.Token);
        try
        {
            var result = await GradeOnGpusAsync(services, lease, job, submission, gpus, timeUp, containerEnded, run.Token);
            await StopAsync(heartbeatStop, heartbeat);
            if (!await Queue(services).CompleteAsync(lease, result, CancellationToken.None))
            {
                return RunOutcome.Ignored;
            }

            await PublishAsync(services, submission, result, stopping);
            return RunOutcome.Recorded;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await StopAsync(heartbeatStop, heartbeat);
            return handBackOnStop && await Queue(services).ReleaseAsync(lease, CancellationToken.None) ? RunOutcome.Released : RunOutcome.Ignored;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            await StopAsync(heartbeatStop, heartbeat);
            return RunOutcome.Ignored;
        }
        catch (CourseSetupException incomplete)
        {
            await StopAsync(heartbeatStop, heartbeat);
            return await Queue(services).BlockAsync(lease, incomplete.Message, CancellationToken.None) ? RunOutcome.Blocked : RunOutcome.Ignored;
        }
        catch (InfrastructureException failure)
        {
            await StopAsync(heartbeatStop, heartbeat);
            var grader = services.GetRequiredService<SubmissionGrader>();
            GradingResult? final = null;
            var state = await Queue(services).FailInfrastructureAsync(lease, failure.Message,
                async () => final = await grader.InfrastructureFailureAsync(job, submission, failure.Message, CancellationToken.None),
                CancellationToken.None);
            if (state == JobState.Failed && final is not null)
            {
                await PublishAsync(services, submission, final, stopping);
            }

            return state switch
            {
                JobState.Retrying => RunOutcome.Retrying,
                JobState.Failed => RunOutcome.Failed,
                _ => RunOutcome.Ignored,
            };
        }
    }

    /// <summary>
    /// Grades while holding the job's GPUs, host-wide (it waits for free ones); the run is given exactly those,
    /// and they are recorded on the job. They are let go when grading has removed the container.
    /// </summary>
    private async Task<GradingResult> GradeOnGpusAsync(IServiceProvider services, JobLease lease, GradingJob job,
        Submission submission, int gpus, CancellationToken timeUp, Action? containerEnded, CancellationToken cancellation)
    {
        using var held = await sandbox.LeaseGpusAsync(gpus, $"job-{job.Id:N}-{lease.Attempt}", cancellation);
        if (held.Devices.Count > 0)
        {
            job.GpuDevices = string.Join(',', held.Devices);
            await Queue(services).RecordGpusAsync(lease, held.Devices, cancellation);
        }

        // The GPUs are free for the host's next job once the container is gone, while this one is checked and recorded.
        return await services.GetRequiredService<SubmissionGrader>().GradeAsync(job, submission, lease.Attempt, cancellation, timeUp,
            () =>
            {
                held.Dispose();
                containerEnded?.Invoke();
            });
    }

    private async Task HeartbeatAsync(JobLease lease, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(options.Heartbeat, time, stop);
                if (!await TryHeartbeatAsync(lease, stop))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended; nothing more to renew.
        }
    }

    private async Task<bool> TryHeartbeatAsync(JobLease lease, CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await Queue(scope.ServiceProvider).HeartbeatAsync(lease, stop);
        }
        catch (System.Data.Common.DbException)
        {
            // A busy or briefly unreachable database is not a lost lease; the next beat tries again.
            return true;
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        await stop.CancelAsync();
        await heartbeat;
    }

    /// <summary>Publishes a result once it is recorded; only the run that recorded it does, so it is shown once.</summary>
    public static async Task PublishAsync(IServiceProvider services, Submission submission, GradingResult result,
        CancellationToken cancellation)
    {
        foreach (var publisher in services.GetServices<IResultPublisher>())
        {
            await publisher.PublishAsync(submission, result, cancellation);
        }
    }

    private static JobQueue Queue(IServiceProvider services) => services.GetRequiredService<JobQueue>();
}
