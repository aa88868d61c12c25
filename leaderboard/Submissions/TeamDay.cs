namespace Course.Leaderboard.Submissions;

/// <summary>
/// One team's day of a competition, as a row to lock: a submission takes it inside its
/// transaction before it counts the day's submissions, so two uploads of the same team at the same
/// moment are counted one after the other (PostgreSQL's row lock, SQLite's write lock) and
/// the daily limit holds under concurrency.
/// </summary>
internal sealed class TeamDay
{
    public required string Assignment { get; init; }

    public required string Team { get; init; }

    /// <summary>The day in the course's time zone, yyyy-MM-dd.</summary>
    public required string Day { get; init; }

    /// <summary>How many times the row was taken (the update that takes the lock).</summary>
    public int Claims { get; set; }
}
