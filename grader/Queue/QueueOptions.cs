using System.Globalization;

namespace Course.Grader.Queue;

/// <summary>
/// Tuning of the durable queue, from configuration section <c>Queue</c> (environment
/// <c>Queue__LeaseSeconds</c> etc.). Defaults: a 60 s lease renewed every 15 s, 5 attempts,
/// backoff 30 s doubling up to 30 min, polling every second when the queue is empty.
/// </summary>
public sealed record QueueOptions
{
    /// <summary>How long a claim holds without a heartbeat; a killed worker's job is reclaimed after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Runs started before a job is given up as an infrastructure failure.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before attempt <paramref name="attempts"/> + 1 after an infrastructure failure: base × 2^(attempts−1), capped.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(BackoffBase.TotalMilliseconds * factor);
        return delay > BackoffMax ? BackoffMax : delay;
    }

    public static QueueOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Queue");
        var defaults = new QueueOptions();
        return new QueueOptions
        {
            Lease = Seconds(section["LeaseSeconds"], defaults.Lease),
            Heartbeat = Seconds(section["HeartbeatSeconds"], defaults.Heartbeat),
            MaxAttempts = int.TryParse(section["MaxAttempts"], CultureInfo.InvariantCulture, out var max) && max > 0
                ? max : defaults.MaxAttempts,
            BackoffBase = Seconds(section["BackoffSeconds"], defaults.BackoffBase),
            BackoffMax = Seconds(section["BackoffMaxSeconds"], defaults.BackoffMax),
            Poll = Seconds(section["PollSeconds"], defaults.Poll),
        };
    }

    private static TimeSpan Seconds(string? text, TimeSpan fallback) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : fallback;
}
