namespace Course.Core.Retries;

/// <summary>
/// How long durable work (an e-mail, a commit status) waits after failing again, when a server is down:
/// 1, 2, 4 ... minutes, at most an hour, so a short outage costs little delay and a long one little load.
/// </summary>
public static class RetryBackoff
{
    private const double MaxMinutes = 60;

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1 or more).</summary>
    public static TimeSpan After(int failures) =>
        TimeSpan.FromMinutes(Math.Min(MaxMinutes, Math.Pow(2, Math.Clamp(failures - 1, 0, 6))));
}
