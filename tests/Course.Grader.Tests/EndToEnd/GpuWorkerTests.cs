using System.Globalization;
using Course.Grader.Queue;
using Course.Grader.Tests.Support;
using Course.Sandbox.GpuLeases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Grader.Tests.EndToEnd;

/// <summary>
/// Real <c>grader worker</c> processes on one host with fake GPUs (<c>Sandbox:GpuDevices=fake</c>: the container
/// gets the leased UUIDs in CUDA_VISIBLE_DEVICES): no GPU is handed to two jobs at once across processes, a GPU job
/// waits for a GPU worker, and the GPU of a worker killed with SIGKILL is freed (its container removed first).
/// </summary>
public sealed class GpuWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private static readonly Dictionary<string, string> TwoGpus = new() { ["Sandbox:Gpus"] = "GPU-fake-0,GPU-fake-1" };

    private static readonly Dictionary<string, string> NoGpu = new() { ["Sandbox:Gpus"] = "none" };

    [Fact(Timeout = 300_000)]
    public async Task Workers_TwoProcessesTwoGpusManyJobs_NeverHandOneGpuToTwoJobsAtOnce()
    {
        string[] students = ["ann", "ben", "cat", "dan", "eve", "fay"];
        using var course = await GpuCourseAsync(students);
        var repos = Repos(course, TestCourse.Assignment, students, "sleep 2");
        // The first process runs one job at a time, so it can never hold both GPUs: the second always gets work, and
        // its two slots contend with the first for the same two GPUs.
        using var first = GraderProcess.StartWith(course, TwoGpus, "worker", "--concurrency", "1");
        using var second = GraderProcess.StartWith(course, TwoGpus, "worker", "--concurrency", "2");
        await Eventually.WaitAsync(() => Task.FromResult(first.Output.Contains("waiting for jobs") && second.Output.Contains("waiting for jobs")),
            Patience, () => first.Output + second.Output);
        await QueueAsync(course, TestCourse.Assignment, repos);
        await Eventually.WaitAsync(async () => await course.QueryAsync(db => db.Jobs.CountAsync(j => j.State != JobState.Succeeded && j.State != JobState.Failed)) == 0,
            Patience, () => first.Output + second.Output);
        await first.TerminateAsync(TimeSpan.FromSeconds(30));
        await second.TerminateAsync(TimeSpan.FromSeconds(30));

        var jobs = await course.QueryAsync(db => db.Jobs.ToListAsync());
        var runs = await RunsAsync(course, TestCourse.Assignment);
        var (exit, json, _) = await course.RunAsync("jobs", "--json");
        Assert.True(jobs.All(j => j.State == JobState.Succeeded), string.Join(", ", jobs.Select(j => $"{j.Owner}: {j.State} {j.LastError}")));
        Assert.Equal(students.Order(), runs.Select(r => r.Owner).Distinct().Order());
        foreach (var gpu in runs.GroupBy(r => r.Gpu))
        {
            var inOrder = gpu.OrderBy(r => r.Start).ToList();
            var overlapping = inOrder.Zip(inOrder.Skip(1)).Where(pair => pair.Second.Start < pair.First.End).ToList();
            Assert.True(overlapping.Count == 0, $"{gpu.Key} held twice: {string.Join("; ", overlapping)}");
        }

        Assert.Equal(["GPU-fake-0", "GPU-fake-1"], runs.Select(r => r.Gpu).Distinct().Order());
        Assert.All(jobs, j => Assert.Equal((Environment.MachineName, runs.Where(r => r.Owner == j.Owner).MaxBy(r => r.Start)!.Gpu), (j.Host, j.GpuDevices)));
        Assert.NotEmpty(Recorded(first.Lines));
        Assert.NotEmpty(Recorded(second.Lines));
        Assert.Equal(0, exit);
        Assert.Contains("\"gpuDevices\": \"GPU-fake-", json);
        Assert.Contains($"\"host\": \"{Environment.MachineName}\"", json);
    }

    [Fact(Timeout = 300_000)]
    public async Task GpuJob_OnlyCpuWorkerRuns_StaysQueuedUntilAGpuWorkerStarts()
    {
        using var course = await GpuCourseAsync(["ann"], cpuTwin: true);
        await QueueAsync(course, TestCourse.Assignment, Repos(course, TestCourse.Assignment, ["ann"], ""));
        await QueueAsync(course, TestCourse.CpuTwin, Repos(course, TestCourse.CpuTwin, ["ann"], ""));
        var gpuJob = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Assignment == TestCourse.Assignment));
        var cpuJob = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Assignment == TestCourse.CpuTwin));

        using var cpuWorker = GraderProcess.StartWith(course, NoGpu, "worker");
        await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == cpuJob.Id))).State == JobState.Succeeded,
            Patience, () => cpuWorker.Output);
        // Many more polls of the CPU worker, with nothing else left to claim.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var whileOnlyCpu = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == gpuJob.Id));
        using var gpuWorker = GraderProcess.StartWith(course, TwoGpus, "worker");
        await Eventually.WaitAsync(async () => (await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == gpuJob.Id))).State == JobState.Succeeded,
            Patience, () => cpuWorker.Output + gpuWorker.Output);
        await cpuWorker.TerminateAsync(TimeSpan.FromSeconds(30));
        await gpuWorker.TerminateAsync(TimeSpan.FromSeconds(30));

        var graded = await course.QueryAsync(db => db.Jobs.SingleAsync(j => j.Id == gpuJob.Id));
        Assert.True(gpuJob.FairSequence < cpuJob.FairSequence, "the GPU job was first in line");
        Assert.Equal((JobState.Queued, 0, null), (whileOnlyCpu.State, whileOnlyCpu.Attempts, whileOnlyCpu.Host));
        Assert.Contains("no GPU, waiting for jobs", cpuWorker.Output);
        Assert.DoesNotContain(gpuJob.Id.ToString(), cpuWorker.Output);
        Assert.Contains($"job {gpuJob.Id} attempt 1: recorded", gpuWorker.Output);
        Assert.Equal((1, "GPU-fake-0"), (graded.Attempts, graded.GpuDevices));
        Assert.Equal(["GPU-fake-0"], (await RunsAsync(course, TestCourse.Assignment)).Select(r => r.Gpu));
    }

    [Fact(Timeout = 300_000)]
    public async Task GpuWorker_KilledWithSigkill_ItsGpuIsFreedAndItsContainerRemovedBeforeReuse()
    {
        using var course = await GpuCourseAsync(["ann"], timeout: "5m");
        course.Settings["Sandbox:Gpus"] = "GPU-fake-0";
        await QueueAsync(course, TestCourse.Assignment, Repos(course, TestCourse.Assignment, ["ann"], "sleep 240"));
        var job = await course.QueryAsync(db => db.Jobs.SingleAsync());
        var label = $"job-{job.Id:N}-1";
        await using var services = course.Services();
        var gpus = services.GetRequiredService<IHostGpus>();
        try
        {
            bool heldByWorker;
            using (var doomed = GraderProcess.Start(course, "worker"))
            {
                await Eventually.WaitAsync(async () => await DockerEngine.IsRunningAsync(label)
                        && (await course.QueryAsync(db => db.Jobs.SingleAsync())).GpuDevices == "GPU-fake-0",
                    Patience, () => doomed.Output);
                heldByWorker = gpus.CountFree() == 0;
                doomed.KillHard();
            }

            var freeAfterKill = gpus.CountFree();
            using var lease = await gpus.AcquireAsync(1, "next-job", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(heldByWorker, "the worker's GPU looked free to another process");
            Assert.Equal(1, freeAfterKill);
            Assert.Equal(["GPU-fake-0"], lease.Devices);
            // The dead worker's container is removed by the next lease, or sooner by another process's sweeper (parallel
            // test projects start sandboxes all the time): either way it is gone before the GPU is handed out again.
            Assert.False(await DockerEngine.IsRunningAsync(label), "the GPU was handed out while the dead worker's job still ran on it");
        }
        finally
        {
            await DockerEngine.RemoveAsync(label);
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task Worker_NoGpuSetting_TakesTheGpusNvidiaSmiLists()
    {
        using var course = await GpuCourseAsync([]);
        var tools = Directory.CreateDirectory(Path.Combine(course.Directory, "tools")).FullName;
        var smi = Path.Combine(tools, "nvidia-smi");
        await File.WriteAllTextAsync(smi, "#!/bin/sh\n[ \"$*\" = '--query-gpu=uuid --format=csv,noheader' ] && printf 'GPU-smi-0\\nGPU-smi-1\\n'\n");
        File.SetUnixFileMode(smi, (UnixFileMode)0b111_101_101);
        var path = new Dictionary<string, string> { ["PATH"] = $"{tools}:{Environment.GetEnvironmentVariable("PATH")}" };

        using var worker = GraderProcess.StartWith(course, path, "worker");
        await Eventually.WaitAsync(() => Task.FromResult(worker.Output.Contains("waiting for jobs")), Patience, () => worker.Output);
        await worker.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("GPUs GPU-smi-0, GPU-smi-1 (found by nvidia-smi), waiting for jobs", worker.Output);
    }

    /// <summary>A course whose hw1 needs one GPU, with fake GPUs leased in a folder of its own.</summary>
    private static async Task<TestCourse> GpuCourseAsync(string[] students, bool cpuTwin = false, string timeout = "30s")
    {
        var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", timeout: timeout, gpus: 1, cpuTwin: cpuTwin, students: students);
        // A lease long enough that a worker waiting for a GPU (or stalled while starting up) keeps its job.
        course.UseFastQueue(leaseSeconds: 30);
        course.Settings["Sandbox:GpuDevices"] = "fake";
        course.Settings["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases");
        Assert.Equal(0, (await course.RunAsync("images", "build", "course-busybox")).Exit);
        return course;
    }

    /// <summary>
    /// One repository per student whose run.sh does <paramref name="work"/> between two readings of the host's
    /// uptime (containers share the kernel's clock) and writes them with its GPU to /out/gpu.txt.
    /// </summary>
    private static string Repos(TestCourse course, string assignment, string[] students, string work)
    {
        var repos = Path.Combine(course.Directory, "repos");
        Directory.CreateDirectory(repos);
        foreach (var student in students)
        {
            GitRepos.CreateBare(repos, $"{assignment}-{student}", new Dictionary<string, string>
            {
                ["run.sh"] = $$"""
                    read start _ < /proc/uptime
                    {{work}}
                    read end _ < /proc/uptime
                    echo "{{student}} $CUDA_VISIBLE_DEVICES $start $end" > /out/gpu.txt
                    echo '{"sum": 42, "items": [1, 2, 3]}' > /out/result.json

                    """,
            });
        }

        return repos;
    }

    private static async Task QueueAsync(TestCourse course, string assignment, string repos)
    {
        Assert.Equal(0, (await course.RunAsync("fetch", assignment, "--repos", repos)).Exit);
        Assert.Equal(0, (await course.RunAsync("grade", assignment)).Exit);
    }

    /// <summary>The /out/gpu.txt of every recorded run, from the outputs each result keeps in the store.</summary>
    private static async Task<List<GpuRun>> RunsAsync(TestCourse course, string assignment)
    {
        var runs = new List<GpuRun>();
        foreach (var key in await course.QueryAsync(db => db.Results.Where(r => r.Assignment == assignment).Select(r => r.OutputsKey).ToListAsync()))
        {
            var fields = (await File.ReadAllTextAsync(Path.Combine(await course.UnpackAsync(key), "gpu.txt"))).Split(' ', StringSplitOptions.TrimEntries);
            runs.Add(new GpuRun(fields[0], fields[1], double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture)));
        }

        return runs;
    }

    private static HashSet<string> Recorded(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("job ", StringComparison.Ordinal) && l.EndsWith(": recorded", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).ToHashSet();

    private sealed record GpuRun(string Owner, string Gpu, double Start, double End);
}
