using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Running;
using Course.Sandbox.Tests.Support;
using Docker.DotNet.Models;

namespace Course.Sandbox.Tests.Running;

[Collection(EngineCollection.Name)]
public sealed class DockerSandboxTests(EngineFixture engine)
{
    [Fact]
    public async Task RunAsync_WritesOutputs_CopiesThemWithHashesAndTails()
    {
        var id = EngineFixture.NewJobId("outputs");
        var folder = Path.Combine(engine.Options.WorkRoot, $"result-{id}");
        var job = EngineFixture.Script(id, "echo hello; echo oops >&2; mkdir /out/plots; printf 'id,label\\n1,3\\n' > /out/predictions.csv; echo x > /out/plots/a.txt; exit 3")
            with { OutputFolder = folder };

        var result = await engine.Sandbox.RunAsync(job);

        Assert.Equal((3L, false, false), (result.ExitCode, result.OomKilled, result.TimedOut));
        Assert.Equal("hello\n", result.StdoutTail);
        Assert.Equal("oops\n", result.StderrTail);
        Assert.Equal(["plots/a.txt", "predictions.csv"], result.Outputs.Select(o => o.Path).Order());
        Assert.Equal("id,label\n1,3\n", await File.ReadAllTextAsync(Path.Combine(folder, "predictions.csv")));
        Assert.Empty(result.Rejected);
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
    }

    [Fact]
    public async Task RunAsync_Hardening_IsVisibleFromInside()
    {
        var id = EngineFixture.NewJobId("inside");
        var script = "id -u; id -g; grep -E '^(CapEff|NoNewPrivs)' /proc/self/status; touch /etc/x 2>&1; touch /data/x 2>&1; " +
                     "cat /data/in.txt; cat /proc/net/dev | grep -c ':'; echo end";
        var data = Directory.CreateTempSubdirectory();
        File.SetUnixFileMode(data.FullName, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Path.Combine(data.FullName, "in.txt"), "input\n");
        try
        {
            var result = await engine.Sandbox.RunAsync(EngineFixture.Script(id, script) with
            {
                Mounts = [new SandboxMount(data.FullName, "/data")],
            });

            var lines = result.StdoutTail.Split('\n');
            Assert.Equal(["65534", "65534"], lines[..2]);
            Assert.Matches(@"CapEff:\s+0000000000000000", result.StdoutTail);
            Assert.Matches(@"NoNewPrivs:\s+1", result.StdoutTail);
            Assert.Contains("touch: /etc/x: Read-only file system", result.StdoutTail);
            Assert.True(result.StdoutTail.Contains("touch: /data/x: Read-only file system", StringComparison.Ordinal), result.StdoutTail);
            Assert.Contains("input", result.StdoutTail);
            Assert.Contains("1\nend", result.StdoutTail); // only the loopback interface
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_JobHolding48MiB_ReportsAPeakAboveItAndBelowTheLimit()
    {
        const long held = 48L << 20;
        var id = EngineFixture.NewJobId("peak");
        // dd fills a 48 MiB buffer, then blocks writing it to a pipe nobody reads: the memory stays
        // in use for the whole sleep, long enough for the stats samples of cgroup v1 and v2 alike.
        var job = EngineFixture.Script(id, "dd if=/dev/zero bs=48M count=1 2>/dev/null | sleep 4");

        var result = await engine.Sandbox.RunAsync(job);

        Assert.Equal((0L, false, false), (result.ExitCode, result.OomKilled, result.TimedOut));
        Assert.NotNull(result.PeakMemoryBytes);
        Assert.InRange(result.PeakMemoryBytes.Value, held, job.Limits.MemoryBytes - 1);
    }

    [Fact]
    public async Task RunAsync_TrivialJob_ReportsASmallPeakOrNoneAndStopsFollowingStats()
    {
        var id = EngineFixture.NewJobId("nopeak");
        var started = TimeProvider.System.GetTimestamp();

        var result = await engine.Sandbox.RunAsync(EngineFixture.Script(id, "true"));

        // Well before the first sample is due, or at most one of a shell: never a made-up 0.
        Assert.Equal(0L, result.ExitCode);
        Assert.True(result.PeakMemoryBytes is null or > 0 and < 16L << 20, $"{result.PeakMemoryBytes} bytes");
        // The stats stream keeps sending after the stop; the run must not wait for it to end.
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
    }

    [Fact]
    public async Task RunAsync_TimeUpBeforeTheLimit_EndsTimedOutKeepingLogsAndOutputs()
    {
        var id = EngineFixture.NewJobId("timeup");
        var folder = Path.Combine(engine.Options.WorkRoot, $"result-{id}");
        using var timeUp = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var limits = EngineFixture.Quick with { Timeout = TimeSpan.FromSeconds(120) };
        var job = EngineFixture.Script(id, "echo step1 > /out/log.txt; echo logged; sleep 60", limits) with { OutputFolder = folder, TimeUp = timeUp.Token };
        var started = TimeProvider.System.GetTimestamp();

        var result = await engine.Sandbox.RunAsync(job);

        Assert.True(result.TimedOut, "ended as at its time limit");
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "long before its own limit (120 s) or the end of its sleep");
        Assert.Equal("logged\n", result.StdoutTail);
        Assert.Equal("step1\n", await File.ReadAllTextAsync(Path.Combine(folder, "log.txt")));
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileFollowingStats_ThrowsPromptlyAndRemovesTheContainer()
    {
        var id = EngineFixture.NewJobId("cancel");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var started = TimeProvider.System.GetTimestamp();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => engine.Sandbox.RunAsync(EngineFixture.Script(id, "sleep 30"), cancel.Token));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(8));
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
    }

