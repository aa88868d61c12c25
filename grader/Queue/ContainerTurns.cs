namespace Course.Grader.Queue;

/// <summary>
/// A worker's turns to run a container: at most as many at once as its <c>--concurrency</c>. A slot takes a turn before
/// it claims a job and gives it back as soon as the job's container has ended, so another slot's claimed and unpacked job
/// starts while the first one's outputs are checked, stored and recorded.
/// </summary>
internal sealed class ContainerTurns(int concurrency) : IDisposable
{
    private readonly SemaphoreSlim _free = new(concurrency, concurrency);

    /// <summary>Waits for a free turn; the caller disposes it (or calls <see cref="ContainerTurn.End"/> earlier).</summary>
    public async Task<ContainerTurn> TakeAsync(CancellationToken cancellation)
    {
        await _free.WaitAsync(cancellation);
        return new ContainerTurn(_free);
    }

    public void Dispose() => _free.Dispose();
}

/// <summary>One held turn; ending it more than once gives it back once.</summary>
internal sealed class ContainerTurn(SemaphoreSlim free) : IDisposable
{
    private int _ended;

    public void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            free.Release();
        }
    }

    public void Dispose() => End();
}
