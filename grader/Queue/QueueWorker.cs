using Course.Grader.Grading;

namespace Course.Grader.Queue;

/// <summary>
/// Claims and runs jobs with <c>concurrency</c> slots until stopped. Each slot claims one job at a
/// time, among those that need no more GPUs than this host has free at that moment; when none is
/// due it polls. Before each claim, blocked jobs whose course set-up is complete now are queued again. On stop,
/// running jobs are released back to the queue.
/// </summary>
internal sealed class QueueWorker(IServiceScopeFactory scopes, JobRunner runner, IGradingSandbox sandbox, QueueOptions options,
    TimeProvider time)
{
    /// <summary>This process's worker name in leases: host, process id and a random suffix.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Runs until <paramref name="stopping"/> fires, or, with <paramref name="untilIdle"/>, until
    /// <paramref name="untilIdle"/> says there is nothing left to wait for.
    /// </summary>
    public async Task RunAsync(int concurrency, Action<JobLease, RunOutcome>? onRun, Func<CancellationToken, Task<bool>>? untilIdle,
        CancellationToken stopping)
    {
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "concurrency must be at least 1");
        }

        var slots = Enumerable.Range(0, concurrency).Select(slot => SlotAsync($"{Name}/{slot}", onRun, untilIdle, stopping));
        await Task.WhenAll(slots);
    }

    private async Task SlotAsync(string worker, Action<JobLease, RunOutcome>? onRun,
        Func<CancellationToken, Task<bool>>? untilIdle, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            JobLease? lease;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BlockedJobs>().ReleaseReadyAsync(stopping);
                // Free GPUs, not all of them: a job is better claimed by a host that can start it now.
                lease = await scope.ServiceProvider.GetRequiredService<JobQueue>().ClaimAsync(worker, sandbox.FreeGpus(), stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (System.Data.Common.DbException)
            {
                // A busy or briefly unreachable database: nothing was claimed, try again after a poll.
                lease = null;
            }

            if (lease is null)
            {
                if (untilIdle is not null && await untilIdle(stopping))
                {
                    return;
                }

                try
                {
                    await Task.Delay(options.Poll, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var outcome = await runner.RunAsync(lease, stopping);
            onRun?.Invoke(lease, outcome);
        }
    }
}
