/// <summary>
/// A discrete-event model of a deadline rush: each job arrives at its time, waits in one first-come-first-served
/// queue, and runs for its duration on the first of <c>workers</c> identical workers to become free (one job at a
/// time each, as a <c>grader worker</c> with one slot).
/// </summary>
internal static class RushModel
{
    /// <summary>One simulated rush at one worker count.</summary>
    public sealed record Outcome(int Workers, double JobsPerMinute, double P95WaitSeconds, double MeanWaitSeconds, double LastFinishMinutes);

    /// <summary>
    /// <paramref name="students"/> arrivals over <paramref name="window"/> with a density that rises linearly to the
    /// deadline (half of them in its last 29 %), each with a duration drawn from <paramref name="durations"/>.
    /// </summary>
    public static (double Arrival, double Duration)[] Rush(int students, TimeSpan window, IReadOnlyList<double> durations, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, students)
            .Select(_ => (Arrival: window.TotalSeconds * Math.Sqrt(random.NextDouble()), Duration: durations[random.Next(durations.Count)]))
            .OrderBy(job => job.Arrival)
            .ToArray();
    }

    public static Outcome Simulate((double Arrival, double Duration)[] jobs, int workers)
    {
        var free = new PriorityQueue<int, double>();
        for (var worker = 0; worker < workers; worker++)
        {
            free.Enqueue(worker, 0);
        }

        var waits = new double[jobs.Length];
        var lastFinish = 0.0;
        for (var i = 0; i < jobs.Length; i++)
        {
            free.TryDequeue(out var worker, out var freeAt);
            var start = Math.Max(jobs[i].Arrival, freeAt);
            var finish = start + jobs[i].Duration;
            waits[i] = start - jobs[i].Arrival;
            lastFinish = Math.Max(lastFinish, finish);
            free.Enqueue(worker, finish);
        }

        Array.Sort(waits);
        var span = lastFinish - jobs[0].Arrival;
        return new Outcome(workers, jobs.Length / span * 60, waits[(int)Math.Ceiling(0.95 * waits.Length) - 1], waits.Average(), lastFinish / 60);
    }

    /// <summary>
    /// The worker count after which more workers stop helping: the fewest whose 95th-percentile wait is within one
    /// median job duration of the most workers' (jobs then start about when they arrive; only arrivals limit throughput).
    /// </summary>
    public static int Knee(IReadOnlyList<Outcome> outcomes, double medianDuration)
    {
        var best = outcomes[^1].P95WaitSeconds;
        return outcomes.First(o => o.P95WaitSeconds - best <= medianDuration).Workers;
    }
}
