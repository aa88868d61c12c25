using Course.Sandbox.Running;
using Course.Sandbox.Tests.Support;

namespace Course.Sandbox.Tests.Corpus;

/// <summary>
/// The hostile corpus of docs/SECURITY.md: each case is a small "submission" (a busybox script) with
/// its expected verdict, and no container may be left behind.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class HostileCorpusTests(EngineFixture engine)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(2);

    private async Task<SandboxResult> RunAsync(string name, string script, SandboxLimits? limits = null,
        string? outputFolder = null)
    {
        var id = EngineFixture.NewJobId(name);
        var result = await engine.Sandbox.RunAsync(EngineFixture.Script(id, script, limits) with { OutputFolder = outputFolder });
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
        return result;
    }

    [Fact]
    public async Task ForkBomb_StoppedByPidLimit_ShellGivesUp()
    {
        var result = await RunAsync("forkbomb", "while :; do sleep 100 & done",
            EngineFixture.Quick with { Pids = 32, Timeout = TimeSpan.FromSeconds(20) });

        // The pid limit makes fork fail; the shell gives up and its 31 sleepers die with the container.
        Assert.Contains("can't fork", result.StderrTail);
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.False(result.ProcessLimitHit);
    }

    [Fact]
    public async Task ForkBombThatNeverGivesUp_IsStoppedOnceItHoldsThePidLimit_LongBeforeTheTimeLimit()
    {
        // Each inner shell forks sleepers until fork fails, then exits; the outer loop starts another at once.
        var result = await RunAsync("forkforever", """while :; do sh -c 'while :; do sleep 1000 & done' 2>/dev/null; done""",
            EngineFixture.Quick with { Pids = 16, Timeout = TimeSpan.FromMinutes(2) });

        Assert.True(result.ProcessLimitHit);
        Assert.False(result.TimedOut);
        Assert.Equal(137, result.ExitCode);
    }

    [Fact]
    public async Task DaemonOutlivingMain_DiesWithMain_NoTimeout()
    {
        var result = await RunAsync("daemon", "(sleep 1000 &); nohup sleep 1000 >/dev/null 2>&1 & echo started");

        Assert.Equal((0L, false), (result.ExitCode, result.TimedOut));
        Assert.True(result.WallMs < 5000, $"{result.WallMs} ms");
    }

    [Fact]
    public async Task MemoryBalloon_IsOomKilled()
    {
        var result = await RunAsync("balloon", "dd if=/dev/zero of=/dev/null bs=256M count=1",
            EngineFixture.Quick with { MemoryBytes = 32L << 20 });

        Assert.True(result.OomKilled);
        Assert.Equal(137, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task FillingTmp_StopsAtTmpfsSize()
    {
        var result = await RunAsync("filltmp", "dd if=/dev/zero of=/tmp/fill bs=1M count=64; du -k /tmp/fill",
            EngineFixture.Quick with { TmpBytes = 8L << 20, Output = new OutputLimits { MaxFileBytes = 1L << 30 } });

        Assert.Contains("No space left on device", result.StderrTail);
        Assert.Matches(@"^[0-9]{4}\s", result.StdoutTail); // about 8192 KiB, never 64 MiB
    }

    [Fact]
    public async Task HugeFile_StoppedAtFsizeLimit()
    {
        var result = await RunAsync("hugefile", "dd if=/dev/zero of=/out/huge bs=1M count=50",
            EngineFixture.Quick with { Output = new OutputLimits { MaxFileBytes = 1L << 20 } });

        Assert.NotEqual(0, result.ExitCode); // SIGXFSZ
        Assert.All(result.Outputs, output => Assert.True(output.Bytes <= 1L << 20));
    }

    [Fact]
    public async Task GigabytesToStdout_KeepsOnlyTheTail()
    {
        var result = await RunAsync("stdout", "yes 0123456789abcdef", EngineFixture.Quick with { Timeout = Short });

        Assert.True(result.TimedOut);
        Assert.InRange(result.StdoutTail.Length, 1000, 64 * 1024);
        Assert.Contains("\n0123456789abcdef\n0123456789abcdef\n", result.StdoutTail);
    }

    [Fact]
    public async Task IgnoresSigterm_IsKilledAtTimeout()
    {
        var result = await RunAsync("sigterm", "trap '' TERM INT; while :; do :; done", EngineFixture.Quick with { Timeout = Short });

        Assert.True(result.TimedOut);
        Assert.Equal(137, result.ExitCode);
        Assert.InRange(result.WallMs, 1900, 10_000);
    }

    [Fact]
    public async Task SigstopItself_IsKilledAtTimeout()
    {
        var result = await RunAsync("sigstop", "echo before; kill -STOP $$; echo after", EngineFixture.Quick with { Timeout = Short });

        Assert.True(result.TimedOut);
        Assert.Equal("before\n", result.StdoutTail);
    }

    [Fact]
    public async Task SocketOut_HasNoNetwork()
    {
        var result = await RunAsync("network",
            "wget -q -T 2 -O - http://1.1.1.1/ 2>&1; echo rc=$?; wget -q -T 2 -O - http://172.17.0.1:2375/ 2>&1; echo rc=$?; " +
            "nc -w 2 8.8.8.8 53 </dev/null 2>&1; echo rc=$?; cat /proc/net/route | wc -l");

        Assert.DoesNotContain("rc=0", result.StdoutTail);
        Assert.EndsWith("1\n", result.StdoutTail); // the routing table has its header line only
    }

    [Fact]
    public async Task ReadsEnvironment_FindsNoSecrets()
    {
        Environment.SetEnvironmentVariable("COURSE_TEST_SECRET", "hunter2");
        var result = await RunAsync("env", "env; cat /proc/1/environ 2>&1 | tr '\\0' '\\n'");

        Assert.DoesNotContain("hunter2", result.StdoutTail);
        Assert.DoesNotContain("COURSE_TEST_SECRET", result.StdoutTail);
        var names = result.StdoutTail.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains('=')).Select(line => line.Split('=')[0]).ToHashSet();
        Assert.Subset(new HashSet<string> { "PATH", "HOSTNAME", "HOME", "PWD", "SHLVL" }, names);
    }

    [Fact]
    public async Task LooksForDockerSocket_FindsNone()
    {
        var result = await RunAsync("socket",
            "ls /var/run/docker.sock /run/docker.sock 2>&1; find / -name 'docker.sock' 2>/dev/null; echo done");

        Assert.DoesNotContain("docker.sock\n/", result.StdoutTail);
        Assert.Contains("No such file", result.StdoutTail);
        Assert.EndsWith("done\n", result.StdoutTail);
    }

    [Fact]
    public async Task PredictionsSymlink_IsRejectedNotFollowed()
    {
        var folder = Path.Combine(engine.Options.WorkRoot, $"symlink-{Guid.NewGuid():N}");
        var result = await RunAsync("symlink",
            "ln -s /etc/shadow /out/predictions.csv; ln -s /data/hidden/labels.csv /out/labels.csv; ln -s / /out/root",
            outputFolder: folder);

        Assert.Empty(result.Outputs);
        Assert.Equal(["labels.csv", "predictions.csv", "root"], result.Rejected.Select(r => r.Path).Order());
        Assert.All(result.Rejected, r => Assert.Contains("symbolic link", r.Reason));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task PredictionsFifo_IsRejected()
    {
        var result = await RunAsync("fifo", "mkfifo /out/predictions.csv");

        Assert.Equal(("predictions.csv", "FIFO (named pipe)"), (result.Rejected.Single().Path, result.Rejected.Single().Reason));
    }

    [Fact]
    public async Task HardLink_IsRejectedAndCannotReachOutsideOut()
    {
        var result = await RunAsync("hardlink", "echo 1 > /out/a.csv; ln /out/a.csv /out/predictions.csv; ln /etc/passwd /out/passwd; echo rc=$?");

        Assert.Equal("a.csv", Assert.Single(result.Outputs).Path);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("predictions.csv", rejected.Path);
        Assert.Contains("hard link", rejected.Reason);
        Assert.Contains("rc=1", result.StdoutTail);
    }

    [Fact]
    public async Task WritesOwnScoreFile_IsJustAnOutput()
    {
        var result = await RunAsync("score", "echo '{\"score\": 100}' > /out/score.json; echo 'score: 100'");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(("score.json", 15L), (result.Outputs.Single().Path, result.Outputs.Single().Bytes));
    }

    [Fact]
    public async Task SleepsUntilTimeout_TimesOut()
    {
        var result = await RunAsync("sleep", "sleep 1000", EngineFixture.Quick with { Timeout = Short });

        Assert.Equal((137L, true, false), (result.ExitCode, result.TimedOut, result.OomKilled));
        Assert.InRange(result.WallMs, 1900, 10_000);
    }

    [Fact]
    public async Task HundredThousandFiles_StoppedAtTheFileLimitWhileRunning()
    {
        var result = await RunAsync("manyfiles", "cd /out && i=0; while [ $i -lt 100000 ]; do : > f$i; i=$((i+1)); done",
            EngineFixture.Quick with { Timeout = TimeSpan.FromSeconds(60), MemoryBytes = 256L << 20 });

        // /out holds at most 100 files and 64 other entries: the kernel refuses the next (the shell gives up on
        // the failed redirection, or is stopped while it tries).
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal((true, false), (result.OutputLimitHit, result.TimedOut));
        Assert.Equal(100, result.Outputs.Count);
        Assert.Equal(64, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Equal("over the limit of 100 files", r.Reason));
    }

    [Fact]
    public async Task TwoGigabytesInManyFiles_StoppedAtTheByteLimit_HostDiskUseStaysUnderTwiceTheCap()
    {
        const long cap = 64L << 20;
        var limits = EngineFixture.Quick with
        {
            Timeout = TimeSpan.FromSeconds(60),
            MemoryBytes = 512L << 20,
            Output = new OutputLimits { MaxFiles = 1000, MaxFileBytes = 8L << 20, MaxTotalBytes = cap },
        };
        var id = EngineFixture.NewJobId("out2g");
        using var sampling = new CancellationTokenSource();
        var largest = SampleJobFolderBytesAsync(id, sampling.Token);

        // 256 files of 8 MiB; a failed write does not stop the loop, as a careless or hostile job would not.
        var result = await engine.Sandbox.RunAsync(EngineFixture.Script(id,
            "i=0; while [ $i -lt 256 ]; do dd if=/dev/zero of=/out/f$i bs=1M count=8 2>/dev/null; i=$((i+1)); done; echo finished", limits));
        await sampling.CancelAsync();

        Assert.True(result.OutputLimitHit);
        Assert.False(result.TimedOut);
        Assert.DoesNotContain("finished", result.StdoutTail);
        Assert.True(result.Outputs.Sum(o => o.Bytes) <= cap);
        var peak = await largest;
        Assert.True(peak < 2 * cap, $"the job's folder held {peak:N0} bytes at its largest, cap {cap:N0}");
        Assert.Equal(0, await engine.ContainersLeftAsync(id));
        Assert.Empty(JobFolders(id));
    }

    [Fact]
    public async Task ProgramCopiedToOut_CannotBeRun()
    {
        var result = await RunAsync("outexec", "cp /bin/busybox /out/tool && /out/tool echo ran; echo rc=$?",
            EngineFixture.Quick with { Output = new OutputLimits { MaxFileBytes = 8L << 20, MaxTotalBytes = 16L << 20 } });

        Assert.DoesNotContain("ran\n", result.StdoutTail);
        Assert.Contains("rc=126", result.StdoutTail);
    }

    [Fact]
    public async Task FoldersTheJobLockedItself_AreRemovedAfterTheRun()
    {
        var id = EngineFixture.NewJobId("locked");
        var result = await engine.Sandbox.RunAsync(EngineFixture.Script(id,
            "mkdir -p /out/a/b && echo x > /out/a/b/f && chmod 000 /out/a/b && chmod 500 /out/a && chmod 500 /out && echo locked"));

        Assert.Equal("locked\n", result.StdoutTail);
        Assert.Empty(JobFolders(id));
    }

    /// <summary>The host folders of one job under the work root (their names start with the owner, then the job id).</summary>
    private string[] JobFolders(string jobId) => Directory.Exists(engine.Options.WorkRoot)
        ? Directory.GetDirectories(engine.Options.WorkRoot, $"*-{jobId}-*")
        : [];

    /// <summary>The most bytes the job's host folder held at any sample, every 20 ms until cancelled.</summary>
    private async Task<long> SampleJobFolderBytesAsync(string jobId, CancellationToken cancellation)
    {
        long largest = 0;
        while (!cancellation.IsCancellationRequested)
        {
            foreach (var folder in JobFolders(jobId))
            {
                largest = Math.Max(largest, FolderBytes(folder));
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return largest;
    }

    private static long FolderBytes(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Exists ? file.Length : 0);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return 0; // removed between listing and reading
        }
    }

    [Fact]
    public async Task OddFileNames_AreRejectedOthersKept()
    {
        var result = await RunAsync("names",
            "cd /out; : > \"$(printf 'a\\nb')\"; : > \"$(printf 'bad\\377name')\"; : > 'ok name.txt'; : > \"$(printf 'r\\303\\251sum\\303\\251')\"");

        Assert.Equal(["ok name.txt", "résumé"], result.Outputs.Select(o => o.Path).Order());
        Assert.Equal(2, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Contains("unsafe file name", r.Reason));
    }
}
