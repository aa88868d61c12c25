using System.Globalization;
using Course.Core.Errors;
using Course.Core.Retries;
using Course.Core.Settings;

namespace Course.Grader.Queue;

/// <summary>
/// Tuning of the durable queue, from configuration section <c>Queue</c> (environment
/// <c>Queue__LeaseSeconds</c>, <c>HeartbeatSeconds</c>, <c>MaxAttempts</c>, <c>BackoffSeconds</c>,
/// <c>BackoffMaxSeconds</c>, <c>PollSeconds</c>). Defaults: a 60 s lease renewed every 15 s, 5 attempts,
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

    /// <summary>Worker slots the course runs (<c>Queue__Workers</c>), for queue estimates; more are assumed while more hold jobs.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Delay before attempt <paramref name="attempts"/> + 1 after an infrastructure failure: base × 2^(attempts−1), capped.</summary>
    public TimeSpan BackoffAfter(int attempts) => RetryBackoff.Doubling(BackoffBase, BackoffMax, attempts);

    /// <summary>Reads section <c>Queue</c>; a value that is not a positive number, or a heartbeat not shorter than the lease, is bad input naming its key.</summary>
    public static QueueOptions From(IConfiguration configuration)
    {
        var section = new SettingsSection(configuration, "Queue");
        var defaults = new QueueOptions();
        var day = TimeSpan.FromDays(1);
        var options = new QueueOptions
        {
            Lease = section.Seconds("LeaseSeconds", defaults.Lease, day),
            Heartbeat = section.Seconds("HeartbeatSeconds", defaults.Heartbeat, day),
            MaxAttempts = section.Integer("MaxAttempts", defaults.MaxAttempts, 1, 100),
            BackoffBase = section.Seconds("BackoffSeconds", defaults.BackoffBase, day),
            BackoffMax = section.Seconds("BackoffMaxSeconds", defaults.BackoffMax, day),
            Poll = section.Seconds("PollSeconds", defaults.Poll, day),
            Workers = section.Integer("Workers", defaults.Workers, 1, 1000),
        };
        // A heartbeat at or past the lease lets another worker take a job that is still running.
        return options.Heartbeat < options.Lease
            ? options
            : throw new BadInputException(string.Create(CultureInfo.InvariantCulture,
                $"{section.NameOf("HeartbeatSeconds")}: {options.Heartbeat.TotalSeconds:0.###} s must be shorter than {section.NameOf("LeaseSeconds")} ({options.Lease.TotalSeconds:0.###} s)"));
    }
}
