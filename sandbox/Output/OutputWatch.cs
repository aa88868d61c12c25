namespace Course.Sandbox.Output;

/// <summary>
/// Watches a job's capped <c>/out</c> while it runs, so a job that fills it is stopped at once with a
/// verdict naming the output limit, instead of looping on failed writes until its time limit.
/// </summary>
internal static class OutputWatch
{
    /// <summary>How often the fill is read: one statfs call, cheap enough for ten a second.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Completes when the folder is full; for a folder without a cap, only by cancellation.</summary>
    public static async Task UntilFullAsync(JobFolder folder, TimeProvider time, CancellationToken cancellation)
    {
        if (!folder.Capped)
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (!folder.IsFull())
        {
            await timer.WaitForNextTickAsync(cancellation);
        }
    }
}
