namespace Course.Core.Retries;

/// <summary>
/// The one backoff of the course: a wait that doubles with each failure in a row, up to a longest wait, so a
/// short outage costs little delay and a long one little load. <see cref="After"/> is the wait of durable
/// work (an e-mail, a commit status) when a server is down: 1, 2, 4 ... minutes, at most an hour.
/// </summary>
public static class RetryBackoff
{
    private static readonly TimeSpan FirstDurable = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestDurable = TimeSpan.FromHours(1);

    /// <summary>The wait of durable work after the <paramref name="failures"/>-th failure in a row (1 or more).</summary>
    public static TimeSpan After(int failures) => Doubling(FirstDurable, LongestDurable, failures);

    /// <summary>
    /// <paramref name="first"/> × 2^(<paramref name="failures"/> − 1), at most <paramref name="longest"/>; a count
    /// below 1 is taken as 1.
    /// </summary>
    public static TimeSpan Doubling(TimeSpan first, TimeSpan longest, int failures)
    {
        // Computed in doubles: a long first wait doubled many times would overflow a TimeSpan before the cap.
        var milliseconds = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 62));
        return milliseconds >= longest.TotalMilliseconds ? longest : TimeSpan.FromMilliseconds(milliseconds);
    }
}
