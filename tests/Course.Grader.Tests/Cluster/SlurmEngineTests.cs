using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Cluster;

/// <summary>
/// The Slurm engine against a real slurmctld and slurmd on this machine (scripts/slurm.sh): a job submitted through
/// Course runs as a Slurm job on the node and is recorded once, a job Slurm stops at its time limit gets the timeout
/// verdict, a node lost mid-run has its job run again without counting it, and cancelling in Course runs scancel.
/// </summary>
public sealed class SlurmEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private const string Result = "echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n";

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_JobSubmittedThroughCourse_RunsOnTheNodeAndIsRecordedOnce()
    {
        using var course = await SlurmCourseAsync("sleep 1; " + Result);
        using var dispatcher = GraderProcess.Start(course, "worker");
        var job = await GradedAsync(course, dispatcher);

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal((JobState.Succeeded, 1, Verdict.Graded, 2.0), (job.State, job.Attempts, result.Verdict, result.Score));
        Assert.NotNull(job.SlurmJobId);
        await SlurmCluster.WaitForStateAsync(job.SlurmJobId, "COMPLETED");
        Assert.Equal((SlurmCluster.Node, Environment.MachineName), (job.SlurmNode, job.Host));
        Assert.Equal((SlurmCluster.Partition, SlurmCluster.Node), (SlurmCluster.JobField(job.SlurmJobId, "Partition"), SlurmCluster.JobField(job.SlurmJobId, "NodeList")));
        // The assignment's limits: 1 CPU, 64 MiB for the container plus the step's 512 MiB, 30 s + 2 min in minutes.
        Assert.Contains("cpu=1,mem=576M", SlurmCluster.JobField(job.SlurmJobId, "TRES"));
        Assert.Equal("00:03:00", SlurmCluster.JobField(job.SlurmJobId, "TimeLimit"));

        // The step run again by hand, as a stray or replayed Slurm job would: it must neither run nor record.
        using var replay = GraderProcess.StartWith(course, new Dictionary<string, string> { ["SLURM_JOB_ID"] = job.SlurmJobId }, "worker", "--job", job.Id.ToString());
        Assert.Equal(0, await replay.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("nothing to run", replay.Output);
        Assert.Equal(1, await course.QueryAsync(db => db.Results.CountAsync()));

        var (exit, jobs, _) = await course.RunAsync("jobs");
        Assert.Equal(0, exit);
        Assert.Contains($"{job.SlurmJobId}@{SlurmCluster.Node}", jobs.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("│", "", StringComparison.Ordinal));
        var (hostsExit, hosts, _) = await course.RunAsync("hosts", "--json");
        Assert.Equal(0, hostsExit);
        Assert.Contains($"\"name\":\"{SlurmCluster.Node}\"", hosts.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("\"gpus\":2", hosts.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_GpuJob_GetsASlurmGpuAndGradesPinnedToIt()
    {
        using var course = await SlurmCourseAsync("echo \"$CUDA_VISIBLE_DEVICES\" > /out/gpu.txt; " + Result, gpus: 1);
        // No NVIDIA toolkit here: the sandbox hands the GPUs it was given to the container as CUDA_VISIBLE_DEVICES.
        var settings = new Dictionary<string, string> { ["Sandbox:GpuDevices"] = "fake", ["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases") };
        using var dispatcher = GraderProcess.StartWith(course, settings, "worker");
        var job = await GradedAsync(course, dispatcher);

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal((JobState.Succeeded, Verdict.Graded), (job.State, result.Verdict));
        Assert.Equal("gres:gpu:1", SlurmCluster.JobField(job.SlurmJobId!, "TresPerNode"));
        // The run held the one GPU Slurm allocated to its job, and nothing else.
        Assert.Contains(job.GpuDevices, new[] { "0", "1" });
        Assert.Equal(job.GpuDevices, (await File.ReadAllTextAsync(Path.Combine(await course.UnpackAsync(result.OutputsKey), "gpu.txt"))).Trim());
        Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_JobPastItsSlurmTimeLimit_GetsTheTimeoutVerdictOnce()
    {
        using var course = await SlurmCourseAsync("sleep 600\n", timeout: "5m");
        using var dispatcher = GraderProcess.Start(course, "worker");
        var running = await RunningAsync(course, dispatcher);
        // The operator shortens the limit to Slurm's least (one minute): Slurm, not the sandbox, stops the run.
        SlurmCluster.Control("update", $"jobid={running.SlurmJobId}", "TimeLimit=1");
        var job = await GradedAsync(course, dispatcher, TimeSpan.FromSeconds(200));

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal("TIMEOUT", SlurmCluster.JobField(job.SlurmJobId!, "JobState"));
        Assert.Equal((JobState.Succeeded, 1, Verdict.TimedOut), (job.State, job.Attempts, result.Verdict));
        Assert.Contains("stopped at the time limit", await course.StoredTextAsync(result.FeedbackKey));
        await Eventually.WaitAsync(async () => !await DockerEngine.IsRunningAsync($"job-{job.Id:N}-1"), TimeSpan.FromSeconds(60), () => dispatcher.Output);
        Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_NodeLostMidRun_RunsTheJobAgainUncountedAndRecordsItOnce()
    {
        using var course = await SlurmCourseAsync("sleep 10; " + Result);
        using var dispatcher = GraderProcess.Start(course, "worker");
        var node = SlurmCluster.Node;
        try
        {
            var first = await RunningAsync(course, dispatcher);
            await Eventually.WaitAsync(() => DockerEngine.IsRunningAsync($"job-{first.Id:N}-1"), Patience, () => dispatcher.Output);
            SlurmCluster.Control("update", $"nodename={node}", "state=down", "reason=course-test");
            await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync())).SlurmJobId != first.SlurmJobId,
                Patience, () => dispatcher.Output);
            Assert.Equal("NODE_FAIL", SlurmCluster.JobField(first.SlurmJobId!, "JobState"));
            await SlurmCluster.ResumeAsync();
            var job = await GradedAsync(course, dispatcher);

            var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
            Assert.Equal((JobState.Succeeded, 1, Verdict.Graded, 2.0), (job.State, job.Attempts, result.Verdict, result.Score));
            Assert.Contains($"Slurm job {first.SlurmJobId} NODE_FAIL", dispatcher.Output);
            await SlurmCluster.WaitForStateAsync(job.SlurmJobId!, "COMPLETED");
            Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await SlurmCluster.ResumeAsync();
        }
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task JobsCancel_RunningSlurmJob_RunsScancelAndNothingIsRecorded()
    {
        using var course = await SlurmCourseAsync("sleep 600\n", timeout: "5m");
        using var dispatcher = GraderProcess.Start(course, "worker");
        var running = await RunningAsync(course, dispatcher);
        await Eventually.WaitAsync(() => DockerEngine.IsRunningAsync($"job-{running.Id:N}-1"), Patience, () => dispatcher.Output);

        var (exit, output, error) = await course.RunAsync("jobs", "cancel", running.Id.ToString("N")[..8]);

        Assert.True(exit == 0, error);
        Assert.Contains($"Slurm job {running.SlurmJobId} cancelled", output);
        await SlurmCluster.WaitForStateAsync(running.SlurmJobId!, "CANCELLED");
        await Eventually.WaitAsync(async () => !await DockerEngine.IsRunningAsync($"job-{running.Id:N}-1"), TimeSpan.FromSeconds(60), () => dispatcher.Output);
        // Several dispatcher rounds later the job is still cancelled: not re-queued, not resubmitted, no result.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var job = await course.QueryAsync(db => db.Jobs.SingleAsync());
        Assert.Equal((JobState.Cancelled, running.SlurmJobId), (job.State, job.SlurmJobId));
        Assert.Equal(0, await course.QueryAsync(db => db.Results.CountAsync()));
        var (again, _, againError) = await course.RunAsync("jobs", "cancel", running.Id.ToString());
        Assert.Equal(2, again);
        Assert.Contains("already cancelled", againError);
        Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task Worker_SlurmEngineWithUnknownPartition_RefusesToStartNamingTheSetting()
    {
        using var course = await SlurmCourseAsync(Result);
        course.Settings["Slurm:Partition"] = "no-such-partition";

        var (exit, _, error) = await course.RunAsync("worker");

        Assert.Equal(2, exit);
        Assert.Contains("Slurm:Partition: 'no-such-partition' is not a partition of this cluster", error);
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task GradeWait_SlurmEngine_RefusesToGradeInItsOwnProcess()
    {
        using var course = await SlurmCourseAsync(Result);

        var (exit, _, error) = await course.RunAsync("grade", TestCourse.Assignment, "--wait");

        Assert.Equal(2, exit);
        Assert.Contains("--wait: Queue:Engine is slurm", error);
        Assert.Equal(0, await course.QueryAsync(db => db.Results.CountAsync()));
    }

    /// <summary>A course of one student whose push runs <paramref name="script"/>, fetched and queued, on the Slurm engine.</summary>
    private static async Task<TestCourse> SlurmCourseAsync(string script, string timeout = "30s", int gpus = 0)
    {
        var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", timeout: timeout, gpus: gpus, students: ["alice"]);
        course.UseFastQueue(leaseSeconds: 10);
        course.Settings["Queue:Engine"] = "slurm";
        course.Settings["Slurm:Partition"] = SlurmCluster.Partition;
        course.Settings["Slurm:PollSeconds"] = "0.5";
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        GitRepos.CreateBare(repos, "hw1-alice", new Dictionary<string, string> { ["run.sh"] = script });
        Assert.Equal(0, (await course.RunAsync("images", "build", "course-busybox")).Exit);
        Assert.Equal(0, (await course.RunAsync("fetch", TestCourse.Assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", TestCourse.Assignment)).Exit);
        return course;
    }

    private static async Task<GradingJob> RunningAsync(TestCourse course, GraderProcess dispatcher)
    {
        await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync())).SlurmNode is not null, Patience,
            () => dispatcher.Output);
        return await course.QueryAsync(db => db.Jobs.SingleAsync());
    }

    private static async Task<GradingJob> GradedAsync(TestCourse course, GraderProcess dispatcher, TimeSpan? patience = null)
    {
        await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync())).State is JobState.Succeeded or JobState.Failed,
            patience ?? Patience, () => dispatcher.Output);
        return await course.QueryAsync(db => db.Jobs.SingleAsync());
    }
}
