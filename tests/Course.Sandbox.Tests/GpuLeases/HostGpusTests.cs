using System.Collections.Concurrent;
using System.Diagnostics;
using Course.Core.Errors;
using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Docker.DotNet;

namespace Course.Sandbox.Tests.GpuLeases;

/// <summary>
/// Host-wide GPU leases on real lock files. Two <see cref="HostGpus"/> on one folder open their lock files
/// separately, as two processes do, and flock(2) keeps them apart the same way.
/// </summary>
public sealed class HostGpusTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "course-gpu-lease-tests", Guid.NewGuid().ToString("N"));
    private readonly IDockerClient _noEngine = new DockerClientConfiguration(new Uri("unix:///nonexistent/docker.sock")).CreateClient();

    private HostGpus CreateSut(params string[] gpus) =>
        new(new SandboxOptions { Gpus = gpus, LeaseRoot = _root }, _noEngine, TimeProvider.System);

    [Fact]
    public async Task AcquireAsync_ManyJobsOfTwoPools_NeverHoldOneGpuTwiceAtOnce()
    {
        HostGpus[] pools = [CreateSut("GPU-a", "GPU-b"), CreateSut("GPU-a", "GPU-b")];
        var held = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var runs = 0;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var lease = await pools[i % 2].AcquireAsync(1, $"job-{i}", CancellationToken.None);
            var device = Assert.Single(lease.Devices);
            if (held.AddOrUpdate(device, 1, (_, count) => count + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Delay(30);
            held.AddOrUpdate(device, 0, (_, count) => count - 1);
            Interlocked.Increment(ref runs);
        })));

        Assert.Equal((12, 0), (runs, overlaps));
    }

    [Fact]
    public async Task AcquireAsync_AllHeldByAnother_WaitsUntilOneIsLetGo()
    {
        var other = CreateSut("GPU-a", "GPU-b");
        var first = await other.AcquireAsync(1, "first", CancellationToken.None);
        using var second = await other.AcquireAsync(1, "second", CancellationToken.None);

        var waiting = CreateSut("GPU-a", "GPU-b").AcquireAsync(1, "third", CancellationToken.None);
        await Task.Delay(300);
        var waitedWhileHeld = !waiting.IsCompleted;
        first.Dispose();
        using var third = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waitedWhileHeld);
        Assert.Equal(first.Devices, third.Devices);
    }

    [Fact]
    public async Task AcquireAsync_TwoAskedOneFree_WaitsHoldingNone()
    {
        var other = CreateSut("GPU-a", "GPU-b");
        var one = await other.AcquireAsync(1, "one", CancellationToken.None);
        var sut = CreateSut("GPU-a", "GPU-b");

        var both = sut.AcquireAsync(2, "both", CancellationToken.None);
        await Task.Delay(300);
        var freeWhileWaiting = sut.CountFree();
        one.Dispose();
        using var lease = await both.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, freeWhileWaiting);
        Assert.Equal(["GPU-a", "GPU-b"], lease.Devices.Order());
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndHoldsNothing()
    {
        var other = CreateSut("GPU-a");
        var held = await other.AcquireAsync(1, "holder", CancellationToken.None);
        var sut = CreateSut("GPU-a");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.AcquireAsync(1, "waiter", cancel.Token));
        held.Dispose();

        Assert.Equal(1, sut.CountFree());
    }

    [Fact]
    public async Task AcquireAsync_MoreThanTheHostHas_RefusedNamingBothCounts()
    {
        var failure = await Assert.ThrowsAsync<BadInputException>(() => CreateSut("GPU-a").AcquireAsync(2, "big", CancellationToken.None));

        Assert.Contains("gpus: 2 asked, this host has 1", failure.Message);
    }

    [Fact]
    public async Task AcquireAsync_HoldingProcessKilled_GpuFreedAtOnce()
    {
        var sut = CreateSut("GPU-a");
        Assert.Equal(1, sut.CountFree());
        // One process holds the lock: the shell locks the file through flock(1), then becomes sleep, keeping it.
        var file = Path.Combine(_root, GpuLockFile.FileName("GPU-a"));
        using var holder = Process.Start("sh", ["-c", $"exec 9>>'{file}' && flock --exclusive 9 && exec sleep 300"]);
        try
        {
            await WaitUntilAsync(() => sut.CountFree() == 0);
            holder.Kill();
            await holder.WaitForExitAsync();

            using var lease = await sut.AcquireAsync(1, "after", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal(["GPU-a"], lease.Devices);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }
        }
    }

    [Fact]
    public void CountFree_LeaseRootWritableByOthers_RefusedNamingTheSetting()
    {
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_111_111);

        var failure = Assert.Throws<BadInputException>(() => CreateSut("GPU-a").CountFree());

        Assert.Contains("Sandbox:LeaseRoot", failure.Message);
        Assert.Contains("mode 0777", failure.Message);
    }

    [Fact]
    public void CountFree_LeaseRootIsALink_Refused()
    {
        var target = Directory.CreateDirectory(_root + "-target");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_root)!);
            Directory.CreateSymbolicLink(_root, target.FullName);

            var failure = Assert.Throws<BadInputException>(() => CreateSut("GPU-a").CountFree());

            Assert.Contains("is not a folder", failure.Message);
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }

    [Fact]
    public void CountFree_NewLeaseRoot_CreatedForThisUserOnly()
    {
        CreateSut("GPU-a").CountFree();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_root));
        Assert.True(File.Exists(Path.Combine(_root, "GPU-a.lock")));
    }

    [Fact]
    public void CountFree_NoGpus_TouchesNoFolder()
    {
        Assert.Equal(0, CreateSut().CountFree());

        Assert.False(Directory.Exists(_root));
    }

    [Theory]
    [InlineData("GPU-8a1b", "GPU-8a1b.lock")]
    [InlineData("MIG-GPU-8a1b/1/0", "MIG-GPU-8a1b%2F1%2F0.lock")]
    [InlineData("..", "...lock")]
    public void FileName_AnyUuid_StaysInsideTheFolder(string device, string expected)
    {
        Assert.Equal(expected, GpuLockFile.FileName(device));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "the condition never held");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _noEngine.Dispose();
        if (new DirectoryInfo(_root).LinkTarget is not null)
        {
            File.Delete(_root);
        }
        else if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
