using Course.Grader.Grading;
using Course.Grader.Queue;

namespace Course.Grader.Tests.Support;

/// <summary>
/// Drives a bed's real queue (claims and completions through <see cref="JobQueue"/>) with simulated workers under its
/// fake clock: scheduled arrivals run at their time, each worker holding <c>gpus</c> free GPUs claims whenever it is
/// free, and a claimed job completes after <c>duration(job)</c> with that wall time. Records each run's start and finish.
/// </summary>
internal sealed class QueueSimulation(QueueTestBed bed, int workers, int gpus, Func<GradingJob, TimeSpan> duration)
{
    private readonly List<(DateTimeOffset At, int Order, Func<Task> Action)> _arrivals = [];

    public Dictionary<Guid, SimulatedRun> Runs { get; } = [];

    /// <summary>Schedules <paramref name="action"/> (a push, a submission) at <paramref name="at"/>; same-time actions run in the order given.</summary>
    public void At(DateTimeOffset at, Func<Task> action) => _arrivals.Add((at, _arrivals.Count, action));

    public async Task RunAsync()
    {
        var busy = new (JobLease Lease, GradingJob Job, DateTimeOffset Until)?[workers];
        while (true)
        {
            var now = bed.Clock.GetUtcNow();
            for (var w = 0; w < workers; w++)
            {
                if (busy[w] is { } run && run.Until <= now)
                {
                    var wall = (long)(run.Until - Runs[run.Job.Id].Start).TotalMilliseconds;
                    Assert.True(await bed.WithQueueAsync(queue => queue.CompleteAsync(run.Lease, bed.Result(run.Job, Verdict.Graded, wall), CancellationToken.None)));
                    Runs[run.Job.Id] = Runs[run.Job.Id] with { Finish = now };
                    busy[w] = null;
                }
            }

            foreach (var arrival in _arrivals.Where(a => a.At <= now).OrderBy(a => a.At).ThenBy(a => a.Order).ToList())
            {
                _arrivals.Remove(arrival);
                await arrival.Action();
            }

            for (var w = 0; w < workers; w++)
            {
                if (busy[w] is null && await bed.ClaimAsync($"w{w}", gpus) is { } lease)
                {
                    var job = await bed.JobAsync(lease.JobId);
                    Runs[job.Id] = new SimulatedRun(job, now, null);
                    busy[w] = (lease, job, now + duration(job));
                }
            }

            var next = busy.OfType<(JobLease, GradingJob, DateTimeOffset Until)>().Select(b => b.Until)
                .Concat(_arrivals.Select(a => a.At)).DefaultIfEmpty(DateTimeOffset.MinValue).Min();
            if (next == DateTimeOffset.MinValue)
            {
                return;
            }

            bed.Clock.Advance(next - now);
        }
    }
}

/// <summary>One simulated run: the job as claimed, when it started and when it finished (null while running).</summary>
internal sealed record SimulatedRun(GradingJob Job, DateTimeOffset Start, DateTimeOffset? Finish);
