using Course.Grader.Queue;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Queue;

/// <summary>
/// A deadline rush under a fake clock through the real queue: 50 students, two one-GPU workers, a 10 GPU-hour budget,
/// smoke runs on every push. One student pushes and submits ten commits at once before anyone else; the others push and
/// submit over the next minutes, some twice.
/// </summary>
public sealed class DeadlineRushTests
{
    [Fact]
    public async Task Rush_FiftyStudentsTwoWorkers_NobodyWaitsForAnothersTenthRunAndSmokeReportsFirst()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1, smoke: FairComputeTests.Smoke, gpuBudget: "10h", timeout: "10m",
            settings: new Dictionary<string, string> { ["Queue:LeaseSeconds"] = "3600", ["Queue:Workers"] = "2" });
        var random = new Random(11);
        var simulation = new QueueSimulation(bed, workers: 2, gpus: 1,
            job => job.Tier == JobTier.Smoke ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(180 + random.Next(120)));
        var t0 = bed.Clock.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            var commit = $"eager{i}";
            simulation.At(t0, () => PushAndSubmitAsync(bed, "s00", commit));
        }

        for (var s = 1; s < 50; s++)
        {
            var (owner, at) = ($"s{s:00}", t0 + TimeSpan.FromSeconds(10 * s));
            simulation.At(at, () => PushAndSubmitAsync(bed, owner, "first"));
            if (s % 5 == 0)
            {
                simulation.At(at + TimeSpan.FromMinutes(5), () => PushAndSubmitAsync(bed, owner, "second"));
            }
        }

        await simulation.RunAsync();

        var runs = simulation.Runs.Values.ToList();
        Assert.Equal(2 * (10 + 49 + 9), runs.Count);
        Assert.All(runs, r => Assert.NotNull(r.Finish));
        var full = runs.Where(r => r.Job.Tier == JobTier.Full).GroupBy(r => r.Job.Owner)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Start).ToList());
        foreach (var (owner, theirs) in full)
        {
            foreach (var (other, others) in full.Where(o => o.Key != owner && o.Value.Count >= 10))
            {
                Assert.True(theirs[0].Start <= others[9].Start || theirs[0].Job.EnqueuedAt > others[9].Start,
                    $"{owner}'s first full run started at {theirs[0].Start:HH:mm:ss}, after {other}'s tenth at {others[9].Start:HH:mm:ss}");
            }
        }

        foreach (var smoke in runs.Where(r => r.Job.Tier == JobTier.Smoke))
        {
            Assert.All(full[smoke.Job.Owner].Where(f => f.Start > smoke.Job.EnqueuedAt), f => Assert.True(f.Start >= smoke.Finish,
                $"{f.Job.Owner}'s full run of {f.Job.Commit} started at {f.Start:HH:mm:ss}, before the smoke run of {smoke.Job.Commit} reported at {smoke.Finish:HH:mm:ss}"));
        }

        var eager = await bed.WithAsync<ComputeBudget, BudgetStanding?>(b => b.StandingAsync(TestCourse.Assignment, "s00", CancellationToken.None));
        Assert.Equal(full["s00"].Sum(r => (r.Finish!.Value - r.Start).TotalMilliseconds), eager!.Used.TotalMilliseconds);
        Assert.Equal(TimeSpan.Zero, eager.Reserved);
    }

    private static async Task PushAndSubmitAsync(QueueTestBed bed, string owner, string commit)
    {
        await bed.SubmitAsync(owner, commit);
        await FairComputeTests.RequestAsync(bed, owner, commit, JobTier.Smoke);
        await FairComputeTests.RequestAsync(bed, owner, commit, JobTier.Full);
    }
}