    [Fact]
    public async Task RunAsync_MissingImage_ThrowsUnavailableNamingTheFix()
    {
        var job = new SandboxJob("course-no-such-image", ["true"]) { JobId = EngineFixture.NewJobId("noimage") };

        var failure = await Assert.ThrowsAsync<SandboxUnavailableException>(() => engine.Sandbox.RunAsync(job));

        Assert.Contains("grader images build", failure.Message);
        Assert.Equal(1, failure.ExitCode);
    }

    [Fact]
    public async Task RunAsync_EngineDown_ThrowsUnavailable()
    {
        var options = engine.Options with { Engine = new Uri("unix:///nonexistent/docker.sock") };
        using var docker = new Docker.DotNet.DockerClientConfiguration(options.Engine).CreateClient();
        var sut = new DockerSandbox(docker, options, TimeProvider.System, new HostGpus(options, docker, TimeProvider.System));

        var failure = await Assert.ThrowsAsync<SandboxUnavailableException>(
            () => sut.RunAsync(EngineFixture.Script(EngineFixture.NewJobId("down"), "true")));

        Assert.Contains("not reachable", failure.Message);
    }

    [Fact]
    public async Task SweepAsync_LeftoverOfDeadProcess_IsRemovedAndLiveOnesKept()
    {
        var dead = await CreateLabelledAsync(new OwnerToken(OwnerToken.Current.Machine, int.MaxValue - 1, 1));
        var live = await CreateLabelledAsync(OwnerToken.Current);
        try
        {
            await new Sweeper(engine.Docker, engine.Options).SweepAsync(CancellationToken.None);

            Assert.Equal(0, await engine.ContainersLeftAsync(dead));
            Assert.Equal(1, await engine.ContainersLeftAsync(live));
        }
        finally
        {
            var left = await engine.Docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"course.job={live}"] = true } },
            });
            foreach (var container in left)
            {
                await engine.Docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
        }
    }

    [Fact]
    public async Task SweepAsync_TwoProcessesSweepTheSameLeftoversAtOnce_BothEndWithoutError()
    {
        var dead = new OwnerToken(OwnerToken.Current.Machine, int.MaxValue - 2, 1);
        var leftovers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            leftovers.Add(await CreateLabelledAsync(dead));
        }

        // Two workers starting together both find the same containers: one removes each, the other is told it is gone.
        var removed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => new Sweeper(engine.Docker, engine.Options).SweepAsync(CancellationToken.None)));

        foreach (var leftover in leftovers)
        {
            Assert.Equal(0, await engine.ContainersLeftAsync(leftover));
        }

        Assert.InRange(removed.Sum(), leftovers.Count, 2 * leftovers.Count);
    }

    [Fact]
    public async Task RunAsync_ParallelJobs_GetDistinctCores()
    {
        var jobs = Enumerable.Range(0, 2).Select(i =>
            EngineFixture.Script(EngineFixture.NewJobId($"cpuset{i}"), "grep Cpus_allowed_list /proc/self/status")).ToArray();

        var results = await Task.WhenAll(jobs.Select(job => engine.Sandbox.RunAsync(job)));

        Assert.Equal(2, results.Select(r => r.StdoutTail.Trim()).Distinct().Count());
    }

    private async Task<string> CreateLabelledAsync(OwnerToken owner)
    {
        var id = EngineFixture.NewJobId("sweep");
        await engine.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = EngineFixture.Image,
            Cmd = ["true"],
            Labels = new Dictionary<string, string> { ["course.sandbox"] = "1", ["course.job"] = id, ["course.owner"] = owner.Value },
        });
        return id;
    }
}
