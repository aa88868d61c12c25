using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Queue;

/// <summary>
/// The queue estimate against what really happens: a queue replayed through the real claim statement by two simulated
/// workers under a fake clock, runs taking 50-70 s (mean 60 s, the mean of the runs before). Stated error: each job's
/// estimated start is within 10% of its real wait plus 15 s of its real start.
/// </summary>
public sealed class QueueEstimateTests
{
    [Fact]
    public async Task EstimateAsync_TwentyJobsTwoWorkers_StartsWithinStatedErrorOfSimulatedStarts()
    {
        await using var bed = await QueueTestBed.CreateAsync(settings: new Dictionary<string, string> { ["Queue:Workers"] = "2", ["Queue:LeaseSeconds"] = "3600" });
        await RunHistoryAsync(bed);
        var random = new Random(7);
        var durations = new Dictionary<Guid, TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync($"s{i:00}", $"c{i}"));
            durations[job.Id] = TimeSpan.FromSeconds(50 + (random.NextDouble() * 20));
            bed.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var start = bed.Clock.GetUtcNow();
        var places = await bed.WithAsync<QueueEstimate, IReadOnlyDictionary<Guid, QueuePlace>>(e => e.EstimateAsync(CancellationToken.None));
        var simulation = new QueueSimulation(bed, workers: 2, gpus: 0, job => durations[job.Id]);
        await simulation.RunAsync();

        Assert.Equal(20, places.Count);
        Assert.Equal(Enumerable.Range(1, 20), places.Values.Select(p => p.Position).Order());
        foreach (var (id, place) in places)
        {
            var real = simulation.Runs[id].Start;
            var allowed = ((real - start) * 0.1) + TimeSpan.FromSeconds(15);
            Assert.True((place.ExpectedStart - real).Duration() <= allowed,
                $"job #{place.Position}: estimated start {place.ExpectedStart:HH:mm:ss}, real {real:HH:mm:ss}, allowed error {allowed.TotalSeconds:0} s");
            Assert.Equal(place.ExpectedStart + TimeSpan.FromSeconds(60), place.ExpectedResult);
        }
    }

    [Fact]
    public async Task EstimateAsync_NoFinishedRuns_AssumesTheTimeLimit()
    {
        await using var bed = await QueueTestBed.CreateAsync(settings: new Dictionary<string, string> { ["Queue:Workers"] = "1", ["Queue:LeaseSeconds"] = "3600" });
        var (first, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1"));
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var (second, _) = await bed.EnqueueAsync(await bed.SubmitAsync("bob", "b1"));
        var now = bed.Clock.GetUtcNow();

        var places = await bed.WithAsync<QueueEstimate, IReadOnlyDictionary<Guid, QueuePlace>>(e => e.EstimateAsync(CancellationToken.None));

        Assert.Equal(new QueuePlace(1, now, now.AddSeconds(30)), places[first.Id]);
        Assert.Equal(new QueuePlace(2, now.AddSeconds(30), now.AddSeconds(60)), places[second.Id]);
    }

    [Fact]
    public async Task EstimateAsync_SlurmGivesNoEstimate_PendingSlurmJobWaitsFirstOnTheMeasuredEstimateAndSaysSo()
    {
        await using var bed = await QueueTestBed.CreateAsync(settings: new Dictionary<string, string>
        {
            ["Queue:Workers"] = "1", ["Queue:LeaseSeconds"] = "3600", ["Queue:Engine"] = "slurm", ["Slurm:Partition"] = "course",
        });
        var (pending, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1"));
        Assert.NotNull(await bed.ClaimAsync("slurm:dispatcher"));
        // Submitted as a Slurm job no slurmctld knows (or none answers): Slurm has no estimate to give.
        await bed.Course.QueryAsync(db => db.Jobs.Where(j => j.Id == pending.Id).ExecuteUpdateAsync(set => set.SetProperty(j => j.SlurmJobId, "999999999")));
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var (queued, _) = await bed.EnqueueAsync(await bed.SubmitAsync("bob", "b1"));
        var now = bed.Clock.GetUtcNow();

        var places = await bed.WithAsync<QueueEstimate, IReadOnlyDictionary<Guid, QueuePlace>>(e => e.EstimateAsync(CancellationToken.None));

        Assert.Equal(new QueuePlace(1, now, now.AddSeconds(30), EstimateSource.Measured), places[pending.Id]);
        Assert.Equal(new QueuePlace(2, now.AddSeconds(30), now.AddSeconds(60), EstimateSource.Measured), places[queued.Id]);
        Assert.EndsWith("(from recent run times)", QueueText.Describe(places[pending.Id], JobTier.Full));
    }

    /// <summary>Four finished runs of exactly 60 s: the history the estimate measures.</summary>
    private static async Task RunHistoryAsync(QueueTestBed bed)
    {
        for (var i = 0; i < 4; i++)
        {
            await bed.EnqueueAsync(await bed.SubmitAsync($"old{i}", $"o{i}"));
        }

        await new QueueSimulation(bed, workers: 1, gpus: 0, _ => TimeSpan.FromSeconds(60)).RunAsync();
    }
}
