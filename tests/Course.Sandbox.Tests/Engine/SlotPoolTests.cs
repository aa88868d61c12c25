using Course.Sandbox.Engine;

namespace Course.Sandbox.Tests.Engine;

public sealed class SlotPoolTests
{
    private static SlotPool<int> CreateSut() => new([0, 1]);

    [Fact]
    public async Task AcquireAsync_TwoJobs_GetDistinctCores()
    {
        var pool = CreateSut();

        using var first = await pool.AcquireAsync(1, CancellationToken.None);
        using var second = await pool.AcquireAsync(1, CancellationToken.None);

        Assert.NotEqual(first.Slots[0], second.Slots[0]);
    }

    [Fact]
    public async Task AcquireAsync_AllBusy_WaitsUntilReleased()
    {
        var pool = CreateSut();
        var both = await pool.AcquireAsync(2, CancellationToken.None);

        var waiting = pool.AcquireAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        both.Dispose();

        using var lease = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(lease.Slots);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndFreesNothing()
    {
        var pool = CreateSut();
        using var both = await pool.AcquireAsync(2, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pool.AcquireAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var pool = CreateSut();
        var lease = await pool.AcquireAsync(1, CancellationToken.None);
        using var other = await pool.AcquireAsync(1, CancellationToken.None);

        lease.Dispose();
        lease.Dispose();
        using var again = await pool.AcquireAsync(1, CancellationToken.None);

        Assert.False(pool.AcquireAsync(1, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AcquireAsync_MoreThanPool_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CreateSut().AcquireAsync(3, CancellationToken.None));
    }
}
