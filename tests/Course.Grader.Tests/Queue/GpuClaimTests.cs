using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.Queue;

/// <summary>GPU jobs in the queue: only a worker with enough free GPUs claims one, whatever the fair order says.</summary>
public sealed class GpuClaimTests
{
    [Fact]
    public async Task EnqueueAsync_AssignmentNeedsGpus_JobRecordsTheNeed()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 2);

        var (gpuJob, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var (cpuJob, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1", TestCourse.CpuTwin));

        Assert.Equal((2, 0), ((await bed.JobAsync(gpuJob.Id)).Gpus, (await bed.JobAsync(cpuJob.Id)).Gpus));
    }

    [Fact]
    public async Task ClaimAsync_GpuJobFirstInLineOnCpuOnlyWorker_TakesTheCpuJobBehindIt()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1);
        var (gpuJob, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        var (cpuJob, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a1", TestCourse.CpuTwin));

        var cpuClaim = await bed.ClaimAsync("cpu", gpus: 0);
        var nothingLeft = await bed.ClaimAsync("cpu", gpus: 0);
        var gpuClaim = await bed.ClaimAsync("gpu", gpus: 1);

        Assert.Equal(cpuJob.Id, cpuClaim!.JobId);
        Assert.Null(nothingLeft);
        Assert.Equal(gpuJob.Id, gpuClaim!.JobId);
        Assert.Equal(Environment.MachineName, (await bed.JobAsync(gpuJob.Id)).Host);
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLeaseOfGpuJob_NotReclaimedByCpuOnlyWorker()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1);
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        Assert.NotNull(await bed.ClaimAsync("killed", gpus: 1));
        bed.Clock.Advance(bed.Options.Lease + TimeSpan.FromSeconds(1));

        var byCpuWorker = await bed.ClaimAsync("cpu", gpus: 0);
        var byGpuWorker = await bed.ClaimAsync("gpu", gpus: 1);

        Assert.Null(byCpuWorker);
        Assert.Equal((job.Id, 2), (byGpuWorker!.JobId, byGpuWorker.Attempt));
    }

    [Fact]
    public async Task RunAsync_GpuJobQueuedBeforeNeedsWereRecorded_GivenBackForAGpuHost()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1);
        var (job, _) = await bed.EnqueueAsync(await bed.SubmitAsync("alice", "a0"));
        // A row from before the need was stored (or before course.json asked for a GPU) says 0.
        await bed.Course.QueryAsync(db => db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(set => set.SetProperty(j => j.Gpus, 0)));
        var lease = (await bed.ClaimAsync("cpu", gpus: 0))!;

        var outcome = await bed.Services.GetRequiredService<JobRunner>().RunAsync(lease, CancellationToken.None);

        var deferred = await bed.JobAsync(job.Id);
        Assert.Equal(RunOutcome.Deferred, outcome);
        Assert.Equal((JobState.Queued, 0, 1), (deferred.State, deferred.Attempts, deferred.Gpus));
        Assert.Contains($"needs 1 GPU(s) and host {Environment.MachineName} has 0", deferred.LastError);
        Assert.Null(await bed.ClaimAsync("cpu", gpus: 0));
        Assert.Equal(0, await bed.Course.CountAsync<Course.Grader.Grading.GradingResult>());
    }

    [Fact]
    public async Task Grade_WaitForGpuAssignmentOnCpuOnlyHost_RefusedBeforeQueueing()
    {
        await using var bed = await QueueTestBed.CreateAsync(gpus: 1);
        await bed.SubmitAsync("alice", "a0");

        var (exit, _, error) = await bed.Course.RunAsync("grade", TestCourse.Assignment, "--wait");

        Assert.Equal(2, exit);
        Assert.Contains("--wait: 'hw1' needs 1 GPU(s) per run and this host has 0", error);
        Assert.Equal(0, await bed.Course.CountAsync<GradingJob>());
    }
}
