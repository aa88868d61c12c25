using System.Text.Json;
using Course.Grader.Grading;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Cluster;

/// <summary>
/// The Slurm engine against a real slurmctld and slurmd on this machine (scripts/slurm.sh): a job submitted through
/// Course runs as a Slurm job on the node and is recorded once, a job pending in Slurm shows Slurm's start estimate, a
/// run whose Slurm time limit nears is stopped by its step keeping what it logged, one Slurm kills at its limit is charged
/// the GPU time Slurm measured, a node lost mid-run has its job run again without counting it, cancelling in Course runs
/// scancel, and <c>grader serve --workers N</c> dispatches to Slurm. One class, so that no two of them share the node's two
/// GPUs at once.
/// </summary>
public sealed class SlurmEngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private const string Result = "echo '{\"sum\": 42, \"items\": [1, 2, 3]}' > /out/result.json\n";

    /// <summary>Logs a metrics line and a line of output every second until it is stopped.</summary>
    private const string TrainsForever = "i=0; while true; do i=$((i+1)); echo \"{\\\"step\\\": $i, \\\"loss\\\": 0.5}\" >> /out/metrics.jsonl; echo \"training step $i\"; sleep 1; done\n";

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
        using var dispatcher = GraderProcess.StartWith(course, FakeGpus(course), "worker");
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
    public async Task Jobs_JobPendingInSlurm_ShowsSlurmsStartEstimateWithin15SecondsOfItsRealStart()
    {
        using var course = await SlurmCourseAsync("sleep 1; " + Result, gpus: 1);
        // Another job holds both GPUs for 55 s of its one-minute limit: Slurm expects the grading job to start when that limit ends.
        var blocker = SlurmCluster.Submit("--gres=gpu:2", "--time=1", "--mem=32M", "--cpus-per-task=1", "--wrap=sleep 55");
        try
        {
            await SlurmCluster.WaitForStateAsync(blocker, "RUNNING");
            using var dispatcher = GraderProcess.StartWith(course, FakeGpus(course), "worker");
            JsonElement place = default;
            await Eventually.WaitAsync(async () =>
            {
                var (exit, json, _) = await course.RunAsync("jobs", "--json");
                place = JsonSerializer.Deserialize<JsonElement>(json).EnumerateArray().Single().GetProperty("place");
                return exit == 0 && place.ValueKind == JsonValueKind.Object && place.GetProperty("source").GetString() == "slurm";
            }, Patience, () => dispatcher.Output);
            var expected = place.GetProperty("expectedStart").GetDateTimeOffset();
            var (_, table, _) = await course.RunAsync("jobs");
            Assert.Contains("Slurm's", table);
            var pending = await course.QueryAsync(db => db.Jobs.SingleAsync());
            Assert.Equal(SlurmCluster.JobTime(blocker, "StartTime").AddMinutes(1), expected);

            var running = await RunningAsync(course, dispatcher);

            // The estimate rests on the blocker's limit, and the blocker ends 5 s before it: the real start is about 5 s earlier.
            var started = SlurmCluster.JobTime(running.SlurmJobId!, "StartTime");
            Assert.Equal(pending.SlurmJobId, running.SlurmJobId);
            Assert.InRange((started - expected).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Equal(JobState.Succeeded, (await GradedAsync(course, dispatcher)).State);
            Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            SlurmCluster.Cancel(blocker);
        }
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_SlurmLimitShortenedMidRun_StepStopsTheRunKeepingWhatItLoggedAndChargesItsGpuTime()
    {
        using var course = await SlurmCourseAsync(TrainsForever, timeout: "5m", gpus: 1);
        // The step stops the run once less than 30 s of its Slurm job are left.
        course.Settings["Slurm:TimeMarginSeconds"] = "60";
        using var dispatcher = GraderProcess.StartWith(course, FakeGpus(course), "worker");
        var running = await RunningAsync(course, dispatcher);
        // The operator shortens the limit to Slurm's least (one minute), far below the assignment's five.
        SlurmCluster.Control("update", $"jobid={running.SlurmJobId}", "TimeLimit=1");
        var job = await GradedAsync(course, dispatcher, TimeSpan.FromSeconds(200));

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal((JobState.Succeeded, 1, Verdict.TimedOut), (job.State, job.Attempts, result.Verdict));
        // Ended by the step before Slurm had to: the run's container was stopped as at its own limit.
        await SlurmCluster.WaitForStateAsync(job.SlurmJobId!, "COMPLETED");
        var feedback = await course.StoredTextAsync(result.FeedbackKey);
        Assert.Contains("## Partial results", feedback);
        Assert.Contains("Last metrics logged: step ", feedback);
        Assert.Contains("training step", feedback);
        Assert.True((await course.StoredBytesAsync(result.TrainingCurveKey)).Length > 0, "the curve so far was drawn and stored");
        // Charged the device time it used: its wall time on its one GPU, no more than Slurm held the GPU.
        var held = SlurmCluster.JobTime(job.SlurmJobId!, "EndTime") - SlurmCluster.JobTime(job.SlurmJobId!, "StartTime");
        Assert.Equal(result.WallMs!.Value * 1, job.DeviceMs);
        Assert.InRange(job.DeviceMs, 10_000, (long)held.TotalMilliseconds + 1000);
        await Eventually.WaitAsync(async () => !await DockerEngine.IsRunningAsync($"job-{job.Id:N}-1"), TimeSpan.FromSeconds(60), () => dispatcher.Output);
        Assert.Equal(0, await dispatcher.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 300_000)]
    public async Task Dispatcher_JobKilledAtItsSlurmTimeLimit_GetsTheTimeoutVerdictOnceChargingSlurmsElapsedTimeTimesGpus()
    {
        using var course = await SlurmCourseAsync("sleep 600\n", timeout: "5m", gpus: 1);
        // The step leaves the end to Slurm, as a step that hangs would.
        course.Settings["Slurm:StopAheadSeconds"] = "0";
        using var dispatcher = GraderProcess.StartWith(course, FakeGpus(course), "worker");
        var running = await RunningAsync(course, dispatcher);
        // The operator shortens the limit to Slurm's least (one minute): Slurm, not the sandbox, stops the run.
        SlurmCluster.Control("update", $"jobid={running.SlurmJobId}", "TimeLimit=1");
        var job = await GradedAsync(course, dispatcher, TimeSpan.FromSeconds(200));

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal("TIMEOUT", SlurmCluster.JobField(job.SlurmJobId!, "JobState"));
        Assert.Equal((JobState.Succeeded, 1, Verdict.TimedOut), (job.State, job.Attempts, result.Verdict));
        Assert.Contains("stopped at its Slurm time limit after", await course.StoredTextAsync(result.FeedbackKey));
        // Charged what Slurm measured: from its start to its end, times the job's one GPU.
        var held = SlurmCluster.JobTime(job.SlurmJobId!, "EndTime") - SlurmCluster.JobTime(job.SlurmJobId!, "StartTime");
        Assert.True(held >= TimeSpan.FromSeconds(60), $"held {held}");
        Assert.Equal((long)held.TotalMilliseconds * 1, job.DeviceMs);
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

    [SlurmFact(Timeout = 300_000)]
    public async Task Serve_SlurmEngineWithWorkers_DispatchesToSlurmInsteadOfGradingInItsOwnProcess()
    {
        using var course = await SlurmCourseAsync("sleep 1; " + Result);
        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "2", "--mail-every", "off");
        var job = await GradedAsync(course, server);

        var result = Assert.Single(await course.QueryAsync(db => db.Results.ToListAsync()));
        Assert.Equal((JobState.Succeeded, 1, Verdict.Graded), (job.State, job.Attempts, result.Verdict));
        Assert.NotNull(job.SlurmJobId);
        await SlurmCluster.WaitForStateAsync(job.SlurmJobId, "COMPLETED");
        Assert.Equal(SlurmCluster.Node, job.SlurmNode);
        Assert.Contains("submitting jobs to Slurm partition course", server.Output);
        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [SlurmFact(Timeout = 120_000)]
    public async Task Serve_SlurmEngineWithUnknownPartition_RefusesToStartNamingTheSetting()
    {
        using var course = await SlurmCourseAsync(Result);
        course.Settings["Slurm:Partition"] = "no-such-partition";

        using var server = GraderProcess.Start(course, "serve", "--urls", "http://127.0.0.1:0", "--workers", "1", "--mail-every", "off");

        Assert.Equal(2, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Slurm:Partition: 'no-such-partition' is not a partition of this cluster", server.Output);
        Assert.Equal(0, await course.QueryAsync(db => db.Results.CountAsync()));
    }

    /// <summary>No NVIDIA toolkit here: the sandbox hands the GPUs it was given to the container as CUDA_VISIBLE_DEVICES.</summary>
    private static Dictionary<string, string> FakeGpus(TestCourse course) =>
        new() { ["Sandbox:GpuDevices"] = "fake", ["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases") };

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
