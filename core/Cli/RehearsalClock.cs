namespace Course.Core.Cli;

/// <summary>
/// A server clock that starts at a chosen instant and runs from there: set <c>Clock__Now</c> to
/// rehearse a deadline (or replay the demo course) without waiting for the calendar.
/// </summary>
internal sealed class RehearsalClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly long _startedAt = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + real.GetElapsedTime(_startedAt);

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;
}
