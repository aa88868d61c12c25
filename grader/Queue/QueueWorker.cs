using Course.Grader.Grading;

namespace Course.Grader.Queue;

/// <summary>
/// Claims and runs jobs until stopped, at most <c>concurrency</c> containers at once. Each slot takes a container turn
/// (<see cref="ContainerTurns"/>), then claims one job, among those that need no more GPUs than this host has free at that
/// moment; when none is due it polls. The turn ends with the job's container, and the slot checks, stores and records
/// the run while another slot's job runs: there are twice as many slots as turns, so recording never keeps a container
/// waiting, and no job is claimed before a turn is free for it. Before each claim, blocked jobs whose course set-up is
/// complete now are queued again. On stop, running jobs are released back to the queue.
/// </summary>
internal sealed class QueueWorker(IServiceScopeFactory scopes, JobRunner runner, IGradingSandbox sandbox, QueueOptions options,
    TimeProvider time)
{
    /// <summary>This process's worker name in leases: host, process id and a random suffix.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Runs until <paramref name="stopping"/> fires, or, with <paramref name="untilIdle"/>, until
    /// <paramref name="untilIdle"/> says there is nothing left to wait for: then every slot stops waiting for a turn or a
    /// poll, and a slot still running a job finishes it first.
    /// </summary>
    public async Task RunAsync(int concurrency, Action<JobLease, RunOutcome>? onRun, Func<CancellationToken, Task<bool>>? untilIdle,
        CancellationToken stopping)
    {
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "concurrency must be at least 1");
        }

        using var turns = new ContainerTurns(concurrency);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var slots = Enumerable.Range(0, 2 * concurrency).Select(slot => SlotAsync($"{Name}/{slot}", turns, onRun, untilIdle, idle, stopping));
        await Task.WhenAll(slots);
    }

    /// <param name="idle">Cancelled once <paramref name="untilIdle"/> is satisfied (or on stop): it ends waits, never a running job.</param>
    private async Task SlotAsync(string worker, ContainerTurns turns, Action<JobLease, RunOutcome>? onRun,
        Func<CancellationToken, Task<bool>>? untilIdle, CancellationTokenSource idle, CancellationToken stopping)
    {
        while (!idle.IsCancellationRequested)
        {
            using var turn = await TakeAsync(turns, idle.Token);
            if (turn is null)
            {
                return;
            }

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
                turn.End();
                if (untilIdle is not null && await untilIdle(stopping))
                {
                    await idle.CancelAsync();
                    return;
                }

                try
                {
                    await Task.Delay(options.Poll, time, idle.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            var outcome = await runner.RunAsync(lease, stopping, containerEnded: turn.End);
            onRun?.Invoke(lease, outcome);
        }
    }

    /// <summary>A container turn, or null once idle or stopping.</summary>
    private static async Task<ContainerTurn?> TakeAsync(ContainerTurns turns, CancellationToken stopping)
    {
        try
        {
            return await turns.TakeAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
