using Course.Core.Errors;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Queue;

/// <summary>Smoke and full runs, GPU-time budgets and the claim order they make, against the real queue and database.</summary>
public sealed class FairComputeTests
{
    internal const string Smoke = """{ "command": ["sh", "/submission/smoke.sh"], "limits": { "memory": "64m", "timeout": "20s", "pids": 64, "tmp": "16m" } }""";

    [Fact]
    public async Task ClaimAsync_SubmittedBeforeSmokeReported_SmokeRunsFirstAndFullWaitsForIt()
    {
        await using var bed = await QueueTestBed.CreateAsync(smoke: Smoke);
        await bed.SubmitAsync("alice", "a1");
        var (full, created) = await RequestAsync(bed, "alice", "a1", JobTier.Full);

        var first = (await bed.ClaimAsync("w1"))!;
        var whileSmokeRuns = await bed.ClaimAsync("w2");
        var smoke = await bed.JobAsync(first.JobId);
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(first, bed.Result(smoke), CancellationToken.None)));
        var afterSmoke = await bed.ClaimAsync("w2");

        Assert.True(created);
        Assert.Equal(JobTier.Smoke, smoke.Tier);
        Assert.Null(whileSmokeRuns);
        Assert.Equal(full.Id, afterSmoke!.JobId);
    }

    [Fact]
    public async Task RequestAsync_SmokeRunFailed_RefusedAndNoFullRunSpent()
    {
        await using var bed = await QueueTestBed.CreateAsync(smoke: Smoke);
        await bed.SubmitAsync("alice", "a1");
        var (smoke, _) = await RequestAsync(bed, "alice", "a1", JobTier.Smoke);
        var lease = (await bed.ClaimAsync())!;
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(lease, bed.Result(smoke, Verdict.MissingOutput), CancellationToken.None)));

        var refused = await Assert.ThrowsAsync<BadInputException>(() => RequestAsync(bed, "alice", "a1", JobTier.Full));

        Assert.Contains("its smoke run failed (an expected output is missing)", refused.Message);
        Assert.Equal(1, await bed.Course.CountAsync<GradingJob>());
    }

    [Fact]
    public async Task RequestAsync_RunWouldPassBudget_RefusedWithNumbersUntilStaffGrantMore()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1, gpuBudget: "1h", timeout: "30m");
        foreach (var commit in new[] { "a1", "a2", "a3" })
        {
            await bed.SubmitAsync("alice", commit);
        }

        await RequestAsync(bed, "alice", "a1", JobTier.Full);
        await RequestAsync(bed, "alice", "a2", JobTier.Full);
        var refused = await Assert.ThrowsAsync<BadInputException>(() => RequestAsync(bed, "alice", "a3", JobTier.Full));
        var notStaff = await bed.Course.RunAsync("budgets", "grant", "hw1", "--student", "alice", "--gpu-hours", "0.5", "--by", "alice", "--reason", "asked");
        var granted = await bed.Course.RunAsync("budgets", "grant", "hw1", "--student", "alice", "--gpu-hours", "0.5", "--by", "prof",
            "--reason", "a run was lost to a cluster outage");
        var (_, created) = await RequestAsync(bed, "alice", "a3", JobTier.Full);
        var shown = await bed.Course.RunAsync("budgets", "show", "hw1");

        Assert.Equal("full run of hw1 for alice refused: it would pass the GPU budget. Used 0 of 1 GPU-hours (budget 1 + granted 0), "
                     + "1 reserved by queued runs, and this run may use up to 0.5 (its time limit × GPUs). Ask the staff for more (grader budgets grant).",
            refused.Message);
        Assert.Equal(2, notStaff.Exit);
        Assert.Contains("--by: 'alice' is not a staff member", notStaff.Error);
        Assert.True(granted.Exit == 0, granted.Error);
        Assert.Contains("granted 0.5 GPU-hours to alice on hw1 by prof; left 0.5", granted.Out);
        Assert.True(created);
        Assert.Contains("alice: used 0, reserved 1.5, budget 1 + granted 0.5 GPU-hours, left 0", shown.Out);
        var grant = await bed.Course.QueryAsync(db => Task.FromResult(db.BudgetGrants.Single()));
        Assert.Equal(("prof", "a run was lost to a cluster outage", 1800.0), (grant.Actor, grant.Reason, grant.GpuSeconds));
    }

    [Fact]
    public async Task CompleteAsync_FullSmokeAndGraderFailure_OnlyFinishedFullRunsUseGpuTime()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 2, smoke: Smoke, settings: new Dictionary<string, string> { ["Queue:MaxAttempts"] = "1" });
        await bed.SubmitAsync("alice", "a1");
        await bed.SubmitAsync("alice", "a2");
        var (smoke, _) = await RequestAsync(bed, "alice", "a1", JobTier.Smoke);
        var smokeLease = (await bed.ClaimAsync("w1", gpus: 2))!;
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(smokeLease, bed.Result(smoke, wallMs: 5_000), CancellationToken.None)));
        var (full, _) = await RequestAsync(bed, "alice", "a1", JobTier.Full);
        var fullLease = (await bed.ClaimAsync("w1", gpus: 2))!;
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(fullLease, bed.Result(full, wallMs: 90_000), CancellationToken.None)));
        await RequestAsync(bed, "alice", "a2", JobTier.Smoke);
        var secondSmoke = (await bed.ClaimAsync("w1", gpus: 2))!;
        var secondSmokeJob = await bed.JobAsync(secondSmoke.JobId);
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(secondSmoke, bed.Result(secondSmokeJob), CancellationToken.None)));
        var (broken, _) = await RequestAsync(bed, "alice", "a2", JobTier.Full);
        var brokenLease = (await bed.ClaimAsync("w1", gpus: 2))!;
        var state = await bed.WithQueueAsync(q => q.FailInfrastructureAsync(brokenLease, "engine down",
            () => Task.FromResult(bed.Result(broken, Verdict.InfrastructureFailure, wallMs: 60_000)), CancellationToken.None));

        Assert.Equal(JobState.Failed, state);
        Assert.Equal(0, (await bed.JobAsync(smoke.Id)).DeviceMs);
        Assert.Equal(180_000, (await bed.JobAsync(full.Id)).DeviceMs);
        Assert.Equal(0, (await bed.JobAsync(broken.Id)).DeviceMs);
    }

    [Fact]
    public async Task RequeueAsync_RunLostToNodeFailureThenFinished_OnlyTheFinishedRunUsesGpuTime()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 2);
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1"));
        var lost = (await bed.ClaimAsync("w1", gpus: 2))!;
        bed.Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.True(await bed.WithQueueAsync(q => q.RequeueAsync(lost, "node gpu-3 failed (NODE_FAIL)", CancellationToken.None)));
        var afterLoss = await bed.JobAsync(job.Id);
        var again = (await bed.ClaimAsync("w2", gpus: 2))!;
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(again, bed.Result(afterLoss, wallMs: 90_000), CancellationToken.None)));

        Assert.Equal((JobState.Queued, 0L, 0), (afterLoss.State, afterLoss.DeviceMs, afterLoss.Attempts));
        var finished = await bed.JobAsync(job.Id);
        Assert.Equal((JobState.Succeeded, 180_000L, 1), (finished.State, finished.DeviceMs, finished.Attempts));
    }

    [Fact]
    public async Task ClaimAsync_LongQueue_WhoeverUsedLeastGpuTimeFirst()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1);
        var (first, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1"));
        var lease = (await bed.ClaimAsync("w1", gpus: 1))!;
        Assert.True(await bed.WithQueueAsync(q => q.CompleteAsync(lease, bed.Result(first, wallMs: 600_000), CancellationToken.None)));
        await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a2"));
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var (bobs, _) = await bed.EnqueueAsync(await bed.SubmitAsync("bob", "b1"));

        var next = await bed.ClaimAsync("w1", gpus: 1);

        Assert.Equal(bobs.Id, next!.JobId);
    }

    internal static Task<(GradingJob Job, bool Created)> RequestAsync(QueueTestBed bed, string owner, string commit, JobTier tier) =>
        bed.WithAsync<GradeRequests, (GradingJob, bool)>(requests => requests.RequestAsync(TestCourse.Assignment, owner, commit, tier, CancellationToken.None));
}
